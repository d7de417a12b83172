package dev.eventsmith.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Workflow} instance does: the commands it issues, in order, the deadlines it
 * schedules (each a name and how long after the moment of the reaction it falls due; scheduling a
 * deadline again moves it) and the deadlines it cancels. Immutable: each method answers a new
 * reaction.
 */
public record Reaction(List<Command> commands, Map<String, Duration> schedules, List<String> cancels) {

  private static final Reaction NONE = new Reaction(List.of(), Map.of(), List.of());

  public Reaction {
    commands = List.copyOf(commands);
    schedules = Map.copyOf(schedules);
    cancels = List.copyOf(cancels);
    for (Map.Entry<String, Duration> schedule : schedules.entrySet()) {
      if (schedule.getValue().isNegative()) {
        throw new IllegalArgumentException("the deadline " + schedule.getKey() + " falls due in the past: "
            + schedule.getValue());
      }
      if (cancels.contains(schedule.getKey())) {
        throw new IllegalArgumentException("the deadline " + schedule.getKey() + " is both scheduled and cancelled; "
            + "scheduling it moves it, so only schedule it");
      }
    }
  }

  /** Nothing to do. */
  public static Reaction none() {
    return NONE;
  }

  /** Issues {@code commands}, in order. */
  public static Reaction issue(Command... commands) {
    return NONE.andIssue(commands);
  }

  /** This reaction, also issuing {@code more}, after its own commands. */
  public Reaction andIssue(Command... more) {
    List<Command> all = new ArrayList<>(commands);
    for (Command command : more) {
      all.add(Objects.requireNonNull(command, "command"));
    }
    return new Reaction(all, schedules, cancels);
  }

  /** This reaction, also scheduling the deadline {@code name} to fall due {@code after} the reaction's moment. */
  public Reaction andSchedule(String name, Duration after) {
    Map<String, Duration> all = new LinkedHashMap<>(schedules);
    all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(after, "after"));
    return new Reaction(commands, all, cancels);
  }

  /** This reaction, also cancelling the deadline {@code name}. */
  public Reaction andCancel(String name) {
    List<String> all = new ArrayList<>(cancels);
    all.add(Objects.requireNonNull(name, "name"));
    return new Reaction(commands, schedules, all);
  }
}
