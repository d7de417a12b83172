package dev.eventsmith.insight;

import dev.eventsmith.spec.model.SpecDef.SubjectKind;
import java.util.List;
import java.util.Locale;

/**
 * One slice of a model (a command, view or automation): whether its logic is written and how its
 * specs did.
 *
 * @param implementation the hand-written class behind the slice, empty when none was found
 */
public record SliceStatus(String name, SubjectKind kind, String implementation, List<SpecStatus> specs) {

  public SliceStatus {
    specs = List.copyOf(specs);
  }

  /** Whether a hand-written class implements the slice's contract. */
  public boolean implemented() {
    return !implementation.isEmpty();
  }

  /** How many of its specs ended with {@code outcome}. */
  public int count(SpecStatus.Outcome outcome) {
    return (int) specs.stream().filter(s -> s.outcome() == outcome).count();
  }

  /** One word for the slice: {@code failing}, {@code not run}, {@code passing}, {@code no specs} or {@code not implemented}. */
  public String state() {
    if (!implemented()) {
      return "not implemented";
    }
    if (specs.isEmpty()) {
      return "no specs";
    }
    if (count(SpecStatus.Outcome.FAILED) > 0) {
      return SpecStatus.Outcome.FAILED.label();
    }
    if (count(SpecStatus.Outcome.NOT_RUN) > 0) {
      return SpecStatus.Outcome.NOT_RUN.label();
    }
    return count(SpecStatus.Outcome.PASSED) > 0 ? SpecStatus.Outcome.PASSED.label() : SpecStatus.Outcome.SKIPPED.label();
  }

  /** {@code command}, {@code view} or {@code automation}. */
  public String kindLabel() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
