package dev.eventsmith.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.eventsmith.generator.TestModels.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.eventsmith.generator.processor.EventsmithProcessor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tutorial, done by the build: its YAML goes into the example's model, the compile
 * error and the model diagnostic it quotes must be what javac and Eventsmith really say, and its
 * Java makes the new spec pass. A README that drifts from the code fails here.
 */
class TutorialTest {

  private static final Path README = Path.of("../README.md");
  private static final Path EXAMPLE = Path.of("../examples/shopping-cart");

  @TempDir
  Path project;

  private static String tutorial() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("## Tutorial");
    return readme.substring(start, readme.indexOf("\n## ", start + 1));
  }

  /** The first fenced block whose opening fence names {@code language} ("" for a plain fence). */
  private static String block(String text, String language) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")) {
        int close = i + 1;
        while (!lines.get(close).startsWith("```")) {
          close++;
        }
        if (lines.get(i).substring(3).trim().equals(language)) {
          return String.join("\n", lines.subList(i + 1, close)) + "\n";
        }
        i = close;
      }
    }
    throw new AssertionError("the tutorial has no ```" + language + " block");
  }

  /** The model with each top-level section of the snippet added under the same section of the model. */
  private static String withSnippet(String model, String snippet) {
    List<String> lines = new ArrayList<>(model.lines().toList());
    String section = null;
    List<String> body = new ArrayList<>();
    for (String line : (snippet + "\nEND:\n").lines().toList()) {
      if (!line.isEmpty() && !line.startsWith(" ")) {
        if (section != null) {
          int at = lines.indexOf(section);
          if (at < 0) {
            throw new AssertionError("the model has no section " + section);
          }
          lines.addAll(at + 1, body.stream().filter(l -> !l.isBlank()).toList());
        }
        section = line.trim();
        body = new ArrayList<>();
      } else {
        body.add(line);
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private Compilation compile(String model, String cartJava) throws IOException {
    Path modelDir = Files.createDirectories(project.resolve("src/main/eventmodel"));
    Files.writeString(modelDir.resolve("cart.yaml"), model, StandardCharsets.UTF_8);
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLE.resolve("src/main/java/com/example/cart"))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString().replace(".java", "");
        if (name.equals("ShoppingCartApp")) {
          continue; // the runnable scenario needs the SQLite store, which this module's tests do not have
        }
        String text = name.equals("Cart") ? cartJava : Files.readString(file, StandardCharsets.UTF_8);
        sources.add(JavaFileObjects.forSourceString("com.example.cart." + name, text));
      }
    }
    sources.add(JavaFileObjects.forSourceString("com.example.cart.CartSpecs",
        Files.readString(EXAMPLE.resolve("src/test/java/com/example/cart/CartSpecs.java"), StandardCharsets.UTF_8)));
    return Compiler.javac()
        .withProcessors(new EventsmithProcessor())
        .withOptions("-Aeventsmith.modelDir=" + modelDir.toAbsolutePath(), "--release", "17")
        .compile(sources);
  }

  private static String errors(Compilation compilation) {
    return compilation.errors().stream().map(d -> d.getMessage(null)).collect(Collectors.joining("\n"));
  }

  @Test
  void theTutorialWorksAsWritten() throws Exception {
    String tutorial = tutorial();
    String model = withSnippet(
        Files.readString(EXAMPLE.resolve("src/main/eventmodel/cart.yaml"), StandardCharsets.UTF_8),
        block(tutorial, "yaml"));
    String cart = Files.readString(EXAMPLE.resolve("src/main/java/com/example/cart/Cart.java"), StandardCharsets.UTF_8);

    // Step 2: the quoted compile error is javac's.
    Compilation withoutLogic = compile(model, cart);
    assertThat(withoutLogic).failed();
    String quotedError = block(tutorial, "").lines().map(String::trim).collect(Collectors.joining(" "));
    String javacSays = quotedError.substring(quotedError.indexOf("com.example.cart.Cart is not abstract"));
    assertContains(errors(withoutLogic), javacSays);

    // Step 2, aside: the quoted model diagnostic is Eventsmith's, position included.
    Matcher quoted = Pattern.compile("`(src/main/eventmodel/cart\\.yaml:\\d+:\\d+: error\\[ESM-0103\\][^`]*)`")
        .matcher(tutorial);
    assertEquals(true, quoted.find(), "the tutorial quotes an ESM-0103 diagnostic");
    Compilation typo = compile(model.replace("emits: [CartCleared]", "emits: [CartClered]"), cart);
    assertThat(typo).failed();
    assertContains(errors(typo), quoted.group(1));

    // Steps 3 and 4: with the tutorial's Java, everything compiles and the new spec passes.
    String logic = block(tutorial, "java");
    int end = cart.lastIndexOf('}');
    Compilation done = compile(model, cart.substring(0, end) + "\n" + logic.indent(2) + "}\n");
    assertThat(done).succeeded();
    Class<?> test = new CompiledClassLoader(done).loadClass("com.example.cart.ClearCartSpecTest");
    Method clears = test.getDeclaredMethod("clearsAnOpenCart");
    CompiledClassLoader.invoke(test, clears);
  }
}
