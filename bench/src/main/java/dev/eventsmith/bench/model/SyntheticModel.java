package dev.eventsmith.bench.model;

/**
 * Writes a large, valid event model as YAML: {@code aggregates} aggregates, each with 10 events,
 * 5 commands (each emitting 2 events and declaring a rejection) and 20 command specs. With 100
 * aggregates that is 1,000 events, 500 commands and 2,000 specs.
 */
final class SyntheticModel {

  private SyntheticModel() {}

  static String yaml(int aggregates) {
    StringBuilder y = new StringBuilder(1 << 20);
    y.append("eventmodel: 1\nname: Synthetic\npackage: com.example.synthetic\n");
    y.append("types:\n  Amount: { base: decimal, min: 0, scale: 2 }\n  Label: { base: string, maxLength: 40 }\n");
    y.append("aggregates:\n");
    for (int a = 0; a < aggregates; a++) {
      y.append("  Unit").append(a).append(": { id: unitId }\n");
    }
    y.append("events:\n");
    for (int a = 0; a < aggregates; a++) {
      for (int e = 0; e < 10; e++) {
        y.append("  Unit").append(a).append("Step").append(e).append("Recorded:\n")
            .append("    aggregate: Unit").append(a).append('\n')
            .append("    fields: { unitId: uuid, count: { type: int, min: 0 }, label: Label, amount: Amount,")
            .append(" note: \"string?\", tags: list<string> }\n");
      }
    }
    y.append("commands:\n");
    for (int a = 0; a < aggregates; a++) {
      for (int c = 0; c < 5; c++) {
        y.append("  RecordUnit").append(a).append("Pair").append(c).append(":\n")
            .append("    aggregate: Unit").append(a).append('\n')
            .append("    fields: { unitId: uuid, count: { type: int, min: 0 }, label: Label, amount: Amount }\n")
            .append("    emits: [Unit").append(a).append("Step").append(2 * c).append("Recorded, Unit").append(a)
            .append("Step").append(2 * c + 1).append("Recorded]\n")
            .append("    rejects: { Unit").append(a).append("Pair").append(c).append("Refused: { fields: { reason: string } } }\n");
      }
    }
    y.append("specs:\n");
    for (int a = 0; a < aggregates; a++) {
      for (int c = 0; c < 5; c++) {
        String command = "RecordUnit" + a + "Pair" + c;
        y.append("  ").append(command).append(":\n");
        for (int s = 0; s < 4; s++) {
          String first = "Unit" + a + "Step" + (2 * c) + "Recorded";
          String values = "unitId: $unit, count: " + s + ", label: l" + s + ", amount: " + s + ".50";
          y.append("    - name: case ").append(s).append('\n')
              .append("      given: [ { ").append(first).append(": { ").append(values).append(", tags: [a, b] } } ]\n")
              .append("      when: { ").append(command).append(": { ").append(values).append(" } }\n");
          if (s % 2 == 0) {
            y.append("      then: [ { ").append(first).append(": { ").append(values).append(", tags: [] } } ]\n");
          } else {
            y.append("      then: { rejected: { Unit").append(a).append("Pair").append(c)
                .append("Refused: { reason: busy } } }\n");
          }
        }
      }
    }
    return y.toString();
  }
}
