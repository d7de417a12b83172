package dev.eventsmith.bench.axon;

import java.math.BigDecimal;
import java.util.UUID;

/** The shopping cart's events for Axon: plain records, serialized by Axon's JacksonSerializer. */
public final class AxonEvents {

  private AxonEvents() {}

  /** A cart was opened. */
  public record CartCreated(UUID cartId, String customer) {}

  /** An item was put into a cart at a price. */
  public record ItemAdded(UUID cartId, String sku, BigDecimal price, int quantity) {}

  /** Every unit of an item was taken out of a cart. */
  public record ItemRemoved(UUID cartId, String sku, BigDecimal price, int quantity) {}

  /** A cart was submitted with its total. */
  public record CartSubmitted(UUID cartId, BigDecimal total, int items) {}

  /** A cart was given up. */
  public record CartAbandoned(UUID cartId, String reason) {}
}
