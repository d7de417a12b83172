package com.example.library;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventsmith.testkit.arch.EventsmithRules;

/** The library's decisions, the member's decider and the views stay pure functions of their inputs. */
@AnalyzeClasses(packages = "com.example.library", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule logicIsPure = EventsmithRules.LOGIC_IS_PURE;
}
