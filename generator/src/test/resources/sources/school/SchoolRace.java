package com.example.school;

import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.DecisionHandler;
import dev.eventsmith.runtime.dcb.InMemoryTaggedEventStore;
import dev.eventsmith.runtime.dcb.TaggedEventStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The generated decision contract run by the runtime's DecisionHandler on a tagged store: sixteen
 * students race for a course of ten seats, and one student races for sixteen courses.
 */
public final class SchoolRace {

  private SchoolRace() {}

  /** Accepted subscriptions, then subscriptions stored: {@code [accepted, stored]}. */
  public static int[] sixteenStudentsForTenSeats() throws Exception {
    InMemoryTaggedEventStore store = new InMemoryTaggedEventStore();
    define(store, "maths", 10);
    List<Callable<CommandResult>> racers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String student = "student-" + i;
      racers.add(() -> handler(store).handle(new SubscribeStudent(new CourseId("maths"), student)));
    }
    return new int[] {accepted(racers), subscriptions(store)};
  }

  /** Accepted subscriptions, then subscriptions stored: {@code [accepted, stored]}. */
  public static int[] oneStudentForSixteenCourses() throws Exception {
    InMemoryTaggedEventStore store = new InMemoryTaggedEventStore();
    List<Callable<CommandResult>> racers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      CourseId course = new CourseId("course-" + i);
      define(store, course.value(), 10);
      racers.add(() -> handler(store).handle(new SubscribeStudent(course, "ann")));
    }
    return new int[] {accepted(racers), subscriptions(store)};
  }

  private static DecisionHandler<SubscribeStudentLogic.State, SubscribeStudent, SubscribeStudent.Emits> handler(
      TaggedEventStore store) {
    return new DecisionHandler<>(store, SchoolCodec.INSTANCE, new SubscribeStudentLogic());
  }

  private static void define(TaggedEventStore store, String course, int capacity) {
    new DecisionHandler<>(store, SchoolCodec.INSTANCE, new DefineCourseLogic())
        .handle(new DefineCourse(new CourseId(course), capacity));
  }

  private static int accepted(List<Callable<CommandResult>> racers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(racers.size());
    try {
      int accepted = 0;
      for (Future<CommandResult> result : pool.invokeAll(racers)) {
        if (result.get() instanceof CommandResult.Accepted) {
          accepted++;
        }
      }
      return accepted;
    } finally {
      pool.shutdownNow();
    }
  }

  private static int subscriptions(EventStore store) {
    int count = 0;
    for (RecordedEvent event : store.readAll(0, 10_000)) {
      if (event.type().equals(StudentSubscribed.STORED_NAME)) {
        count++;
      }
    }
    return count;
  }
}
