package com.example.bank;

import dev.eventsmith.annotation.EventModelSpecs;

/** Generates one JUnit test per spec of bank.yaml: see target/generated-test-sources. */
@EventModelSpecs("bank.yaml")
final class BankSpecs {
  private BankSpecs() {}
}
