package com.example.cart;

import dev.eventsmith.annotation.EventModelSpecs;

/** Generates one JUnit test per spec of cart.yaml: see target/generated-test-sources. */
@EventModelSpecs("cart.yaml")
final class CartSpecs {
  private CartSpecs() {}
}
