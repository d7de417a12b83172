package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.ProcessDef;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.SpecDef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 'processes' section: what it reads into, and each mistake a user can make in it. */
class ProcessModelTest {

  static final String TRANSFER = """
      eventmodel: 1
      name: Bank
      package: com.example.bank
      aggregates:
        Account: { id: accountId }
        Transfer: { id: transferId }
      events:
        TransferRequested: { fields: { transferId: uuid, source: uuid, target: uuid, amount: int } }
        AccountDebited: { aggregate: Account, fields: { accountId: uuid, transferId: uuid, amount: int } }
        AccountCredited: { aggregate: Account, fields: { accountId: uuid, transferId: uuid, amount: int } }
        DebitRefunded: { aggregate: Account, fields: { accountId: uuid, transfer: uuid, amount: int } }
        TransferCompleted: { fields: { transferId: uuid } }
      commands:
        RequestTransfer:
          aggregate: Transfer
          fields: { transferId: uuid, source: uuid, target: uuid, amount: int }
          emits: [TransferRequested]
        DebitAccount:
          aggregate: Account
          fields: { accountId: uuid, transferId: uuid, amount: int }
          emits: [AccountDebited]
          rejects: { InsufficientFunds: {} }
        CreditAccount:
          aggregate: Account
          fields: { accountId: uuid, transferId: uuid, amount: int }
          emits: [AccountCredited]
          rejects: { AccountClosed: {} }
        RefundDebit:
          aggregate: Account
          fields: { accountId: uuid, transfer: uuid, amount: int }
          emits: [DebitRefunded]
        CompleteTransfer: { aggregate: Transfer, fields: { transferId: uuid }, emits: [TransferCompleted] }
      processes:
        MoneyTransfer:
          key: transferId
          fields: { transferId: uuid, source: uuid, target: uuid, amount: int, debited: boolean }
          startedBy: [TransferRequested]
          handles: [AccountDebited, AccountCredited]
          endsOn: [TransferCompleted, DebitRefunded]
          keyFrom: { DebitRefunded: transfer }
          issues: [DebitAccount, CreditAccount, RefundDebit, CompleteTransfer]
          deadlines: { expire: PT1H }
          onRejected: { CreditAccount: [AccountClosed] }
      """;

  private static ModelText transfer() {
    return ModelText.of(TRANSFER);
  }

  @Test
  void readsEverythingAProcessDeclares() {
    LoadResult result = transfer().load();
    EventModel model = result.model().orElseThrow(() -> new AssertionError(result.format()));
    ProcessDef process = model.process("MoneyTransfer").orElseThrow();
    assertEquals("transferId", process.key());
    assertEquals(List.of("TransferRequested", "AccountDebited", "AccountCredited", "TransferCompleted",
        "DebitRefunded"), process.handled().stream().map(Reference::name).toList());
    assertEquals("transfer", process.keyFieldOf("DebitRefunded"));
    assertEquals("transferId", process.keyFieldOf("AccountDebited"));
    assertEquals(List.of("expire"), process.deadlines().stream().map(ProcessDef.Deadline::name).toList());
    assertEquals("PT1H", process.deadlines().get(0).after());
    assertEquals("CreditAccount", process.onRejected().get(0).command().name());
    assertEquals("AccountClosed", process.onRejected().get(0).rejections().get(0).name());
    assertEquals(5, process.fields().size());
  }

  @Test
  void aKeyThatIsNotAFieldOfTheProcess() {
    transfer().replace("key: transferId", "key: transferNo").replace("  MoneyTransfer:", "  §MoneyTransfer:")
        .expect(DiagnosticCode.PROCESS_KEY_MISSING, "transferNo");
  }

  @Test
  void aHandledEventWithoutTheKey() {
    transfer().replace("    keyFrom: { DebitRefunded: transfer }\n", "")
        .replace("endsOn: [TransferCompleted, DebitRefunded]", "endsOn: [TransferCompleted, §DebitRefunded]")
        .expect(DiagnosticCode.PROCESS_KEY_MISSING, "DebitRefunded", "transferId");
  }

  @Test
  void aKeyOfAnUnsupportedType() {
    transfer().replace("fields: { transferId: uuid, source: uuid, target: uuid, amount: int, debited",
            "fields: { §transferId: decimal, source: uuid, target: uuid, amount: int, debited")
        .expect(DiagnosticCode.PROCESS_KEY_TYPE, "decimal");
  }

