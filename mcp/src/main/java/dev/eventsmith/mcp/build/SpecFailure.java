package dev.eventsmith.mcp.build;

import dev.eventsmith.mcp.tool.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A failing spec's message, as the test kit writes it, taken apart into data: the header that names
 * the spec and its {@code file:line}, the reason, and expected and actual side by side. The test kit
 * pads the left column to a fixed width and puts {@code |} right after it on every row, so the column
 * is found on the title row and cut there on every other row, whatever the values hold.
 */
final class SpecFailure {

  private SpecFailure() {}

  /** The message as JSON: {@code header, reason?, expectedTitle, actualTitle, expected, actual, rows} or {@code header, problem}. */
  static Map<String, Object> parse(String message) {
    List<String> lines = message.lines().toList();
    if (lines.isEmpty()) {
      return Json.object().put("problem", "").build();
    }
    int title = -1;
    int column = -1;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int bar = line.indexOf('|');
      if (line.startsWith("  expected") && bar > 0 && line.substring(0, bar).endsWith(" ")) {
        title = i;
        column = bar;
        break;
      }
    }
    Json json = Json.object().put("header", lines.get(0));
    if (title < 0) {
      return json.put("problem", String.join("\n", strip(lines.subList(1, lines.size())))).build();
    }
    List<String> reason = strip(lines.subList(1, title));
    String titleRow = lines.get(title);
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String row : lines.subList(title + 1, lines.size())) {
      if (row.length() <= column || row.charAt(column) != '|' || !(row.startsWith("  ") || row.startsWith("> "))) {
        notes.add(row.strip());
        continue;
      }
      boolean differs = row.startsWith(">");
      String left = row.substring(2, column).stripTrailing();
      String right = row.length() > column + 2 ? row.substring(column + 2) : "";
      if (!left.isEmpty() || !differs) {
        expected.add(left);
      }
      if (!right.isEmpty() || !differs) {
        actual.add(right);
      }
      rows.add(Json.object().put("differs", differs).put("expected", left).put("actual", right).build());
    }
    return json.putIfNotEmpty("reason", String.join("\n", reason))
        .put("expectedTitle", titleRow.substring(2, column).strip())
        .put("actualTitle", titleRow.substring(column + 1).strip())
        .put("expected", expected)
        .put("actual", actual)
        .put("rows", rows)
        .put("notes", notes.isEmpty() ? null : notes)
        .build();
  }

  private static List<String> strip(List<String> lines) {
    return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
