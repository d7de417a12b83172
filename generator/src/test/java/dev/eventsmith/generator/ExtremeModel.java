package dev.eventsmith.generator;

import dev.eventsmith.spec.codegen.JavaLimits;

/**
 * A valid model at the edges the validator allows: every name 64 characters long, long spec names,
 * texts, patterns and stored names, and a spec whose given events are too many for one method. Its
 * generated code must still compile and keep within 100 columns.
 */
final class ExtremeModel {
  static final String FILE = "extremes/extremes.yaml";

  private ExtremeModel() {}

  /** {@code prefix} padded with {@code Xy} to exactly the longest name. */
  static String name(String prefix) {
    StringBuilder name = new StringBuilder(prefix);
    while (name.length() < JavaLimits.MAX_NAME_LENGTH) {
      name.append(name.length() % 2 == 0 ? 'X' : 'y');
    }
    return name.toString();
  }

  static String yaml() {
    String model = name("Model");
    String type = name("Amount");
    String status = name("Status");
    String aggregate = name("Account");
    String event = name("DepositRecorded");
    String command = name("RecordDeposit");
    String rejection = name("DepositRefused");
    String view = name("Balance");
    String automation = name("NotifyOnDeposit");
    String id = name("accountId");
    String note = name("note");
    String amount = name("amount");
    String amounts = name("history");
    String state = name("state");
    String total = name("total");
    String words = "a rule whose name is a whole sentence about what happens to a deposit of money when the"
        + " account it is recorded on has already been closed by its owner, told at length";
    // Long, and linear to match: no nested quantifiers.
    String pattern = "[A-Za-z ,.]*(?:" + "x|".repeat(120) + "y)?";
    String text = "a note long enough to need more than one line of generated code when it is written as"
        + " a Java string literal in a spec test";
    StringBuilder given = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      given.append(i == 0 ? "" : ", ").append("{ ").append(event).append(": { ").append(id).append(": $acct, ")
          .append(note).append(": \"").append(text).append("\", ").append(amount).append(": ").append(i % 90)
          .append(", ").append(amounts).append(": [1.50, 2, 3.25], ").append(state).append(": ~ } }");
    }
    return "eventmodel: 1\n"
        + "name: " + model + "\n"
        + "package: com.example." + name("extremes").toLowerCase(java.util.Locale.ROOT) + "\n"
        + "types:\n"
        + "  " + type + ": { base: decimal, min: 0, max: 1000, scale: 2 }\n"
        + "  " + status + ": { enum: [" + name("OPEN_FOR_DEPOSITS").toUpperCase(java.util.Locale.ROOT) + ", CLOSED] }\n"
        + "aggregates:\n"
        + "  " + aggregate + ": { id: " + id + " }\n"
        + "events:\n"
        + "  " + event + ":\n"
        + "    storedName: \"" + "accounts.deposit-recorded-by-the-teller-".repeat(8) + "\"\n"
        + "    version: 2\n"
        + "    upcast: [ { from: 1, set: { " + note + ": \"" + text + "\" } } ]\n"
        + "    fields:\n"
        + "      " + id + ": uuid\n"
        + "      " + note + ": { type: string, pattern: \"" + pattern + "\", maxLength: 500 }\n"
        + "      " + amount + ": { type: decimal, min: 0, max: 99 }\n"
        + "      " + amounts + ": list<" + type + ">\n"
        + "      " + state + ": " + status + "?\n"
        + "commands:\n"
        + "  " + command + ":\n"
        + "    aggregate: " + aggregate + "\n"
        + "    fields: { " + id + ": uuid, " + note + ": string }\n"
        + "    emits: [" + event + "]\n"
        + "    rejects: { " + rejection + ": { fields: { " + note + ": string } } }\n"
        + "views:\n"
        + "  " + view + ":\n"
        + "    key: " + id + "\n"
        + "    fields: { " + id + ": uuid, " + total + ": { type: int, computed: true } }\n"
        + "    from: [" + event + "]\n"
        + "automations:\n"
        + "  " + automation + ": { on: " + event + ", issues: [" + command + "] }\n"
        + "specs:\n"
        + "  " + command + ":\n"
        + "    - name: " + words + "\n"
        + "      given: [ " + given + " ]\n"
        + "      when: { " + command + ": { " + id + ": $acct, " + note + ": \"" + text + "\" } }\n"
        + "      then: [ { " + event + ": { " + id + ": $acct, " + note + ": \"" + text + "\", " + amount
        + ": 98.5, " + amounts + ": [], " + state + ": CLOSED } } ]\n"
        + "    - name: " + words + " again\n"
        + "      when: { " + command + ": { " + id + ": $" + name("someAccount") + ", " + note + ": x } }\n"
        + "      then: { rejected: { " + rejection + ": { " + note + ": \"" + text + "\" } } }\n"
        + "  " + view + ":\n"
        + "    - name: " + words + "\n"
        + "      given: [ { " + event + ": { " + id + ": $acct, " + note + ": x, " + amount + ": 1, " + amounts
        + ": [1], " + state + ": ~ } } ]\n"
        + "      then: { " + view + ": { " + id + ": $acct, " + total + ": 2147483647 } }\n"
        + "  " + automation + ":\n"
        + "    - name: " + words + "\n"
        + "      given: [ { " + event + ": { " + id + ": $acct, " + note + ": x, " + amount + ": 1, " + amounts
        + ": [1], " + state + ": ~ } } ]\n"
        + "      then: [ { " + command + ": { " + id + ": $acct, " + note + ": \"" + text + "\" } } ]\n";
  }
}
