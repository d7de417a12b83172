package dev.eventsmith.mcp.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCallsTest {

  private final Calls calls = new Calls(List.of(
      new ToolSpec("echo", "Echo", "Answers its argument.",
          Page.arguments(InputSchema.object().string("text", true, "What to answer."), 10).build(), true,
          arguments -> Json.object().put("text", arguments.string("text"))
              .put("limit", Page.of(arguments, 10).limit()).build()),
      new ToolSpec("broken", "Broken", "Fails as a bug would.", InputSchema.object().build(), true, arguments -> {
        throw new IllegalStateException("secret detail");
      }),
      new ToolSpec("huge", "Huge", "Answers too much.", InputSchema.object().build(), true,
          arguments -> Json.object().put("text", "x".repeat(ToolCalls.MAX_CHARACTERS + 1)).build())));

  @Test
  void answersAsStructuredContentAndAsJsonText() {
    CallToolResult result = calls.result("echo", Map.of("text", "hi"));
    assertEquals(Map.of("text", "hi", "limit", 10), result.structuredContent());
    assertEquals("{\"text\":\"hi\",\"limit\":10}", Calls.text(result));
  }

  @Test
  void aMisspeltArgumentIsNamedWithTheOneMeant() {
    Map<?, ?> error = calls.error("echo", Map.of("txt", "hi"));
    assertEquals("ESM-0901", error.get("code"));
    assertEquals("echo has no argument 'txt' (did you mean 'text'?)", error.get("message"));
    assertEquals("eventsmith://errors/ESM-0901", error.get("page"));
  }

  @Test
  void missingAndMistypedArgumentsAreRefused() {
    assertEquals("argument 'text' of echo is required", calls.error("echo", Map.of()).get("message"));
    assertEquals("argument 'text' of echo must be a string, not integer 3",
        calls.error("echo", Map.of("text", 3)).get("message"));
    assertEquals("argument 'limit' of echo must be between 1 and 200, not 500",
        calls.error("echo", Map.of("text", "a", "limit", 500)).get("message"));
    assertEquals("argument 'limit' of echo must be a whole number, not double 2.5",
        calls.error("echo", Map.of("text", "a", "limit", 2.5)).get("message"));
    assertEquals("argument 'text' of echo must not contain a NUL character",
        calls.error("echo", Map.of("text", "a\0b")).get("message"));
  }

  @Test
  void aBugIsAnErrorWithACodeAndItsStackTraceGoesToTheLogOnly() {
    CallToolResult result = calls.result("broken", Map.of());
    assertTrue(result.isError());
    String text = Calls.text(result);
    assertTrue(text.startsWith("ESM-0949: the tool broken failed unexpectedly (IllegalStateException: secret detail)"),
        text);
    assertFalse(text.contains("\tat "), text);
    assertFalse(result.structuredContent().toString().contains("\tat "));
    assertTrue(calls.log().contains("\tat dev.eventsmith.mcp.tool.ToolCallsTest"), calls.log());
  }

  @Test
  void anAnswerTooLargeForAContextIsRefusedWithAdvice() {
    Map<?, ?> error = calls.error("huge", Map.of());
    assertEquals("ESM-0913", error.get("code"));
    assertTrue(error.get("hint").toString().contains("limit"));
  }
}
