package com.example.bank;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.ProcessInstance;
import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.automation.ProcessRunner;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.store.sqlite.SqliteCheckpointStore;
import dev.eventsmith.store.sqlite.SqliteDeadlineStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Runs a short banking scenario on one SQLite file (the path given as the first argument, or
 * {@code bank-accounts.db}; an existing file is replaced): accounts, an overdraft and its fee,
 * transfers that complete, fail or are given back, and one that waits for an approval that does
 * not come within the hour. Then it prints the stored events and the views.
 */
public final class BankApp {

  static final UUID ANN = UUID.fromString("00000000-0000-4000-8000-00000000a001");
  static final UUID BOB = UUID.fromString("00000000-0000-4000-8000-00000000b002");
  static final UUID CARL = UUID.fromString("00000000-0000-4000-8000-00000000c003");

  private BankApp() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "bank-accounts.db");
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
    System.out.println("Event store: SQLite file " + file.toAbsolutePath() + "\n");
    try (EventStore store = SqliteEventStore.open(file);
        SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(file);
        SqliteDeadlineStore deadlines = SqliteDeadlineStore.open(file);
        SqliteViewStore<UUID, AccountBalance> balances =
            SqliteViewStore.open(file, "account_balance", AccountBalanceRowCodec.INSTANCE);
        SqliteViewStore<UUID, TransferStatus> transfers =
            SqliteViewStore.open(file, "transfer_status", TransferStatusRowCodec.INSTANCE)) {
      run(store, checkpoints, deadlines, balances, transfers, Clock.systemUTC());
    }
  }

  /**
   * The scenario on {@code store}. The deadline runner reads {@code clock} moved on by an hour and
   * a minute: the scenario does not wait for the large transfer to expire.
   */
  static void run(EventStore store, CheckpointStore checkpoints, DeadlineStore deadlines,
      ViewStore<UUID, AccountBalance> balances, ViewStore<UUID, TransferStatus> transfers, Clock clock) {
    CommandBus commands = new CommandBus()
        .register(AccountCommand.class, new CommandHandler<>(store, BankCodec.INSTANCE, new Account()))
        .register(TransferCommand.class, new CommandHandler<>(store, BankCodec.INSTANCE, new Transfer()));
    AutomationRunner fees = new AutomationRunner(store, BankCodec.INSTANCE, new ChargeFeeWhenOverdrawn(), commands)
        .withCheckpoints(checkpoints, "charge-fee-when-overdrawn");
    ProcessRunner<ProcessInstance<MoneyTransferState>> moneyTransfers = new ProcessRunner<>("money-transfer",
        store, BankCodec.INSTANCE, new MoneyTransfer(), commands, checkpoints, deadlines);
    DeadlineRunner anHourLater =
        new DeadlineRunner(deadlines, Clock.offset(clock, Duration.ofMinutes(61)), moneyTransfers);
    UUID small = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    UUID toClosed = UUID.fromString("00000000-0000-4000-8000-0000000000f2");
    UUID tooMuch = UUID.fromString("00000000-0000-4000-8000-0000000000f3");
    UUID approved = UUID.fromString("00000000-0000-4000-8000-0000000000f4");
    UUID unapproved = UUID.fromString("00000000-0000-4000-8000-0000000000f5");

    Command[] scenario = {
        new OpenAccount(ANN, "Ann", money("100.00")),
        new OpenAccount(BOB, "Bob", money("0.00")),
        new OpenAccount(CARL, "Carl", money("0.00")),
        new DepositMoney(ANN, money("500.00"), Channel.ONLINE),
        new DepositMoney(BOB, money("50.00"), Channel.ATM),
        new WithdrawMoney(ANN, money("550.00")),
        new WithdrawMoney(ANN, money("100.00")),
        new DepositMoney(ANN, money("3000.00"), Channel.BRANCH),
        new CloseAccount(CARL),
        new RequestTransfer(small, ANN, BOB, money("200.00")),
        new RequestTransfer(toClosed, ANN, CARL, money("100.00")),
        new RequestTransfer(tooMuch, BOB, ANN, money("300.00")),
        new RequestTransfer(approved, ANN, BOB, money("1200.00")),
        new ApproveTransfer(approved),
        new RequestTransfer(unapproved, ANN, BOB, money("1500.00")),
    };
    System.out.println("Commands (each followed by the fee automation and the transfer process):");
    for (Command command : scenario) {
      System.out.println("  " + command + "\n    -> " + describe(commands.dispatch(command)));
      while (fees.catchUp() + moneyTransfers.catchUp() > 0) {
        // each round's commands record events the other runner may react to
      }
    }
    int fired = anHourLater.fireDue();
    System.out.println("\nAn hour later: " + fired + " deadline(s) fired; transfer " + unapproved
        + " was not approved in time.");

    System.out.println("\nEvents in the store (global position, stream@version, type, JSON):");
    for (RecordedEvent event : store.readAll(0, Integer.MAX_VALUE)) {
      System.out.printf("  %3d  %s@%d  %s v%d  %s%n", event.globalPosition(), event.stream(), event.streamVersion(),
          event.type(), event.schemaVersion(), new String(event.data(), StandardCharsets.UTF_8));
    }

    new ProjectionRunner<>(store, BankCodec.INSTANCE, new AccountBalanceProjection(), balances).catchUp();
    new ProjectionRunner<>(store, BankCodec.INSTANCE, new TransferStatusProjection(), transfers).catchUp();
    System.out.println("\nView AccountBalance:");
    balances.all().values().forEach(row -> System.out.println("  " + row));
    System.out.println("  looked up by holder Ann: " + AccountBalanceRowCodec.byHolder(balances, "Ann").keySet());
    System.out.println("\nView TransferStatus:");
    transfers.all().values().forEach(row -> System.out.println("  " + row));
  }

  private static String describe(CommandResult result) {
    if (result instanceof CommandResult.Rejected rejected) {
      return "rejected: " + rejected.rejection();
    }
    CommandResult.Accepted accepted = (CommandResult.Accepted) result;
    return "accepted: " + accepted.events();
  }

  private static Money money(String amount) {
    return new Money(new BigDecimal(amount));
  }
}
