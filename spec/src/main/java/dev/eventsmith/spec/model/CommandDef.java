package dev.eventsmith.spec.model;

import java.util.List;

/**
 * A command: an intention addressed to one aggregate, which either emits some of {@code emits} or
 * is refused with one of {@code rejects}.
 */
public record CommandDef(
    String name,
    String aggregate,
    List<Field> fields,
    List<Reference> emits,
    List<RejectionDef> rejects,
    SourcePosition position) {}
