package dev.eventsmith.runtime.dcb;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs commands decided across streams: read the events matching the command's query, fold,
 * decide, and append under the condition "no matching event after the position read"; on a
 * conflict, read and decide again. The emitted events go to the end of the first one's stream
 * ({@link Event#streamId()}), all of them to that stream. Thread-safe.
 *
 * <p>A command sent with a {@link CommandHandler#COMMAND_ID} in its metadata is recorded at most
 * once, as by {@link CommandHandler}: its events' ids derive from the command id (and the command's
 * simple class name, which generated commands take from the model, so moving the model's package
 * keeps them), so a repeat finds the first handling's events and answers with them.
 */
public final class DecisionHandler<S, C extends Command, E extends Event> {

  static final int DEFAULT_MAX_ATTEMPTS = 50;
  private static final int PAGE_SIZE = 500;

  private final TaggedEventStore store;
  private final EventCodec codec;
  private final CrossStreamDecider<S, C, E> decider;
  private final int maxAttempts;

  public DecisionHandler(TaggedEventStore store, EventCodec codec, CrossStreamDecider<S, C, E> decider) {
    this(store, codec, decider, DEFAULT_MAX_ATTEMPTS);
  }

  private DecisionHandler(TaggedEventStore store, EventCodec codec, CrossStreamDecider<S, C, E> decider,
      int maxAttempts) {
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.decider = Objects.requireNonNull(decider, "decider");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is at least 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
  }

  /** A handler that decides at most {@code maxAttempts} times before giving up on conflicts. */
  public DecisionHandler<S, C, E> withMaxAttempts(int maxAttempts) {
    return new DecisionHandler<>(store, codec, decider, maxAttempts);
  }

  public CommandResult handle(C command) {
    return handle(command, Map.of());
  }

  /**
   * Handles {@code command}, recording {@code metadata} on every appended event.
   *
   * @throws AppendConditionFailedException if other writers still won after the last attempt
   */
  public CommandResult handle(C command, Map<String, String> metadata) {
    Objects.requireNonNull(command, "command");
    Map<String, String> recorded = Map.copyOf(metadata);
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(command, recorded);
      } catch (AppendConditionFailedException conflict) {
        if (attempt >= maxAttempts) {
          throw conflict;
        }
        // A matching event was appended since we read: decide again on the new facts.
      } catch (DuplicateEventIdException repeated) {
        if (recorded.get(CommandHandler.COMMAND_ID) == null || attempt >= maxAttempts) {
          throw repeated;
        }
        // The same command, handled concurrently, was recorded first: the next attempt finds and answers it.
      }
    }
  }

  private CommandResult attempt(C command, Map<String, String> metadata) {
    String commandId = metadata.get(CommandHandler.COMMAND_ID);
    // The model's name of the command, not the Java package: a repeat across a deploy that moved the
    // package must still find the first handling.
    StreamId ids = StreamId.of("Decision", command.getClass().getSimpleName());
    if (commandId != null) {
      Optional<CommandResult> before = handledBefore(ids, commandId);
      if (before.isPresent()) {
        return before.get();
      }
    }
    EventQuery query = Objects.requireNonNull(decider.query(command), "query");
    S state = decider.initialState(command);
    long read = 0;
    while (true) {
      List<RecordedEvent> page = store.read(query, read, PAGE_SIZE);
      for (RecordedEvent event : page) {
        state = decider.evolve(state, codec.decode(event));
        read = event.globalPosition();
      }
      if (page.size() < PAGE_SIZE) {
        break;
      }
    }
    Decision<? extends E, ? extends Rejection> decision = decider.decide(command, state);
    StreamId stream = command.streamId();
    List<? extends E> events = decision instanceof Decision.Accepted<? extends E, ?> accepted ? accepted.events()
        : List.of();
    if (events.isEmpty() && commandId != null) {
      // The same command, handled concurrently, may have been recorded between our look-up and our
      // read, so that we decided on top of it (and refused it, say): answer what it recorded.
      Optional<CommandResult> before = handledBefore(ids, commandId);
      if (before.isPresent()) {
        return before.get();
      }
    }
    if (decision instanceof Decision.Rejected<?, ?> rejected) {
      return new CommandResult.Rejected(stream, (Rejection) rejected.rejection());
    }
    if (events.isEmpty()) {
      return new CommandResult.Accepted(stream, List.of(), 0, read);
    }
    stream = events.get(0).streamId();
    List<TaggedEvent> tagged = new ArrayList<>(events.size());
    for (E event : events) {
      if (!stream.equals(event.streamId())) {
        throw new IllegalStateException(decider.getClass().getName() + " emitted events for " + stream + " and "
            + event.streamId() + " in one decision; the events of one decision go to one stream");
      }
      EncodedEvent encoded = codec.encode(event);
      tagged.add(new TaggedEvent(new NewEvent(CommandHandler.eventId(ids, commandId, tagged.size()), encoded.type(),
          encoded.schemaVersion(), encoded.data(), metadata), decider.tagsOf(event)));
    }
    AppendResult appended = store.appendTagged(stream, tagged, new AppendCondition(query, read));
    return new CommandResult.Accepted(stream, List.copyOf(events), appended.nextExpectedVersion(),
        appended.lastPosition());
  }

  /** What the first handling of {@code commandId} recorded, found by its events' ids, if anything. */
  private Optional<CommandResult> handledBefore(StreamId ids, String commandId) {
    Optional<RecordedEvent> first = store.readEvent(CommandHandler.eventId(ids, commandId, 0));
    if (first.isEmpty()) {
      return Optional.empty();
    }
    List<Event> events = new ArrayList<>();
    RecordedEvent last = first.get();
    for (Optional<RecordedEvent> next = first; next.isPresent();
        next = store.readEvent(CommandHandler.eventId(ids, commandId, events.size()))) {
      last = next.get();
      events.add(codec.decode(last));
    }
    return Optional.of(new CommandResult.Accepted(last.stream(), events, last.streamVersion(), last.globalPosition()));
  }
}
