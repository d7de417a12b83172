package com.example.football;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.ProcessInstance;
import dev.eventsmith.runtime.automation.ProcessRunner;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The closing process (declared in football.yaml, logic in MatchClosing, each step pinned by the
 * model's process specs) run with the real Match on the runtime's ProcessRunner and
 * DeadlineRunner, with a clock the test moves by hand.
 */
class MatchClosingTest {

  private static final UUID M = UUID.fromString("00000000-0000-4000-8000-0000000000d1");


  private final TestClock clock = TestClock.at("2026-05-16T15:00:00Z");
  private final InMemoryEventStore store = new InMemoryEventStore(clock);
  private final InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();
  private CommandBus bus;
  private ProcessRunner<ProcessInstance<MatchClosingState>> closing;
  private DeadlineRunner timer;

  @BeforeEach
  void aMatchPlayedToFullTime() {
    bus = new CommandBus().register(MatchCommand.class, new CommandHandler<>(store, FootballCodec.INSTANCE, new Match()));
    closing = new ProcessRunner<>("match-closing", store, FootballCodec.INSTANCE, new MatchClosing(), bus,
        new InMemoryCheckpointStore(), deadlines);
    timer = new DeadlineRunner(deadlines, clock, closing);
    run(new ScheduleMatch(M, "Rovers", "United"), new KickOff(M), new WhistleHalfTime(M), new StartSecondHalf(M));
    assertTrue(closing.state(M.toString()).isEmpty(), "the process starts only at full time");
    run(new WhistleFullTime(M));
  }

  @Test
  void aConfirmedResultClosesTheMatchAtOnceAndCancelsTheDeadline() {
    run(new ConfirmResult(M));
    assertEquals(List.of("FullTimeWhistled", "ResultConfirmed", "MatchClosed"), typesAfter(4));
    assertEquals(new MatchClosed(M, 0, 0, true), last());
    assertTrue(deadlines.scheduled(closing.owner(M.toString())).isEmpty());
    clock.advance(Duration.ofHours(3));
    assertEquals(0, timer.fireDue());
  }

  @Test
  void withoutAConfirmationTheDeadlineClosesTheMatchAsUnconfirmed() {
    clock.advance(MatchClosingProcess.CLOSE_AFTER.minusSeconds(1));
    assertEquals(0, timer.fireDue(), "not due before the window is over");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, timer.fireDue());
    assertEquals(new MatchClosed(M, 0, 0, false), last());
    CommandResult late = bus.dispatch(new ConfirmResult(M));
    assertEquals(new WrongPhase(MatchPhase.CLOSED), assertInstanceOf(CommandResult.Rejected.class, late).rejection());
  }

  @Test
  void aMatchClosedByHandMeanwhileIsNotClosedAgain() {
    run(new CloseMatch(M));
    clock.advance(Duration.ofHours(3));
    assertEquals(0, timer.fireDue(), "the closed match ended the process and its deadline");
    assertEquals(List.of("FullTimeWhistled", "MatchClosed"), typesAfter(4));
  }

  private void run(Command... commands) {
    for (Command command : commands) {
      bus.dispatch(command);
      closing.catchUp();
    }
  }

  private List<String> typesAfter(long position) {
    return store.readAll(position, 100).stream().map(RecordedEvent::type).toList();
  }

  private Object last() {
    List<RecordedEvent> all = store.readAll(0, 100);
    return FootballCodec.INSTANCE.decode(all.get(all.size() - 1));
  }
}
