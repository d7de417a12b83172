package dev.eventsmith.observation;

import dev.eventsmith.runtime.store.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A page of the log that a projection applied to its view: its rows and checkpoint committed.
 *
 * @param view the view's name in the model
 * @param events the events of the page, in log order (those the view ignores included)
 * @param readAt when the page was read from the log
 * @param took from reading the page to its commit
 */
public record AppliedPage(String view, List<RecordedEvent> events, Instant readAt, Duration took) {

  public AppliedPage {
    Objects.requireNonNull(view, "view");
    events = List.copyOf(events);
    Objects.requireNonNull(readAt, "readAt");
    Objects.requireNonNull(took, "took");
  }
}
