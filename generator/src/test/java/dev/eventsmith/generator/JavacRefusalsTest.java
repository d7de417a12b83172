package dev.eventsmith.generator;

import static dev.eventsmith.generator.TestModels.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.generator.fuzz.StubImplementations;
import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.ModelSource;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.yaml.ModelReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each model the validator refuses for javac's sake, proven: the same YAML, read without the
 * validator and generated anyway, gives Java that javac refuses with the error the diagnostic
 * anticipates. (One case compiles, and says why it is refused all the same.)
 */
class JavacRefusalsTest {

  private static final String FILE = "shop.yaml";
  private static final String BASE = """
      eventmodel: 1
      name: Shop
      package: com.example.shop
      aggregates:
        Cart: { id: cartId }
      events:
        CartCreated: { fields: { cartId: uuid } }
        ItemAdded: { fields: { cartId: uuid, sku: string, quantity: int } }
      commands:
        AddItem:
          aggregate: Cart
          fields: { cartId: uuid, sku: string, quantity: int }
          emits: [ItemAdded]
      specs:
        AddItem:
          - name: adds
            given: [ { CartCreated: { cartId: $c } } ]
            when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }
            then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]
      """;

  @TempDir
  Path temp;

  private static String base(String target, String replacement) {
    assertTrue(BASE.contains(target), target);
    return BASE.replace(target, replacement);
  }

