package dev.eventsmith.spring.boot;

import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How far a runner is behind the log, as time: how long the oldest event it has not handled has
 * waited. Zero when it is caught up. Positions cannot say it in events: PostgreSQL's are not
 * consecutive.
 */
final class Lag {

  private Lag() {}

  static Duration of(EventStore events, long checkpoint, Clock clock) {
    List<RecordedEvent> next = events.readAll(checkpoint, 1);
    if (next.isEmpty()) {
      return Duration.ZERO;
    }
    Duration waited = Duration.between(next.get(0).recordedAt(), clock.instant());
    return waited.isNegative() ? Duration.ZERO : waited;
  }
}
