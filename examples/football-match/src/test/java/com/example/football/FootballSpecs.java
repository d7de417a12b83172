package com.example.football;

import dev.eventsmith.annotation.EventModelSpecs;

/** Generates one JUnit test per spec of football.yaml: see target/generated-test-sources. */
@EventModelSpecs("football.yaml")
final class FootballSpecs {
  private FootballSpecs() {}
}
