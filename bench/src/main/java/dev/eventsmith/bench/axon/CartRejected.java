package dev.eventsmith.bench.axon;

/**
 * A command the cart refuses. Checked on purpose: Axon's SimpleCommandBus rolls a unit of work
 * back only on unchecked exceptions (its default RollbackConfiguration), and a rollback evicts the
 * aggregate from the caching repository's cache. An Axon expert keeps the cache across business
 * rejections this way. No stack trace: a rejection is an answer, not a fault, and filling in the
 * trace would cost Axon more than the rest of a cached command.
 */
public class CartRejected extends Exception {

  private static final long serialVersionUID = 1L;

  CartRejected(String message) {
    super(message, null, false, false);
  }

  /** The cart was never opened, or was abandoned. */
  public static final class CartNotFound extends CartRejected {
    private static final long serialVersionUID = 1L;

    CartNotFound() {
      super("no such cart");
    }
  }

  /** The cart was submitted already. */
  public static final class CartAlreadySubmitted extends CartRejected {
    private static final long serialVersionUID = 1L;

    CartAlreadySubmitted() {
      super("the cart was submitted");
    }
  }

  /** The cart would hold more items than allowed. */
  public static final class TooManyItems extends CartRejected {
    private static final long serialVersionUID = 1L;

    TooManyItems(int max) {
      super("a cart holds at most " + max + " items");
    }
  }

  /** The item is not in the cart. */
  public static final class ItemNotInCart extends CartRejected {
    private static final long serialVersionUID = 1L;

    ItemNotInCart(String sku) {
      super(sku + " is not in the cart");
    }
  }

  /** An empty cart cannot be submitted. */
  public static final class EmptyCart extends CartRejected {
    private static final long serialVersionUID = 1L;

    EmptyCart() {
      super("the cart is empty");
    }
  }
}
