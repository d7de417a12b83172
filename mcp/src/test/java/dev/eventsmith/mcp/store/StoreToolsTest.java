package dev.eventsmith.mcp.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.tool.Calls;
import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.mcp.tool.ToolSpec;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store tools read, page by page, never create a store, and write only when allowed to. */
class StoreToolsTest {

  @TempDir
  Path root;

  @Test
  void streamsAndTheLogArePagedAndTheStoredJsonIsJson() throws Exception {
    Path file = root.resolve("target/app.db");
    Files.createDirectories(file.getParent());
    try (SqliteEventStore store = SqliteEventStore.open(file)) {
      List<NewEvent> events = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        events.add(new NewEvent(UUID.randomUUID(), "shop.ItemAdded", 1,
            ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), Map.of("user", "ann")));
      }
      store.append(StreamId.of("Cart", 7), ExpectedVersion.noStream(), events);
    }
    try (StoreTools tools = tools(Optional.of("sqlite:target/app.db"), false, Set.of())) {
      Calls calls = new Calls(tools.tools());
      Map<String, Object> first = calls.ok("read_stream", Map.of("stream", "Cart-7", "limit", 2));
      assertEquals(5L, ((Number) first.get("streamVersion")).longValue());
      List<?> events = (List<?>) first.get("events");
      assertEquals(Map.of("n", 1), ((Map<?, ?>) events.get(0)).get("data"));
      assertEquals(Map.of("user", "ann"), ((Map<?, ?>) events.get(0)).get("metadata"));
      assertEquals(3L, ((Number) first.get("nextFromVersion")).longValue());
      Map<String, Object> rest = calls.ok("read_stream", Map.of("stream", "Cart-7", "fromVersion", 3, "limit", 5));
      assertEquals(3, ((List<?>) rest.get("events")).size());
      assertEquals(null, rest.get("nextFromVersion"));
      Map<String, Object> log = calls.ok("read_log", Map.of("afterPosition", 4));
      assertEquals(1, ((List<?>) log.get("events")).size());
      assertEquals("ESM-0901", calls.error("read_stream", Map.of("stream", "nodash")).get("code"));
    }
  }

  @Test
  void aMissingStoreFileIsRefusedAndNotCreated() throws Exception {
    try (StoreTools tools = tools(Optional.empty(), false, Set.of())) {
      Calls calls = new Calls(tools.tools());
      assertEquals("ESM-0906", calls.error("read_log", Map.of()).get("code"));
      assertEquals("ESM-0908", calls.error("read_log", Map.of("sqliteFile", "target/typo.db")).get("code"));
      assertFalse(Files.exists(root.resolve("target/typo.db")));
      assertEquals("ESM-0902", calls.error("read_log", Map.of("sqliteFile", "../other.db")).get("code"));
    }
  }

  @Test
  void withoutAnAllowListThereIsNoDispatchAndNotOnTypesOutsideIt() throws Exception {
    try (StoreTools tools = tools(Optional.of("sqlite:app.db"), false, Set.of())) {
      assertTrue(tools.tools().stream().map(ToolSpec::name).noneMatch("dispatch_command"::equals));
      assertTrue(tools.tools().stream().allMatch(ToolSpec::readOnly));
    }
    try (StoreTools tools = tools(Optional.of("sqlite:app.db"), true, Set.of("CreateCart"))) {
      Calls calls = new Calls(tools.tools());
      Map<?, ?> refused = calls.error("dispatch_command", Map.of("command", "AddItem", "fields", Map.of()));
      assertEquals("ESM-0907", refused.get("code"));
      assertFalse(Files.exists(root.resolve("app.db")));
    }
  }

  @Test
  void aCommandDecidedAcrossStreamsIsRefusedSayingWhereItRuns() throws Exception {
    Files.copy(Path.of("../generator/src/test/resources/models/school/school.yaml"), root.resolve("school.yaml"));
    try (StoreTools tools = tools(Optional.of("sqlite:app.db"), true, Set.of("SubscribeStudent"))) {
      Calls calls = new Calls(tools.tools());
      Map<?, ?> refused = calls.error("dispatch_command",
          Map.of("command", "SubscribeStudent", "fields", Map.of("course", "maths", "student", "ann")));
      assertEquals("ESM-0907", refused.get("code"));
      assertTrue(refused.get("message").toString().contains("SubscribeStudent is decided across streams"),
          refused.toString());
      assertTrue(refused.toString().contains("POST /commands/SubscribeStudent"), refused.toString());
      assertFalse(Files.exists(root.resolve("app.db")));
    }
  }

  @Test
  void theReadToolsSeeAStoreThatCannotAppend() {
    EventStoreException refused = assertThrows(EventStoreException.class, () -> new ReadOnlyEventStore(null)
        .append(StreamId.of("Cart", 1), ExpectedVersion.any(), List.of()));
    assertTrue(refused.getMessage().contains("read-only"));
  }

  @Test
  void aStoreOptionMustSayWhichKind() {
    ToolError error = assertThrows(ToolError.class, () -> tools(Optional.of("mysql:x"), false, Set.of()));
    assertEquals("--store must start with sqlite: or postgres:, not 'mysql:x'", error.getMessage());
  }

  @Test
  void viewsAreStoredUnderTheirSnakeCaseName() {
    assertEquals("cart_summary", StoreTools.snakeCase("CartSummary"));
    assertEquals("order2_lines", StoreTools.snakeCase("Order2Lines"));
  }

  private StoreTools tools(Optional<String> store, boolean writable, Set<String> allowed) throws ToolError {
    return new StoreTools(Project.open(root, "."), store, writable, allowed, Map.of(), McpJsonDefaults.getMapper());
  }
}
