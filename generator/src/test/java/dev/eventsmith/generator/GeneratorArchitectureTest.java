package dev.eventsmith.generator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The emitters are a pure model-to-source step that any build tool can call; only the processor knows javac. */
@AnalyzeClasses(packages = "dev.eventsmith.generator", importOptions = ImportOption.DoNotIncludeTests.class)
class GeneratorArchitectureTest {

  @ArchTest
  static final ArchRule packagesFormNoCycle = slices().matching("dev.eventsmith.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule emittersKnowNoCompiler = noClasses()
      .that().resideInAPackage("dev.eventsmith.generator.emit..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "javax.annotation.processing..", "com.sun.source..", "dev.eventsmith.generator.processor..");

  @ArchTest
  static final ArchRule emittersDoNoIo = noClasses()
      .that().resideInAPackage("dev.eventsmith.generator.emit..")
      .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..")
      .because("generation is a pure function of the model; writing files is the caller's job");
}
