package dev.eventsmith.spec.model;

import java.util.List;

/**
 * An event: a fact that happened to one aggregate's stream.
 *
 * @param storedName the name written to the event store; stable across renames of the Java type
 * @param version the current schema version (1 unless the YAML says otherwise)
 * @param aggregate the aggregate whose stream holds this event (declared or inferred from commands)
 * @param upcasts how older stored versions become the current one, oldest first
 * @param storedVersions the fields of older versions, where the model declares them, oldest first
 * @param tags the fields whose values tag the event ({@code field:value}) for decisions across streams
 */
public record EventDef(
    String name,
    String storedName,
    int version,
    String aggregate,
    List<Field> fields,
    List<Upcast> upcasts,
    SourcePosition position,
    List<StoredVersion> storedVersions,
    List<Reference> tags) {

  /** An event without tags. */
  public EventDef(String name, String storedName, int version, String aggregate, List<Field> fields,
      List<Upcast> upcasts, SourcePosition position, List<StoredVersion> storedVersions) {
    this(name, storedName, version, aggregate, fields, upcasts, position, storedVersions, List.of());
  }

  /** An event that declares no older versions' fields. */
  public EventDef(String name, String storedName, int version, String aggregate, List<Field> fields,
      List<Upcast> upcasts, SourcePosition position) {
    this(name, storedName, version, aggregate, fields, upcasts, position, List.of(), List.of());
  }

  /** The fields of the event at {@code version}: the current fields, or a declared older version's. */
  public java.util.Optional<List<Field>> fieldsAt(int version) {
    if (version == this.version) {
      return java.util.Optional.of(fields);
    }
    return storedVersions.stream().filter(v -> v.version() == version).findFirst().map(StoredVersion::fields);
  }
}
