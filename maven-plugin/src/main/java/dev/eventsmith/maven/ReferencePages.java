package dev.eventsmith.maven;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The pages that diagnostics link to, written into a project's build folder so that every link
 * resolves in the user's project: one page per diagnostic code ({@code errors/ESM-NNNN.md}), the
 * model format ({@code model-format.md}) and the JSON Schema of a model file. They come from the
 * eventsmith-spec jar, so they always match the Eventsmith version that reported the diagnostic.
 */
final class ReferencePages {

  private static final String GUIDES = "/dev/eventsmith/spec/guides/";
  private static final String SCHEMA = "/dev/eventsmith/spec/eventmodel.schema.json";
  /** Links of the repository's copy of the pages, and where the same target is in the written set. */
  private static final Map<String, String> LINKS = Map.of(
      "](../agent-guides/errors/", "](errors/",
      "](../spec/src/main/resources/dev/eventsmith/spec/eventmodel.schema.json)", "](eventmodel.schema.json)");

  private final Path folder;

  /** @param folder where the pages go, e.g. {@code target/eventsmith} */
  ReferencePages(Path folder) {
    this.folder = folder;
  }

  /** The page of the code {@code id} (e.g. ESM-0103), as a path relative to {@code base} with forward slashes. */
  String pageOf(String id, Path base) {
    Path errors = folder.resolve("errors").toAbsolutePath().normalize();
    return base.toAbsolutePath().normalize().relativize(errors).toString().replace('\\', '/') + "/" + id + ".md";
  }

  /** Writes (or rewrites) every page; returns how many files it wrote. */
  int write() {
    try {
      Files.createDirectories(folder.resolve("errors"));
      int written = 0;
      for (DiagnosticCode code : DiagnosticCode.values()) {
        written += copy(GUIDES + "errors/" + code.id() + ".md", folder.resolve("errors").resolve(code.id() + ".md"));
      }
      written += copy(GUIDES + "model-format.md", folder.resolve("model-format.md"));
      written += copy(SCHEMA, folder.resolve("eventmodel.schema.json"));
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reference pages into " + folder, e);
    }
  }

  private static int copy(String resource, Path target) throws IOException {
    try (InputStream in = ReferencePages.class.getResourceAsStream(resource)) {
      if (in == null) {
        return 0; // a page this version of eventsmith-spec does not ship: its link stays dead, nothing breaks
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> link : LINKS.entrySet()) {
        text = text.replace(link.getKey(), link.getValue());
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
        Files.write(target, bytes);
      }
      return 1;
    }
  }
}
