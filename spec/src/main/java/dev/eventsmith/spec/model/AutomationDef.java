package dev.eventsmith.spec.model;

import java.util.List;

/** An automation: when the event {@code on} is recorded, issue some of the commands {@code issues}. */
public record AutomationDef(String name, Reference on, List<Reference> issues, SourcePosition position) {}
