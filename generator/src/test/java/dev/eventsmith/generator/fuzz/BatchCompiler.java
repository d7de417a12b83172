package dev.eventsmith.generator.fuzz;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles the generated code of many models in one javac run (starting javac costs far more than
 * a few more files), each model in a package of its own, and tells which files failed and why.
 */
final class BatchCompiler {
  private BatchCompiler() {}

  /**
   * Compiles {@code sources} (qualified class name to source text) and returns the errors of each
   * file that has any, by qualified class name ("" for errors without a file).
   */
  static Map<String, List<String>> compile(Map<String, String> sources) {
    List<JavaFileObject> files = new ArrayList<>();
    Map<String, String> nameByUri = new LinkedHashMap<>();
    sources.forEach((name, text) -> {
      JavaFileObject file = JavaFileObjects.forSourceString(name, text);
      files.add(file);
      nameByUri.put(file.toUri().toString(), name);
    });
    // Stop after flow analysis: the errors a user could meet are all found by then; no class files needed.
    Compilation compilation = Compiler.javac()
        .withOptions("--release", "17", "-proc:none", "-implicit:none", "-Xmaxerrs", "100000",
            "-XDshould-stop.ifNoError=FLOW", "-XDshould-stop.ifError=FLOW")
        .compile(files);
    Map<String, List<String>> failures = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      String name = error.getSource() == null ? "" : nameByUri.getOrDefault(error.getSource().toUri().toString(), "");
      failures.computeIfAbsent(name, k -> new ArrayList<>()).add(
          name.substring(name.lastIndexOf('.') + 1) + ".java:" + error.getLineNumber() + ": "
              + error.getMessage(Locale.ROOT) + (error.getSource() == null ? "" : "\n      " + sourceLine(error)));
    }
    return failures;
  }

  private static String sourceLine(Diagnostic<? extends JavaFileObject> error) {
    try {
      List<String> lines = error.getSource().getCharContent(true).toString().lines().toList();
      long line = error.getLineNumber();
      return line >= 1 && line <= lines.size() ? lines.get((int) line - 1).strip() : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
