package dev.eventsmith.testkit.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.ViewAutomation;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.dcb.CrossStreamDecider;
import dev.eventsmith.testkit.cart.Cart;
import dev.eventsmith.testkit.cart.CartSummaryProjection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventsmithRulesTest {

  /** Decides with the wall clock: the same events would give another answer tomorrow. */
  static final class ClockReadingAutomation implements Automation {
    @Override
    public List<? extends Command> react(Event event) {
      return Instant.now().getEpochSecond() % 2 == 0 ? List.of() : List.of();
    }
  }

  /** Writes to the console from a decider's neighbour. */
  static final class PrintingAutomation implements Automation {
    @Override
    public List<? extends Command> react(Event event) {
      System.out.println(event);
      return List.of();
    }
  }

  /** Decides across streams with a random number: a retry after a conflict could decide otherwise. */
  abstract static class RandomDecision implements CrossStreamDecider<Integer, Command, Event> {
    @Override
    public Integer initialState(Command command) {
      return (int) (Math.random() * 3);
    }
  }

  /** Reacts to a view's row by reading the clock. */
  abstract static class ClockReadingViewAutomation implements ViewAutomation<String> {
    @Override
    public List<? extends Command> react(String row) {
      return LocalDate.now().getDayOfMonth() > 15 ? List.of() : List.of();
    }
  }

  /** A process that keys its instances by a random id. */
  abstract static class RandomKeyProcess implements Workflow<String> {
    @Override
    public Optional<String> keyOf(Event event) {
      return Optional.of(UUID.randomUUID().toString());
    }
  }

  @Test
  void decisionsViewAutomationsAndProcessesAreHeldToTheRuleToo() {
    JavaClasses classes = new ClassFileImporter().importClasses(
        RandomDecision.class, ClockReadingViewAutomation.class, RandomKeyProcess.class);
    EvaluationResult result = EventsmithRules.LOGIC_IS_PURE.evaluate(classes);
    String report = result.getFailureReport().toString();
    assertTrue(report.contains("Math.random()"), report);
    assertTrue(report.contains("LocalDate.now()"), report);
    assertTrue(report.contains("UUID.randomUUID()"), report);
  }

  @Test
  void pureLogicPasses() {
    JavaClasses classes = new ClassFileImporter().importClasses(Cart.class, CartSummaryProjection.class);
    EvaluationResult result = EventsmithRules.LOGIC_IS_PURE.evaluate(classes);
    assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
  }

  @Test
  void logicThatReadsTheClockOrPrintsFails() {
    JavaClasses classes =
        new ClassFileImporter().importClasses(ClockReadingAutomation.class, PrintingAutomation.class);
    EvaluationResult result = EventsmithRules.LOGIC_IS_PURE.evaluate(classes);
    assertTrue(result.hasViolation());
    String report = result.getFailureReport().toString();
    assertTrue(report.contains("Instant.now()"), report);
    assertTrue(report.contains("java.lang.System"), report);
  }
}
