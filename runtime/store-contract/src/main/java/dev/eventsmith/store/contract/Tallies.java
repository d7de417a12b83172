package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.JsonValue;
import dev.eventsmith.runtime.codec.JsonWriter;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.snapshot.StateCodec;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A tiny model for testing view stores and snapshot stores: counters that events add amounts to.
 * Shipped with the contract so that every store's tests build the same views.
 */
public final class Tallies {

  private Tallies() {}

  /** The one event: {@code amount} was added to {@code counter}. */
  public record Counted(String counter, long amount) implements Event {
    @Override
    public StreamId streamId() {
      return StreamId.of("Counter", counter);
    }
  }

  /** The one command: add {@code amount}; a counter never goes above {@link #LIMIT}. */
  public record Count(String counter, long amount) implements Command {
    @Override
    public StreamId streamId() {
      return StreamId.of("Counter", counter);
    }
  }

  public static final long LIMIT = 100;

  /** The rejection when a count would pass the limit. */
  public record OverLimit(long total) implements Rejection {}

  /** The view row: the sum and the number of events per counter. */
  public record Tally(String counter, long total, int events) {}

  public static final EventCodec CODEC = new EventCodec() {
    @Override
    public EncodedEvent encode(Event event) {
      Counted c = (Counted) event;
      return new EncodedEvent("Counted", 1, JsonWriter.object().field("counter").string(c.counter())
          .field("amount").int64(c.amount()).toBytes());
    }

    @Override
    public Event decode(String type, int schemaVersion, byte[] data) {
      if (!type.equals("Counted")) {
        throw new CodecException("unknown type " + type);
      }
      JsonValue json = JsonValue.parse(data);
      return new Counted(json.get("counter").string(), json.get("amount").int64());
    }

    @Override
    public Set<String> types() {
      return Set.of("Counted");
    }
  };

  public static final class TallyProjector implements Projector<String, Tally> {
    @Override
    public Tally initial(String key) {
      return new Tally(key, 0, 0);
    }

    @Override
    public Optional<String> keyOf(Event event) {
      return Optional.of(((Counted) event).counter());
    }

    @Override
    public Tally project(Tally view, Event event) {
      return new Tally(view.counter(), view.total() + ((Counted) event).amount(), view.events() + 1);
    }
  }

  /** Rows as {"counter":..,"total":..,"events":..}; can be told to throw on its n-th row. */
  public static final class TallyRows implements RowCodec<String, Tally> {
    private final int failOnRow;
    private int rows;

    public TallyRows() {
      this(0);
    }

    public TallyRows(int failOnRow) {
      this.failOnRow = failOnRow;
    }

    @Override
    public String encodeKey(String key) {
      return key;
    }

    @Override
    public String decodeKey(String text) {
      return text;
    }

    @Override
    public String encodeRow(Tally row) {
      if (++rows == failOnRow) {
        throw new IllegalStateException("row codec fails on row " + rows);
      }
      return new String(JsonWriter.object().field("counter").string(row.counter()).field("total").int64(row.total())
          .field("events").int32(row.events()).toBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public Tally decodeRow(String json) {
      JsonValue value = JsonValue.parse(json.getBytes(StandardCharsets.UTF_8));
      return new Tally(value.get("counter").string(), value.get("total").int64(), value.get("events").int32());
    }
  }

  /** Adds up a counter's events; rejects counts past the limit. */
  public static final class Counter implements Decider<Long, Count, Counted> {
    @Override
    public Long initialState() {
      return 0L;
    }

    @Override
    public Decision<? extends Counted, ? extends Rejection> decide(Count command, Long total) {
      if (total + command.amount() > LIMIT) {
        return Decision.reject(new OverLimit(total));
      }
      return Decision.accept(new Counted(command.counter(), command.amount()));
    }

    @Override
    public Long evolve(Long total, Counted event) {
      return total + event.amount();
    }

    @Override
    public Class<Counted> eventType() {
      return Counted.class;
    }
  }

  public static final StateCodec<Long> TOTAL = new StateCodec<>() {
    @Override
    public byte[] encode(Long state) {
      return state.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Long decode(byte[] data) {
      return Long.parseLong(new String(data, StandardCharsets.UTF_8));
    }
  };

  /** Appends {@code count} Counted events of {@code amount} to {@code counter} in one append; answers the last one's position. */
  public static long countMany(EventStore store, String counter, long amount, int count) {
    EncodedEvent e = CODEC.encode(new Counted(counter, amount));
    List<NewEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), Map.of()));
    }
    return store.append(StreamId.of("Counter", counter), ExpectedVersion.any(), events).lastPosition();
  }

  /** Appends one Counted event; answers its global position. */
  public static long count(EventStore store, String counter, long amount) {
    EncodedEvent e = CODEC.encode(new Counted(counter, amount));
    return store.append(StreamId.of("Counter", counter), ExpectedVersion.any(),
        List.of(new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), Map.of()))).lastPosition();
  }
}
