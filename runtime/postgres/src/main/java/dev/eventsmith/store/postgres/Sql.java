package dev.eventsmith.store.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The store's SQL, kept as readable .sql resources next to this class. */
final class Sql {

  private Sql() {}

  static String load(String script) {
    String resource = "/dev/eventsmith/store/postgres/" + script;
    try (InputStream in = Sql.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
