package dev.eventsmith.runtime.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.AddItem;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.dcb.InMemoryTaggedEventStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A store keeping decoded events shares them between loads only for a codec whose events are immutable. */
class CommandHandlerKeptEventsTest {

  /** The fixture codec, counting decodes, saying what {@code immutable} says. */
  private static final class Counting implements EventCodec {
    private final boolean immutable;
    int decoded;

    Counting(boolean immutable) {
      this.immutable = immutable;
    }

    @Override
    public EncodedEvent encode(Event event) {
      return CartCodec.INSTANCE.encode(event);
    }

    @Override
    public Event decode(String type, int schemaVersion, byte[] data) {
      decoded++;
      return CartCodec.INSTANCE.decode(type, schemaVersion, data);
    }

    @Override
    public Set<String> types() {
      return CartCodec.INSTANCE.types();
    }

    @Override
    public boolean immutableEvents() {
      return immutable;
    }
  }

  private static int decodesOfThreeCommands(Counting codec) {
    return decodesOfThreeCommands(codec, new InMemoryEventStore());
  }

  private static int decodesOfThreeCommands(Counting codec, EventStore store) {
    CommandHandler<Cart.State, CartCommand, CartEvent> handler = new CommandHandler<>(store, codec, new Cart());
    UUID cart = UUID.randomUUID();
    handler.handle(new CreateCart(cart, "ann"));
    handler.handle(new AddItem(cart, "A-1", BigDecimal.ONE, 1));
    handler.handle(new AddItem(cart, "A-2", BigDecimal.ONE, 1));
    return codec.decoded;
  }

  @Test
  void immutable_events_are_decoded_once_and_shared_by_later_loads() {
    // Loads of 0, 1 and 2 events: the second load decodes CartCreated, the third only ItemAdded.
    assertEquals(2, decodesOfThreeCommands(new Counting(true)));
  }

  @Test
  void the_tagged_in_memory_store_shares_the_events_its_store_keeps() {
    assertEquals(2, decodesOfThreeCommands(new Counting(true), new InMemoryTaggedEventStore()));
  }

  @Test
  void events_a_codec_does_not_call_immutable_are_decoded_on_every_load() {
    // The same loads decoding every event: 0 + 1 + 2.
    assertEquals(3, decodesOfThreeCommands(new Counting(false)));
  }
}
