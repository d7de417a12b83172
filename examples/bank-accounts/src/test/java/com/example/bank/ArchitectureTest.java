package com.example.bank;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventsmith.testkit.arch.EventsmithRules;

/** The accounts' and transfers' rules, views, automation and process stay pure functions of their inputs. */
@AnalyzeClasses(packages = "com.example.bank", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule logicIsPure = EventsmithRules.LOGIC_IS_PURE;
}
