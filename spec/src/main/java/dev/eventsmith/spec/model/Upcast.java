package dev.eventsmith.spec.model;

import java.util.List;
import java.util.Map;

/**
 * A declarative step that turns a stored event of version {@code from} into version {@code from + 1}:
 * rename fields, drop fields, then set defaults (values are YAML scalars, typed by the target field).
 */
public record Upcast(
    int from,
    Map<String, String> rename,
    List<String> drop,
    Map<String, SpecValue> set,
    SourcePosition position) {}
