package dev.eventsmith.spec.model;

/**
 * A named, typed field of an event, command, rejection, view or value type.
 *
 * @param computed only for view fields: the projector computes it, so no event needs to carry it
 */
public record Field(String name, TypeRef type, Constraints constraints, SourcePosition position, boolean computed) {

  /** A field that is not marked computed. */
  public Field(String name, TypeRef type, Constraints constraints, SourcePosition position) {
    this(name, type, constraints, position, false);
  }
}
