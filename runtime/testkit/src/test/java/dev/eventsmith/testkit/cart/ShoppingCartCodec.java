package dev.eventsmith.testkit.cart;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.JsonValue;
import dev.eventsmith.runtime.codec.JsonWriter;
import dev.eventsmith.testkit.cart.CartEvent.CartCreated;
import dev.eventsmith.testkit.cart.CartEvent.CartSubmitted;
import dev.eventsmith.testkit.cart.CartEvent.CartTagged;
import dev.eventsmith.testkit.cart.CartEvent.ItemAdded;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Stands in for a generated codec. */
public final class ShoppingCartCodec implements EventCodec {

  public static final ShoppingCartCodec INSTANCE = new ShoppingCartCodec();

  @Override
  public EncodedEvent encode(Event event) {
    JsonWriter w = JsonWriter.object();
    if (event instanceof CartCreated e) {
      w.field("cartId").uuid(e.cartId());
      w.field("customer").string(e.customer());
      return new EncodedEvent("CartCreated", 1, w.toBytes());
    }
    if (event instanceof ItemAdded e) {
      w.field("cartId").uuid(e.cartId());
      w.field("sku").string(e.sku().value());
      w.field("price").decimal(e.price().value());
      w.field("quantity").int32(e.quantity());
      return new EncodedEvent("ItemAdded", 1, w.toBytes());
    }
    if (event instanceof CartSubmitted e) {
      w.field("cartId").uuid(e.cartId());
      w.field("total").decimal(e.total().value());
      return new EncodedEvent("CartSubmitted", 1, w.toBytes());
    }
    if (event instanceof CartTagged e) {
      w.field("cartId").uuid(e.cartId());
      w.field("tags").startArray();
      for (String t : e.tags()) {
        w.string(t);
      }
      w.endArray();
      w.field("note");
      if (e.note().isPresent()) {
        w.string(e.note().get());
      } else {
        w.nullValue();
      }
      w.field("channel").string(e.channel().name());
      return new EncodedEvent("CartTagged", 1, w.toBytes());
    }
    throw new CodecException("not a cart event: " + event.getClass().getName());
  }

  @Override
  public Event decode(String type, int schemaVersion, byte[] data) {
    JsonValue json = JsonValue.parse(data);
    switch (type) {
      case "CartCreated":
        return new CartCreated(json.get("cartId").uuid(), json.get("customer").string());
      case "ItemAdded":
        return new ItemAdded(json.get("cartId").uuid(), new Sku(json.get("sku").string()),
            new Money(json.get("price").decimal()), json.get("quantity").int32());
      case "CartSubmitted":
        return new CartSubmitted(json.get("cartId").uuid(), new Money(json.get("total").decimal()));
      case "CartTagged":
        List<String> tags = new ArrayList<>();
        for (JsonValue t : json.get("tags").elements()) {
          tags.add(t.string());
        }
        return new CartTagged(json.get("cartId").uuid(), List.copyOf(tags), json.find("note").map(JsonValue::string),
            CartEvent.Channel.valueOf(json.get("channel").string()));
      default:
        throw new CodecException("unknown event type " + type);
    }
  }

  @Override
  public Set<String> types() {
    return Set.of("CartCreated", "ItemAdded", "CartSubmitted", "CartTagged");
  }

  @Override
  public boolean immutableEvents() {
    return true; // records of immutable values
  }
}
