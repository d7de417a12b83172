package dev.eventsmith.runtime.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CausationTest {

  private static final UUID CAUSE_ID = UUID.fromString("5f0c3b2a-1d2e-4f60-8a9b-0c1d2e3f4a5b");

  private static RecordedEvent cause(Map<String, String> metadata) {
    return new RecordedEvent(StreamId.of("Order", "7"), 1, 9, CAUSE_ID, "OrderPlaced", 1, new byte[0], metadata,
        Instant.parse("2026-01-31T09:15:00Z"));
  }

  @Test
  void the_first_event_of_a_chain_starts_the_correlation_with_its_own_id() {
    assertEquals(Map.of(CommandHandler.COMMAND_ID, "cmd-1", Causation.CORRELATION_ID, CAUSE_ID.toString(),
        Causation.CAUSATION_ID, CAUSE_ID.toString()), Causation.of(cause(Map.of()), "cmd-1"));
  }

  @Test
  void later_commands_keep_the_chain_correlation_and_name_their_direct_cause() {
    assertEquals(Map.of(CommandHandler.COMMAND_ID, "cmd-2", Causation.CORRELATION_ID, "corr-0",
        Causation.CAUSATION_ID, CAUSE_ID.toString()),
        Causation.of(cause(Map.of(Causation.CORRELATION_ID, "corr-0")), "cmd-2"));
  }

  @Test
  void cause_and_command_id_are_required() {
    assertEquals("cause", assertThrows(NullPointerException.class, () -> Causation.of(null, "c")).getMessage());
    assertEquals("commandId",
        assertThrows(NullPointerException.class, () -> Causation.of(cause(Map.of()), null)).getMessage());
  }
}
