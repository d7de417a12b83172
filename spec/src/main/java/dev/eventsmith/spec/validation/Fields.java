package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every field of a model with a description of its owner, for checks that look at all fields. */
final class Fields {
  private Fields() {}

  /** A field and who has it, e.g. "event 'ItemAdded'". */
  record Owned(String owner, Field field) {}

  static List<Owned> all(EventModel model) {
    List<Owned> all = new ArrayList<>();
    for (EventDef e : model.events()) {
      e.fields().forEach(f -> all.add(new Owned("event '" + e.name() + "'", f)));
      e.storedVersions().forEach(v -> v.fields().forEach(f ->
          all.add(new Owned("version " + v.version() + " of event '" + e.name() + "'", f))));
    }
    for (CommandDef c : model.commands()) {
      c.fields().forEach(f -> all.add(new Owned("command '" + c.name() + "'", f)));
      for (RejectionDef r : c.rejects()) {
        r.fields().forEach(f -> all.add(new Owned("rejection '" + r.name() + "'", f)));
      }
    }
    for (ViewDef v : model.views()) {
      v.fields().forEach(f -> all.add(new Owned("view '" + v.name() + "'", f)));
    }
    for (var p : model.processes()) {
      p.fields().forEach(f -> all.add(new Owned("process '" + p.name() + "'", f)));
    }
    return all.stream().distinct().toList();
  }

  static Optional<Field> named(List<Field> fields, String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
