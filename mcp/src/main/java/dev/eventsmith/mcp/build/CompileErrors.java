package dev.eventsmith.mcp.build;

import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.tool.Json;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiler's errors in a Maven log ({@code [ERROR] /path/Cart.java:[12,5] message}, with the
 * indented {@code symbol:}/{@code location:} lines after it) as data, each once: Maven prints them
 * twice, in the compiler's section and again in its summary.
 */
final class CompileErrors {

  private static final Pattern ERROR = Pattern.compile("^\\[ERROR\\] (.+?\\.java):\\[(\\d+),(\\d+)\\] (.*)$");
  private static final Pattern DETAIL = Pattern.compile("^\\[ERROR\\] {2,}(\\S.*)$");

  private CompileErrors() {}

  static List<Map<String, Object>> parse(List<String> log, Project project) {
    Map<String, Map<String, Object>> errors = new LinkedHashMap<>();
    Map<String, Object> current = null;
    List<String> details = null;
    for (String line : log) {
      Matcher error = ERROR.matcher(line);
      if (error.matches()) {
        details = new ArrayList<>();
        current = Json.object().put("file", display(error.group(1), project))
            .put("line", Integer.parseInt(error.group(2))).put("column", Integer.parseInt(error.group(3)))
            .put("message", error.group(4)).put("details", details).build();
        errors.putIfAbsent(current.get("file") + ":" + error.group(2) + ":" + error.group(3) + " " + error.group(4),
            current);
        continue;
      }
      Matcher detail = DETAIL.matcher(line);
      if (current != null && detail.matches()) {
        details.add(detail.group(1));
      } else {
        current = null;
      }
    }
    errors.values().forEach(e -> {
      if (((List<?>) e.get("details")).isEmpty()) {
        e.remove("details");
      }
    });
    return List.copyOf(errors.values());
  }

  private static String display(String file, Project project) {
    try {
      return project.display(Path.of(file));
    } catch (InvalidPathException e) {
      return file;
    }
  }
}
