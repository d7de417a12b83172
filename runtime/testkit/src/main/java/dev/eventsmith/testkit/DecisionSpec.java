package dev.eventsmith.testkit;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.CrossStreamDecider;
import dev.eventsmith.runtime.dcb.DecisionHandler;
import dev.eventsmith.runtime.dcb.InMemoryTaggedEventStore;
import dev.eventsmith.runtime.dcb.TaggedEvent;
import dev.eventsmith.runtime.store.NewEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Given tagged events, when a command decided across streams, then events or a rejection: one
 * spec of a {@link CrossStreamDecider}, as the generated tests run it. The given events are
 * stored with their tags in an in-memory tagged store and the command goes through a real
 * {@link DecisionHandler}, so the spec also shows that the query finds the events that matter and
 * ignores the others. Failures show expected and actual as YAML and point at the spec's line.
 */
public final class DecisionSpec<S, C extends Command, E extends Event> {

  private final CrossStreamDecider<S, C, E> decider;
  private final EventCodec codec;
  private final Function<Event, Set<String>> tags;
  private final SpecReport report;
  private final SpecYaml yaml;
  private final CodecRoundTrip roundTrip;
  private final List<Event> given = new ArrayList<>();
  private C command;

  private DecisionSpec(CrossStreamDecider<S, C, E> decider, EventCodec codec, Function<Event, Set<String>> tags,
      Symbols symbols, SpecSource source) {
    this.decider = Objects.requireNonNull(decider, "decider");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.tags = Objects.requireNonNull(tags, "tags");
    this.report = new SpecReport(Objects.requireNonNull(source, "source"));
    this.yaml = new SpecYaml(Objects.requireNonNull(symbols, "symbols"));
    this.roundTrip = new CodecRoundTrip(codec, report, yaml);
  }

  /** A spec of {@code decider}, whose events are stored by {@code codec} with the tags {@code tags} gives. */
  public static <S, C extends Command, E extends Event> DecisionSpec<S, C, E> of(CrossStreamDecider<S, C, E> decider,
      EventCodec codec, Function<Event, Set<String>> tags, Symbols symbols, SpecSource source) {
    return new DecisionSpec<>(decider, codec, tags, symbols, source);
  }

  /** The events already stored, of any stream, oldest first. */
  public DecisionSpec<S, C, E> given(Event... events) {
    for (Event event : events) {
      given.add(Objects.requireNonNull(event, "event"));
    }
    return this;
  }

  /** The command under test. */
  public DecisionSpec<S, C, E> when(C command) {
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
    CommandResult result = run();
    if (result instanceof CommandResult.Rejected rejected) {
      throw report.mismatch("the command was rejected, but events were expected",
          "expected events", yaml.events(expectedEvents), "actual rejection",
          List.of(yaml.rejection(rejected.rejection())));
    }
    List<Event> actual = ((CommandResult.Accepted) result).events();
    if (!actual.equals(expectedEvents)) {
      throw report.mismatch("", "expected events", yaml.events(expectedEvents), "actual events", yaml.events(actual));
    }
  }

  /** Passes if the command is rejected with a rejection equal to {@code expected}. */
  public void thenRejected(Rejection expected) {
    Objects.requireNonNull(expected, "expected");
    Object actual = rejection(List.of(yaml.rejection(expected)));
    if (!expected.equals(actual)) {
      throw report.mismatch("", "expected rejection", List.of(yaml.rejection(expected)), "actual rejection",
          List.of(yaml.rejection(actual)));
    }
  }

  /** Passes if the command is rejected with a rejection of {@code type}, whatever its fields. */
  public void thenRejectedWith(Class<? extends Rejection> type) {
    Objects.requireNonNull(type, "type");
    List<String> wanted = List.of(yaml.rejectionType(type));
    Object actual = rejection(wanted);
    if (!type.isInstance(actual)) {
      throw report.mismatch("", "expected rejection", wanted, "actual rejection", List.of(yaml.rejection(actual)));
    }
  }

  private Object rejection(List<String> wanted) {
    CommandResult result = run();
    if (result instanceof CommandResult.Accepted accepted) {
      throw report.mismatch("the command was accepted, but a rejection was expected",
          "expected rejection", wanted, "actual events", yaml.events(accepted.events()));
    }
    return ((CommandResult.Rejected) result).rejection();
  }

  private CommandResult run() {
    if (command == null) {
      throw new IllegalStateException("call when(command) before then...(): " + report.header());
    }
    InMemoryTaggedEventStore store = new InMemoryTaggedEventStore();
    for (int i = 0; i < given.size(); i++) {
      Event event = given.get(i);
      roundTrip.check(event, "given event #" + (i + 1));
      EncodedEvent encoded = codec.encode(event);
      NewEvent stored = new NewEvent(new UUID(0, i + 1), encoded.type(), encoded.schemaVersion(), encoded.data(),
          Map.of());
      store.appendTagged(event.streamId(), List.of(new TaggedEvent(stored, tags.apply(event))));
    }
    try {
      return new DecisionHandler<>(store, codec, decider).withMaxAttempts(1).handle(command);
    } catch (RuntimeException e) {
      throw report.threw("deciding " + command.getClass().getSimpleName() + " across streams", e);
    }
  }
}