  @Test
  void anEventHoldingTheKeyInAnotherType() {
    transfer().replace("TransferCompleted: { fields: { transferId: uuid } }",
            "TransferCompleted: { fields: { transferId: string } }")
        .replace("endsOn: [TransferCompleted", "endsOn: [§TransferCompleted")
        .expect(DiagnosticCode.PROCESS_KEY_TYPE, "TransferCompleted", "string");
  }

  @Test
  void anUnknownEvent() {
    transfer().replace("handles: [AccountDebited, AccountCredited]", "handles: [AccountDebited, §AccountCredit]")
        .expect(DiagnosticCode.UNKNOWN_PROCESS_EVENT, "AccountCredit", "did you mean");
  }

  @Test
  void anUnknownCommand() {
    transfer().replace("issues: [DebitAccount,", "issues: [§DebitAcount,")
        .expect(DiagnosticCode.UNKNOWN_PROCESS_COMMAND, "DebitAcount");
  }

  @Test
  void aDeadlineThatIsNoDuration() {
    transfer().replace("deadlines: { expire: PT1H }", "deadlines: { §expire: 1 hour }")
        .expect(DiagnosticCode.INVALID_DEADLINE, "1 hour", "ISO-8601");
  }

  @Test
  void aDeadlineThatIsNotAfterNow() {
    transfer().replace("deadlines: { expire: PT1H }", "deadlines: { §expire: PT0S }")
        .expect(DiagnosticCode.INVALID_DEADLINE, "PT0S");
  }

  @Test
  void aDeadlineWhoseNameIsNoIdentifier() {
    transfer().replace("deadlines: { expire: PT1H }", "deadlines: { §Expire-Soon: PT1H }")
        .expect(DiagnosticCode.INVALID_DEADLINE, "Expire-Soon");
  }

  @Test
  void aDeadlineNamedLikeTheDurationOfAnother() {
    transfer().replace("deadlines: { expire: PT1H }", "deadlines: { expire: PT1H, §expireAfter: PT2H }")
        .expect(DiagnosticCode.INVALID_DEADLINE, "expireAfter");
  }

  @Test
  void compensatingACommandItDoesNotIssue() {
    transfer().replace("onRejected: { CreditAccount:", "onRejected: { §RequestTransfer:")
        .expect(DiagnosticCode.COMPENSATION_NOT_POSSIBLE, "RequestTransfer");
  }

  @Test
  void compensatingARejectionTheCommandDoesNotDeclare() {
    transfer().replace("[AccountClosed]", "[§InsufficientFunds]")
        .expect(DiagnosticCode.COMPENSATION_NOT_POSSIBLE, "InsufficientFunds", "CreditAccount");
  }

  @Test
  void aProcessStartedByNoEvent() {
    transfer().replace("startedBy: [TransferRequested]", "startedBy: []").replace("  MoneyTransfer:",
        "  §MoneyTransfer:").expect(DiagnosticCode.PROCESS_NOT_STARTED, "MoneyTransfer");
  }

  @Test
  void aKeyFromAnEventItDoesNotHandle() {
    transfer().replace("keyFrom: { DebitRefunded: transfer }", "keyFrom: { DebitRefunded: transfer, "
        + "RequestTransfer: §transferId }").expect(DiagnosticCode.PROCESS_KEY_SOURCE, "RequestTransfer");
  }

  @Test
  void aProcessWithoutKey() {
    transfer().replace("    key: transferId\n", "").replace("  MoneyTransfer:", "  §MoneyTransfer:")
        .expect(DiagnosticCode.MISSING_KEY, "key");
  }

  @Test
  void aProcessNamedLikeAGeneratedType() {
    transfer().replace("  MoneyTransfer:", "  §Account:")
        .expect(DiagnosticCode.NAME_USED_BY_TWO_KINDS, "Account");
  }

