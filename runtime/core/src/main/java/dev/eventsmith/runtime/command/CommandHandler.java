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
import dev.eventsmith.runtime.store.DecodedEvents;
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
import java.util.function.Function;

/**
 * Runs commands against one aggregate type: load its stream, fold, decide, append, and decide
 * again on the fresh state if another writer appended in between. Optionally starts the fold from a
 * snapshot ({@link #withSnapshots}) or from the state it folded last time ({@link #withStateCache}).
 * Thread-safe.
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
  private final StateCache<S> cache; // null: no state is kept between commands
  // This handler's decoder, checks included: a store that keeps decoded events keys them by it.
  private final Function<RecordedEvent, E> ownEvent = recorded -> decodeOwn(recorded.stream(), recorded);

  public CommandHandler(EventStore store, EventCodec codec, Decider<S, C, E> decider) {
    this(store, codec, decider, DEFAULT_MAX_ATTEMPTS, DEFAULT_PAGE_SIZE, null, null);
  }

  private CommandHandler(EventStore store, EventCodec codec, Decider<S, C, E> decider, int maxAttempts, int pageSize,
      Snapshotting<S> snapshots, StateCache<S> cache) {
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
    this.cache = cache;
  }

  /** A handler that tries a command at most {@code maxAttempts} times when other writers conflict. */
  public CommandHandler<S, C, E> withMaxAttempts(int maxAttempts) {
    return new CommandHandler<>(store, codec, decider, maxAttempts, pageSize, snapshots, cache);
  }

  /** A handler that loads streams {@code pageSize} events at a time. */
  public CommandHandler<S, C, E> withPageSize(int pageSize) {
    return new CommandHandler<>(store, codec, decider, maxAttempts, pageSize, snapshots, cache);
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
    return new CommandHandler<>(store, codec, decider, maxAttempts, pageSize, snapshotting, cache);
  }

  /**
   * A handler that keeps the folded state of the {@code maxStreams} streams it handled most recently,
   * so that a command on a long stream folds only the events appended since. Each load still reads the
   * stream from the cached version on: the entry is used only when the event at that version is the
   * one it was folded from (same id and global position), and the events other writers (other
   * handlers, other processes) appended since are folded onto it; otherwise the entry is dropped and
   * the stream loaded as without a cache. The decision is always the one a full replay gives.
   *
   * <p>Rejected commands keep the cache warm: the state they loaded is still the stream's. A cached
   * state is shared by every command that loads it, so states must be immutable (records and
   * unmodifiable collections), as {@link Decider#evolve} returning a new state asks; a decider that
   * changes a state in place must not be cached. The new cache is this handler's own: handlers made
   * from this one by the {@code with...} methods share it.
   */
  public CommandHandler<S, C, E> withStateCache(int maxStreams) {
    return new CommandHandler<>(store, codec, decider, maxAttempts, pageSize, snapshots, new StateCache<>(maxStreams));
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
    boolean noEvents = !(decision instanceof Decision.Accepted<? extends E, ?> accepted) || accepted.events().isEmpty();
    if (noEvents && commandId != null) {
      // The same command, handled concurrently, may have been recorded between our look-up and our
      // load, so that we decided on top of it (and refused it, say): answer what it recorded.
      Optional<CommandResult> before = handledBefore(stream, commandId);
      if (before.isPresent()) {
        return before.get();
      }
    }
    if (decision instanceof Decision.Rejected<?, ?> rejected) {
      keep(stream, loaded);
      return new CommandResult.Rejected(stream, (Rejection) rejected.rejection());
    }
    List<? extends E> events = ((Decision.Accepted<? extends E, ?>) decision).events();
    if (events.isEmpty()) {
      keep(stream, loaded);
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
    boolean snapshotDue =
        snapshots != null && appended.nextExpectedVersion() - loaded.snapshotVersion() >= snapshots.every();
    if (snapshotDue || cache != null) {
      // Folded from the events as stored, decoded again, so the state kept is the one a replay gives
      // even where the codec does not give back exactly what it was handed (a decimal's scale, a default).
      S state = loaded.state();
      for (NewEvent event : encoded) {
        state = decider.evolve(state, decider.eventType().cast(codec.decode(event.type(), event.schemaVersion(),
            event.data())));
      }
      if (snapshotDue) {
        saveSnapshot(stream, state, appended);
      }
      if (cache != null) {
        cache.put(stream, new StateCache.Entry<>(state, appended.nextExpectedVersion(), appended.lastPosition(),
            encoded.get(encoded.size() - 1).eventId(),
            snapshotDue ? appended.nextExpectedVersion() : loaded.snapshotVersion()));
      }
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
    if (cache != null) {
      StateCache.Entry<S> cached = cache.get(stream);
      if (cached != null) {
        Optional<Loaded<S>> fromCache = fromCache(stream, cached);
        if (fromCache.isPresent()) {
          return fromCache.get();
        }
        cache.remove(stream, cached);
      }
    }
    if (snapshots != null) {
      Optional<Loaded<S>> fromSnapshot = fromSnapshot(stream);
      if (fromSnapshot.isPresent()) {
        return fold(stream, fromSnapshot.get());
      }
    }
    return fold(stream, new Loaded<>(decider.initialState(), 0, 0, 0, null));
  }

  /**
   * The cached state brought up to the stream's end, if the stream still holds the event the state was
   * folded up to (a store recreated or restored from a backup may hold other events at that version).
   */
  private Optional<Loaded<S>> fromCache(StreamId stream, StateCache.Entry<S> cached) {
    // One read both checks the cached head and brings the events appended after it.
    List<RecordedEvent> page = store.readStream(stream, cached.version(), pageSize);
    if (page.isEmpty() || page.get(0).streamVersion() != cached.version()
        || page.get(0).globalPosition() != cached.lastPosition()
        || !page.get(0).eventId().equals(cached.lastEventId())) {
      LOG.log(Level.DEBUG, () -> "dropping the cached state of " + stream + "@" + cached.version()
          + ": the stream no longer holds the event it was folded from");
      return Optional.empty();
    }
    S state = cached.state();
    long version = cached.version();
    long lastPosition = cached.lastPosition();
    List<RecordedEvent> newer = page.subList(1, page.size());
    List<E> events = decodeOwn(stream, newer);
    for (int i = 0; i < newer.size(); i++) {
      state = decider.evolve(state, events.get(i));
      version = newer.get(i).streamVersion();
      lastPosition = newer.get(i).globalPosition();
    }
    Loaded<S> head = new Loaded<>(state, version, lastPosition, cached.snapshotVersion(), last(page).eventId());
    return Optional.of(page.size() < pageSize ? head : fold(stream, head));
  }

  /** Remembers a loaded state the command did not change (it was rejected or emitted nothing). */
  private void keep(StreamId stream, Loaded<S> loaded) {
    if (cache != null && loaded.version() > 0) {
      cache.put(stream, new StateCache.Entry<>(loaded.state(), loaded.version(), loaded.lastPosition(),
          loaded.lastEventId(), loaded.snapshotVersion()));
    }
  }

  private static RecordedEvent last(List<RecordedEvent> events) {
    return events.get(events.size() - 1);
  }

  private Loaded<S> fold(StreamId stream, Loaded<S> from) {
    S state = from.state();
    long version = from.version();
    long lastPosition = from.lastPosition();
    UUID lastEventId = from.lastEventId();
    while (true) {
      List<RecordedEvent> page = store.readStream(stream, version + 1, pageSize);
      List<E> events = decodeOwn(stream, page);
      for (int i = 0; i < page.size(); i++) {
        RecordedEvent recorded = page.get(i);
        state = decider.evolve(state, events.get(i));
        version = recorded.streamVersion();
        lastPosition = recorded.globalPosition();
        lastEventId = recorded.eventId();
      }
      if (page.size() < pageSize) {
        return new Loaded<>(state, version, lastPosition, from.snapshotVersion(), lastEventId);
      }
    }
  }

  /**
   * Decodes a page read from {@code stream} as {@link #decodeOwn(StreamId, RecordedEvent)} does; a
   * store that keeps decoded events gives back the ones it kept for this handler, checked already.
   */
  @SuppressWarnings("unchecked") // DecodedEvents gives back what ownEvent made: E, checked by decodeOwn
  private List<E> decodeOwn(StreamId stream, List<RecordedEvent> page) {
    if (store instanceof DecodedEvents kept) {
      for (RecordedEvent recorded : page) {
        if (!stream.equals(recorded.stream())) {
          throw new EventStoreException("the store gave the event at " + recorded.location() + " for stream " + stream);
        }
      }
      return (List<E>) kept.decoded(page, ownEvent);
    }
    List<E> events = new ArrayList<>(page.size());
    for (RecordedEvent recorded : page) {
      events.add(decodeOwn(stream, recorded));
    }
    return events;
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
    return Optional.of(new Loaded<>(state, snapshot.streamVersion(), snapshot.lastPosition(), snapshot.streamVersion(),
        last.get(0).eventId()));
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

  /**
   * @param snapshotVersion the stream version of the snapshot the load started from, 0 if none
   * @param lastEventId the id of the event at {@code version}, null at version 0
   */
  private record Loaded<S>(S state, long version, long lastPosition, long snapshotVersion, UUID lastEventId) {}

  private record Snapshotting<S>(SnapshotStore store, StateCodec<S> codec, int every, int stateVersion) {}
}
