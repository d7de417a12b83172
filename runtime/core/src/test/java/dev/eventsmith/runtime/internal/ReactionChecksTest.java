package dev.eventsmith.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.ProcessInstance;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.store.StreamId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A generated process contract lets through only the commands and deadlines its model declares. */
class ReactionChecksTest {

  record Pay(String id) implements Command {
    @Override
    public StreamId streamId() {
      return StreamId.of("Payment", id);
    }
  }

  record Refund(String id) implements Command {
    @Override
    public StreamId streamId() {
      return StreamId.of("Payment", id);
    }
  }

  private static final List<Class<? extends Command>> ISSUES = List.of(Pay.class);

  @Test
  void aReactionWithinTheModelIsReturnedAsItIs() {
    Reaction reaction = Reaction.issue(new Pay("p")).andSchedule("expire", Duration.ofHours(1)).andCancel("remind");
    assertSame(reaction, ReactionChecks.check(reaction, "Escrow", ISSUES, List.of("expire", "remind")));
    assertSame(Reaction.none(), ReactionChecks.check(Reaction.none(), "Escrow", List.of(), List.of()));
  }

  @Test
  void aCommandTheModelDoesNotListIsRefusedByName() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReactionChecks.check(
        Reaction.issue(new Pay("p"), new Refund("p")), "Escrow", ISSUES, List.of()));
    assertTrue(e.getMessage().contains("Escrow issues Refund"), e.getMessage());
    assertTrue(e.getMessage().contains("[Pay]"), e.getMessage());
  }

  @Test
  void anUndeclaredDeadlineIsRefusedWhetherScheduledOrCancelled() {
    IllegalStateException scheduled = assertThrows(IllegalStateException.class, () -> ReactionChecks.check(
        Reaction.none().andSchedule("expiry", Duration.ofMinutes(1)), "Escrow", ISSUES, List.of("expire")));
    assertTrue(scheduled.getMessage().contains("schedules the deadline 'expiry'"), scheduled.getMessage());
    IllegalStateException cancelled = assertThrows(IllegalStateException.class, () -> ReactionChecks.check(
        Reaction.none().andCancel("expiry"), "Escrow", ISSUES, List.of("expire")));
    assertTrue(cancelled.getMessage().contains("cancels the deadline 'expiry'"), cancelled.getMessage());
  }

  @Test
  void noReactionAtAllIsRefused() {
    assertThrows(IllegalStateException.class, () -> ReactionChecks.check(null, "Escrow", ISSUES, List.of()));
  }

  @Test
  void anInstanceAlwaysHasAState() {
    assertEquals(new ProcessInstance<>("s", false), ProcessInstance.running("s"));
    assertThrows(NullPointerException.class, () -> ProcessInstance.running(null));
  }
}
