package com.example.school;

import dev.eventsmith.runtime.Decision;

public final class Course implements CourseDecider<Course.State> {

  public record State(boolean defined) {}

  @Override
  public State initialState() {
    return new State(false);
  }

  @Override
  public Decision<DefineCourse.Emits, DefineCourse.Rejects> decide(DefineCourse command, State state) {
    if (state.defined()) {
      return Decision.reject(new CourseExists());
    }
    return Decision.accept(new CourseDefined(command.course(), command.capacity()));
  }

  @Override
  public State evolve(State state, CourseDefined event) {
    return new State(true);
  }

  @Override
  public State evolve(State state, StudentSubscribed event) {
    return state;
  }
}
