package com.example.bank;

import dev.eventsmith.runtime.automation.ProcessRunner;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Three transfers through the generated contract, the hand-written {@link MoneyTransfer} and the
 * runtime's ProcessRunner, unchanged: one credited, one refunded because the target is closed, one
 * cancelled by its deadline because the source cannot pay.
 */
public final class BankRun {

  private BankRun() {}

  /** What happened, as the stored types of the whole log, then the deadlines fired at +30 min and +2 h. */
  public static List<String> run() {
    InMemoryEventStore events = new InMemoryEventStore();
    BankCodec codec = BankCodec.INSTANCE;
    CommandBus bus = new CommandBus()
        .register(AccountCommand.class, new CommandHandler<>(events, codec, new Account()))
        .register(TransferCommand.class, new CommandHandler<>(events, codec, new Transfer()));
    InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();
    ProcessRunner<?> runner = new ProcessRunner<>("transfer", events, codec, new MoneyTransfer(), bus,
        new InMemoryCheckpointStore(), deadlines);
    UUID rich = UUID.randomUUID();
    UUID poor = UUID.randomUUID();
    UUID closed = UUID.randomUUID();
    UUID friend = UUID.randomUUID();
    bus.dispatch(new OpenAccount(rich, 100));
    bus.dispatch(new OpenAccount(poor, 0));
    bus.dispatch(new OpenAccount(friend, 0));
    bus.dispatch(new OpenAccount(closed, 0));
    bus.dispatch(new CloseAccount(closed));
    bus.dispatch(new RequestTransfer(UUID.randomUUID(), rich, friend, 30));
    bus.dispatch(new RequestTransfer(UUID.randomUUID(), rich, closed, 10));
    bus.dispatch(new RequestTransfer(UUID.randomUUID(), poor, friend, 50));
    while (runner.catchUp() > 0) {
      // each command's events drive the process on
    }
    Instant start = Instant.now();
    int early = new DeadlineRunner(deadlines, Clock.fixed(start.plus(Duration.ofMinutes(30)), ZoneOffset.UTC), runner)
        .fireDue();
    int late = new DeadlineRunner(deadlines, Clock.fixed(start.plus(Duration.ofHours(2)), ZoneOffset.UTC), runner)
        .fireDue();
    List<String> log = new ArrayList<>();
    for (RecordedEvent recorded : events.readAll(0, 1000)) {
      log.add(recorded.type());
    }
    log.add("fired at +30m: " + early);
    log.add("fired at +2h: " + late);
    return log;
  }
}
