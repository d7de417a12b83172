package dev.eventsmith.bench.cart;

import java.time.Duration;
import org.openjdk.jmh.infra.IterationParams;

/**
 * The carts of a command benchmark, prepared afresh for each iteration: one per call of a
 * single-shot batch (an accepted command makes its cart longer, so each cart takes one), or
 * {@link #ROTATION} taking rejected commands in turn (a rejection leaves its cart as it was).
 */
final class PreparedCarts implements AutoCloseable {

  static final int ROTATION = 16;

  private final Carts carts;
  private int count;
  private int next;

  /** Takes {@code carts} and warms the JIT up on them for {@code warmUp}, see {@link Contenders#warmUp}. */
  PreparedCarts(Carts carts, Duration warmUp) {
    this.carts = carts;
    Contenders.warmUp(carts, warmUp);
  }

  void prepare(IterationParams iteration, int length) {
    count = Math.max(iteration.getBatchSize(), ROTATION);
    carts.prepare(count, length);
    next = 0;
    // Start measuring with an empty young generation: the preparation's garbage is not the commands'.
    System.gc();
  }

  /** An accepted AddItem on the next cart that has not taken one. */
  Object accept() {
    return carts.addItem(next++);
  }

  /** A rejected AddItem on the next cart in turn. */
  Object reject() {
    int cart = next;
    next = (next + 1) % count;
    return carts.addTooMany(cart);
  }

  @Override
  public void close() {
    carts.close();
  }
}
