package dev.eventsmith.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process is a slice like the others: its specs count, and a process spec that did not run is
 * reported; a command decided across streams is written in its decision class, not its aggregate's.
 */
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
  void aCommandDecidedAcrossStreamsIsWrittenInItsDecision(@TempDir Path temp) throws IOException {
    EventModel library = new Examples("library-lending", Examples.ROOT.resolve("library-lending")).model();
    // Stand-ins for the generated contracts and the hand-written classes: the scan reads names and supertypes only.
    Path classes = compile(temp, Map.of(
        "BorrowBookDecision", "public interface BorrowBookDecision<S> {}",
        "Borrowing", "public final class Borrowing implements BorrowBookDecision<Object> {}",
        "MemberDecider", "public interface MemberDecider<S> {}",
        "Member", "public final class Member implements MemberDecider<Object> {}"));
    HandWrittenCode code = HandWrittenCode.scan(library, classes);
    ModelStatus status = ModelStatus.of(library, code, TestReports.of(List.of()));
    Map<String, String> logic = status.slices().stream()
        .collect(Collectors.toMap(SliceStatus::name, SliceStatus::implementation));
    assertEquals("com.example.library.Borrowing", logic.get("BorrowBook"));
    assertEquals("", logic.get("ReturnBook"), "its decision is not written");
    assertEquals("com.example.library.Member", logic.get("RenameMember"));
    assertTrue(code.problems().stream().noneMatch(p -> p.message().contains("'Book'")),
        () -> "Book decides none of its commands itself, so it needs no decider: " + code.problems());
    assertTrue(code.problems().stream().anyMatch(p -> p.message().contains("ReturnBookDecision")),
        code.problems()::toString);
  }

  private static Path compile(Path temp, Map<String, String> types) throws IOException {
    Path sources = Files.createDirectories(temp.resolve("src"));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> type : types.entrySet()) {
      Path file = sources.resolve(type.getKey() + ".java");
      Files.writeString(file, "package com.example.library;\n" + type.getValue() + "\n");
      files.add(file);
    }
    Path classes = temp.resolve("classes");
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
        Stream.concat(Stream.of("-d", classes.toString()), files.stream().map(Path::toString)).toArray(String[]::new));
    assertEquals(0, status, "the stand-ins compile");
    return classes;
  }

  @Test
  void aProcessSpecThatDidNotRunIsReported() {
    ModelStatus status = ModelStatus.of(FOOTBALL, HandWrittenCode.scan(FOOTBALL, Path.of("no-classes")),
        TestReports.of(List.of()));
    assertEquals(5, status.notRun().stream().filter(s -> s.subject().equals("MatchClosing")).count());
  }
}
