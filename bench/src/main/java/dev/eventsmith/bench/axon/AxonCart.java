package dev.eventsmith.bench.axon;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.eventsmith.bench.axon.AxonCommands.AbandonCart;
import dev.eventsmith.bench.axon.AxonCommands.AddItem;
import dev.eventsmith.bench.axon.AxonCommands.CreateCart;
import dev.eventsmith.bench.axon.AxonCommands.RemoveItem;
import dev.eventsmith.bench.axon.AxonCommands.SubmitCart;
import dev.eventsmith.bench.axon.AxonEvents.CartAbandoned;
import dev.eventsmith.bench.axon.AxonEvents.CartCreated;
import dev.eventsmith.bench.axon.AxonEvents.CartSubmitted;
import dev.eventsmith.bench.axon.AxonEvents.ItemAdded;
import dev.eventsmith.bench.axon.AxonEvents.ItemRemoved;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The rules of {@code examples/shopping-cart} (its cart.yaml and Cart.java) as an Axon 4
 * event-sourced aggregate: annotated command handlers that check and {@code apply} events, event
 * sourcing handlers that change fields in place. An aggregate exists once created, so "no cart"
 * after creation only means an abandoned one. Plain fields for Jackson, which writes the snapshots.
 */
public class AxonCart {

  static final int MAX_ITEMS = 10;

  @AggregateIdentifier
  private UUID cartId;
  private boolean submitted;
  private boolean abandoned;
  private Map<String, Line> lines = new LinkedHashMap<>();

  /** One sku in the cart, at the price it was added at. */
  record Line(BigDecimal price, int quantity) {}

  /** For Axon's aggregate factory and for Jackson, which rebuild carts from events and snapshots. */
  protected AxonCart() {}

  @CommandHandler
  public AxonCart(CreateCart command) {
    apply(new CartCreated(command.cartId(), command.customer()));
  }

  @CommandHandler
  public void handle(AddItem command) throws CartRejected {
    checkOpen();
    if (items() + command.quantity() > MAX_ITEMS) {
      throw new CartRejected.TooManyItems(MAX_ITEMS);
    }
    apply(new ItemAdded(cartId, command.sku(), command.price(), command.quantity()));
  }

  @CommandHandler
  public void handle(RemoveItem command) throws CartRejected {
    checkOpen();
    Line line = lines.get(command.sku());
    if (line == null) {
      throw new CartRejected.ItemNotInCart(command.sku());
    }
    apply(new ItemRemoved(cartId, command.sku(), line.price(), line.quantity()));
  }

  @CommandHandler
  public void handle(SubmitCart command) throws CartRejected {
    checkOpen();
    if (lines.isEmpty()) {
      throw new CartRejected.EmptyCart();
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Line line : lines.values()) {
      total = total.add(line.price().multiply(BigDecimal.valueOf(line.quantity())));
    }
    apply(new CartSubmitted(cartId, total, items()));
  }

  @CommandHandler
  public void handle(AbandonCart command) throws CartRejected {
    checkOpen();
    apply(new CartAbandoned(cartId, command.reason()));
  }

  private void checkOpen() throws CartRejected {
    if (abandoned) {
      throw new CartRejected.CartNotFound();
    }
    if (submitted) {
      throw new CartRejected.CartAlreadySubmitted();
    }
  }

  private int items() {
    int items = 0;
    for (Line line : lines.values()) {
      items += line.quantity();
    }
    return items;
  }

  @EventSourcingHandler
  void on(CartCreated event) {
    cartId = event.cartId();
  }

  @EventSourcingHandler
  void on(ItemAdded event) {
    lines.merge(event.sku(), new Line(event.price(), event.quantity()),
        (old, added) -> new Line(old.price(), old.quantity() + added.quantity()));
  }

  @EventSourcingHandler
  void on(ItemRemoved event) {
    lines.remove(event.sku());
  }

  @EventSourcingHandler
  void on(CartSubmitted event) {
    submitted = true;
  }

  @EventSourcingHandler
  void on(CartAbandoned event) {
    abandoned = true;
    lines.clear();
  }
}
