package dev.eventsmith.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that stands still until the test moves it: give it to the stores, the
 * {@code DeadlineRunner} and the process runners, then {@link #advance} it to make deadlines due.
 * Thread-safe; it never goes back.
 */
public final class TestClock extends Clock {

  private volatile Instant now;

  private TestClock(Instant now) {
    this.now = now;
  }

  /** A clock standing at {@code start}. */
  public static TestClock at(Instant start) {
    return new TestClock(Objects.requireNonNull(start, "start"));
  }

  /** A clock standing at {@code start}, an ISO-8601 instant such as {@code 2026-03-02T09:00:00Z}. */
  public static TestClock at(String start) {
    return at(Instant.parse(start));
  }

  /** Moves the clock {@code by} forward and answers the new time. */
  public synchronized Instant advance(Duration by) {
    Objects.requireNonNull(by, "by");
    if (by.isNegative()) {
      throw new IllegalArgumentException("a test clock only moves forward, not by " + by);
    }
    now = now.plus(by);
    return now;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** Refused: deadlines and recorded times are UTC instants, so a test clock stays in UTC. */
  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("a test clock stays in UTC, not " + zone);
  }
}
