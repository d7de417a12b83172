package dev.eventsmith.testkit.cart;

import java.util.UUID;

/** Stands in for a generated view row. */
public record CartSummary(UUID cartId, String customer, int items, Money total) {}
