package dev.eventsmith.mcp.tool;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.util.List;
import java.util.Map;

/**
 * One page of a long list: {@code offset} and {@code limit} arguments in, the items and where the
 * next page starts out. Keeps every answer small enough for an assistant's context.
 */
public record Page(int offset, int limit) {

  /** The most items one page may hold. */
  public static final int MAX_LIMIT = 200;

  /** Reads {@code offset} (default 0) and {@code limit} (default {@code defaultLimit}, at most {@link #MAX_LIMIT}). */
  public static Page of(Arguments arguments, int defaultLimit) throws ToolError {
    return new Page((int) arguments.integer("offset", 0, 0, Integer.MAX_VALUE),
        (int) arguments.integer("limit", defaultLimit, 1, MAX_LIMIT));
  }

  /** Adds the {@code offset} and {@code limit} arguments to a schema. */
  public static InputSchema arguments(InputSchema schema, int defaultLimit) {
    return schema
        .integer("offset", false, 0, "How many items to skip (default 0): pass the nextOffset of the previous page.")
        .integer("limit", false, 1, "How many items at most (default " + defaultLimit + ", at most " + MAX_LIMIT + ").");
  }

  /** This page of {@code all}, as {@code {<name>: [...], total, offset, nextOffset?}}. */
  public Map<String, Object> of(String name, List<?> all) {
    int from = (int) Math.min(offset, all.size());
    int to = (int) Math.min((long) from + limit, all.size());
    return Json.object().put(name, all.subList(from, to)).put("total", all.size()).put("offset", from)
        .put("nextOffset", to < all.size() ? to : null).build();
  }

  static ToolError tooLarge(int characters, int max) {
    return new ToolError(DiagnosticCode.MCP_RESULT_TOO_LARGE, "the answer would be " + characters
        + " characters long, more than the " + max + " one answer may hold",
        "Ask for less: a smaller 'limit', one element or slice by name, or a later 'offset'.");
  }
}
