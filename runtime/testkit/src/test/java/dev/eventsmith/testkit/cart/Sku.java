package dev.eventsmith.testkit.cart;

/** Stands in for a generated value type. */
public record Sku(String value) {}
