package dev.eventsmith.bench.axon;

import dev.eventsmith.bench.axon.AxonEvents.CartAbandoned;
import dev.eventsmith.bench.axon.AxonEvents.CartCreated;
import dev.eventsmith.bench.axon.AxonEvents.CartSubmitted;
import dev.eventsmith.bench.axon.AxonEvents.ItemAdded;
import dev.eventsmith.bench.axon.AxonEvents.ItemRemoved;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.EventHandler;

/**
 * The example's CartSummary view as an Axon event handler: one immutable row per cart, replaced on
 * each event, in a map (the counterpart of Eventsmith's in-memory view store). Completes
 * {@link #done()} once it has handled the number of events it expects.
 */
public final class AxonCartSummaries {

  /** One cart's row. */
  public record Summary(UUID cartId, String customer, int items, BigDecimal total, String status) {}

  private final Map<UUID, Summary> rows = new HashMap<>();
  private final long expected;
  private final CompletableFuture<Long> done = new CompletableFuture<>();
  private long handled;

  public AxonCartSummaries(long expected) {
    this.expected = expected;
  }

  public CompletableFuture<Long> done() {
    return done;
  }

  public int rows() {
    return rows.size();
  }

  @EventHandler
  void on(CartCreated event) {
    rows.put(event.cartId(), new Summary(event.cartId(), event.customer(), 0, BigDecimal.ZERO, "OPEN"));
    count();
  }

  @EventHandler
  void on(ItemAdded event) {
    Summary row = rows.get(event.cartId());
    BigDecimal added = event.price().multiply(BigDecimal.valueOf(event.quantity()));
    rows.put(event.cartId(), new Summary(row.cartId(), row.customer(), row.items() + event.quantity(),
        row.total().add(added), row.status()));
    count();
  }

  @EventHandler
  void on(ItemRemoved event) {
    Summary row = rows.get(event.cartId());
    BigDecimal removed = event.price().multiply(BigDecimal.valueOf(event.quantity()));
    rows.put(event.cartId(), new Summary(row.cartId(), row.customer(), row.items() - event.quantity(),
        row.total().subtract(removed), row.status()));
    count();
  }

  @EventHandler
  void on(CartSubmitted event) {
    Summary row = rows.get(event.cartId());
    rows.put(event.cartId(), new Summary(row.cartId(), row.customer(), event.items(), event.total(), "SUBMITTED"));
    count();
  }

  @EventHandler
  void on(CartAbandoned event) {
    Summary row = rows.get(event.cartId());
    rows.put(event.cartId(), new Summary(row.cartId(), row.customer(), row.items(), row.total(), "ABANDONED"));
    count();
  }

  private void count() {
    if (++handled == expected) {
      done.complete(handled);
    }
  }
}
