package dev.eventsmith.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCheckTest {

  @TempDir
  Path project;

  private Path reports;

  @BeforeEach
  void model() throws IOException {
    Path model = Files.createDirectories(project.resolve("src/main/eventmodel"));
    Files.writeString(model.resolve("things.yaml"), String.join("\n",
        "eventmodel: 1",
        "name: Things",
        "package: com.acme.things",
        "aggregates:",
        "  Thing: { id: thingId }",
        "events:",
        "  ThingMade: { fields: { thingId: uuid } }",
        "commands:",
        "  MakeThing: { aggregate: Thing, fields: { thingId: uuid }, emits: [ThingMade] }",
        "specs:",
        "  MakeThing:",
        "    - name: makes a thing",
        "      when: { MakeThing: { thingId: $t } }",
        "      then: [ { ThingMade: { thingId: $t } } ]",
        "    - name: makes it again",
        "      when: { MakeThing: { thingId: $t } }",
        "      then: [ { ThingMade: { thingId: $t } } ]",
        ""));
    reports = Files.createDirectories(project.resolve("target/surefire-reports"));
  }

  private SpecCheck.Verdict check(boolean allow, Optional<String> filter, String surefire) {
    return SpecCheck.run(new SpecCheck.Request(new StatusRequest(project.resolve("src/main/eventmodel"), project,
        project.resolve("target/classes"), reports), allow, filter, surefire, true));
  }

  private void report(String testcases) throws IOException {
    Files.writeString(reports.resolve("TEST-com.acme.things.MakeThingSpecTest.xml"),
        "<?xml version=\"1.0\"?><testsuite name=\"com.acme.things.MakeThingSpecTest\">" + testcases + "</testsuite>");
  }

  @Test
  void everySpecThatDidNotRunIsAnErrorAtItsLine() throws IOException {
    report("<testcase name=\"makesAThing\" classname=\"com.acme.things.MakeThingSpecTest\"/>");
    SpecCheck.Verdict verdict = check(false, Optional.empty(), "3.5.2");
    assertEquals(1, verdict.errors().size(), verdict.errors()::toString);
    Diagnostic error = verdict.errors().get(0);
    assertEquals(DiagnosticCode.SPEC_NOT_RUN, error.code());
    assertEquals("src/main/eventmodel/things.yaml", error.position().file());
    assertEquals(15, error.position().line());
    assertTrue(error.message().contains("spec \"makes it again\" of MakeThing did not run"), error.message());
    assertTrue(error.message().contains("com.acme.things.MakeThingSpecTest#makesItAgain"), error.message());
    assertEquals(1, verdict.ran());
  }

  @Test
  void reportsWithDisplayNamesCountToo() throws IOException {
    report("<testcase name=\"makes a thing\" classname=\"MakeThing\"/>"
        + "<testcase name=\"makesItAgain()\" classname=\"com.acme.things.MakeThingSpecTest\"/>");
    assertEquals(0, check(false, Optional.empty(), "3.5.2").errors().size());
  }

  @Test
  void anOldSurefireIsNamedAsTheReason() {
    SpecCheck.Verdict verdict = check(false, Optional.empty(), "2.12.4");
    assertEquals(2, verdict.errors().size());
    assertTrue(verdict.reasons().get(0).startsWith("maven-surefire-plugin 2.12.4 does not run JUnit 5 tests"),
        verdict.reasons()::toString);
    assertTrue(verdict.reasons().stream().anyMatch(r -> r.startsWith("no test report")), verdict.reasons()::toString);
  }

  @Test
  void aTestFilterOrTheFlagExcusesWhatDidNotRun() throws IOException {
    report("<testcase name=\"makesAThing\" classname=\"com.acme.things.MakeThingSpecTest\"/>");
    SpecCheck.Verdict filtered = check(false, Optional.of("MakeThingSpecTest#makesAThing"), "3.5.2");
    assertTrue(filtered.errors().isEmpty());
    assertEquals("makes it again", filtered.excused().get(0).name());
    assertTrue(check(true, Optional.empty(), "3.5.2").errors().isEmpty());
  }

  @Test
  void surefireVersions() {
    assertTrue(SpecCheck.tooOldForJUnit5("2.12.4"));
    assertTrue(SpecCheck.tooOldForJUnit5("2.21.0"));
    assertFalse(SpecCheck.tooOldForJUnit5("2.22.2"));
    assertFalse(SpecCheck.tooOldForJUnit5("3.5.2"));
    assertFalse(SpecCheck.tooOldForJUnit5("${surefire.version}"));
    assertFalse(SpecCheck.tooOldForJUnit5(""));
  }
}
