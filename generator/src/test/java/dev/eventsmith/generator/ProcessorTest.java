package dev.eventsmith.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.eventsmith.generator.TestModels.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.eventsmith.generator.processor.EventsmithProcessor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The annotation processor, run by a real javac on the library model and hand-written code. */
class ProcessorTest {

  @TempDir
  Path temp;

  private static Compilation compile(Path modelDir, JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new EventsmithProcessor())
        .withOptions("-Aeventsmith.modelDir=" + modelDir.toAbsolutePath(), "--release", "17")
        .compile(sources);
  }

  private static JavaFileObject[] librarySources() {
    return new JavaFileObject[] {
      TestModels.librarySource("package-info"),
      TestModels.librarySource("Book"),
      TestModels.librarySource("Account"),
      TestModels.librarySource("ShelvesProjection"),
      TestModels.librarySource("ChargeLateFees"),
      TestModels.librarySource("ShelfOrder"),
      TestModels.librarySource("OrderShelfWhenFull"),
      TestModels.librarySource("LibrarySpecs")
    };
  }

  private static String errors(Compilation compilation) {
    return compilation.errors().stream().map(d -> d.getMessage(null)).collect(Collectors.joining("\n"));
  }

  @Test
  void modelAndHandWrittenCodeCompileWithTheGeneratedTests() {
    Compilation compilation = compile(TestModels.MODELS, librarySources());
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("com.example.library.BookDecider");
    assertThat(compilation).generatedSourceFile("com.example.library.LibraryCodec");
    assertThat(compilation).generatedSourceFile("com.example.library.LendBookSpecTest");
    assertThat(compilation).generatedSourceFile("com.example.library.ShelvesSpecTest");
  }

  @Test
  void theGeneratedSpecTestsPassAgainstTheHandWrittenCode() throws Exception {
    Compilation compilation = compile(TestModels.MODELS, librarySources());
    assertThat(compilation).succeeded();
    ClassLoader loader = new CompiledClassLoader(compilation);
    int run = 0;
    for (String test : List.of("RegisterBookSpecTest", "LendBookSpecTest", "ReturnBookSpecTest", "ShelvesSpecTest",
        "ChargeFeeSpecTest", "ChargeLateFeesSpecTest", "OrderShelfSpecTest", "OrderShelfWhenFullSpecTest")) {
      Class<?> type = loader.loadClass("com.example.library." + test);
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
          invoke(type, method);
          run++;
        }
      }
    }
    assertEquals(12, run, "one test per spec of library.yaml");
  }

  @Test
  void generatedRecordsEnforceConstraintsAndKeepOneFormPerValue() throws Exception {
    Compilation compilation = compile(TestModels.MODELS, librarySources());
    assertThat(compilation).succeeded();
    ClassLoader loader = new CompiledClassLoader(compilation);
    Class<?> fee = loader.loadClass("com.example.library.Fee");
    Class<?> charged = loader.loadClass("com.example.library.FeeCharged");
    var newFee = fee.getConstructor(java.math.BigDecimal.class);
    var newCharged = charged.getConstructor(java.util.UUID.class, fee, java.util.Optional.class, java.util.Optional.class);
    java.util.UUID member = java.util.UUID.randomUUID();
    // The field adds max 50 to the type's own max 1000: both apply.
    InvocationTargetException tooHigh = assertThrows(InvocationTargetException.class, () -> newCharged.newInstance(
        member, newFee.newInstance(new java.math.BigDecimal("60")), java.util.Optional.empty(), java.util.Optional.empty()));
    assertContains(tooHigh.getCause().getMessage(), "FeeCharged.fee must be at most 50");
    // A plain decimal keeps one form per amount, never scientific notation.
    Object hundred = newCharged.newInstance(member, newFee.newInstance(java.math.BigDecimal.ONE),
        java.util.Optional.empty(), java.util.Optional.of(new java.math.BigDecimal("100.00")));
    assertEquals(java.util.Optional.of(new java.math.BigDecimal("100")), charged.getMethod("rate").invoke(hundred));
    // Nested lists are copied, so the record never shares the caller's list.
    java.util.List<java.util.List<Integer>> history = new java.util.ArrayList<>();
    history.add(java.util.List.of(1, 2));
    Object withHistory = newCharged.newInstance(member, newFee.newInstance(java.math.BigDecimal.ONE),
        java.util.Optional.of(history), java.util.Optional.empty());
    history.clear();
    assertEquals(java.util.Optional.of(java.util.List.of(java.util.List.of(1, 2))),
        charged.getMethod("history").invoke(withHistory));
  }

  @Test
  void aChangedExpectationFailsWithTheSpecNameAndItsYamlLine() throws Exception {
    String yaml = TestModels.read(TestModels.MODELS.resolve(TestModels.LIBRARY));
    String expected = "then: [ { BookReturned: { isbn: \"9780134685991\", member: $ann, fee: 1.50,";
    String changed = yaml.replace(expected, "then: [ { BookReturned: { isbn: \"9780134685991\", member: $ann, fee: 2.50,");
    int specLine = TestModels.lineOf(changed, "- name: charges for late days");
    Compilation compilation = compile(TestModels.modelDir(temp, changed), librarySources());
    assertThat(compilation).succeeded();
    Class<?> test = new CompiledClassLoader(compilation).loadClass("com.example.library.ReturnBookSpecTest");
    Method method = test.getDeclaredMethod("chargesForLateDays");
    InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> invoke(test, method));
    AssertionFailedError failure = assertInstanceOf(AssertionFailedError.class, thrown.getCause());
    assertContains(failure.getMessage(), "charges for late days");
    assertContains(failure.getMessage(), "library/library.yaml:" + specLine);
    assertContains(failure.getMessage(), "2.50");
    assertContains(failure.getMessage(), "1.50");
  }

  @Test
  void specNamesCannotBreakOutOfTheGeneratedComments() {
    String yaml = TestModels.read(TestModels.MODELS.resolve(TestModels.LIBRARY))
        .replace("- name: charges for late days", "- name: \"charges */ late \\\\u002a/ days\"");
    Compilation compilation = compile(TestModels.modelDir(temp, yaml), librarySources());
    assertThat(compilation).succeeded();
  }

  @Test
  void anEventWithoutItsHandWrittenMethodFailsCompilationNamingTheMethod() {
    String book = TestModels.read(TestModels.SOURCES.resolve("library/Book.java"));
    int start = book.indexOf("  @Override\n  public State evolve(State state, BookReturned event)");
    int end = book.indexOf("  }\n", start) + 4;
    String withoutEvolve = book.substring(0, start) + book.substring(end);
    Compilation compilation = compile(TestModels.MODELS,
        TestModels.librarySource("package-info"),
        JavaFileObjects.forSourceString("com.example.library.Book", withoutEvolve),
        TestModels.librarySource("Account"),
        TestModels.librarySource("ShelvesProjection"),
        TestModels.librarySource("ChargeLateFees"),
        TestModels.librarySource("ShelfOrder"),
        TestModels.librarySource("OrderShelfWhenFull"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("does not override abstract method evolve");
    assertThat(compilation).hadErrorContaining("BookReturned");
  }

  @Test
  void aModelErrorIsReportedWithItsYamlPositionAndCode() {
    String yaml = TestModels.read(TestModels.MODELS.resolve(TestModels.LIBRARY))
        .replace("emits: [BookReturned]", "emits: [BookReturnd]");
    int line = TestModels.lineOf(yaml, "emits: [BookReturnd]");
    int column = yaml.lines().toList().get(line - 1).indexOf("BookReturnd") + 1;
    Compilation compilation = compile(TestModels.modelDir(temp, yaml), TestModels.librarySource("package-info"));
    assertThat(compilation).failed();
    String errors = errors(compilation);
    assertContains(errors, "library/library.yaml:" + line + ":" + column + ": error[ESM-0103]");
    assertContains(errors, "did you mean 'BookReturned'");
    assertTrue(compilation.errors().stream().allMatch(d -> d.getKind() == Diagnostic.Kind.ERROR));
  }

  @Test
  void aMissingImplementationIsReportedWithTheContractToImplement() {
    Compilation compilation = compile(TestModels.MODELS,
        TestModels.librarySource("package-info"),
        TestModels.librarySource("Account"),
        TestModels.librarySource("ShelvesProjection"),
        TestModels.librarySource("ChargeLateFees"),
        TestModels.librarySource("ShelfOrder"),
        TestModels.librarySource("OrderShelfWhenFull"),
        TestModels.librarySource("LibrarySpecs"));
    assertThat(compilation).failed();
    assertContains(errors(compilation), "no class in package com.example.library implements BookDecider");
  }

  @Test
  void aTestDoubleBesideTheTestsDoesNotHideTheRealImplementation() throws Exception {
    JavaFileObject[] all = librarySources();
    Compilation main = compile(TestModels.MODELS, java.util.Arrays.copyOf(all, all.length - 1));
    assertThat(main).succeeded();
    Path classes = java.nio.file.Files.createDirectories(temp.resolve("classes"));
    for (JavaFileObject file : main.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String name = file.getName().substring(file.getName().indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
        Path target = classes.resolve(name);
        java.nio.file.Files.createDirectories(target.getParent());
        try (java.io.InputStream in = file.openInputStream()) {
          java.nio.file.Files.write(target, in.readAllBytes());
        }
      }
    }
    JavaFileObject fake = JavaFileObjects.forSourceString("com.example.library.FakeAccount", String.join("\n",
        "package com.example.library;",
        "final class FakeAccount implements AccountDecider<Object> {",
        "  public Object initialState() { return null; }",
        "  public dev.eventsmith.runtime.Decision<ChargeFee.Emits, dev.eventsmith.runtime.NoRejection> decide(",
        "      ChargeFee command, Object state) { throw new UnsupportedOperationException(); }",
        "  public Object evolve(Object state, FeeCharged event) { return state; }",
        "}"));
    List<java.io.File> classpath = new java.util.ArrayList<>();
    classpath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    Compilation tests = Compiler.javac()
        .withProcessors(new EventsmithProcessor())
        .withOptions("-Aeventsmith.modelDir=" + TestModels.MODELS.toAbsolutePath(), "--release", "17")
        .withClasspath(classpath)
        .compile(all[all.length - 1], fake);
    assertThat(tests).succeeded();
    assertThat(tests).generatedSourceFile("com.example.library.ChargeFeeSpecTest").contentsAsUtf8String()
        .contains("new Account()");
  }

  @Test
  void aModelInAnotherPackageIsRefused() {
    JavaFileObject elsewhere = JavaFileObjects.forSourceString("com.example.other.package-info",
        "@dev.eventsmith.annotation.EventModel(\"library/library.yaml\")\npackage com.example.other;\n");
    Compilation compilation = compile(TestModels.MODELS, elsewhere);
    assertThat(compilation).failed();
    assertContains(errors(compilation), "declares package com.example.library, but @EventModel stands in package "
        + "com.example.other");
  }

  @Test
  void aMissingModelFileIsReportedNotThrown() {
    JavaFileObject missing = JavaFileObjects.forSourceString("com.example.library.package-info",
        "@dev.eventsmith.annotation.EventModel(\"library/libary.yaml\")\npackage com.example.library;\n");
    Compilation compilation = compile(TestModels.MODELS, missing);
    assertThat(compilation).failed();
    assertContains(errors(compilation), "error[ESM-0009]");
    assertContains(errors(compilation), "the event model 'library/libary.yaml' named by @EventModel does not exist"
        + " (did you mean 'library.yaml'?)");
  }

  private static void invoke(Class<?> type, Method method) throws Exception {
    CompiledClassLoader.invoke(type, method);
  }
}