  private static final String SPEC = """
      specs:
        MoneyTransfer:
          - name: credits after the debit
            given:
              - TransferRequested: { transferId: $t, source: $a, target: $b, amount: 5 }
              - after: PT10M
            when: { AccountDebited: { accountId: $a, transferId: $t, amount: 5 } }
            then:
              issues: [ { CreditAccount: { accountId: $b, transferId: $t, amount: 5 } } ]
              schedules: { expire: PT1H }
              cancels: [expire]
              ended: false
          - name: refunds a closed target
            given: [ { TransferRequested: { transferId: $t, source: $a, target: $b, amount: 5 } } ]
            when:
              CreditAccount: { accountId: $b, transferId: $t, amount: 5 }
              rejected: AccountClosed
            then: { issues: [ { RefundDebit: { accountId: $a, transfer: $t, amount: 5 } } ] }
      """;

  private static ModelText withSpecs() {
    return ModelText.of(TRANSFER + SPEC);
  }

  @Test
  void readsProcessSpecsWithTimeRejectionsAndReactions() {
    LoadResult result = withSpecs().load();
    EventModel model = result.model().orElseThrow(() -> new AssertionError(result.format()));
    List<SpecDef> specs = model.specsOf("MoneyTransfer");
    assertEquals(2, specs.size());
    SpecDef first = specs.get(0);
    assertEquals(SpecDef.SubjectKind.PROCESS, first.kind());
    assertEquals("after", first.given().get(1).type());
    SpecDef.ThenReaction then = (SpecDef.ThenReaction) first.then();
    assertEquals("CreditAccount", then.issues().get(0).type());
    assertEquals("PT1H", then.schedules().get(0).after());
    assertEquals("expire", then.cancels().get(0).name());
    assertEquals(Optional.of(false), then.ended());
    SpecDef.ThenReaction second = (SpecDef.ThenReaction) specs.get(1).then();
    assertEquals("AccountClosed", second.rejection().orElseThrow().type());
    assertEquals("CreditAccount", specs.get(1).when().orElseThrow().type());
  }

  @Test
  void timeThatIsNoDuration() {
    withSpecs().replace("- after: PT10M", "- §after: ten minutes").expect(DiagnosticCode.SPEC_TIME, "ten minutes");
  }

  @Test
  void aScheduledDeadlineThatIsNotOneOfTheProcess() {
    withSpecs().replace("schedules: { expire: PT1H }", "schedules: { §expiry: PT1H }")
        .expect(DiagnosticCode.NOT_OF_THE_PROCESS, "expiry", "did you mean");
  }

  @Test
  void anExpectedCommandTheProcessDoesNotIssue() {
    withSpecs().replace("issues: [ { CreditAccount: { accountId: $b, transferId: $t, amount: 5 } } ]",
            "issues: [ { §RequestTransfer: { transferId: $t, source: $a, target: $b, amount: 5 } } ]")
        .expect(DiagnosticCode.NOT_OF_THE_PROCESS, "RequestTransfer");
  }

  @Test
  void aGivenEventTheProcessDoesNotHandle() {
    withSpecs().replace("- after: PT10M\n", "- after: PT10M\n        - §TransferCompleted: { transferId: $t }\n")
        .replace("endsOn: [TransferCompleted, DebitRefunded]", "endsOn: [DebitRefunded]")
        .expect(DiagnosticCode.NOT_OF_THE_PROCESS, "TransferCompleted");
  }

  @Test
  void aRejectionOfACommandTheProcessDoesNotIssue() {
    withSpecs().replace("CreditAccount: { accountId: $b, transferId: $t, amount: 5 }\n",
            "§RequestTransfer: { transferId: $t, source: $a, target: $b, amount: 5 }\n")
        .expect(DiagnosticCode.NOT_OF_THE_PROCESS, "RequestTransfer");
  }

  @Test
  void timeInTheSpecOfACommand() {
    ModelText.of(TRANSFER + """
        specs:
          CompleteTransfer:
            - name: waits
              given: [ { §after: PT1H } ]
              when: { CompleteTransfer: { transferId: $t } }
              then: [ { TransferCompleted: { transferId: $t } } ]
        """).expect(DiagnosticCode.PROCESS_SPEC_STEP, "time");
  }

  @Test
  void aProcessSpecWithoutWhen() {
    withSpecs().replace("      when: { AccountDebited: { accountId: $a, transferId: $t, amount: 5 } }\n", "")
        .replace("  - name: credits after the debit", "  - §name: credits after the debit")
        .expect(DiagnosticCode.WHEN_MISMATCH, "no 'when'");
  }
}
