package dev.eventsmith.mcp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.mcp.guide.Guides;
import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.tool.Calls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model tools on the generator's school model, where commands decided across streams live
 * beside an aggregate command: each is listed with its query, and leads to its own contract.
 */
class DecidedCommandToolsTest {

  private static final Path SCHOOL = Path.of("../generator/src/test/resources/models/school/school.yaml");

  @TempDir
  Path root;

  private Calls calls;

  @BeforeEach
  void project() throws Exception {
    Files.copy(SCHOOL, Files.createDirectories(root.resolve("src/main/eventmodel")).resolve("school.yaml"));
    calls = new Calls(new ModelTools(Project.open(root, "src/main/eventmodel"), Guides.bundled()).tools());
  }

  @Test
  void decidedCommandsAreListedWithTheQueryTheyDecideOn() {
    List<?> slices = (List<?>) calls.ok("list_slices", Map.of("kind", "command")).get("slices");
    assertEquals(List.of("DefineCourse", "DescribeCourse", "SubscribeStudent"),
        slices.stream().map(s -> ((Map<?, ?>) s).get("name")).toList());
    Map<?, ?> subscribe = (Map<?, ?>) slices.get(2);
    assertEquals(List.of(Map.of("types", List.of("CourseDefined", "StudentSubscribed"), "tags", List.of("course")),
        Map.of("types", List.of("StudentSubscribed"), "tags", List.of("student"))), subscribe.get("decides"));
    assertEquals("Course", subscribe.get("aggregate"), "the stream its events go to");
    assertFalse(((Map<?, ?>) slices.get(1)).containsKey("decides"), "DescribeCourse is its aggregate's");

    Map<String, Object> element = calls.ok("show_element", Map.of("name", "DefineCourse"));
    assertEquals(List.of(Map.of("types", List.of("CourseDefined"), "tags", List.of("course"))),
        element.get("decides"), element.toString());
  }

  @Test
  void aDecidedCommandLeadsToItsOwnDecisionContractAndAnAggregateCommandToItsDecider() {
    Map<?, ?> decision = (Map<?, ?>) ((List<?>) calls.ok("show_contract", Map.of("name", "SubscribeStudent"))
        .get("contracts")).get(0);
    assertEquals("com.example.school.SubscribeStudentDecision", decision.get("contract"));
    assertEquals("decision", decision.get("kind"));
    assertEquals("public interface SubscribeStudentDecision<S> extends CrossStreamDecider<S, SubscribeStudent,"
        + " SubscribeStudent.Emits>", decision.get("declaration"));
    List<?> methods = ((List<?>) decision.get("methodsToWrite")).stream()
        .map(m -> ((Map<?, ?>) m).get("signature")).toList();
    assertTrue(methods.contains("S evolve(S state, StudentSubscribed event)"), methods.toString());
    assertTrue(methods.stream().anyMatch(m -> m.toString().contains(" decide(SubscribeStudent command, S state)")),
        methods.toString());
    assertTrue(decision.get("howToImplement").toString()
        .contains("implements SubscribeStudentDecision<SubscribeStudentLogic.State>"), decision.toString());
    assertNull(decision.get("implementedBy"), "nothing compiled in the project");

    Map<?, ?> decider = (Map<?, ?>) ((List<?>) calls.ok("show_contract", Map.of("name", "DescribeCourse"))
        .get("contracts")).get(0);
    assertEquals("com.example.school.CourseDecider", decider.get("contract"));
    assertEquals(List.of("Decision<DescribeCourse.Emits, DescribeCourse.Rejects> decide(DescribeCourse command,"
        + " S state)"), ((List<?>) decider.get("methodsToWrite")).stream()
        .map(m -> ((Map<?, ?>) m).get("signature")).filter(s -> s.toString().contains("decide(")).toList());
  }
}
