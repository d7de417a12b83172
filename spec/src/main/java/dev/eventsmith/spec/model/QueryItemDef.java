package dev.eventsmith.spec.model;

import java.util.List;

/**
 * One item of the query a command decides on ({@code decides:}): events of any of {@code types}
 * (any tagged event if empty) that carry every one of {@code tags}, each tag's value taken from
 * the command's field of the same name.
 */
public record QueryItemDef(List<Reference> types, List<Reference> tags, SourcePosition position) {

  public QueryItemDef {
    types = List.copyOf(types);
    tags = List.copyOf(tags);
  }
}
