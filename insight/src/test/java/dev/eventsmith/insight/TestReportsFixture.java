package dev.eventsmith.insight;

import dev.eventsmith.generator.emit.SpecTestNames;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SpecDef;
import java.util.ArrayList;
import java.util.List;

/** Test reports as a test run would write them, without running one. */
public final class TestReportsFixture {

  private TestReportsFixture() {}

  /** Every spec of the model passed, except those of {@code failing}, which failed. */
  public static TestReports passing(EventModel model, String failing) {
    List<TestReports.TestCase> cases = new ArrayList<>();
    for (SpecDef spec : model.specs()) {
      boolean fails = spec.subject().name().equals(failing);
      cases.add(new TestReports.TestCase(SpecTestNames.testClass(model, spec), SpecTestNames.testMethod(model, spec),
          fails ? TestReports.Result.FAILED : TestReports.Result.PASSED, fails ? "expected other events" : ""));
    }
    return TestReports.of(cases);
  }
}
