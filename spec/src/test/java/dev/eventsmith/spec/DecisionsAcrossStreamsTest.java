package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event tags and commands decided on a query over tagged events, beside aggregate commands. */
class DecisionsAcrossStreamsTest {

  private static final String MODEL = """
      eventmodel: 1
      name: School
      package: com.example.school
      aggregates:
        Course: { id: course }
      events:
        CourseDefined:
          fields: { course: string, capacity: int }
          tags: [course]
        StudentSubscribed:
          fields: { course: string, student: string }
          tags: [course, student]
      commands:
        DefineCourse:
          aggregate: Course
          fields: { course: string, capacity: int }
          decides: [ { types: [CourseDefined], tags: [course] } ]
          emits: [CourseDefined]
        SubscribeStudent:
          aggregate: Course
          fields: { course: string, student: string }
          decides:
            - { types: [CourseDefined, StudentSubscribed], tags: [course] }
            - { types: [StudentSubscribed], tags: [student] }
          emits: [StudentSubscribed]
          rejects: [CourseFull]
      specs:
        SubscribeStudent:
          - name: other courses do not count
            given: [ { CourseDefined: { course: art, capacity: 1 } }, { StudentSubscribed: { course: art, student: bob } } ]
            when: { SubscribeStudent: { course: maths, student: ann } }
            then: { rejected: CourseFull }
      """;

  private static ModelText model() {
    return ModelText.of(MODEL);
  }

  @Test
  void tagsAndQueriesAreRead() {
    LoadResult result = model().load();
    assertEquals(List.of(), result.errors(), result.format());
    EventModel model = result.model().orElseThrow();
    assertEquals(List.of("course", "student"),
        model.event("StudentSubscribed").orElseThrow().tags().stream().map(Reference::name).toList());
    CommandDef subscribe = model.command("SubscribeStudent").orElseThrow();
    assertTrue(subscribe.decidesAcrossStreams());
    assertEquals(1, model.command("DefineCourse").orElseThrow().decides().size());
    assertEquals(2, subscribe.decides().size());
    assertEquals(List.of("CourseDefined", "StudentSubscribed"),
        subscribe.decides().get(0).types().stream().map(Reference::name).toList());
  }

  @Test
  void esm0609ATagThatIsNoField() {
    model().replace("tags: [course, student]", "tags: [course, §students]")
        .expect(DiagnosticCode.INVALID_EVENT_TAG, "'students'", "did you mean 'student'?");
  }

  @Test
  void esm0609ATagOfAListField() {
    model().replace("fields: { course: string, capacity: int }\n    tags: [course]",
            "fields: { course: \"list<string>\", capacity: int }\n    tags: [§course]")
        .expect(DiagnosticCode.INVALID_EVENT_TAG, "one value");
  }

  @Test
  void esm0610AQueryTagThatIsNoFieldOfTheCommand() {
    model().replace("- { types: [StudentSubscribed], tags: [student] }",
            "- { types: [StudentSubscribed], tags: [§learner] }")
        .expect(DiagnosticCode.INVALID_DECISION_QUERY, "'learner'", "not a scalar field of the command");
  }

  @Test
  void esm0610AQueryOfAnUnknownEvent() {
    model().replace("- { types: [StudentSubscribed], tags: [student] }",
            "- { types: [§StudentSubscribd], tags: [student] }")
        .expect(DiagnosticCode.INVALID_DECISION_QUERY, "not an event", "did you mean 'StudentSubscribed'?");
  }

  @Test
  void esm0610AnEventListedTwiceInAnItem() {
    model().replace("- { types: [StudentSubscribed], tags: [student] }",
            "- { types: [StudentSubscribed, §StudentSubscribed], tags: [student] }")
        .expect(DiagnosticCode.INVALID_DECISION_QUERY, "listed twice");
  }

  @Test
  void esm0610AnItemWithoutTags() {
    model().replace("- { types: [StudentSubscribed], tags: [student] }", "- §{ types: [StudentSubscribed], tags: [] }")
        .expect(DiagnosticCode.INVALID_DECISION_QUERY, "names no tag");
  }

  @Test
  void esm0611AnEventNotTaggedAsTheItemReadsIt() {
    model().replace("- { types: [CourseDefined, StudentSubscribed], tags: [course] }\n"
                + "      - { types: [StudentSubscribed], tags: [student] }",
            "- { types: [CourseDefined, StudentSubscribed], tags: [course] }\n"
                + "      - { types: [§CourseDefined], tags: [student] }")
        .replace("fields: { course: string, capacity: int }\n    tags: [course]",
            "fields: { course: string, capacity: int, student: string }\n    tags: [course]")
        .expect(DiagnosticCode.QUERY_NEVER_MATCHES, "'CourseDefined' is not tagged 'student'");
  }

  @Test
  void esm0611ATagOfAnotherTypeInTheCommand() {
    model().replace("fields: { course: string, student: string }\n    decides:",
            "fields: { course: string, student: int }\n    decides:")
        .replace("- { types: [StudentSubscribed], tags: [student] }",
            "- { types: [§StudentSubscribed], tags: [student] }")
        .replace("student: ann } }", "student: 7 } }")
        .expect(DiagnosticCode.QUERY_NEVER_MATCHES, "never meet");
  }

  @Test
  void esm0612ADecisionEmittingAnUntaggedEvent() {
    model().replace("    tags: [course, student]\n", "")
        .replace("- { types: [CourseDefined, StudentSubscribed], tags: [course] }\n"
                + "      - { types: [StudentSubscribed], tags: [student] }\n    emits: [StudentSubscribed]",
            "- { types: [CourseDefined], tags: [course] }\n    emits: [§StudentSubscribed]")
        .expect(DiagnosticCode.UNTAGGED_DECISION_EVENT, "'StudentSubscribed', which has no tags");
  }

  @Test
  void esm0613AnAggregateCommandEmittingATaggedEvent() {
    model().replace("    decides: [ { types: [CourseDefined], tags: [course] } ]\n    emits: [CourseDefined]",
            "    emits: [§CourseDefined]")
        .expect(DiagnosticCode.TAGGED_AGGREGATE_EVENT, "stored without tags", "'CourseDefined'");
  }

  @Test
  void givenEventsOfAnyAggregateAreAllowedForADecision() {
    LoadResult result = model().replace("  Course: { id: course }\n", "  Course: { id: course }\n  Catalog: { id: course }\n")
        .replace("events:\n", "events:\n  CourseListed: { aggregate: Catalog, fields: { course: string }, tags: [course] }\n")
        .replace("given: [ { CourseDefined:", "given: [ { CourseListed: { course: art } }, { CourseDefined:")
        .load();
    assertEquals(List.of(), result.errors(), result.format());
    // Given to an aggregate command, the same event is refused: it is another aggregate's stream.
    model().replace("  Course: { id: course }\n", "  Course: { id: course }\n  Catalog: { id: course }\n")
        .replace("events:\n", "events:\n  CourseListed: { aggregate: Catalog, fields: { course: string }, tags: [course] }\n")
        .replace("commands:\n", "commands:\n  CloseCourse: { aggregate: Course, fields: { course: string }, emits: [CourseClosed] }\n")
        .replace("events:\n", "events:\n  CourseClosed: { fields: { course: string } }\n")
        .replace("specs:\n", "specs:\n  CloseCourse:\n    - name: d\n      given: [ { §CourseListed: { course: art } } ]\n"
            + "      when: { CloseCourse: { course: art } }\n      then: []\n")
        .expect(DiagnosticCode.GIVEN_EVENT_OF_OTHER_AGGREGATE);
  }
}
