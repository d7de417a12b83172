package dev.eventsmith.runtime.command;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Runs commands against one aggregate type: load its stream, fold, decide, append, and decide
 * again on the fresh state if another writer appended in between. Thread-safe.
 */
public final class CommandHandler<S, C extends Command, E extends Event> {

  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final int DEFAULT_PAGE_SIZE = 500;

  private final EventStore store;
  private final EventCodec codec;
  private final Decider<S, C, E> decider;
  private final int maxAttempts;
  private final int pageSize;

  public CommandHandler(EventStore store, EventCodec codec, Decider<S, C, E> decider) {
    this(store, codec, decider, DEFAULT_MAX_ATTEMPTS, DEFAULT_PAGE_SIZE);
  }

  private CommandHandler(EventStore store, EventCodec codec, Decider<S, C, E> decider, int maxAttempts, int pageSize) {
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.decider = Objects.requireNonNull(decider, "decider");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is at least 1: " + maxAttempts);
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize is at least 1: " + pageSize);
    }
    this.maxAttempts = maxAttempts;
    this.pageSize = pageSize;
  }

  /** A handler that tries a command at most {@code maxAttempts} times when other writers conflict. */
  public CommandHandler<S, C, E> withMaxAttempts(int maxAttempts) {
    return new CommandHandler<>(store, codec, decider, maxAttempts, pageSize);
  }

  /** A handler that loads streams {@code pageSize} events at a time. */
  public CommandHandler<S, C, E> withPageSize(int pageSize) {
    return new CommandHandler<>(store, codec, decider, maxAttempts, pageSize);
  }

  public CommandResult handle(C command) {
    return handle(command, Map.of());
  }

  /**
   * Handles {@code command}, recording {@code metadata} on every appended event.
   *
   * @throws WrongExpectedVersionException if other writers still won after the last attempt
   * @throws EventStoreException if a stored event cannot be decoded or is not this aggregate's
   */
  public CommandResult handle(C command, Map<String, String> metadata) {
    Objects.requireNonNull(command, "command");
    Map<String, String> recorded = Map.copyOf(metadata);
    StreamId stream = Objects.requireNonNull(command.streamId(), "command.streamId()");
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(stream, command, recorded);
      } catch (WrongExpectedVersionException conflict) {
        if (attempt >= maxAttempts) {
          throw conflict;
        }
        // Someone appended since we loaded: the decision may differ on the new state, so reload.
      }
    }
  }

  private CommandResult attempt(StreamId stream, C command, Map<String, String> metadata) {
    Loaded<S> loaded = load(stream);
    Decision<? extends E, ? extends Rejection> decision = decider.decide(command, loaded.state());
    if (decision instanceof Decision.Rejected<?, ?> rejected) {
      return new CommandResult.Rejected(stream, (Rejection) rejected.rejection());
    }
    List<? extends E> events = ((Decision.Accepted<? extends E, ?>) decision).events();
    if (events.isEmpty()) {
      return new CommandResult.Accepted(stream, List.of(), loaded.version(), loaded.lastPosition());
    }
    List<NewEvent> encoded = new ArrayList<>(events.size());
    for (E event : events) {
      if (!stream.equals(event.streamId())) {
        throw new IllegalStateException(decider.getClass().getName() + " emitted " + event.getClass().getSimpleName()
            + " for stream " + event.streamId() + " while handling " + command.getClass().getSimpleName()
            + " for stream " + stream + "; a command's events belong to its own stream");
      }
      EncodedEvent e = codec.encode(event);
      encoded.add(new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), metadata));
    }
    AppendResult appended = store.append(stream, ExpectedVersion.exactly(loaded.version()), encoded);
    return new CommandResult.Accepted(stream, List.copyOf(events), appended.nextExpectedVersion(), appended.lastPosition());
  }

  private Loaded<S> load(StreamId stream) {
    S state = decider.initialState();
    long version = 0;
    long lastPosition = 0;
    while (true) {
      List<RecordedEvent> page = store.readStream(stream, version + 1, pageSize);
      for (RecordedEvent recorded : page) {
        Event event = codec.decode(recorded);
        if (!decider.eventType().isInstance(event)) {
          throw new EventStoreException("the " + recorded.type() + " event at " + recorded.location() + " decodes to "
              + event.getClass().getName() + ", which is not a " + decider.eventType().getName()
              + "; the stream holds an event of another aggregate");
        }
        state = decider.evolve(state, decider.eventType().cast(event));
        version = recorded.streamVersion();
        lastPosition = recorded.globalPosition();
      }
      if (page.size() < pageSize) {
        return new Loaded<>(state, version, lastPosition);
      }
    }
  }

  private record Loaded<S>(S state, long version, long lastPosition) {}
}
