package com.example.school;

import dev.eventsmith.runtime.Decision;

public final class DefineCourseLogic implements DefineCourseDecision<Boolean> {

  @Override
  public Boolean initialState(DefineCourse command) {
    return false;
  }

  @Override
  public Boolean evolve(Boolean defined, CourseDefined event) {
    return true;
  }

  @Override
  public Decision<DefineCourse.Emits, DefineCourse.Rejects> decide(DefineCourse command, Boolean defined) {
    if (defined) {
      return Decision.reject(new CourseExists());
    }
    return Decision.accept(new CourseDefined(command.course(), command.capacity()));
  }
}
