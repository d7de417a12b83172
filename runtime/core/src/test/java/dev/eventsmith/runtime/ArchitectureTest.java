package dev.eventsmith.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The runtime core ships into production: no test framework, no JDBC, no test kit inside it. */
class ArchitectureTest {

  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.eventsmith.runtime");

  @Test
  void the_runtime_core_depends_on_no_test_framework_jdbc_or_test_kit() {
    noClasses().that().resideInAPackage("dev.eventsmith.runtime..")
        .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..", "java.sql..",
            "javax.sql..", "dev.eventsmith.testkit..")
        .check(RUNTIME);
  }

  /**
   * Each package of the core (command, projection, store, codec, ...) can be read and moved without
   * the ones that depend on it. The root package's types ({@code Event}, {@code Decider}, ...) are the
   * vocabulary every package speaks, so they are not a slice of their own.
   */
  @Test
  void the_runtime_packages_form_no_cycle() {
    slices().matching("dev.eventsmith.runtime.(*)..").should().beFreeOfCycles().check(RUNTIME);
  }
}
