package dev.eventsmith.checks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** javac, in-process, on this test's class path (Eventsmith's runtime, test kit, stores, generator). */
final class Javac {

  private Javac() {}

  /**
   * Compiles {@code sources} (path relative to a fresh folder, content) into {@code out}; with a
   * model directory, the Eventsmith processor generates the model's code and spec tests too.
   * Returns javac's messages; empty when it succeeded without errors.
   */
  static String compile(Map<String, String> sources, Path work, Path modelDir) throws IOException {
    Path src = Files.createDirectories(work.resolve("src"));
    Path out = Files.createDirectories(work.resolve("classes"));
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file.toString());
    }
    List<String> options = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
        "-s", Files.createDirectories(work.resolve("generated")).toString(),
        "-classpath", classPath(modelDir != null)));
    if (modelDir != null) {
      options.addAll(List.of("-processor", "dev.eventsmith.generator.processor.EventsmithProcessor",
          "-Aeventsmith.modelDir=" + modelDir));
    } else {
      options.add("-proc:none");
    }
    options.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int exit = javac.run(null, messages, messages, options.toArray(String[]::new));
    return exit == 0 ? "" : messages.toString(StandardCharsets.UTF_8) + "(javac exit " + exit + ")";
  }

  /**
   * This test's class path; for a project's own sources, without the example's classes, which
   * javac would otherwise read as well (and javac 17 fails on records it reads from both).
   */
  private static String classPath(boolean ownSources) {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    if (!ownSources) {
      return classPath;
    }
    return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(entry -> !entry.contains("shopping-cart"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  /** The classes compiled under {@code work}, by binary name. */
  static List<String> classNames(Path work) throws IOException {
    Path out = work.resolve("classes");
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
          .map(p -> out.relativize(p).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", ""))
          .sorted().toList();
    }
  }
}
