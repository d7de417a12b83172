package dev.eventsmith.spec.model;

import java.util.List;

/**
 * A view (read model): one record per key, built by projecting the events listed in {@code from}.
 *
 * @param key the field of the view (and of every event in {@code from}) that identifies one row
 */
public record ViewDef(String name, String key, List<Field> fields, List<Reference> from, SourcePosition position) {}
