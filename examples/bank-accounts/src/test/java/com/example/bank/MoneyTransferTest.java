package com.example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.ProcessInstance;
import dev.eventsmith.runtime.automation.ProcessRunner;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.command.Causation;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.testkit.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transfer process (declared in bank.yaml, logic in MoneyTransfer, each step pinned by the
 * model's process specs) run with the real aggregates on the runtime's ProcessRunner and
 * DeadlineRunner, with a clock the test moves by hand: the events a whole transfer records.
 */
class MoneyTransferTest {

  private static final UUID ANN = UUID.fromString("00000000-0000-4000-8000-00000000a001");
  private static final UUID BOB = UUID.fromString("00000000-0000-4000-8000-00000000b002");
  private static final UUID T = UUID.fromString("00000000-0000-4000-8000-0000000000f1");


  private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
  private final InMemoryEventStore store = new InMemoryEventStore(clock);
  private final InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();
  private CommandBus bus;
  private ProcessRunner<ProcessInstance<MoneyTransferState>> transfers;
  private DeadlineRunner timer;

  @BeforeEach
  void accounts() {
    bus = new CommandBus()
        .register(AccountCommand.class, new CommandHandler<>(store, BankCodec.INSTANCE, new Account()))
        .register(TransferCommand.class, new CommandHandler<>(store, BankCodec.INSTANCE, new Transfer()));
    transfers = new ProcessRunner<>("money-transfer", store, BankCodec.INSTANCE, new MoneyTransfer(), bus,
        new InMemoryCheckpointStore(), deadlines);
    timer = new DeadlineRunner(deadlines, clock, transfers);
    run(new OpenAccount(ANN, "Ann", money("0")), new OpenAccount(BOB, "Bob", money("0")),
        new DepositMoney(ANN, money("2000.00"), Channel.ONLINE));
  }

  @Test
  void aSmallTransferIsDebitedCreditedAndCompletedAndItsDeadlineCancelled() {
    run(new RequestTransfer(T, ANN, BOB, money("200.00")));
    assertEquals(List.of("TransferRequested", "TransferDebited", "TransferCredited", "TransferCompleted"),
        typesAfter(3));
    assertTrue(deadlines.scheduled(transfers.owner(T.toString())).isEmpty(), "the expiry was cancelled");
    clock.advance(Duration.ofHours(2));
    assertEquals(0, timer.fireDue());
  }

  @Test
  void aCreditToAClosedAccountGivesTheMoneyBack() {
    run(new CloseAccount(BOB), new RequestTransfer(T, ANN, BOB, money("200.00")));
    assertEquals(List.of("AccountClosed", "TransferRequested", "TransferDebited", "TransferRefunded",
        "TransferFailed"), typesAfter(3));
    assertEquals(new TransferFailed(T, FailureReason.TARGET_CLOSED), last());
  }

  @Test
  void aTransferToAnAccountThatNeverOpenedGivesTheMoneyBackToo() {
    UUID nobody = UUID.fromString("00000000-0000-4000-8000-0000000000ee");
    run(new RequestTransfer(T, ANN, nobody, money("200.00")));
    assertEquals(List.of("TransferRequested", "TransferDebited", "TransferRefunded", "TransferFailed"),
        typesAfter(3));
  }

  @Test
  void aDebitBeyondTheLimitFailsTheTransferAndMovesNoMoney() {
    run(new RequestTransfer(T, ANN, BOB, money("2000.01")));
    assertEquals(List.of("TransferRequested", "TransferFailed"), typesAfter(3));
    assertEquals(new TransferFailed(T, FailureReason.INSUFFICIENT_FUNDS), last());
  }

  @Test
  void aLargeTransferWaitsForItsApproval() {
    run(new RequestTransfer(T, ANN, BOB, money("1500.00")));
    assertEquals(List.of("TransferRequested", "TransferDebited"), typesAfter(3));
    clock.advance(Duration.ofMinutes(59));
    assertEquals(0, timer.fireDue(), "not due before the hour is over");
    run(new ApproveTransfer(T));
    assertEquals(List.of("TransferRequested", "TransferDebited", "TransferApproved", "TransferCredited",
        "TransferCompleted"), typesAfter(3));
    clock.advance(Duration.ofMinutes(2));
    assertEquals(0, timer.fireDue(), "the completed transfer's deadline was cancelled");
  }

  @Test
  void aLargeTransferNotApprovedWithinTheHourExpiresAndTheMoneyGoesBack() {
    run(new RequestTransfer(T, ANN, BOB, money("1500.00")));
    clock.advance(Duration.ofHours(1));
    assertEquals(1, timer.fireDue());
    assertEquals(List.of("TransferRequested", "TransferDebited", "TransferRefunded", "TransferFailed"),
        typesAfter(3));
    assertEquals(new TransferFailed(T, FailureReason.EXPIRED), last());
    run(new ApproveTransfer(T));
    assertEquals(new TransferFailed(T, FailureReason.EXPIRED), last(), "too late: the approval is refused");
    clock.advance(Duration.ofHours(1));
    assertEquals(0, timer.fireDue(), "a deadline fires once");
  }

  @Test
  void aRunnerStartedAgainOnTheSameStoresRepeatsNothing() {
    run(new RequestTransfer(T, ANN, BOB, money("1500.00")));
    InMemoryCheckpointStore fresh = new InMemoryCheckpointStore();
    // A second runner with its own (empty) checkpoints reads the log from the start: it folds the
    // transfer's state but must issue nothing twice, as the debit's command id is the same.
    ProcessRunner<ProcessInstance<MoneyTransferState>> again = new ProcessRunner<>("money-transfer", store,
        BankCodec.INSTANCE, new MoneyTransfer(), bus, fresh, deadlines);
    again.catchUp();
    assertEquals(List.of("TransferRequested", "TransferDebited"), typesAfter(3));
    assertTrue(again.state(T.toString()).orElseThrow().state().debited());
  }

  /** Tracing one transfer in the store: every event of its flow carries the id of the request that started it. */
  @Test
  void everyEventOfARefundedTransferCarriesTheRequestsCorrelationId() {
    run(new CloseAccount(BOB), new RequestTransfer(T, ANN, BOB, money("200.00")));
    List<RecordedEvent> flow = store.readAll(4, 100);
    RecordedEvent requested = flow.get(0);
    assertEquals("TransferRequested", requested.type());
    String correlation = requested.eventId().toString();
    for (RecordedEvent event : flow.subList(1, flow.size())) {
      assertEquals(correlation, event.metadata().get(Causation.CORRELATION_ID), event::toString);
    }
    RecordedEvent debited = flow.get(1);
    assertEquals(requested.eventId().toString(), debited.metadata().get(Causation.CAUSATION_ID),
        "the debit was caused by the request");
    assertEquals(List.of("TransferDebited", "TransferRefunded", "TransferFailed"),
        flow.subList(1, flow.size()).stream().map(RecordedEvent::type).toList());
    assertEquals(debited.eventId().toString(), flow.get(2).metadata().get(Causation.CAUSATION_ID),
        "the refund compensates for the credit the debit caused");
  }

  private void run(Command... commands) {
    for (Command command : commands) {
      bus.dispatch(command);
      transfers.catchUp();
    }
  }

  private List<String> typesAfter(long position) {
    return store.readAll(position, 100).stream().map(RecordedEvent::type).toList();
  }

  private Object last() {
    List<RecordedEvent> all = store.readAll(0, 100);
    return BankCodec.INSTANCE.decode(all.get(all.size() - 1));
  }

  private static Money money(String amount) {
    return new Money(new BigDecimal(amount));
  }
}
