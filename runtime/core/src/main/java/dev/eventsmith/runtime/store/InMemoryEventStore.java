package dev.eventsmith.runtime.store;

import dev.eventsmith.runtime.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Function;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An event store held in memory: for tests, examples and short-lived processes. It keeps the events
 * a command handler loads decoded ({@link DecodedEvents}), so a later load of the same stream folds
 * the kept objects without decoding them. A stream never loaded costs nothing more; a loaded one
 * holds its decoded events besides their stored bytes.
 */
public final class InMemoryEventStore implements EventStore, DecodedEvents {

  // One lock for the whole store: an append must check the stream's version and take the next
  // global positions as one step, or two writers could interleave positions out of commit order.
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  // Held compactly (see EventLog, EventIdIndex): ten million 200-byte events fit in a 4 GiB heap.
  private final EventLog log = new EventLog();
  private final Map<StreamId, List<RecordedEvent>> streams = new HashMap<>();
  private final EventIdIndex byId = new EventIdIndex(log);
  // The previous append's time: an append the clock stamps with an equal instant shares its object.
  private Instant lastRecordedAt;
  // Per stream loaded, parallel to its list: the decoded event kept for version i + 1, or null. Filled
  // and replaced (grown) under the read lock by several readers at once: a Kept is immutable (final
  // fields), so a reader sees null, an older or a newer one, each correct; a slot written into an
  // array another reader has just replaced is lost, which only means decoding that event again.
  private final Map<StreamId, Kept[]> kept = new ConcurrentHashMap<>();
  private final Clock clock;

  private record Kept(Function<RecordedEvent, ? extends Event> decoder, Event event) {}

  public InMemoryEventStore() {
    this(Clock.systemUTC());
  }

  /** A store that stamps events with {@code clock}, so tests can fix {@code recordedAt}. */
  public InMemoryEventStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(expected, "expected");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("append to " + stream + " needs at least one event");
    }
    lock.writeLock().lock();
    try {
      List<RecordedEvent> recorded = streams.get(stream);
      long version = recorded == null ? 0 : recorded.size();
      if (!expected.matches(version)) {
        throw new WrongExpectedVersionException(stream, expected, version);
      }
      checkNewIds(stream, events);
      if (recorded == null) {
        recorded = new ArrayList<>();
        streams.put(stream, recorded);
      }
      // Every event of a stream refers to one StreamId (the first append's, equal to the caller's),
      // not to a copy per append: a caller builds a new one, with a new id string, per command.
      StreamId held = recorded.isEmpty() ? stream : recorded.get(0).stream();
      Instant now = clock.instant();
      if (now.equals(lastRecordedAt)) {
        now = lastRecordedAt;
      }
      lastRecordedAt = now;
      long firstPosition = log.size() + 1L;
      for (NewEvent event : events) {
        RecordedEvent stored = new RecordedEvent(held, ++version, log.size() + 1L, event.eventId(),
            event.type(), event.schemaVersion(), event.data(), event.metadata(), now);
        recorded.add(stored);
        log.add(stored);
        byId.add(log.size() - 1);
      }
      return new AppendResult(stream, version, firstPosition, log.size());
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long fromVersion, int maxCount) {
    Objects.requireNonNull(stream, "stream");
    checkPage(fromVersion < 1, "fromVersion starts at 1: " + fromVersion, maxCount);
    lock.readLock().lock();
    try {
      List<RecordedEvent> recorded = streams.getOrDefault(stream, List.of());
      return page(recorded, fromVersion - 1, maxCount);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    checkPage(afterPosition < 0, "afterPosition is never negative: " + afterPosition, maxCount);
    lock.readLock().lock();
    try {
      // Positions are dense from 1, so position p sits at index p - 1.
      return log.page(afterPosition, maxCount);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Event> decoded(List<RecordedEvent> events, Function<RecordedEvent, ? extends Event> decode) {
    Objects.requireNonNull(decode, "decode");
    Event[] decoded = new Event[events.size()];
    boolean[] ours = new boolean[events.size()];
    lock.readLock().lock();
    try {
      StreamId stream = null; // a page is usually one stream: looked up once
      List<RecordedEvent> stored = null;
      Kept[] held = null;
      for (int i = 0; i < decoded.length; i++) {
        RecordedEvent event = events.get(i);
        if (!event.stream().equals(stream)) {
          stream = event.stream();
          stored = streams.get(stream);
          held = kept.get(stream);
        }
        int index = (int) (event.streamVersion() - 1);
        // Only the very objects this store holds: not a copy, not another store's event.
        ours[i] = stored != null && index >= 0 && index < stored.size() && stored.get(index) == event;
        if (ours[i] && held != null && index < held.length && held[index] != null && held[index].decoder() == decode) {
          decoded[i] = held[index].event();
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    // Decoded outside the lock, so appends wait for no decoding.
    boolean fresh = false;
    for (int i = 0; i < decoded.length; i++) {
      if (decoded[i] == null) {
        decoded[i] = Objects.requireNonNull(decode.apply(events.get(i)), "decode returned null");
        fresh |= ours[i];
      }
    }
    if (fresh) {
      keep(events, ours, decoded, decode);
    }
    return Collections.unmodifiableList(Arrays.asList(decoded));
  }

  private void keep(List<RecordedEvent> events, boolean[] ours, Event[] decoded,
      Function<RecordedEvent, ? extends Event> decode) {
    lock.readLock().lock();
    try {
      for (int i = 0; i < decoded.length; i++) {
        if (!ours[i]) {
          continue;
        }
        RecordedEvent event = events.get(i);
        int index = (int) (event.streamVersion() - 1);
        Kept[] held = kept.get(event.stream());
        if (held == null || index >= held.length) {
          // Room for the stream as it is, and for half as much again when it grows (one event per command).
          int length = streams.get(event.stream()).size();
          held = held == null ? new Kept[length] : Arrays.copyOf(held, Math.max(length, held.length + (held.length >> 1)));
          kept.put(event.stream(), held);
        }
        if (held[index] == null || held[index].event() != decoded[i]) {
          held[index] = new Kept(decode, decoded[i]);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  private void checkNewIds(StreamId stream, List<NewEvent> events) {
    Set<UUID> ids = new HashSet<>();
    for (NewEvent event : events) {
      RecordedEvent stored = byId.find(event.eventId());
      if (stored != null) {
        throw new DuplicateEventIdException(stream, event.eventId(), stored);
      }
      if (!ids.add(event.eventId())) {
        throw new DuplicateEventIdException(stream, event.eventId());
      }
    }
  }

  @Override
  public Optional<RecordedEvent> readEvent(UUID eventId) {
    Objects.requireNonNull(eventId, "eventId");
    lock.readLock().lock();
    try {
      return Optional.ofNullable(byId.find(eventId));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long streamVersion(StreamId stream) {
    lock.readLock().lock();
    try {
      List<RecordedEvent> recorded = streams.get(stream);
      return recorded == null ? 0 : recorded.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  private static void checkPage(boolean badStart, String message, int maxCount) {
    if (badStart) {
      throw new IllegalArgumentException(message);
    }
    if (maxCount < 0) {
      throw new IllegalArgumentException("maxCount is never negative: " + maxCount);
    }
  }

  /** Copies only the page asked for, so a reader never sees later appends or can change the log. */
  private static List<RecordedEvent> page(List<RecordedEvent> events, long fromIndex, int maxCount) {
    if (fromIndex >= events.size()) {
      return List.of();
    }
    int from = (int) fromIndex;
    int to = (int) Math.min(events.size(), (long) from + maxCount);
    return List.copyOf(events.subList(from, to));
  }
}
