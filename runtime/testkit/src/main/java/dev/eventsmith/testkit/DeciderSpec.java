package dev.eventsmith.testkit;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Given events, when a command, then events or a rejection: one spec of a decider, as the
 * generated tests run it. Failures show expected and actual as YAML and point at the spec's line.
 */
public final class DeciderSpec<S, C extends Command, E extends Event> {

  private final Decider<S, C, E> decider;
  private final SpecReport report;
  private final SpecYaml yaml;
  private final CodecRoundTrip codec;
  private final List<E> given = new ArrayList<>();
  private C command;

  private DeciderSpec(Decider<S, C, E> decider, EventCodec codec, Symbols symbols, SpecSource source) {
    this.decider = Objects.requireNonNull(decider, "decider");
    this.report = new SpecReport(Objects.requireNonNull(source, "source"));
    this.yaml = new SpecYaml(Objects.requireNonNull(symbols, "symbols"));
    this.codec = new CodecRoundTrip(Objects.requireNonNull(codec, "codec"), report, yaml);
  }

  public static <S, C extends Command, E extends Event> DeciderSpec<S, C, E> of(
      Decider<S, C, E> decider, EventCodec codec, Symbols symbols, SpecSource source) {
    return new DeciderSpec<>(decider, codec, symbols, source);
  }

  /** The events already in the stream, oldest first. */
  @SafeVarargs
  public final DeciderSpec<S, C, E> given(E... events) {
    // element by element: handing the varargs array on would make javac doubt @SafeVarargs
    for (E event : events) {
      given.add(event);
    }
    return this;
  }

  /** The command under test. */
  public DeciderSpec<S, C, E> when(C command) {
    this.command = Objects.requireNonNull(command, "command");
    return this;
  }

  /** Passes if the command is accepted with exactly {@code expected}, in order (none: no events). */
  @SafeVarargs
  public final void thenEvents(E... expected) {
    List<E> expectedEvents = new ArrayList<>(expected.length);
    for (E event : expected) {
      expectedEvents.add(event);
    }
    Decision<? extends E, ? extends Rejection> decision = run();
    if (decision instanceof Decision.Rejected<?, ?> rejected) {
      throw report.mismatch("the command was rejected, but events were expected",
          "expected events", yaml.events(expectedEvents), "actual rejection", List.of(yaml.rejection(rejected.rejection())));
    }
    List<? extends E> actual = ((Decision.Accepted<? extends E, ?>) decision).events();
    if (!actual.equals(expectedEvents)) {
      throw report.mismatch("", "expected events", yaml.events(expectedEvents), "actual events", yaml.events(actual));
    }
  }

  /** Passes if the command is rejected with a rejection equal to {@code expected}. */
  public void thenRejected(Rejection expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> wanted = List.of(yaml.rejection(expected));
    Decision<? extends E, ? extends Rejection> decision = run();
    if (decision instanceof Decision.Accepted<?, ?> accepted) {
      throw report.mismatch("the command was accepted, but a rejection was expected",
          "expected rejection", wanted, "actual events", yaml.events(accepted.events()));
    }
    Object actual = ((Decision.Rejected<?, ?>) decision).rejection();
    if (!expected.equals(actual)) {
      throw report.mismatch("", "expected rejection", wanted, "actual rejection", List.of(yaml.rejection(actual)));
    }
  }

  /** Passes if the command is rejected with a rejection of {@code type}, whatever its fields. */
  public void thenRejectedWith(Class<? extends Rejection> type) {
    Objects.requireNonNull(type, "type");
    List<String> wanted = List.of(yaml.rejectionType(type));
    Decision<? extends E, ? extends Rejection> decision = run();
    if (decision instanceof Decision.Accepted<?, ?> accepted) {
      throw report.mismatch("the command was accepted, but a rejection was expected",
          "expected rejection", wanted, "actual events", yaml.events(accepted.events()));
    }
    Object actual = ((Decision.Rejected<?, ?>) decision).rejection();
    if (!type.isInstance(actual)) {
      throw report.mismatch("", "expected rejection", wanted, "actual rejection", List.of(yaml.rejection(actual)));
    }
  }

  private Decision<? extends E, ? extends Rejection> run() {
    if (command == null) {
      throw new IllegalStateException("call when(command) before then...(): " + report.header());
    }
    S state = initialState();
    for (int i = 0; i < given.size(); i++) {
      E event = given.get(i);
      codec.check(event, "given event #" + (i + 1));
      state = evolve(state, event, "given event #" + (i + 1));
    }
    Decision<? extends E, ? extends Rejection> decision;
    try {
      decision = decider.decide(command, state);
    } catch (RuntimeException e) {
      throw report.threw("decide(" + command.getClass().getSimpleName() + ")", e);
    }
    if (decision == null) {
      throw report.failure("decide(" + command.getClass().getSimpleName() + ") returned null instead of a Decision");
    }
    if (decision instanceof Decision.Accepted<? extends E, ?> accepted) {
      // Production folds emitted events on the next load: an evolve that throws on them fails here, not there.
      List<? extends E> emitted = accepted.events();
      for (int i = 0; i < emitted.size(); i++) {
        // The command handler refuses to append an event to another stream than the command's.
        if (!emitted.get(i).streamId().equals(command.streamId())) {
          throw report.failure("decide(" + command.getClass().getSimpleName() + ") emitted event #" + (i + 1) + " ("
              + emitted.get(i).getClass().getSimpleName() + ") for stream " + emitted.get(i).streamId()
              + ", but the command is addressed to stream " + command.streamId()
              + "; an aggregate only records events in its own stream (use an automation to act on another)");
        }
        codec.check(emitted.get(i), "emitted event #" + (i + 1));
        state = evolve(state, emitted.get(i), "emitted event #" + (i + 1));
      }
    }
    return decision;
  }

  private S initialState() {
    try {
      return decider.initialState();
    } catch (RuntimeException e) {
      throw report.threw("initialState()", e);
    }
  }

  private S evolve(S state, E event, String what) {
    try {
      return decider.evolve(state, event);
    } catch (RuntimeException e) {
      throw report.threw("evolve with " + what + " (" + event.getClass().getSimpleName() + ")", e);
    }
  }
}
