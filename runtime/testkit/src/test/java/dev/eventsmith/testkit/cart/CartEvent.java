package dev.eventsmith.testkit.cart;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stands in for generated events. */
public sealed interface CartEvent extends Event {

  UUID cartId();

  @Override
  default StreamId streamId() {
    return StreamId.of("Cart", cartId());
  }

  /** How the customer reached the shop; an enum field for rendering. */
  enum Channel { WEB, STORE }

  record CartCreated(UUID cartId, String customer) implements CartEvent {}

  record ItemAdded(UUID cartId, Sku sku, Money price, int quantity) implements CartEvent {}

  record CartSubmitted(UUID cartId, Money total) implements CartEvent {}

  record CartTagged(UUID cartId, List<String> tags, Optional<String> note, Channel channel) implements CartEvent {}
}
