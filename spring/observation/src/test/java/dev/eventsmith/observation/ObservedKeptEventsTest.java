package dev.eventsmith.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.store.DecodedEvents;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The observed store passes on the decoded events the store it wraps keeps, so observing costs no decoding. */
class ObservedKeptEventsTest {

  private static final StreamId STREAM = StreamId.of("Tally", "t");
  private static final Event DECODED = () -> STREAM;

  private static int decodesOfTwoLoads(EventStore wrapped) {
    List<NewEvent> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      three.add(new NewEvent(UUID.randomUUID(), "Counted", 1, "{}".getBytes(StandardCharsets.UTF_8), Map.of()));
    }
    wrapped.append(STREAM, ExpectedVersion.noStream(), three);
    DecodedEvents observed = (DecodedEvents) ObservedEventStore.of(wrapped, new RecordingObserver("o", new ArrayList<>()));
    AtomicInteger decodes = new AtomicInteger();
    Function<RecordedEvent, Event> decode = recorded -> {
      decodes.incrementAndGet();
      return DECODED;
    };
    for (int load = 0; load < 2; load++) {
      List<Event> events = observed.decoded(((EventStore) observed).readStream(STREAM, 1, 10), decode);
      assertEquals(List.of(DECODED, DECODED, DECODED), events);
    }
    return decodes.get();
  }

  @Test
  void a_store_that_keeps_decoded_events_is_asked_for_them_through_the_observer() {
    assertEquals(3, decodesOfTwoLoads(new InMemoryEventStore()));
  }

  @Test
  void a_store_that_keeps_none_has_every_event_decoded_on_every_load() {
    assertEquals(6, decodesOfTwoLoads(new ForwardingStore(new InMemoryEventStore())));
  }
}
