package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.StoredVersion;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.Upcast;
import dev.eventsmith.spec.model.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a model declares the fields of an event's older versions, each upcast step must turn one
 * declared version into the next: every field of the newer version is carried, renamed or set
 * (or optional), every field of the older one is carried, renamed or dropped, and no field changes
 * to a type its stored JSON cannot be read as.
 */
final class StoredVersionChecks {
  private final EventModel model;
  private final Diagnostics diagnostics;

  StoredVersionChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
  }

  void run() {
    for (EventDef event : model.events()) {
      if (event.storedVersions().isEmpty()) {
        continue;
      }
      int oldest = event.storedVersions().get(0).version();
      boolean complete = true;
      for (int version = oldest + 1; version < event.version(); version++) {
        if (event.fieldsAt(version).isEmpty()) {
          complete = false;
          diagnostics.report(DiagnosticCode.INVALID_STORED_VERSION, event.storedVersions().get(0).position(),
              "event '" + event.name() + "' declares the fields of version " + oldest + " but not those of version "
                  + version + ", so the upcasts between them cannot be checked",
              "Declare every version from " + oldest + " up to " + (event.version() - 1) + " under 'versions:'.");
          break;
        }
      }
      if (complete) {
        event.storedVersions().forEach(v -> step(event, v));
      }
    }
  }

  /** Checks the step from {@code older} to the version after it. */
  private void step(EventDef event, StoredVersion older) {
    int from = older.version();
    List<Field> newer = event.fieldsAt(from + 1).orElseThrow();
    Optional<Upcast> upcast = event.upcasts().stream().filter(u -> u.from() == from).findFirst();
    SourcePosition at = upcast.map(Upcast::position).orElse(older.position());
    String what = "event '" + event.name() + "'";
    String stepName = "the upcast from version " + from;
    Map<String, String> rename = upcast.map(Upcast::rename).orElse(Map.of());
    List<String> drop = upcast.map(Upcast::drop).orElse(List.of());
    rename.keySet().forEach(old -> unknownInOlder(old, "renames", older, at, what, stepName));
    drop.forEach(old -> unknownInOlder(old, "drops", older, at, what, stepName));
    Map<String, TypeRef> carried = new LinkedHashMap<>();
    for (Field field : older.fields()) {
      if (!drop.contains(field.name())) {
        carried.put(rename.getOrDefault(field.name(), field.name()), field.type());
      }
    }
    for (Field field : newer) {
      TypeRef old = carried.get(field.name());
      if (old != null) {
        if (!readsAs(old, field.type())) {
          diagnostics.report(DiagnosticCode.UPCAST_TYPE_CHANGE, at,
              "field '" + field.name() + "' of " + what + " is a " + old + " at version " + from + " and a "
                  + field.type() + " at version " + (from + 1) + "; a stored " + old + " cannot be read as a "
                  + field.type(),
              "Keep the type, or drop the old field and add the new one under another name with a value set by "
                  + stepName + " ('drop' and 'set').");
        }
      } else if (!upcast.map(u -> u.set().containsKey(field.name())).orElse(false)
          && !(field.type() instanceof TypeRef.OptionalOf)) {
        diagnostics.report(DiagnosticCode.BROKEN_UPCAST_CHAIN, at,
            "version " + (from + 1) + " of " + what + " has field '" + field.name() + "', which version " + from
                + " does not carry" + (upcast.isEmpty() ? " and no upcast from version " + from + " exists"
                    : " and " + stepName + " neither renames to nor sets"),
            "Add to " + stepName + " 'set: { " + field.name() + ": <value> }' or 'rename: { <old name>: "
                + field.name() + " }'" + (upcast.isEmpty() ? " (a new step '{ from: " + from + ", ... }')" : "")
                + ", or make the field optional.");
      }
    }
    for (String name : carried.keySet()) {
      if (Fields.named(newer, name).isEmpty()) {
        diagnostics.report(DiagnosticCode.BROKEN_UPCAST_CHAIN, at,
            "field '" + name + "' of version " + from + " of " + what + " is not a field of version " + (from + 1)
                + (upcast.isEmpty() ? ", and no upcast from version " + from + " exists"
                    : ", and " + stepName + " neither drops nor renames it"),
            "Add 'drop: [ " + name + " ]' or 'rename: { " + name + ": <new name> }' to " + stepName
                + (upcast.isEmpty() ? " (a new step '{ from: " + from + ", ... }')" : "") + ".");
      }
    }
  }

  private void unknownInOlder(String name, String verb, StoredVersion older, SourcePosition at, String what,
      String stepName) {
    if (Fields.named(older.fields(), name).isEmpty()) {
      diagnostics.report(DiagnosticCode.BROKEN_UPCAST_CHAIN, at,
          stepName + " of " + what + " " + verb + " '" + name + "', which version " + older.version()
              + " does not have",
          "Name a field of version " + older.version() + ": "
              + String.join(", ", older.fields().stream().map(Field::name).toList()) + ".");
    }
  }

  /** Whether JSON written for a value of type {@code old} reads as a value of type {@code now}. */
  private boolean readsAs(TypeRef old, TypeRef now) {
    if (old.equals(now)) {
      return true;
    }
    if (now instanceof TypeRef.OptionalOf optional) {
      return readsAs(old instanceof TypeRef.OptionalOf o ? o.element() : old, optional.element());
    }
    if (old instanceof TypeRef.ListOf oldList && now instanceof TypeRef.ListOf nowList) {
      return readsAs(oldList.element(), nowList.element());
    }
    Optional<BuiltinType> from = scalarBase(old);
    Optional<BuiltinType> to = scalarBase(now);
    if (from.isEmpty() || to.isEmpty() || isEnum(now)) {
      return false;
    }
    return from.get() == to.get()
        || from.get() == BuiltinType.INT && (to.get() == BuiltinType.LONG || to.get() == BuiltinType.DECIMAL)
        || from.get() == BuiltinType.LONG && to.get() == BuiltinType.DECIMAL;
  }

  /** The JSON form of a scalar type: its built-in type, a value type's base, or string for an enum. */
  private Optional<BuiltinType> scalarBase(TypeRef type) {
    if (type instanceof TypeRef.Builtin builtin) {
      return Optional.of(builtin.type());
    }
    if (type instanceof TypeRef.Named named) {
      return model.type(named.name()).map(t -> t instanceof ValueType.Wrapper w ? w.base() : BuiltinType.STRING);
    }
    return Optional.empty();
  }

  private boolean isEnum(TypeRef type) {
    return type instanceof TypeRef.Named named
        && model.type(named.name()).filter(ValueType.Enumeration.class::isInstance).isPresent();
  }
}
