package dev.eventsmith.testkit;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.codec.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Given events and time passing, when one more event, more time or the rejection of a command the
 * process issued, then exactly these commands, deadlines scheduled and cancelled (and, if asked,
 * the instance ended): one spec of a process, as the generated tests run it. Time is a fake clock
 * that starts at {@link #START} and moves only by {@code after} steps; events are recorded at its
 * current time, and a step of time fires the deadlines due by its end, earliest first, at that
 * moment, as a {@code DeadlineRunner} polled then would. The process is driven as the runtime's
 * {@code ProcessRunner} drives it (instances by key, started by their starting events, over once
 * ended, their deadlines then cancelled); every given event goes through the codec first.
 *
 * @param <S> the state of one instance
 */
public final class ProcessSpec<S> {

  /** The fake clock's time before the first step. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private record Instance<S>(S state, boolean ended) {}

  /** What the step under test did. */
  private record Outcome(List<Command> issued, Map<String, Duration> schedules, List<String> cancels,
      Optional<Boolean> ended) {}

  private final Workflow<S> process;
  private final SpecReport report;
  private final SpecYaml yaml;
  private final CodecRoundTrip codec;
  private final Map<String, Instance<S>> instances = new HashMap<>();
  /** Scheduled deadlines by key, then name: when each falls due. */
  private final Map<String, Map<String, Instant>> deadlines = new LinkedHashMap<>();
  private Instant now = START;
  private int steps;
  private Optional<String> lastKey = Optional.empty();
  private Outcome outcome;
  private final List<Command> expectedIssues = new ArrayList<>();
  private final Map<String, Duration> expectedSchedules = new LinkedHashMap<>();
  private final List<String> expectedCancels = new ArrayList<>();
  private Optional<Boolean> expectedEnded = Optional.empty();

  private ProcessSpec(Workflow<S> process, EventCodec codec, Symbols symbols, SpecSource source) {
    this.process = Objects.requireNonNull(process, "process");
    this.report = new SpecReport(Objects.requireNonNull(source, "source"));
    this.yaml = new SpecYaml(Objects.requireNonNull(symbols, "symbols"));
    this.codec = new CodecRoundTrip(Objects.requireNonNull(codec, "codec"), report, yaml);
  }

  public static <S> ProcessSpec<S> of(Workflow<S> process, EventCodec codec, Symbols symbols, SpecSource source) {
    return new ProcessSpec<>(process, codec, symbols, source);
  }

  /** An event recorded now, in the history; what the process does because of it is not checked. */
  public ProcessSpec<S> given(Event event) {
    record(event, "given step #" + ++steps);
    return this;
  }

  /** Time passing in the history ({@code PT30M}); the deadlines it fires are not checked. */
  public ProcessSpec<S> givenAfter(String duration) {
    ++steps;
    pass(Duration.parse(duration), new ArrayList<>());
    return this;
  }

  /** The step under test: an event recorded now. */
  public ProcessSpec<S> whenEvent(Event event) {
    Objects.requireNonNull(event, "event");
    Reacted reacted = record(event, "'when'");
    Optional<String> key = reacted.key();
    outcome = new Outcome(reacted.reaction().commands(), reacted.reaction().schedules(), reacted.reaction().cancels(),
        key.map(k -> instances.containsKey(k) && instances.get(k).ended()));
    return this;
  }

  /** The step under test: time passing ({@code PT1H}); the commands are those of the deadlines it fires. */
  public ProcessSpec<S> whenAfter(String duration) {
    List<Command> issued = new ArrayList<>();
    pass(Duration.parse(duration), issued);
    outcome = new Outcome(issued, Map.of(), List.of(), lastKey.map(k -> instances.get(k).ended()));
    return this;
  }

  /**
   * The step under test: {@code command}, which the process issued, rejected with {@code rejection};
   * it is handed to the instance of the latest event.
   */
  public ProcessSpec<S> whenRejected(Command command, Rejection rejection) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(rejection, "rejection");
    if (lastKey.isEmpty() || !instances.containsKey(lastKey.get())) {
      throw report.failure("'when' gives a rejection of " + command.getClass().getSimpleName()
          + ", but no instance of the process was started by the given events");
    }
    String key = lastKey.get();
    Instance<S> instance = instances.get(key);
    Reaction reaction = call("onRejected(" + command.getClass().getSimpleName() + ", "
        + rejection.getClass().getSimpleName() + ")", () -> process.onRejected(instance.state(), command, rejection));
    carryOut(key, reaction);
    outcome = new Outcome(reaction.commands(), reaction.schedules(), reaction.cancels(), Optional.of(instance.ended()));
    return this;
  }

  /** The commands the step must issue, exactly and in order (none: it issues none). */
  public ProcessSpec<S> thenIssues(Command... commands) {
    for (Command command : commands) {
      expectedIssues.add(Objects.requireNonNull(command, "command"));
    }
    return this;
  }

  /** A deadline the step must schedule, due {@code after} ({@code PT1H}) the moment of the step. */
  public ProcessSpec<S> thenSchedules(String deadline, String after) {
    expectedSchedules.put(Objects.requireNonNull(deadline, "deadline"), Duration.parse(after));
    return this;
  }

  /** The deadlines the step must cancel. */
  public ProcessSpec<S> thenCancels(String... cancelled) {
    expectedCancels.addAll(List.of(cancelled));
    return this;
  }

  /** Whether the instance must have ended after the step. */
  public ProcessSpec<S> thenEnded(boolean ended) {
    expectedEnded = Optional.of(ended);
    return this;
  }

  /** Passes if the step did exactly what is expected; else fails with both sides as YAML and the spec's line. */
  public void verify() {
    if (outcome == null) {
      throw report.failure("the spec has no 'when': give the step whose reaction it expects");
    }
    Optional<Boolean> ended = expectedEnded.isPresent() ? outcome.ended().or(() -> Optional.of(false))
        : Optional.empty();
    List<String> expected = render(expectedIssues, expectedSchedules, expectedCancels, expectedEnded);
    List<String> actual = render(outcome.issued(), outcome.schedules(), outcome.cancels(), ended);
    if (!expected.equals(actual) || !expectedIssues.equals(outcome.issued())) {
      throw report.mismatch("", "expected", expected, "actual", actual);
    }
  }

  private List<String> render(List<Command> issued, Map<String, Duration> schedules, List<String> cancels,
      Optional<Boolean> ended) {
    List<String> lines = new ArrayList<>();
    List<String> commands = yaml.events(issued);
    if (issued.isEmpty()) {
      lines.add("issues: []");
    } else {
      lines.add("issues:");
      commands.forEach(line -> lines.add("  " + line));
    }
    if (schedules.isEmpty()) {
      lines.add("schedules: {}");
    } else {
      lines.add("schedules:");
      schedules.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> lines.add("  " + e.getKey() + ": " + e.getValue()));
    }
    lines.add("cancels: " + cancels.stream().sorted().toList().toString());
    ended.ifPresent(e -> lines.add("ended: " + e));
    return lines;
  }

  /** What an event did: the instance's key, if any, and its reaction. */
  private record Reacted(Optional<String> key, Reaction reaction) {}

  private Reacted record(Event event, String what) {
    codec.check(Objects.requireNonNull(event, "event"), what);
    String name = event.getClass().getSimpleName();
    Optional<String> key = call("keyOf(" + name + ")", () -> process.keyOf(event));
    if (key.isEmpty()) {
      return new Reacted(key, Reaction.none());
    }
    Instance<S> before = instances.get(key.get());
    boolean fresh = before == null || before.ended();
    if (fresh && !call("starts(" + name + ")", () -> process.starts(event))) {
      return new Reacted(Optional.empty(), Reaction.none());
    }
    S start = fresh ? call("initialState(" + key.get() + ")", () -> process.initialState(key.get())) : before.state();
    S state = call("evolve(" + name + ")", () -> process.evolve(start, event));
    boolean ended = call("ended", () -> process.ended(state));
    instances.put(key.get(), new Instance<>(state, ended));
    lastKey = key;
    Reaction reaction = call("react(" + name + ")", () -> process.react(state, event, now));
    carryOut(key.get(), reaction);
    if (ended) {
      deadlines.remove(key.get());
    }
    return new Reacted(key, reaction);
  }

  private void carryOut(String key, Reaction reaction) {
    Map<String, Instant> scheduled = deadlines.computeIfAbsent(key, k -> new LinkedHashMap<>());
    reaction.cancels().forEach(scheduled::remove);
    reaction.schedules().forEach((name, after) -> scheduled.put(name, now.plus(after)));
  }

  /** Moves the clock by {@code duration}, firing what falls due, earliest first; adds their commands to {@code issued}. */
  private void pass(Duration duration, List<Command> issued) {
    Instant end = now.plus(duration);
    while (true) {
      String dueKey = null;
      String dueName = null;
      Instant due = null;
      for (Map.Entry<String, Map<String, Instant>> instance : deadlines.entrySet()) {
        for (Map.Entry<String, Instant> deadline : instance.getValue().entrySet()) {
          if (!deadline.getValue().isAfter(end) && (due == null || deadline.getValue().isBefore(due))) {
            dueKey = instance.getKey();
            dueName = deadline.getKey();
            due = deadline.getValue();
          }
        }
      }
      if (due == null) {
        break;
      }
      deadlines.get(dueKey).remove(dueName);
      Instance<S> instance = instances.get(dueKey);
      if (instance == null || instance.ended()) {
        continue;
      }
      String name = dueName;
      Reaction reaction = call("onDeadline(" + name + ")", () -> process.onDeadline(instance.state(), name, end));
      if (!reaction.schedules().isEmpty() || !reaction.cancels().isEmpty()) {
        throw report.failure("the reaction to the deadline '" + name + "' schedules or cancels deadlines; a deadline's"
            + " reaction issues commands only, and the events they record may schedule deadlines");
      }
      issued.addAll(reaction.commands());
    }
    now = end;
  }

  private <T> T call(String step, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      throw report.threw(step, e);
    }
    if (result == null) {
      throw report.failure(step + " returned null");
    }
    return result;
  }
}
