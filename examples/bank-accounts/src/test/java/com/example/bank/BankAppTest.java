package com.example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.store.sqlite.SqliteCheckpointStore;
import dev.eventsmith.store.sqlite.SqliteDeadlineStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's scenario end to end: commands, the fee automation, the transfer process and its deadline, the views. */
class BankAppTest {

  private static final List<String> EVENTS = List.of("AccountOpened", "AccountOpened", "AccountOpened",
      "MoneyDeposited", "MoneyDeposited", "MoneyWithdrawn", "OverdraftFeeCharged", "MoneyDeposited", "AccountClosed",
      "TransferRequested", "TransferDebited", "TransferCredited", "TransferCompleted",
      "TransferRequested", "TransferDebited", "TransferRefunded", "TransferFailed",
      "TransferRequested", "TransferFailed",
      "TransferRequested", "TransferDebited", "TransferApproved", "TransferCredited", "TransferCompleted",
      "TransferRequested", "TransferDebited", "TransferRefunded", "TransferFailed");

  @TempDir
  Path temp;

  @Test
  void theScenarioRunsOnTheInMemoryStores() {
    check(new InMemoryEventStore(), new InMemoryCheckpointStore(), new InMemoryDeadlineStore(),
        new InMemoryViewStore<>(), new InMemoryViewStore<>());
  }

  @Test
  void theScenarioRunsOnOneSqliteFileAndEverythingStays() {
    Path file = temp.resolve("bank.db");
    try (SqliteEventStore store = SqliteEventStore.open(file);
        SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(file);
        SqliteDeadlineStore deadlines = SqliteDeadlineStore.open(file);
        SqliteViewStore<UUID, AccountBalance> balances =
            SqliteViewStore.open(file, "account_balance", AccountBalanceRowCodec.INSTANCE);
        SqliteViewStore<UUID, TransferStatus> transfers =
            SqliteViewStore.open(file, "transfer_status", TransferStatusRowCodec.INSTANCE)) {
      check(store, checkpoints, deadlines, balances, transfers);
    }
    try (SqliteEventStore store = SqliteEventStore.open(file);
        SqliteDeadlineStore deadlines = SqliteDeadlineStore.open(file);
        SqliteViewStore<UUID, AccountBalance> balances =
            SqliteViewStore.open(file, "account_balance", AccountBalanceRowCodec.INSTANCE)) {
      assertEquals(EVENTS.size(), store.readAll(0, 100).size(), "every event is still there after reopening");
      assertEquals(new BigDecimal("1545.00"), balances.find(BankApp.ANN).orElseThrow().balance().value());
      assertEquals(List.of(BankApp.ANN), List.copyOf(AccountBalanceRowCodec.byHolder(balances, "Ann").keySet()));
      assertTrue(deadlines.scheduled("money-transfer:00000000-0000-4000-8000-0000000000f5").isEmpty(),
          "the fired deadline is gone");
    }
  }

  private static void check(EventStore store, CheckpointStore checkpoints, DeadlineStore deadlines,
      ViewStore<UUID, AccountBalance> balances, ViewStore<UUID, TransferStatus> transfers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      BankApp.run(store, checkpoints, deadlines, balances, transfers, Clock.systemUTC());
    } finally {
      System.setOut(original);
    }
    assertEquals(EVENTS, store.readAll(0, 100).stream().map(RecordedEvent::type).toList());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("rejected: OverdraftLimitExceeded[available=45.00]"), printed);
    assertTrue(printed.contains("1 deadline(s) fired"), printed);
    assertTrue(printed.contains("holder=Bob, overdraftLimit=0.00, balance=1450.00, status=OPEN"), printed);
    assertTrue(printed.contains("state=FAILED, reason=Optional[TARGET_CLOSED]"), printed);
    assertTrue(printed.contains("state=FAILED, reason=Optional[INSUFFICIENT_FUNDS]"), printed);
    assertTrue(printed.contains("state=FAILED, reason=Optional[EXPIRED]"), printed);
  }
}
