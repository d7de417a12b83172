package com.example.school;

import dev.eventsmith.runtime.Decision;

/** The course's own stream: descriptions, decided by the aggregate on the events decisions appended too. */
public final class Course implements CourseDecider<Course.State> {

  public record State(boolean defined) {}

  @Override
  public State initialState() {
    return new State(false);
  }

  @Override
  public Decision<DescribeCourse.Emits, DescribeCourse.Rejects> decide(DescribeCourse command, State state) {
    if (!state.defined()) {
      return Decision.reject(new CourseNotDefined());
    }
    return Decision.accept(new CourseDescribed(command.course(), command.text()));
  }

  @Override
  public State evolve(State state, CourseDefined event) {
    return new State(true);
  }

  @Override
  public State evolve(State state, StudentSubscribed event) {
    return state;
  }

  @Override
  public State evolve(State state, CourseDescribed event) {
    return state;
  }
}
