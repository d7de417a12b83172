package dev.eventsmith.spec.model;

import java.util.List;

/**
 * A command: an intention addressed to one aggregate, which either emits some of {@code emits} or
 * is refused with one of {@code rejects}.
 *
 * @param decides where not empty, the command is decided across streams on the events matching
 *     this query, instead of on its aggregate's stream; its events still go to that stream
 */
public record CommandDef(
    String name,
    String aggregate,
    List<Field> fields,
    List<Reference> emits,
    List<RejectionDef> rejects,
    SourcePosition position,
    List<QueryItemDef> decides) {

  /** A command decided by its aggregate. */
  public CommandDef(String name, String aggregate, List<Field> fields, List<Reference> emits,
      List<RejectionDef> rejects, SourcePosition position) {
    this(name, aggregate, fields, emits, rejects, position, List.of());
  }

  /** Whether the command is decided on a query over tagged events rather than on its aggregate's stream. */
  public boolean decidesAcrossStreams() {
    return !decides.isEmpty();
  }
}
