package dev.eventsmith.mcp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.mcp.tool.Calls;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeApiTest {

  private final Calls calls = new Calls(List.of(RuntimeApi.onClassPath("test").tool()));

  @Test
  void everyPublicPackageAndNoInternalOne() {
    Map<?, ?> packages = (Map<?, ?>) calls.ok("runtime_api", Map.of()).get("packages");
    assertTrue(packages.keySet().containsAll(List.of("dev.eventsmith.runtime", "dev.eventsmith.runtime.store",
        "dev.eventsmith.store.sqlite", "dev.eventsmith.store.postgres", "dev.eventsmith.testkit")), packages.toString());
    assertTrue(packages.keySet().stream().noneMatch(p -> p.toString().contains("internal")), packages.toString());
    assertTrue(((List<?>) packages.get("dev.eventsmith.runtime")).contains("interface Decider"));
  }

  @Test
  void aTypeAsSourceDeclaresItWithGenericsAndParameterNames() {
    Map<?, ?> handler = type("CommandHandler");
    assertEquals("public final class CommandHandler<S, C extends Command, E extends Event>",
        handler.get("declaration"));
    assertTrue(((List<?>) handler.get("members"))
        .contains("public CommandHandler(EventStore store, EventCodec codec, Decider<S, C, E> decider);"),
        handler.toString());
    Map<?, ?> decision = type("dev.eventsmith.runtime.Decision");
    assertTrue(decision.get("declaration").toString().startsWith("public sealed interface Decision<E, R> permits "),
        decision.toString());
    assertTrue(((List<?>) decision.get("nested")).stream().anyMatch(n -> n.toString().startsWith("public record Decision.Accepted<E, R>(List<E> events)")),
        decision.toString());
    Map<?, ?> stream = type("StreamId");
    assertEquals("public record StreamId(String category, String id)", stream.get("declaration"));
    assertTrue(((List<?>) stream.get("members")).contains("public static StreamId parse(String value);"));
  }

  @Test
  void anUnknownTypeIsNamedWithTheOneMeant() {
    assertEquals("no public runtime type is named Decidr (did you mean 'Decider'?)",
        calls.error("runtime_api", Map.of("type", "Decidr")).get("message"));
  }

  private Map<?, ?> type(String name) {
    return (Map<?, ?>) ((List<?>) calls.ok("runtime_api", Map.of("type", name)).get("types")).get(0);
  }
}
