/**
 * Deadlines of processes: named moments at which a process instance is woken up, kept durably in
 * the events' database, claimed under a lease so that several runners never fire one schedule
 * together, and fired by a runner driven by an injectable {@link java.time.Clock}.
 */
package dev.eventsmith.runtime.deadline;
