package dev.eventsmith.bench.cart;

import java.math.BigDecimal;

/**
 * The history every benchmarked cart has, the same on both sides: created, then items added and
 * removed in turn, so that a cart of any length stays under the ten-item limit and one more item is
 * always accepted. Built from scratch for each side, in each side's own event types.
 */
public final class CartHistory {

  /** Snapshots are taken every this many events, on both sides (Eventsmith's {@code every}, Axon's threshold). */
  public static final int SNAPSHOT_EVERY = 100;

  /** The price of every item in the history and in the commands. */
  public static final BigDecimal PRICE = new BigDecimal("9.99");

  /** How many items the example's cart holds at most (its TooManyItems rule). */
  public static final int MAX_ITEMS = 10;

  /** The sku of the item the accepted AddItem puts in. */
  public static final String NEW_SKU = "NEW-1";

  /** What the event at a stream version is. */
  public enum Step { CREATED, ADDED, REMOVED }

  private CartHistory() {}

  /** The event at {@code version} (from 1) of every cart. */
  public static Step step(int version) {
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1: " + version);
    }
    if (version == 1) {
      return Step.CREATED;
    }
    return version % 2 == 0 ? Step.ADDED : Step.REMOVED;
  }

  /** The sku the event at {@code version} adds or removes: each added item is removed by the next event. */
  public static String sku(int version) {
    return "SKU-" + (version / 2);
  }

  /**
   * The version of the snapshot a cart of {@code length} events has when snapshots are on; 0 for
   * none. Half an interval behind the head: the average distance when a snapshot is taken every
   * {@link #SNAPSHOT_EVERY} events, and far enough that the measured command does not take one.
   */
  public static int snapshotVersion(int length) {
    return length >= SNAPSHOT_EVERY ? length - SNAPSHOT_EVERY / 2 : 0;
  }

  /** How many items a cart of {@code length} events holds. */
  public static int items(int length) {
    return length >= 2 && length % 2 == 0 ? 1 : 0;
  }

  /**
   * The quantity of the accepted AddItem: exactly what fills the cart. Accepted only if the load
   * counted no more items than the history holds; with {@link #rejectedQuantity} (rejected only if
   * it counted no fewer), the benchmarks check that every load folded the history to its end.
   */
  public static int acceptedQuantity(int length) {
    return MAX_ITEMS - items(length);
  }

  /** The quantity of the rejected AddItem: one more than fits. */
  public static int rejectedQuantity(int length) {
    return MAX_ITEMS - items(length) + 1;
  }
}
