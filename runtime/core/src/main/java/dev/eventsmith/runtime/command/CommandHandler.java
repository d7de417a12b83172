package dev.eventsmith.runtime.command;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.snapshot.Snapshot;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.snapshot.StateCodec;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs commands against one aggregate type: load its stream, fold, decide, append, and decide
 * again on the fresh state if another writer appended in between. Optionally starts the fold from a
 * snapshot ({@link #withSnapshots}). Thread-safe.
 *
 * <p>A command sent with a {@link #COMMAND_ID} in its metadata is recorded at most once: the ids of
 * its events are derived from the command id, the stream and the event's index, and event ids are
 * unique in a store. When the same command id comes again for the same stream (a client's retry),
 * the handler finds the first handling's events by their ids ({@link EventStore#readEvent}) and
 * answers with them instead of deciding again, whatever snapshots exist. A command that was
 * rejected, or accepted with no events, recorded nothing, so its retry is decided again.
 *
 * <p>Every event loaded from a stream must be the decider's and name that stream (its aggregate id
 * gives its {@link Event#streamId()}); anything else stops the command with an
 * {@link EventStoreException} naming the event.
 */
public final class CommandHandler<S, C extends Command, E extends Event> {

  private static final Logger LOG = System.getLogger(CommandHandler.class.getName());

  /** The metadata key of a command's id, for handling a repeated command once. */
  public static final String COMMAND_ID = "commandId";

  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final int DEFAULT_PAGE_SIZE = 500;

  private final EventStore store;
  private final EventCodec codec;
  private final Decider<S, C, E> decider;
  private final int maxAttempts;
  private final int pageSize;
  private final Snapshotting<S> snapshots; // null: every load folds the whole stream

  public CommandHandler(EventStore store, EventCodec codec, Decider<S, C, E> decider) {
    this(store, codec, decider, DEFAULT_MAX_ATTEMPTS, DEFAULT_PAGE_SIZE, null);
  }

  private CommandHandler(EventStore store, EventCodec codec, Decider<S, C, E> decider, int maxAttempts, int pageSize,
      Snapshotting<S> snapshots) {
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
    this.snapshots = snapshots;
  }

  /** A handler that tries a command at most {@code maxAttempts} times when other writers conflict. */
  public CommandHandler<S, C, E> withMaxAttempts(int maxAttempts) {
    return new CommandHandler<>(store, codec, decider, maxAttempts, pageSize, snapshots);
  }

  /** A handler that loads streams {@code pageSize} events at a time. */
  public CommandHandler<S, C, E> withPageSize(int pageSize) {
    return new CommandHandler<>(store, codec, decider, maxAttempts, pageSize, snapshots);
  }

  /**
   * A handler that starts each load from the stream's latest snapshot in {@code snapshotStore} and
   * saves a new one whenever a command brings the stream {@code every} or more events past the
   * snapshot it loaded from (or past the start). A snapshot whose {@code stateVersion} differs, whose
   * state does not decode, or that does not match its stream is ignored and the stream replayed: the
   * decision is always the one a full replay gives. Failing to read or save a snapshot never fails a
   * command; it is logged as a warning.
   *
   * @param stateVersion the schema version of the encoded state: bump it when the state's shape or
   *     the evolve logic changes, so that snapshots folded by the old code are no longer used
   */
  public CommandHandler<S, C, E> withSnapshots(SnapshotStore snapshotStore, StateCodec<S> stateCodec, int every,
      int stateVersion) {
    if (every < 1) {
      throw new IllegalArgumentException("take a snapshot every 1 or more events, not every " + every);
    }
    Snapshotting<S> snapshotting = new Snapshotting<>(Objects.requireNonNull(snapshotStore, "snapshotStore"),
        Objects.requireNonNull(stateCodec, "stateCodec"), every, stateVersion);
    return new CommandHandler<>(store, codec, decider, maxAttempts, pageSize, snapshotting);
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
        // Someone appended since we loaded: the decision may differ on the new state, so reload. That
        // someone may be this very command handled concurrently: the reload then finds its events.
      } catch (DuplicateEventIdException repeated) {
        if (recorded.get(COMMAND_ID) == null || attempt >= maxAttempts) {
          throw repeated;
        }
        // The same command, handled concurrently, was recorded between our look-up and our load, so we
        // decided on top of it: the store refused the repeat by its ids; the retry finds and answers it.
      }
    }
  }

  private CommandResult attempt(StreamId stream, C command, Map<String, String> metadata) {
    String commandId = metadata.get(COMMAND_ID);
    if (commandId != null) {
      Optional<CommandResult> before = handledBefore(stream, commandId);
      if (before.isPresent()) {
        return before.get();
      }
    }
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
      encoded.add(new NewEvent(eventId(stream, commandId, encoded.size()), e.type(), e.schemaVersion(), e.data(),
          metadata));
    }
    AppendResult appended = store.append(stream, ExpectedVersion.exactly(loaded.version()), encoded);
    if (snapshots != null && appended.nextExpectedVersion() - loaded.snapshotVersion() >= snapshots.every()) {
      S state = loaded.state();
      for (E event : events) {
        state = decider.evolve(state, event);
      }
      saveSnapshot(stream, state, appended);
    }
    return new CommandResult.Accepted(stream, List.copyOf(events), appended.nextExpectedVersion(), appended.lastPosition());
  }

  /**
   * The id of the {@code index}-th event a command records: derived from its id and its stream when it
   * has an id, so that a repeat is recognized in any store and one command id used in two streams
   * gives different event ids; random otherwise.
   */
  public static UUID eventId(StreamId stream, String commandId, int index) {
    if (commandId == null) {
      return UUID.randomUUID();
    }
    // The stream's length first, so that no other (stream, command id) pair gives the same text.
    String name = "eventsmith-command:" + stream.value().length() + ":" + stream.value() + ":" + commandId + ":" + index;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** What the first handling of {@code commandId} on {@code stream} recorded, if it recorded anything. */
  private Optional<CommandResult> handledBefore(StreamId stream, String commandId) {
    Optional<RecordedEvent> first = store.readEvent(eventId(stream, commandId, 0));
    if (first.isEmpty() || !first.get().stream().equals(stream)) {
      return Optional.empty();
    }
    List<RecordedEvent> recorded = new ArrayList<>();
    long version = first.get().streamVersion();
    // One append holds the command's events at consecutive versions; the ids say where they end.
    while (true) {
      List<RecordedEvent> page = store.readStream(stream, version, pageSize);
      for (RecordedEvent event : page) {
        if (!event.eventId().equals(eventId(stream, commandId, recorded.size()))) {
          return Optional.of(answer(stream, recorded));
        }
        recorded.add(event);
      }
      if (page.size() < pageSize) {
        return Optional.of(answer(stream, recorded));
      }
      version += page.size();
    }
  }

  private CommandResult answer(StreamId stream, List<RecordedEvent> recorded) {
    RecordedEvent last = recorded.get(recorded.size() - 1);
    List<Event> events = new ArrayList<>();
    for (RecordedEvent event : recorded) {
      events.add(decodeOwn(stream, event));
    }
    return new CommandResult.Accepted(stream, events, last.streamVersion(), last.globalPosition());
  }

  private Loaded<S> load(StreamId stream) {
    if (snapshots != null) {
      Optional<Loaded<S>> fromSnapshot = fromSnapshot(stream);
      if (fromSnapshot.isPresent()) {
        return fold(stream, fromSnapshot.get());
      }
    }
    return fold(stream, new Loaded<>(decider.initialState(), 0, 0, 0));
  }

  private Loaded<S> fold(StreamId stream, Loaded<S> from) {
    S state = from.state();
    long version = from.version();
    long lastPosition = from.lastPosition();
    while (true) {
      List<RecordedEvent> page = store.readStream(stream, version + 1, pageSize);
      for (RecordedEvent recorded : page) {
        state = decider.evolve(state, decodeOwn(stream, recorded));
        version = recorded.streamVersion();
        lastPosition = recorded.globalPosition();
      }
      if (page.size() < pageSize) {
        return new Loaded<>(state, version, lastPosition, from.snapshotVersion());
      }
    }
  }

  /** Decodes an event read from {@code stream}, checking it is this aggregate's and names that stream. */
  private E decodeOwn(StreamId stream, RecordedEvent recorded) {
    Event event = codec.decode(recorded);
    if (!decider.eventType().isInstance(event)) {
      throw new EventStoreException("the " + recorded.type() + " event at " + recorded.location() + " decodes to "
          + event.getClass().getName() + ", which is not a " + decider.eventType().getName()
          + "; the stream holds an event of another aggregate");
    }
    StreamId named = event.streamId();
    if (!stream.equals(named)) {
      throw new EventStoreException("the " + recorded.type() + " event at " + recorded.location() + " names the "
          + "stream " + named + " by its aggregate id, not the stream it is stored in; it was appended to the wrong "
          + "stream, or its id field was changed: move it to " + named + " or correct its id");
    }
    return decider.eventType().cast(event);
  }

  /** The state the stream's latest snapshot holds, if there is one this code can trust. */
  private Optional<Loaded<S>> fromSnapshot(StreamId stream) {
    Snapshot snapshot;
    try {
      Optional<Snapshot> latest = snapshots.store().latest(stream);
      if (latest.isEmpty()) {
        return Optional.empty();
      }
      snapshot = latest.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot read the snapshot of " + stream + "; replaying the stream instead", e);
      return Optional.empty();
    }
    if (snapshot.stateVersion() != snapshots.stateVersion()) {
      // Expected after a change of the state's shape: the next command that crosses `every` replaces it.
      LOG.log(Level.DEBUG, () -> "ignoring " + snapshot + ": this handler folds state v" + snapshots.stateVersion());
      return Optional.empty();
    }
    // The snapshot must describe this very log: after an event store was recreated or restored from a
    // backup, a snapshot kept elsewhere may claim events the stream does not have (or other ones).
    List<RecordedEvent> last = store.readStream(stream, snapshot.streamVersion(), 1);
    if (last.isEmpty() || last.get(0).streamVersion() != snapshot.streamVersion()
        || last.get(0).globalPosition() != snapshot.lastPosition()) {
      LOG.log(Level.WARNING, () -> "ignoring " + snapshot + " taken at global position " + snapshot.lastPosition()
          + ": the stream has " + (last.isEmpty() ? "no such event" : "that event at " + last.get(0).location())
          + "; the snapshot store does not belong to this event store, or the events were restored");
      return Optional.empty();
    }
    S state;
    try {
      state = Objects.requireNonNull(snapshots.codec().decode(snapshot.state()), "decode returned null");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ignoring " + snapshot + ": its state does not decode; replaying the stream", e);
      return Optional.empty();
    }
    return Optional.of(
        new Loaded<>(state, snapshot.streamVersion(), snapshot.lastPosition(), snapshot.streamVersion()));
  }

  private void saveSnapshot(StreamId stream, S state, AppendResult appended) {
    // The events are committed: a snapshot that cannot be taken only costs the next load some speed.
    try {
      snapshots.store().save(new Snapshot(stream, appended.nextExpectedVersion(), appended.lastPosition(),
          snapshots.stateVersion(), Objects.requireNonNull(snapshots.codec().encode(state), "encode returned null")));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot save a snapshot of " + stream + "@" + appended.nextExpectedVersion()
          + "; the command succeeded, loads replay more events until a snapshot is saved", e);
    }
  }

  /** @param snapshotVersion the stream version of the snapshot the load started from, 0 if none */
  private record Loaded<S>(S state, long version, long lastPosition, long snapshotVersion) {}

  private record Snapshotting<S>(SnapshotStore store, StateCodec<S> codec, int every, int stateVersion) {}
}
