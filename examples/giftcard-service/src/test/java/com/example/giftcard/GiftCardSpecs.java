package com.example.giftcard;

import dev.eventsmith.annotation.EventModelSpecs;

/** Generates one JUnit test per spec of giftcards.yaml: see target/generated-test-sources. */
@EventModelSpecs("giftcards.yaml")
final class GiftCardSpecs {
  private GiftCardSpecs() {}
}
