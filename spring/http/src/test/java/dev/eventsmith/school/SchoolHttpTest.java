package dev.eventsmith.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Commands decided across streams over real HTTP, routed by the starter's CommandBus beside an
 * aggregate command of the same model, on the in-memory store: the answers and problems of an
 * aggregate command, the race the decision exists for, idempotency keys, and the OpenAPI document.
 */
@SpringBootTest(classes = SchoolService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "eventsmith.store.type=in-memory")
class SchoolHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicLong COURSES = new AtomicLong();

  @LocalServerPort
  int port;

  @Autowired
  EventStore store;

  @Test
  void decidedAndAggregateCommandsOfOneModelAreEachRoutedToTheirLogic() throws Exception {
    String course = course();
    Answer defined = post("DefineCourse", "{\"course\":\"" + course + "\",\"capacity\":1}");
    assertEquals(200, defined.status(), defined.text());
    assertEquals("Course-" + course, defined.json().get("stream").asText());
    assertEquals(1, defined.json().get("streamVersion").asLong());
    assertEquals("CourseDefined", defined.json().at("/events/0/type").asText());
    assertEquals(1, defined.json().at("/events/0/data/capacity").asInt());

    Answer again = post("DefineCourse", "{\"course\":\"" + course + "\",\"capacity\":5}");
    assertRejected(again, "CourseExists");

    // The aggregate's decider folds the event the decision appended to the course's stream.
    Answer described = post("DescribeCourse", "{\"course\":\"" + course + "\",\"text\":\"numbers\"}");
    assertEquals(200, described.status(), described.text());
    assertEquals(2, described.json().get("streamVersion").asLong());
    assertRejected(post("DescribeCourse", "{\"course\":\"" + course() + "\",\"text\":\"x\"}"), "CourseNotDefined");

    Answer subscribed = post("SubscribeStudent", "{\"course\":\"" + course + "\",\"student\":\"ann\"}");
    assertEquals(200, subscribed.status(), subscribed.text());
    assertEquals(3, subscribed.json().get("streamVersion").asLong());
    Answer full = post("SubscribeStudent", "{\"course\":\"" + course + "\",\"student\":\"bob\"}");
    assertRejected(full, "CourseFull");
    assertEquals(1, full.json().at("/fields/capacity").asInt(), full.text());
    assertRejected(post("SubscribeStudent", "{\"course\":\"" + course() + "\",\"student\":\"ann\"}"),
        "NoSuchCourse");

    Answer invalid = post("SubscribeStudent", "{\"course\":\"Not A Course\",\"student\":\"ann\"}");
    assertProblem(invalid, 400, "invalid-command");
    assertEquals("course", invalid.json().at("/errors/0/field").asText(), invalid.text());
    assertProblem(post("SubscribeStudent", "{\"course\":\"" + course + "\",\"student\":\"contested\"}"), 409,
        "conflict");
  }

  @Test
  void anAggregateWithDecidedCommandsOnlyNeedsNoDeciderBean() throws Exception {
    // The service started without a StudentDecider bean; its decided command runs.
    String student = "st-" + course();
    Answer registered = post("RegisterStudent", "{\"student\":\"" + student + "\",\"name\":\"Ann\"}");
    assertEquals(200, registered.status(), registered.text());
    assertEquals("Student-" + student, registered.json().get("stream").asText());
    assertRejected(post("RegisterStudent", "{\"student\":\"" + student + "\",\"name\":\"Bob\"}"),
        "StudentExists");
  }

  @Test
  void sixteenConcurrentRequestsForTenSeatsGetExactlyTen() throws Exception {
    String course = course();
    assertEquals(200, post("DefineCourse", "{\"course\":\"" + course + "\",\"capacity\":10}").status());
    Map<String, Integer> outcomes = race(16, i -> post("SubscribeStudent",
        "{\"course\":\"" + course + "\",\"student\":\"s" + i + "\"}"));
    assertEquals(Map.of("accepted", 10, "rejection:CourseFull", 6), outcomes);
    assertEquals(10, stored(course, "StudentSubscribed"), "exactly ten students stored in the course");
  }

  @Test
  void oneStudentRacingForEightCoursesGetsThree() throws Exception {
    List<String> courses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      courses.add(course());
      assertEquals(200, post("DefineCourse", "{\"course\":\"" + courses.get(i) + "\",\"capacity\":9}").status());
    }
    String student = "busy-" + courses.get(0);
    Map<String, Integer> outcomes = race(8, i -> post("SubscribeStudent",
        "{\"course\":\"" + courses.get(i) + "\",\"student\":\"" + student + "\"}"));
    assertEquals(Map.of("accepted", School.MAX_COURSES, "rejection:TooManyCourses", 8 - School.MAX_COURSES),
        outcomes);
    int stored = 0;
    for (String course : courses) {
      stored += stored(course, "StudentSubscribed");
    }
    assertEquals(School.MAX_COURSES, stored);
  }

  @Test
  void anIdempotencyKeyRecordsADecidedCommandOnceEvenWhenItsRepeatsRace() throws Exception {
    String course = course();
    assertEquals(200, post("DefineCourse", "{\"course\":\"" + course + "\",\"capacity\":10}").status());
    String body = "{\"course\":\"" + course + "\",\"student\":\"ann\"}";
    List<Answer> answers = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> pending = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        pending.add(threads.submit(() -> {
          start.await();
          return send("SubscribeStudent", body, "key-" + course);
        }));
      }
      start.countDown();
      for (Future<Answer> answer : pending) {
        answers.add(answer.get());
      }
    } finally {
      threads.shutdownNow();
    }
    Set<Long> positions = new HashSet<>();
    for (Answer answer : answers) {
      assertEquals(200, answer.status(), answer.text());
      positions.add(answer.json().get("position").asLong());
    }
    assertEquals(1, positions.size(), "every repeat answered with the first one's events");
    assertEquals(1, stored(course, "StudentSubscribed"));
    // Without the key the same command is decided anew, and refused: ann has her seat.
    assertRejected(post("SubscribeStudent", body), "AlreadySubscribed");
    // The same key for another command is another request.
    assertEquals(200, send("DescribeCourse", "{\"course\":\"" + course + "\",\"text\":\"t\"}", "key-" + course)
        .status());
  }

  @Test
  void theOpenApiDocumentListsDecidedCommandsAsCommands() throws Exception {
    JsonNode document = get("/api/openapi.json").json();
    for (String command : List.of("DefineCourse", "SubscribeStudent", "DescribeCourse")) {
      JsonNode post = document.at("/paths/~1commands~1" + command + "/post");
      assertFalse(post.isMissingNode(), command + " is in the document");
      assertTrue(post.at("/responses/409").has("content"), command + " answers 409 problems");
    }
    String summary = document.at("/paths/~1commands~1SubscribeStudent/post/summary").asText();
    assertTrue(summary.contains("decided across streams") && summary.contains("StudentSubscribed tagged student"),
        summary);
  }

  /** Runs {@code count} requests at once, each sent once, and counts the outcomes. */
  private static Map<String, Integer> race(int count, Request request) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        Callable<Answer> send = () -> {
          start.await();
          // Sent once: the starter's default attempts for decisions (decision-max-attempts) win the
          // race for every request, so no client sees a conflict.
          return request.send(index);
        };
        pending.add(threads.submit(send));
      }
      start.countDown();
      Map<String, Integer> outcomes = new TreeMap<>();
      for (Future<Answer> answer : pending) {
        Answer done = answer.get();
        String outcome = done.status() == 200 ? "accepted"
            : done.json().get("type").asText().replace("urn:eventsmith:problem:", "");
        outcomes.merge(outcome, 1, Integer::sum);
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }

  private interface Request {
    Answer send(int index) throws Exception;
  }

  private int stored(String course, String type) {
    int count = 0;
    for (RecordedEvent event : store.readStream(StreamId.of("Course", course), 1, 1_000)) {
      count += event.type().equals(type) ? 1 : 0;
    }
    return count;
  }

  private static String course() {
    return "c" + COURSES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
  }

  private static void assertRejected(Answer answer, String rejection) {
    assertProblem(answer, 409, "rejection:" + rejection);
    assertEquals(rejection, answer.json().get("rejection").asText());
  }

  private static void assertProblem(Answer answer, int status, String kind) {
    assertEquals(status, answer.status(), answer.text());
    assertEquals("application/problem+json", answer.contentType(), answer.text());
    assertEquals("urn:eventsmith:problem:" + kind, answer.json().get("type").asText(), answer.text());
  }

  private Answer post(String command, String body) throws Exception {
    return send(command, body, null);
  }

  private Answer send(String command, String body, String idempotencyKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands/"
        + command)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return Answer.of(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private Answer get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    return Answer.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** An HTTP answer, its body read as JSON on demand. */
  record Answer(int status, String contentType, String text) {

    static Answer of(HttpResponse<String> response) {
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    }

    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }
  }
}
