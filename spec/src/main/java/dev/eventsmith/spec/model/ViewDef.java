package dev.eventsmith.spec.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A view (read model): one record per key, built by projecting the events listed in {@code from}.
 *
 * @param key the field of the view (and of every event in {@code from}) that identifies one row;
 *     empty for a single-row view, whose one row has the constant key {@link #SINGLE_ROW_KEY}
 * @param keyFrom for events whose key is not in a field named {@code key}: the event's field that
 *     holds it, either a value of the key's type (one row) or a list of them (one row per element)
 * @param lookups the fields of the view it is queried by, which durable stores index
 */
public record ViewDef(
    String name,
    String key,
    List<Field> fields,
    List<Reference> from,
    SourcePosition position,
    Map<String, Reference> keyFrom,
    List<Reference> lookups) {

  /** The key of the one row of a single-row view, in every store. */
  public static final String SINGLE_ROW_KEY = "all";

  public ViewDef {
    keyFrom = Collections.unmodifiableMap(new LinkedHashMap<>(keyFrom));
    lookups = List.copyOf(lookups);
  }

  /** A view without lookups. */
  public ViewDef(String name, String key, List<Field> fields, List<Reference> from, SourcePosition position,
      Map<String, Reference> keyFrom) {
    this(name, key, fields, from, position, keyFrom, List.of());
  }

  /** A view whose events carry their key in a field named as the view's key. */
  public ViewDef(String name, String key, List<Field> fields, List<Reference> from, SourcePosition position) {
    this(name, key, fields, from, position, Map.of(), List.of());
  }

  /** Whether the view has one row only (it declares no key). */
  public boolean singleRow() {
    return key.isEmpty();
  }

  /** The field of event {@code event} that holds the key (or keys) of the rows it changes. */
  public String keyFieldOf(String event) {
    Reference declared = keyFrom.get(event);
    return declared != null ? declared.name() : key;
  }
}
