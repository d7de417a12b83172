package dev.eventsmith.testkit.cart;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.store.StreamId;
import java.util.UUID;

/** Stands in for generated commands and rejections. */
public sealed interface CartCommand extends Command {

  UUID cartId();

  @Override
  default StreamId streamId() {
    return StreamId.of("Cart", cartId());
  }

  record AddItem(UUID cartId, Sku sku, Money price, int quantity) implements CartCommand {}

  record SubmitCart(UUID cartId) implements CartCommand {}

  record CartAlreadySubmitted() implements Rejection {}

  record TooManyItems(int max) implements Rejection {}
}
