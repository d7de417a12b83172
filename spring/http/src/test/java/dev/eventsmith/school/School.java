package dev.eventsmith.school;

import dev.eventsmith.runtime.Decision;
import org.springframework.stereotype.Component;

/** The school's logic, as beans: three decisions across streams and the course aggregate. */
final class School {

  static final int MAX_COURSES = 3;

  private School() {}

  /** A course is defined once. */
  @Component
  static final class Defining implements DefineCourseDecision<Boolean> {

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
      return defined ? Decision.reject(new CourseExists())
          : Decision.accept(new CourseDefined(command.course(), command.capacity()));
    }
  }

  /** The course's seats and the student's courses, as the subscription reads them. */
  record Seats(SubscribeStudent command, int capacity, int taken, int courses, boolean already) {}

  /** A course takes at most its capacity; a student at most {@link #MAX_COURSES} courses, each once. */
  @Component
  static final class Subscribing implements SubscribeStudentDecision<Seats> {

    @Override
    public Seats initialState(SubscribeStudent command) {
      return new Seats(command, -1, 0, 0, false);
    }

    @Override
    public Seats evolve(Seats seats, CourseDefined event) {
      return new Seats(seats.command(), event.capacity(), seats.taken(), seats.courses(), seats.already());
    }

    @Override
    public Seats evolve(Seats seats, StudentSubscribed event) {
      boolean course = event.course().equals(seats.command().course());
      boolean student = event.student().equals(seats.command().student());
      return new Seats(seats.command(), seats.capacity(), seats.taken() + (course ? 1 : 0),
          seats.courses() + (student ? 1 : 0), seats.already() || course && student);
    }

    @Override
    public Decision<SubscribeStudent.Emits, SubscribeStudent.Rejects> decide(SubscribeStudent command, Seats seats) {
      if (seats.capacity() < 0) {
        return Decision.reject(new NoSuchCourse());
      }
      if (seats.already()) {
        return Decision.reject(new AlreadySubscribed());
      }
      if (seats.taken() >= seats.capacity()) {
        return Decision.reject(new CourseFull(seats.capacity()));
      }
      if (seats.courses() >= MAX_COURSES) {
        return Decision.reject(new TooManyCourses(MAX_COURSES));
      }
      return Decision.accept(new StudentSubscribed(command.course(), command.student()));
    }
  }

  /** A student registers once; aggregate Student has no decider of its own to write. */
  @Component
  static final class Registering implements RegisterStudentDecision<Boolean> {

    @Override
    public Boolean initialState(RegisterStudent command) {
      return false;
    }

    @Override
    public Boolean evolve(Boolean registered, StudentRegistered event) {
      return true;
    }

    @Override
    public Decision<RegisterStudent.Emits, RegisterStudent.Rejects> decide(RegisterStudent command,
        Boolean registered) {
      return registered ? Decision.reject(new StudentExists())
          : Decision.accept(new StudentRegistered(command.student(), command.name()));
    }
  }

  /** The course's stream: a description needs the course defined (by a decision, in this stream). */
  @Component
  static final class Courses implements CourseDecider<Boolean> {

    @Override
    public Boolean initialState() {
      return false;
    }

    @Override
    public Decision<DescribeCourse.Emits, DescribeCourse.Rejects> decide(DescribeCourse command, Boolean defined) {
      return defined ? Decision.accept(new CourseDescribed(command.course(), command.text()))
          : Decision.reject(new CourseNotDefined());
    }

    @Override
    public Boolean evolve(Boolean defined, CourseDefined event) {
      return true;
    }

    @Override
    public Boolean evolve(Boolean defined, StudentSubscribed event) {
      return defined;
    }

    @Override
    public Boolean evolve(Boolean defined, CourseDescribed event) {
      return defined;
    }
  }
}
