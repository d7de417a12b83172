package dev.eventsmith.store.contract;

import static dev.eventsmith.store.contract.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.AppendConditionFailedException;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.QueryItem;
import dev.eventsmith.runtime.dcb.TaggedEvent;
import dev.eventsmith.runtime.dcb.TaggedEventStore;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TaggedEventStore} must have (dcb.events): reads by query, and appends
 * under the condition "no event matching the query after the position read", including the
 * classic races of course subscriptions. Subclass it and implement {@link #newStore()}.
 */
public abstract class TaggedEventStoreContract {

  private static final Duration PATIENCE = Duration.ofSeconds(120);

  /** A fresh, empty store that is both an event store and a tagged one; closed after each test. */
  protected abstract EventStore newStore();

  protected EventStore events;
  protected TaggedEventStore tagged;

  @BeforeEach
  void openStore() {
    events = newStore();
    tagged = (TaggedEventStore) events;
  }

  @AfterEach
  void closeStore() {
    events.close();
  }

  private static TaggedEvent subscribed(String student, String course) {
    return new TaggedEvent(event("Subscribed", student + "|" + course), Set.of("student:" + student, "course:" + course));
  }

  private static StreamId stream(String course) {
    return StreamId.of("Course", course);
  }

  @Test
  void aQueryMatchesAnyOfItsTypesAllOfItsTagsAndAnyOfItsItems() {
    tagged.appendTagged(stream("c1"), List.of(subscribed("ann", "c1"), subscribed("bob", "c1")));
    tagged.appendTagged(stream("c2"), List.of(subscribed("ann", "c2"),
        new TaggedEvent(event("Left", "ann|c2"), Set.of("student:ann", "course:c2"))));
    events.append(StreamId.of("Course", "c3"), ExpectedVersion.any(), List.of(event("Subscribed", "ann|c3")));

    assertEquals(List.of("ann|c1", "ann|c2"), texts(tagged.read(
        EventQuery.of(QueryItem.of(Set.of("Subscribed"), "student:ann")), 0, 100)));
    assertEquals(List.of("ann|c2", "ann|c2"), texts(tagged.read(
        EventQuery.of(QueryItem.of(Set.of("Subscribed", "Left"), "student:ann", "course:c2")), 0, 100)));
    assertEquals(List.of("ann|c2"), texts(tagged.read(
        EventQuery.of(QueryItem.of(Set.of(), "course:c2", "student:ann"),
            QueryItem.of(Set.of("Nothing"), "course:c1")), 0, 100).subList(0, 1)));
    assertEquals(List.of("ann|c1", "bob|c1", "ann|c2"), texts(tagged.read(EventQuery.of(
        QueryItem.of(Set.of("Subscribed"), "course:c1"), QueryItem.of(Set.of("Subscribed"), "course:c2")), 0, 100)),
        "items are OR, each event once, in log order; the untagged event never matches");
  }

  @Test
  void aReadStartsAfterAPositionAndStopsAtMaxCount() {
    List<Long> positions = new ArrayList<>();
    for (String student : List.of("a", "b", "c", "d")) {
      positions.add(tagged.appendTagged(stream("c1"), List.of(subscribed(student, "c1"))).firstPosition());
    }
    EventQuery course = EventQuery.of(QueryItem.of(Set.of("Subscribed"), "course:c1"));

    assertEquals(List.of("b|c1", "c|c1"), texts(tagged.read(course, positions.get(0), 2)));
    assertEquals(List.of(), tagged.read(course, positions.get(3), 10));
  }

  @Test
  void taggedEventsBelongToTheirStreamAndTheGlobalLog() {
    AppendResult result = tagged.appendTagged(stream("c1"), List.of(subscribed("ann", "c1"), subscribed("bob", "c1")));
    tagged.appendTagged(stream("c1"), List.of(subscribed("cid", "c1")));

    assertEquals(3, events.streamVersion(stream("c1")));
    assertEquals(List.of("ann|c1", "bob|c1", "cid|c1"), texts(events.readStream(stream("c1"), 1, 10)));
    assertEquals(texts(Events.readWholeLog(events)), List.of("ann|c1", "bob|c1", "cid|c1"));
    assertEquals(result.firstPosition(), events.readStream(stream("c1"), 1, 1).get(0).globalPosition());
  }

  @Test
  void theConditionFailsOnAMatchingEventAfterThePositionReadAndAppendsNothing() {
    EventQuery course = EventQuery.of(QueryItem.of(Set.of("Subscribed"), "course:c1"));
    long read = tagged.appendTagged(stream("c1"), List.of(subscribed("ann", "c1"))).lastPosition();
    tagged.appendTagged(stream("c1"), List.of(subscribed("bob", "c1")));

    assertThrows(AppendConditionFailedException.class, () -> tagged.appendTagged(stream("c1"),
        List.of(subscribed("cid", "c1")), new AppendCondition(course, read)));
    assertThrows(AppendConditionFailedException.class, () -> tagged.appendTagged(stream("c1"),
        List.of(subscribed("cid", "c1")), new AppendCondition(course, 0)));

    assertEquals(List.of("ann|c1", "bob|c1"), texts(events.readStream(stream("c1"), 1, 10)));
  }

  @Test
  void theConditionHoldsWhenLaterEventsDoNotMatch() {
    EventQuery course = EventQuery.of(QueryItem.of(Set.of("Subscribed"), "course:c1"));
    long read = tagged.appendTagged(stream("c1"), List.of(subscribed("ann", "c1"))).lastPosition();
    tagged.appendTagged(stream("c2"), List.of(subscribed("bob", "c2")));
    tagged.appendTagged(stream("c1"), List.of(new TaggedEvent(event("Renamed", "c1"), Set.of("course:c1"))));
    events.append(stream("c1"), ExpectedVersion.any(), List.of(event("Subscribed", "untagged")));

    tagged.appendTagged(stream("c1"), List.of(subscribed("cid", "c1")), new AppendCondition(course, read));

    assertEquals(List.of("ann|c1", "cid|c1"), texts(tagged.read(course, 0, 10)));
  }

  @Test
  void eventIdsStayUniqueForTaggedAppends() {
    NewEvent once = event("Subscribed", "ann|c1");
    tagged.appendTagged(stream("c1"), List.of(new TaggedEvent(once, Set.of("course:c1"))));

    assertThrows(DuplicateEventIdException.class,
        () -> tagged.appendTagged(stream("c2"), List.of(new TaggedEvent(once, Set.of("course:c2")))));
    assertEquals(List.of(), tagged.read(EventQuery.of(QueryItem.of(Set.of(), "course:c2")), 0, 10));
  }

  @Test
  void anEmptyAppendIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> tagged.appendTagged(stream("c1"), List.of()));
  }

  @Test
  void sixteenStudentsRaceForTenSeatsAndExactlyTenGetOne() throws Exception {
    List<Boolean> outcomes = race(16, i -> "student" + i, i -> "course");

    assertEquals(10, outcomes.stream().filter(b -> b).count(), "exactly the capacity succeeds");
    assertEquals(10, tagged.read(EventQuery.of(QueryItem.of(Set.of("Subscribed"), "course:course")), 0, 100).size());
  }

  @Test
  void aStudentRacingForSixteenCoursesGetsFiveAtMost() throws Exception {
    List<Boolean> outcomes = race(16, i -> "ann", i -> "course" + i);

    assertEquals(5, outcomes.stream().filter(b -> b).count(), "exactly the student's limit succeeds");
    assertEquals(5, tagged.read(EventQuery.of(QueryItem.of(Set.of("Subscribed"), "student:ann")), 0, 100).size());
  }

  /**
   * {@code threads} decisions "subscribe student(i) to course(i)" at once, each read, decide, append
   * with the condition, again on a conflict: a course takes 10 students, a student 5 courses.
   */
  private List<Boolean> race(int threads, java.util.function.IntFunction<String> student,
      java.util.function.IntFunction<String> course) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String who = student.apply(i);
        String what = course.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          return subscribe(who, what);
        }));
      }
      List<Boolean> outcomes = new ArrayList<>();
      for (Future<Boolean> future : futures) {
        outcomes.add(future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean subscribe(String student, String course) {
    EventQuery query = EventQuery.of(QueryItem.of(Set.of("Subscribed"), "course:" + course),
        QueryItem.of(Set.of("Subscribed"), "student:" + student));
    while (true) {
      List<RecordedEvent> facts = tagged.read(query, 0, 1000);
      long seats = facts.stream().filter(e -> Events.text(e).endsWith("|" + course)).count();
      long courses = facts.stream().filter(e -> Events.text(e).startsWith(student + "|")).count();
      if (seats >= 10 || courses >= 5) {
        return false;
      }
      long read = facts.isEmpty() ? 0 : facts.get(facts.size() - 1).globalPosition();
      try {
        tagged.appendTagged(stream(course), List.of(subscribed(student, course)), new AppendCondition(query, read));
        return true;
      } catch (AppendConditionFailedException stale) {
        // Someone subscribed meanwhile: decide again on the new facts.
      }
    }
  }

  private static List<String> texts(List<RecordedEvent> events) {
    return events.stream().map(Events::text).toList();
  }
}
