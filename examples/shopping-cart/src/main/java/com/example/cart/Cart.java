package com.example.cart;

import dev.eventsmith.runtime.Decision;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The cart's rules: what each command does, and how each event changes the cart. */
public final class Cart implements CartDecider<Cart.State> {

  static final int MAX_ITEMS = 10;

  /** What the rules need to know about one cart. */
  public record State(boolean created, boolean submitted, boolean abandoned, Map<Sku, Line> lines) {
    public State {
      lines = Map.copyOf(lines);
    }

    int items() {
      return lines.values().stream().mapToInt(Line::quantity).sum();
    }

    BigDecimal total() {
      return lines.values().stream()
          .map(line -> line.price().value().multiply(BigDecimal.valueOf(line.quantity())))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** An abandoned cart is gone: commands find no cart. */
    boolean open() {
      return created && !abandoned;
    }

    State withLines(Map<Sku, Line> changed) {
      return new State(created, submitted, abandoned, changed);
    }
  }

  /** One sku in the cart, at the price it was added at. */
  public record Line(Money price, int quantity) {}

  @Override
  public State initialState() {
    return new State(false, false, false, Map.of());
  }

  @Override
  public Decision<CreateCart.Emits, CreateCart.Rejects> decide(CreateCart command, State state) {
    if (state.created()) {
      return Decision.reject(new CartAlreadyExists());
    }
    return Decision.accept(new CartCreated(command.cartId(), command.customer()));
  }

  @Override
  public Decision<AddItem.Emits, AddItem.Rejects> decide(AddItem command, State state) {
    if (!state.open()) {
      return Decision.reject(new CartNotFound());
    }
    if (state.submitted()) {
      return Decision.reject(new CartAlreadySubmitted());
    }
    if (state.items() + command.quantity() > MAX_ITEMS) {
      return Decision.reject(new TooManyItems(MAX_ITEMS));
    }
    return Decision.accept(new ItemAdded(command.cartId(), command.sku(), command.price(), command.quantity()));
  }

  @Override
  public Decision<RemoveItem.Emits, RemoveItem.Rejects> decide(RemoveItem command, State state) {
    if (!state.open()) {
      return Decision.reject(new CartNotFound());
    }
    if (state.submitted()) {
      return Decision.reject(new CartAlreadySubmitted());
    }
    Line line = state.lines().get(command.sku());
    if (line == null) {
      return Decision.reject(new ItemNotInCart(command.sku()));
    }
    return Decision.accept(new ItemRemoved(command.cartId(), command.sku(), line.price(), line.quantity()));
  }

  @Override
  public Decision<SubmitCart.Emits, SubmitCart.Rejects> decide(SubmitCart command, State state) {
    if (!state.open()) {
      return Decision.reject(new CartNotFound());
    }
    if (state.submitted()) {
      return Decision.reject(new CartAlreadySubmitted());
    }
    if (state.lines().isEmpty()) {
      return Decision.reject(new EmptyCart());
    }
    return Decision.accept(new CartSubmitted(command.cartId(), new Money(state.total()), state.items()));
  }

  @Override
  public Decision<AbandonCart.Emits, AbandonCart.Rejects> decide(AbandonCart command, State state) {
    if (!state.open()) {
      return Decision.reject(new CartNotFound());
    }
    if (state.submitted()) {
      return Decision.reject(new CartAlreadySubmitted());
    }
    return Decision.accept(new CartAbandoned(command.cartId(), command.reason()));
  }

  @Override
  public State evolve(State state, CartCreated event) {
    return new State(true, false, false, Map.of());
  }

  @Override
  public State evolve(State state, ItemAdded event) {
    Map<Sku, Line> lines = new LinkedHashMap<>(state.lines());
    lines.merge(event.sku(), new Line(event.price(), event.quantity()),
        (old, added) -> new Line(old.price(), old.quantity() + added.quantity()));
    return state.withLines(lines);
  }

  @Override
  public State evolve(State state, ItemRemoved event) {
    Map<Sku, Line> lines = new LinkedHashMap<>(state.lines());
    lines.remove(event.sku());
    return state.withLines(lines);
  }

  @Override
  public State evolve(State state, CartSubmitted event) {
    return new State(true, true, false, state.lines());
  }

  @Override
  public State evolve(State state, CartAbandoned event) {
    return new State(true, false, true, Map.of());
  }
}
