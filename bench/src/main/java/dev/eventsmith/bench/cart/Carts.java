package dev.eventsmith.bench.cart;

/**
 * One contender's shopping carts, prepared for a benchmark: Eventsmith's or Axon's, in one
 * configuration. Every method checks the outcome it expects and throws otherwise, so a benchmark
 * can never measure a broken set-up.
 */
public interface Carts extends AutoCloseable {

  /**
   * Forgets the carts prepared before and prepares {@code count} new ones, each with the
   * {@link CartHistory} of {@code length} events (and, where the configuration has them, its
   * snapshot and a warm cache).
   */
  void prepare(int count, int length);

  /** Handles an AddItem the cart accepts; the cart grows by one event. */
  Object addItem(int cart);

  /** Handles an AddItem the cart rejects (too many items); nothing is appended. */
  Object addTooMany(int cart);

  /** Handles a CreateCart for a cart that does not exist yet. */
  Object createCart();

  @Override
  void close();
}