  /** The diagnostic of {@code code} the validator gives {@code yaml}; fails if there is none. */
  private static Diagnostic refused(String yaml, DiagnosticCode code) {
    LoadResult result = ModelLoader.load(List.of(new ModelSource(FILE, yaml)));
    return result.diagnostics().stream().filter(d -> d.code() == code).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code.id() + " for the model; got:\n" + result.format()));
  }

  /** The model as read, without the validator: what the generator would have been given before. */
  private static EventModel unvalidated(String yaml) {
    Diagnostics diagnostics = new Diagnostics();
    ModelReader reader = new ModelReader(diagnostics);
    reader.read(FILE, yaml);
    assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
    return reader.model().orElseThrow();
  }

  /** All code generated from {@code model}, with stub implementations so that the spec tests compile too. */
  private static List<GeneratedSource> generate(EventModel model) {
    Generator generator = new Generator(model, FILE);
    List<JavaFile> files = new ArrayList<>(generator.mainSources());
    files.addAll(StubImplementations.classes(model, generator.mainSources()));
    files.addAll(generator.testSources(StubImplementations.names(model)));
    return GeneratedSource.render(files);
  }

  private static Compilation compile(List<GeneratedSource> sources) {
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach(s -> files.add(JavaFileObjects.forSourceString(s.qualifiedName(), s.text())));
    return Compiler.javac().withOptions("--release", "17", "-proc:none").compile(files);
  }

  private static String errors(Compilation compilation) {
    return compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT)).distinct()
        .collect(Collectors.joining("\n"));
  }

  private static void javacRefuses(String yaml, String javacSays) {
    Compilation compilation = compile(generate(unvalidated(yaml)));
    assertEquals(Compilation.Status.FAILURE, compilation.status(), "javac accepted the code");
    assertContains(errors(compilation), javacSays);
  }

  @Test
  void theBaseModelIsValidAndCompiles() {
    assertTrue(ModelLoader.load(List.of(new ModelSource(FILE, BASE))).errors().isEmpty());
    assertEquals(Compilation.Status.SUCCESS, compile(generate(unvalidated(BASE))).status());
  }

  @Test
  void namesThatAreNotRefusedCompileEvenWhereGeneratedCodeUsesThemToo() {
    // S is the decider's type variable, c and e its pattern variables, source and symbols locals of spec tests.
    String yaml = BASE.replace("ItemAdded", "S").replace("quantity", "e").replace("sku", "source");
    assertTrue(ModelLoader.load(List.of(new ModelSource(FILE, yaml))).errors().isEmpty());
    Compilation compilation = compile(generate(unvalidated(yaml)));
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), () -> errors(compilation));
  }

  @Test
  void esm0214ARejectionNamedLikeAJavaLangType() {
    String yaml = base("    emits: [ItemAdded]\n", "    emits: [ItemAdded]\n    rejects: { IllegalArgumentException: {} }\n");
    refused(yaml, DiagnosticCode.JAVA_LANG_NAME);
    // The decider's dispatch throws IllegalArgumentException: now the rejection record, without a String constructor.
    javacRefuses(yaml, "IllegalArgumentException");
  }

  @Test
  void esm0213InvisibleCharactersMakeTwoNamesOne() {
    String yaml = base("  ItemAdded: {", "  Cart\u200BCreated: { fields: { cartId: uuid } }\n  ItemAdded: {");
    refused(yaml, DiagnosticCode.UNSAFE_NAME_CHARACTER);
    // javac drops the zero-width space: both records are CartCreated.
    javacRefuses(yaml, "CartCreated");
    String shy = base("  ItemAdded: {", "  Cart\u00ADCreated: { fields: { cartId: uuid } }\n  ItemAdded: {");
    refused(shy, DiagnosticCode.UNSAFE_NAME_CHARACTER);
    javacRefuses(shy, "CartCreated");
  }

  @Test
  void esm0213ALookAlikeCompilesButNoReaderCanTellTheTwoApart() {
    String yaml = base("  ItemAdded: {", "  Cart\u0421reated: { fields: { cartId: uuid } }\n  ItemAdded: {");
    assertContains(refused(yaml, DiagnosticCode.UNSAFE_NAME_CHARACTER).message(), "looks exactly like the event 'CartCreated'");
    assertEquals(Compilation.Status.SUCCESS, compile(generate(unvalidated(yaml))).status(),
        "javac tells the Cyrillic from the Latin letter; people do not, which is why the name is refused");
  }

  @Test
  void esm0215NamesThatDifferOnlyInCaseAreOneFileOnMacOsAndWindows() {
    String yaml = base("  ItemAdded: {", "  Cartcreated: { fields: { cartId: uuid } }\n  ItemAdded: {");
    refused(yaml, DiagnosticCode.NAMES_DIFFER_ONLY_IN_CASE);
    List<GeneratedSource> sources = generate(unvalidated(yaml));
    assertEquals(Compilation.Status.SUCCESS, compile(sources).status(), "Linux keeps both files");
    // A case-insensitive file system keeps the file written last under either name.
    Map<String, GeneratedSource> onDisk = new LinkedHashMap<>();
    sources.forEach(s -> onDisk.put(s.qualifiedName().toLowerCase(Locale.ROOT), s));
    assertEquals(sources.size() - 1, onDisk.size());
    Compilation compilation = compile(new ArrayList<>(onDisk.values()));
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertContains(errors(compilation), "cannot find symbol");
  }

  @Test
  void esm0216ANameTooLongForTheFileSystem() throws Exception {
    String name = "Item" + "Added".repeat(60);
    String yaml = base("  ItemAdded: {", "  " + name + ": { fields: { cartId: uuid } }\n  ItemAdded: {");
    refused(yaml, DiagnosticCode.NAME_TOO_LONG);
    // Class files are written to a real folder here: 304 bytes is over the 255 a file name may have.
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    List<JavaFileObject> files = new ArrayList<>();
    generate(unvalidated(yaml)).forEach(s -> files.add(JavaFileObjects.forSourceString(s.qualifiedName(), s.text())));
    boolean compiled;
    try (StandardJavaFileManager manager = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      compiled = javac.getTask(out, manager, null,
          List.of("--release", "17", "-proc:none", "-d", temp.toString(), "-cp", System.getProperty("java.class.path")),
          null, files).call();
    }
    assertFalse(compiled, "javac wrote the file");
    assertContains(out.toString(), "File name too long");
  }

  @Test
  void esm0217MoreFieldsThanAConstructorMayTake() {
    StringBuilder fields = new StringBuilder("cartId: uuid");
    for (int i = 0; i < 130; i++) {
      fields.append(", n").append(i).append(": long");
    }
    String yaml = base("  CartCreated: { fields: { cartId: uuid } }", "  CartCreated: { fields: { " + fields + " } }")
        .replace("given: [ { CartCreated: { cartId: $c } } ]", "given: []");
    refused(yaml, DiagnosticCode.TOO_MANY_MEMBERS);
    javacRefuses(yaml, "too many parameters");
  }

  @Test
  void esm0217MoreEnumConstantsThanOneMethodMayInitialize() {
    StringBuilder constants = new StringBuilder("C0");
    for (int i = 1; i < 6_000; i++) {
      constants.append(", C").append(i);
    }
    String yaml = base("aggregates:", "types:\n  Code: { enum: [" + constants + "] }\naggregates:");
    refused(yaml, DiagnosticCode.TOO_MANY_MEMBERS);
    javacRefuses(yaml, "code too large");
  }

  @Test
  void esm0218ATextTooLongForAStringConstant() {
    String yaml = base("when: { AddItem: { cartId: $c, sku: ABC,", "when: { AddItem: { cartId: $c, sku: " + "x".repeat(70_000) + ",");
    refused(yaml, DiagnosticCode.TEXT_TOO_LONG);
    javacRefuses(yaml, "constant string too long");
  }

  @Test
  void esm0314AMessageTooLargeForOneMethod() {
    String many = "[" + "a, ".repeat(9_999) + "a]";
    String yaml = base("  CartCreated: { fields: { cartId: uuid } }", "  CartCreated: { fields: { cartId: uuid, tags: list<string> } }")
        .replace("given: [ { CartCreated: { cartId: $c } } ]", "given: [ { CartCreated: { cartId: $c, tags: " + many + " } } ]");
    refused(yaml, DiagnosticCode.SPEC_MESSAGE_TOO_LARGE);
    javacRefuses(yaml, "code too large");
  }

  @Test
  void esm0315SpecsThatNeedMoreConstantsThanAClassHolds() {
    StringBuilder given = new StringBuilder();
    for (int message = 0; message < 40; message++) {
      given.append(message == 0 ? "" : ", ").append("{ CartCreated: { cartId: $c, tags: [");
      for (int i = 0; i < 900; i++) {
        given.append(i == 0 ? "" : ", ").append('t').append(message).append('x').append(i);
      }
      given.append("] } }");
    }
    String yaml = base("  CartCreated: { fields: { cartId: uuid } }", "  CartCreated: { fields: { cartId: uuid, tags: list<string> } }")
        .replace("given: [ { CartCreated: { cartId: $c } } ]", "given: [ " + given + " ]");
    refused(yaml, DiagnosticCode.SPECS_TOO_LARGE);
    javacRefuses(yaml, "too many constants");
  }
}
