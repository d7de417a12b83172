package dev.eventsmith.runtime.segment;

import java.util.List;

/**
 * How many of a runner's segments each live instance aims to hold: the segments divided evenly,
 * the first instances (by owner name) taking one more each while the division leaves a remainder.
 * Every instance computes the same shares from the same list, so they add up to the segments:
 * 8 segments over 3 instances are 3, 3 and 2.
 */
public final class FairShare {

  private FairShare() {}

  /**
   * The share of {@code owner} among {@code instances} (sorted by name, {@code owner} among them).
   *
   * @throws IllegalArgumentException if {@code owner} is not one of {@code instances}
   */
  public static int of(int segments, List<String> instances, String owner) {
    int rank = instances.indexOf(owner);
    if (rank < 0) {
      throw new IllegalArgumentException(owner + " is not one of the instances " + instances);
    }
    int each = segments / instances.size();
    return each + (rank < segments % instances.size() ? 1 : 0);
  }
}
