package dev.eventsmith.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Mojos are thin: they turn parameters into a request; everything else works without Maven. */
@AnalyzeClasses(packages = {"dev.eventsmith.maven", "dev.eventsmith.insight"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class ServicesKnowNoMavenTest {

  @ArchTest
  static final ArchRule onlyMojosAndTheirConsoleSeeMaven = noClasses()
      .that().areNotAssignableTo("org.apache.maven.plugin.AbstractMojo")
      .and().doNotHaveSimpleName("Console")
      .and().doNotHaveSimpleName("PluginBindings")
      .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..");
}
