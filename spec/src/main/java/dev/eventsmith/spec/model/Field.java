package dev.eventsmith.spec.model;

/** A named, typed field of an event, command, rejection, view or value type. */
public record Field(String name, TypeRef type, Constraints constraints, SourcePosition position) {}
