package dev.eventsmith.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestReportsTest {

  @TempDir
  Path reports;

  @Test
  void readsPassedFailedErroredAndSkippedCases() throws IOException {
    Files.writeString(reports.resolve("TEST-a.ASpecTest.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="a.ASpecTest" tests="4">
          <testcase name="passes" classname="a.ASpecTest" time="0.01"/>
          <testcase name="fails" classname="a.ASpecTest"><failure message="expected X">trace</failure></testcase>
          <testcase name="breaks" classname="a.ASpecTest"><error message="boom"/></testcase>
          <testcase name="waits" classname="a.ASpecTest"><skipped/></testcase>
        </testsuite>
        """);
    Files.writeString(reports.resolve("not-a-report.xml"), "<nothing/>");
    TestReports read = TestReports.read(reports);
    assertEquals(1, read.files());
    assertEquals(4, read.size());
    assertEquals(TestReports.Result.PASSED, result(read, "passes"));
    assertEquals(TestReports.Result.FAILED, result(read, "fails"));
    assertEquals("expected X", read.find(List.of("a.ASpecTest"), List.of("fails")).orElseThrow().message());
    assertEquals(TestReports.Result.FAILED, result(read, "breaks"));
    assertEquals(TestReports.Result.SKIPPED, result(read, "waits"));
    assertTrue(read.find(List.of("a.ASpecTest"), List.of("absent")).isEmpty());
  }

  @Test
  void aReportWithADoctypeOrCutShortProvesNothingRan() throws IOException {
    Files.writeString(reports.resolve("TEST-evil.xml"), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM"
        + " \"file:///etc/passwd\">]><testsuite><testcase name=\"&e;\" classname=\"x\"/></testsuite>");
    Files.writeString(reports.resolve("TEST-cut.xml"), "<testsuite><testcase name=\"a\" classn");
    assertEquals(0, TestReports.read(reports).size());
  }

  @Test
  void noFolderNoTests() {
    assertEquals(0, TestReports.read(reports.resolve("missing")).files());
  }

  private static TestReports.Result result(TestReports reports, String name) {
    return reports.find(List.of("a.ASpecTest"), List.of(name)).orElseThrow().result();
  }
}
