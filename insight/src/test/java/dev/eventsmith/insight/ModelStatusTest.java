package dev.eventsmith.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsmith.spec.model.EventModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A process is a slice like the others: its specs count, and a process spec that did not run is reported. */
class ModelStatusTest {

  private static final EventModel FOOTBALL = new Examples("football-match", Examples.ROOT.resolve("football-match"))
      .model();

  @Test
  void aProcessIsASliceWithItsSpecs() {
    ModelStatus status = ModelStatus.of(FOOTBALL, HandWrittenCode.scan(FOOTBALL, Path.of("no-classes")),
        TestReportsFixture.passing(FOOTBALL, "MatchClosing"));
    SliceStatus closing = status.slices().stream().filter(s -> s.name().equals("MatchClosing")).findFirst()
        .orElseThrow();
    assertEquals("process", closing.kindLabel());
    assertEquals(5, closing.specs().size());
    assertEquals(5, closing.count(SpecStatus.Outcome.FAILED));
    assertEquals(FOOTBALL.specs().size(), status.specs().size(), "every spec of the model is in a slice");
  }

  @Test
  void aProcessSpecThatDidNotRunIsReported() {
    ModelStatus status = ModelStatus.of(FOOTBALL, HandWrittenCode.scan(FOOTBALL, Path.of("no-classes")),
        TestReports.of(List.of()));
    assertEquals(5, status.notRun().stream().filter(s -> s.subject().equals("MatchClosing")).count());
  }
}
