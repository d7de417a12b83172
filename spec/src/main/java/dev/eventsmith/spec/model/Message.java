package dev.eventsmith.spec.model;

import java.util.Map;

/**
 * An event, command, rejection or view value written in a spec: {@code { ItemAdded: { sku: ABC-1 } }}.
 * {@code values} keeps the YAML order.
 */
public record Message(String type, Map<String, SpecValue> values, SourcePosition position) {}
