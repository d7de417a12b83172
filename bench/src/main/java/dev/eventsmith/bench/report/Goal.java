package dev.eventsmith.bench.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** A goal of issue 11 (or of an earlier issue) that one row of the report is checked against. */
interface Goal {

  /** What the goal asks, in the words of the table. */
  String text();

  /** Whether the figures reach it; empty when a figure it needs is missing. */
  Optional<Boolean> met(OptionalDouble eventsmith, OptionalDouble axon, OptionalDouble limit);

  /** Eventsmith at least {@code times} Axon's figure. */
  static Goal timesAxon(double times) {
    return new Goal() {
      @Override
      public String text() {
        return "≥ " + Figures.ratio(times) + " Axon";
      }

      @Override
      public Optional<Boolean> met(OptionalDouble eventsmith, OptionalDouble axon, OptionalDouble limit) {
        return both(eventsmith, axon).map(pair -> pair[0] >= times * pair[1]);
      }
    };
  }

  /** Eventsmith at least {@code share} of the limit's figure. */
  static Goal shareOfLimit(double share) {
    return new Goal() {
      @Override
      public String text() {
        return "≥ " + Math.round(share * 100) + " % of the limit";
      }

      @Override
      public Optional<Boolean> met(OptionalDouble eventsmith, OptionalDouble axon, OptionalDouble limit) {
        return both(eventsmith, limit).map(pair -> pair[0] >= share * pair[1]);
      }
    };
  }

  /** Eventsmith at least {@code perSecond} events (or commands) per second. */
  static Goal atLeast(double perSecond) {
    return new Goal() {
      @Override
      public String text() {
        return "≥ " + Figures.figure(perSecond) + "/s";
      }

      @Override
      public Optional<Boolean> met(OptionalDouble eventsmith, OptionalDouble axon, OptionalDouble limit) {
        return eventsmith.isPresent() ? Optional.of(eventsmith.getAsDouble() >= perSecond)
            : Optional.empty();
      }
    };
  }

  /** Every one of {@code goals}. */
  static Goal all(Goal... goals) {
    return new Goal() {
      @Override
      public String text() {
        return String.join(" and ", List.of(goals).stream().map(Goal::text).toList());
      }

      @Override
      public Optional<Boolean> met(OptionalDouble eventsmith, OptionalDouble axon, OptionalDouble limit) {
        boolean all = true;
        for (Goal goal : goals) {
          Optional<Boolean> met = goal.met(eventsmith, axon, limit);
          if (met.isEmpty()) {
            return met;
          }
          all &= met.get();
        }
        return Optional.of(all);
      }
    };
  }

  private static Optional<double[]> both(OptionalDouble a, OptionalDouble b) {
    return a.isPresent() && b.isPresent() ? Optional.of(new double[] {a.getAsDouble(), b.getAsDouble()})
        : Optional.empty();
  }
}
