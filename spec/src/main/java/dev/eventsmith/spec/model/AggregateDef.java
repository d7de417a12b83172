package dev.eventsmith.spec.model;

/**
 * An aggregate: a consistency boundary whose events live in one stream per id.
 *
 * @param idField the field, present on every command and event of the aggregate, that names the stream
 */
public record AggregateDef(String name, String idField, SourcePosition position) {}
