package dev.eventsmith.spec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the rooms of the spec module apart: the model and diagnostics depend on no step. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.eventsmith.spec");

  /** Each package may be understood (and moved) without the ones that depend on it. */
  @Test
  void packagesFormNoCycle() {
    slices().matching("dev.eventsmith.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void modelDependsOnNoStep() {
    noClasses().that().resideInAPackage("..spec.model..")
        .should().dependOnClassesThat().resideInAnyPackage("..spec.yaml..", "..spec.validation..", "..spec.typing..",
            "..spec.diagnostic..", "com.fasterxml..")
        .check(CLASSES);
  }

  @Test
  void diagnosticsAndTypingDoNotDependOnReadingOrValidation() {
    noClasses().that().resideInAnyPackage("..spec.diagnostic..", "..spec.typing..")
        .should().dependOnClassesThat().resideInAnyPackage("..spec.yaml..", "..spec.validation..")
        .check(CLASSES);
  }

  @Test
  void validationWorksOnTheModelNotOnYaml() {
    noClasses().that().resideInAPackage("..spec.validation..")
        .should().dependOnClassesThat().resideInAnyPackage("..spec.yaml..", "com.fasterxml..")
        .check(CLASSES);
  }
}
