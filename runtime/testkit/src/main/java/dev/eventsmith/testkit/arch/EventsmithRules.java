package dev.eventsmith.testkit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventsmith.annotation.EventsmithGenerated;
import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.ViewAutomation;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.dcb.CrossStreamDecider;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * ArchUnit rules for the hand-written side of an Eventsmith project. Use them in a test:
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.example.cart")
 * class ArchitectureTest {
 *   @ArchTest static final ArchRule logicIsPure = EventsmithRules.LOGIC_IS_PURE;
 * }
 * }</pre>
 */
public final class EventsmithRules {

  private EventsmithRules() {}

  private static final DescribedPredicate<JavaClass> HAND_WRITTEN_LOGIC =
      DescribedPredicate.describe("implement a decider, decision, projector, automation or process",
          (JavaClass c) -> !c.isAnnotatedWith(EventsmithGenerated.class)
              && (c.isAssignableTo(Decider.class) || c.isAssignableTo(CrossStreamDecider.class)
                  || c.isAssignableTo(Projector.class) || c.isAssignableTo(Automation.class)
                  || c.isAssignableTo(ViewAutomation.class) || c.isAssignableTo(Workflow.class)));

  /**
   * Deciders, decisions across streams, projectors, automations (on events or views) and processes
   * are pure functions of their inputs: replaying the same events must give the same state on every
   * machine, today and in ten years. So they read no clock, draw no random numbers, and touch no
   * files, network, database, event store or console. Put times and ids into commands instead. The rule looks at the classes that implement the
   * contracts; helpers they call are not followed.
   */
  public static final ArchRule LOGIC_IS_PURE = noClasses()
      .that(HAND_WRITTEN_LOGIC)
      .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.sql..", "javax.sql..",
          "java.nio.file..", "dev.eventsmith.runtime.store..", "dev.eventsmith.runtime.command..",
          "dev.eventsmith.runtime.projection..", "dev.eventsmith.runtime.automation..")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System")
      .orShould().callMethod(UUID.class, "randomUUID")
      .orShould().callMethod(Instant.class, "now")
      .orShould().callMethod(LocalDate.class, "now")
      .orShould().callMethod(LocalDateTime.class, "now")
      .orShould().callMethod(LocalTime.class, "now")
      .orShould().callMethod(ZonedDateTime.class, "now")
      .orShould().callMethod(OffsetDateTime.class, "now")
      .orShould().callMethod(Math.class, "random")
      .because("decide, evolve, project and react must give the same answer for the same input on every replay;"
          + " pass times and ids in commands and events");
}
