package dev.eventsmith.store.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stores' SQL, kept as readable .sql resources. A script is split into statements: each ends
 * with ';' at the end of a line, and '--' starts a comment. Scripts may hold ${name} placeholders.
 */
public final class SqlScripts {

  private SqlScripts() {}

  /** The text of {@code resource} (an absolute resource path), as it is. */
  public static String text(String resource) {
    try (InputStream in = SqlScripts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statements of {@code resource}, with each ${name} of {@code placeholders} replaced. */
  public static List<String> statements(String resource, Map<String, String> placeholders) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text(resource).split("\n", -1)) {
      int comment = line.indexOf("--");
      String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
      if (code.isEmpty()) {
        continue;
      }
      current.append(code).append('\n');
      if (code.endsWith(";")) {
        String sql = current.toString();
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
          sql = sql.replace("${" + p.getKey() + "}", p.getValue());
        }
        statements.add(sql);
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException(resource + " ends without ';' after its last statement");
    }
    return statements;
  }
}
