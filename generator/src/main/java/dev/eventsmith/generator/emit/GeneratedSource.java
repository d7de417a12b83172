package dev.eventsmith.generator.emit;

import com.palantir.javapoet.JavaFile;
import java.util.List;

/**
 * One generated compilation unit as text, named by its top-level type. Render generated files
 * with {@link #render}, never with {@code JavaFile.toString()} or {@code writeTo}: it also keeps
 * their lines within 100 columns, and every build path must give the same bytes.
 *
 * @param qualifiedName e.g. {@code com.example.cart.CartDecider}
 */
public record GeneratedSource(String qualifiedName, String text) {

  /**
   * Renders {@code files} to text, several at a time: rendering dominates generation on large
   * models, and each file renders on its own, so the output is the same as one by one.
   */
  public static List<GeneratedSource> render(List<JavaFile> files) {
    return files.parallelStream()
        .map(f -> new GeneratedSource(f.packageName() + "." + f.typeSpec().name(), ColumnLimit.apply(f.toString())))
        .toList();
  }
}
