package dev.eventsmith.spec.model;

import java.util.List;

/** A typed reason why a command may be refused, with the fields it carries. */
public record RejectionDef(String name, List<Field> fields, SourcePosition position) {}
