package dev.eventsmith.runtime;

/**
 * The rejection type of a command that declares no rejections: it has no instances, so a decider
 * can only accept such a command.
 */
public final class NoRejection implements Rejection {
  private NoRejection() {
    throw new AssertionError("NoRejection has no instances");
  }
}
