package ${package};

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventsmith.testkit.arch.EventsmithRules;

/** Deciders, projectors and automations stay pure functions of their inputs. */
@AnalyzeClasses(packages = "${package}", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule logicIsPure = EventsmithRules.LOGIC_IS_PURE;
}
