package dev.eventsmith.spec.model;

import java.util.List;

/**
 * An event: a fact that happened to one aggregate's stream.
 *
 * @param storedName the name written to the event store; stable across renames of the Java type
 * @param version the current schema version (1 unless the YAML says otherwise)
 * @param aggregate the aggregate whose stream holds this event (declared or inferred from commands)
 * @param upcasts how older stored versions become the current one, oldest first
 */
public record EventDef(
    String name,
    String storedName,
    int version,
    String aggregate,
    List<Field> fields,
    List<Upcast> upcasts,
    SourcePosition position) {}
