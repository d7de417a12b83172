package com.example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deposits written before MoneyDeposited had a version 2 (the amount was called {@code sum}, and
 * every deposit was made at a branch) are read through the generated codec's declared upcast, and
 * the rules count them: the model's specs can only give version-2 events.
 */
class StoredEventsTest {

  private static final UUID ACCOUNT = UUID.fromString("00000000-0000-4000-8000-0000000000a1");

  @TempDir
  Path temp;

  @Test
  void aDepositStoredAtVersionOneIsReadAsAVersionTwoBranchDeposit() {
    byte[] v1 = ("{\"accountId\":\"" + ACCOUNT + "\",\"sum\":12.50}").getBytes(StandardCharsets.UTF_8);
    MoneyDeposited read = (MoneyDeposited) BankCodec.INSTANCE.decode("MoneyDeposited", 1, v1);
    assertEquals(ACCOUNT, read.accountId());
    assertEquals(0, new BigDecimal("12.50").compareTo(read.amount().value()), read::toString);
    assertEquals(Channel.BRANCH, read.channel());
  }

  @Test
  void aVersionTwoDepositIsWrittenAtVersionTwoAndKeepsItsChannel() {
    MoneyDeposited deposit = new MoneyDeposited(ACCOUNT, new Money(new BigDecimal("3.00")), Channel.ATM);
    EncodedEvent encoded = BankCodec.INSTANCE.encode(deposit);
    assertEquals(2, encoded.schemaVersion());
    assertTrue(new String(encoded.data(), StandardCharsets.UTF_8).contains("\"amount\""));
    assertEquals(deposit, BankCodec.INSTANCE.decode(encoded.type(), encoded.schemaVersion(), encoded.data()));
  }

  @Test
  void aVersionOneDepositWithoutItsSumIsRefusedWithAReason() {
    byte[] broken = ("{\"accountId\":\"" + ACCOUNT + "\"}").getBytes(StandardCharsets.UTF_8);
    CodecException thrown =
        assertThrows(CodecException.class, () -> BankCodec.INSTANCE.decode("MoneyDeposited", 1, broken));
    assertTrue(thrown.getMessage().contains("amount"), thrown.getMessage());
  }

  /** An account whose history holds a version-1 deposit: the balance counts it, so it cannot close. */
  @Test
  void theRulesCountADepositStoredAtVersionOne() {
    try (SqliteEventStore store = SqliteEventStore.open(temp.resolve("bank.db"))) {
      StreamId stream = new OpenAccount(ACCOUNT, "ann", new Money(BigDecimal.ZERO)).streamId();
      EncodedEvent opened = BankCodec.INSTANCE.encode(new AccountOpened(ACCOUNT, "ann", new Money(BigDecimal.ZERO)));
      byte[] v1 = ("{\"accountId\":\"" + ACCOUNT + "\",\"sum\":40}").getBytes(StandardCharsets.UTF_8);
      store.append(stream, ExpectedVersion.noStream(), List.of(
          new NewEvent(UUID.randomUUID(), opened.type(), opened.schemaVersion(), opened.data(), Map.of()),
          new NewEvent(UUID.randomUUID(), "MoneyDeposited", 1, v1, Map.of())));
      CommandHandler<Account.State, AccountCommand, AccountEvent> accounts =
          new CommandHandler<>(store, BankCodec.INSTANCE, new Account());

      CommandResult close = accounts.handle(new CloseAccount(ACCOUNT));
      assertEquals(new BalanceNotZero(new Balance(new BigDecimal("40.00"))),
          assertInstanceOf(CommandResult.Rejected.class, close).rejection());
      CommandResult withdraw = accounts.handle(new WithdrawMoney(ACCOUNT, new Money(new BigDecimal("40.00"))));
      assertInstanceOf(CommandResult.Accepted.class, withdraw);
      assertInstanceOf(CommandResult.Accepted.class, accounts.handle(new CloseAccount(ACCOUNT)));
    }
  }
}
