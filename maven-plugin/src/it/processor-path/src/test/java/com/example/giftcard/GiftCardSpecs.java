package com.example.giftcard;

import dev.eventsmith.annotation.EventModelSpecs;

/** Generates one JUnit test per spec of giftcard.yaml. */
@EventModelSpecs("giftcard.yaml")
final class GiftCardSpecs {
  private GiftCardSpecs() {}
}
