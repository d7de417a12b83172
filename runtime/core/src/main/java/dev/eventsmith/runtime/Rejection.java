package dev.eventsmith.runtime;

/** A typed reason why a decider refused a command. Generated rejection records implement it. */
public interface Rejection {}
