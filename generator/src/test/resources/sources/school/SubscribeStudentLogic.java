package com.example.school;

import dev.eventsmith.runtime.Decision;

public final class SubscribeStudentLogic implements SubscribeStudentDecision<SubscribeStudentLogic.State> {

  static final int MAX_COURSES = 3;

  /** What the decision needs to know: the course's seats and the student's courses. */
  public record State(SubscribeStudent command, int capacity, int taken, int courses, boolean already) {}

  @Override
  public State initialState(SubscribeStudent command) {
    return new State(command, -1, 0, 0, false);
  }

  @Override
  public State evolve(State state, CourseDefined event) {
    return new State(state.command(), event.capacity(), state.taken(), state.courses(), state.already());
  }

  @Override
  public State evolve(State state, StudentSubscribed event) {
    boolean thisCourse = event.course().equals(state.command().course());
    boolean thisStudent = event.student().equals(state.command().student());
    return new State(state.command(), state.capacity(), state.taken() + (thisCourse ? 1 : 0),
        state.courses() + (thisStudent ? 1 : 0), state.already() || thisCourse && thisStudent);
  }

  @Override
  public Decision<SubscribeStudent.Emits, SubscribeStudent.Rejects> decide(SubscribeStudent command, State state) {
    if (state.capacity() < 0) {
      return Decision.reject(new NoSuchCourse());
    }
    if (state.already()) {
      return Decision.reject(new AlreadySubscribed());
    }
    if (state.taken() >= state.capacity()) {
      return Decision.reject(new CourseFull(state.capacity()));
    }
    if (state.courses() >= MAX_COURSES) {
      return Decision.reject(new TooManyCourses(MAX_COURSES));
    }
    return Decision.accept(new StudentSubscribed(command.course(), command.student()));
  }
}
