package ${package};

import dev.eventsmith.annotation.EventModelSpecs;

/** Generates one JUnit test per spec of club.yaml (see target/generated-test-sources). */
@EventModelSpecs("club.yaml")
final class ClubSpecs {
  private ClubSpecs() {}
}
