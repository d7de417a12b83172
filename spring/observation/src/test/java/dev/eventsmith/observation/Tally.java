package dev.eventsmith.observation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.JsonValue;
import dev.eventsmith.runtime.codec.JsonWriter;
import dev.eventsmith.runtime.dcb.CrossStreamDecider;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.QueryItem;
import dev.eventsmith.runtime.store.StreamId;
import java.util.Optional;
import java.util.Set;

/** A model small enough to write by hand: tallies that count up to ten, and a view of their totals. */
final class Tally {

  private Tally() {}

  record Count(String id, int by) implements Command {
    @Override
    public StreamId streamId() {
      return StreamId.of("Tally", id);
    }
  }

  record Counted(String id, int by) implements Event {
    @Override
    public StreamId streamId() {
      return StreamId.of("Tally", id);
    }
  }

  record TooHigh(int max) implements Rejection {}

  static final class Logic implements Decider<Integer, Count, Counted> {
    @Override
    public Integer initialState() {
      return 0;
    }

    @Override
    public Decision<Counted, TooHigh> decide(Count command, Integer total) {
      return total + command.by() > 10 ? Decision.reject(new TooHigh(10))
          : Decision.accept(new Counted(command.id(), command.by()));
    }

    @Override
    public Integer evolve(Integer total, Counted event) {
      return total + event.by();
    }

    @Override
    public Class<Counted> eventType() {
      return Counted.class;
    }
  }

  /** The same rule decided across streams: the events tagged with the tally's id, up to ten. */
  static final class Shared implements CrossStreamDecider<Integer, Count, Counted> {
    @Override
    public EventQuery query(Count command) {
      return EventQuery.of(QueryItem.of(Set.of("Counted"), "tally:" + command.id()));
    }

    @Override
    public Integer initialState(Count command) {
      return 0;
    }

    @Override
    public Integer evolve(Integer total, Event event) {
      return total + ((Counted) event).by();
    }

    @Override
    public Decision<Counted, TooHigh> decide(Count command, Integer total) {
      return new Logic().decide(command, total);
    }

    @Override
    public Set<String> tagsOf(Counted event) {
      return Set.of("tally:" + event.id());
    }
  }

  static final class Totals implements Projector<String, Integer> {
    @Override
    public Integer initial(String key) {
      return 0;
    }

    @Override
    public Optional<String> keyOf(Event event) {
      return Optional.of(((Counted) event).id());
    }

    @Override
    public Integer project(Integer view, Event event) {
      return view + ((Counted) event).by();
    }
  }

  static final EventCodec CODEC = new EventCodec() {
    @Override
    public EncodedEvent encode(Event event) {
      Counted counted = (Counted) event;
      return new EncodedEvent("Counted", 1,
          JsonWriter.object().field("id").string(counted.id()).field("by").int32(counted.by()).toBytes());
    }

    @Override
    public Event decode(String type, int schemaVersion, byte[] data) {
      JsonValue json = JsonValue.parse(data);
      return new Counted(json.get("id").string(), json.get("by").int32());
    }

    @Override
    public Set<String> types() {
      return Set.of("Counted");
    }
  };
}
