package dev.eventsmith.bench.axon;

import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The shopping cart's commands, as Axon users write them: records routed by their target id. */
public final class AxonCommands {

  private AxonCommands() {}

  /** Opens a cart. */
  public record CreateCart(@TargetAggregateIdentifier UUID cartId, String customer) {}

  /** Puts {@code quantity} of an item into the cart. */
  public record AddItem(@TargetAggregateIdentifier UUID cartId, String sku, BigDecimal price, int quantity) {}

  /** Takes every unit of an item out of the cart. */
  public record RemoveItem(@TargetAggregateIdentifier UUID cartId, String sku) {}

  /** Closes the cart for checkout. */
  public record SubmitCart(@TargetAggregateIdentifier UUID cartId) {}

  /** Gives the cart up. */
  public record AbandonCart(@TargetAggregateIdentifier UUID cartId, String reason) {}
}
