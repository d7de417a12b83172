package dev.eventsmith.mcp.model;

import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a model element is used: which specs mention it (by name, through its aggregate, or through
 * a field of its type), and which other elements refer to it.
 */
final class Usages {

  private final EventModel model;

  Usages(EventModel model) {
    this.model = model;
  }

  /** The specs whose subject, given, when or then names {@code name}, or an element that belongs to or uses it. */
  List<SpecDef> specsMentioning(String name) {
    return model.specs().stream().filter(spec -> mentions(spec, name)).toList();
  }

  private boolean mentions(SpecDef spec, String name) {
    Set<String> names = new LinkedHashSet<>();
    names.add(spec.subject().name());
    messages(spec).forEach(m -> names.add(m.type()));
    if (names.contains(name)) {
      return true;
    }
    for (String element : names) {
      if (aggregateOf(element).filter(name::equals).isPresent() || fieldsOf(element).stream()
          .anyMatch(f -> refersTo(f.type(), name))) {
        return true;
      }
    }
    return false;
  }

  private static Stream<Message> messages(SpecDef spec) {
    Stream<Message> then;
    if (spec.then() instanceof SpecDef.ThenEvents events) {
      then = events.events().stream();
    } else if (spec.then() instanceof SpecDef.ThenRejected rejected) {
      then = Stream.of(rejected.rejection());
    } else if (spec.then() instanceof SpecDef.ThenView view) {
      then = Stream.of(view.view());
    } else if (spec.then() instanceof SpecDef.ThenRows rows) {
      then = rows.rows().stream();
    } else {
      then = ((SpecDef.ThenCommands) spec.then()).commands().stream();
    }
    return Stream.of(spec.given().stream(), spec.when().stream(), then).flatMap(s -> s);
  }

  private Optional<String> aggregateOf(String element) {
    return model.event(element).map(EventDef::aggregate)
        .or(() -> model.command(element).map(CommandDef::aggregate));
  }

  private List<Field> fieldsOf(String element) {
    return model.event(element).map(EventDef::fields)
        .or(() -> model.command(element).map(CommandDef::fields))
        .or(() -> model.view(element).map(ViewDef::fields))
        .or(() -> model.commands().stream().flatMap(c -> c.rejects().stream())
            .filter(r -> r.name().equals(element)).findFirst().map(r -> r.fields()))
        .orElse(List.of());
  }

  static boolean refersTo(TypeRef type, String name) {
    if (type instanceof TypeRef.Named named) {
      return named.name().equals(name);
    }
    if (type instanceof TypeRef.ListOf list) {
      return refersTo(list.element(), name);
    }
    return type instanceof TypeRef.OptionalOf optional && refersTo(optional.element(), name);
  }

  /** How other elements refer to {@code name}, one sentence each, e.g. "emitted by command AddItem". */
  List<String> referencesTo(String name) {
    List<String> uses = new ArrayList<>();
    for (CommandDef command : model.commands()) {
      if (command.aggregate().equals(name)) {
        uses.add("command " + command.name() + " is addressed to it");
      }
      if (command.emits().stream().map(Reference::name).anyMatch(name::equals)) {
        uses.add("emitted by command " + command.name());
      }
      command.fields().stream().filter(f -> refersTo(f.type(), name))
          .forEach(f -> uses.add("type of field " + f.name() + " of command " + command.name()));
      command.rejects().forEach(r -> {
        if (r.name().equals(name)) {
          uses.add("rejection of command " + command.name());
        }
        r.fields().stream().filter(f -> refersTo(f.type(), name))
            .forEach(f -> uses.add("type of field " + f.name() + " of rejection " + r.name()));
      });
    }
    for (EventDef event : model.events()) {
      if (event.aggregate().equals(name)) {
        uses.add("event " + event.name() + " is stored in its streams");
      }
      event.fields().stream().filter(f -> refersTo(f.type(), name))
          .forEach(f -> uses.add("type of field " + f.name() + " of event " + event.name()));
    }
    for (ViewDef view : model.views()) {
      if (view.from().stream().map(Reference::name).anyMatch(name::equals)) {
        uses.add("projected into view " + view.name());
      }
      view.fields().stream().filter(f -> refersTo(f.type(), name))
          .forEach(f -> uses.add("type of field " + f.name() + " of view " + view.name()));
    }
    for (AutomationDef automation : model.automations()) {
      if (automation.on().name().equals(name)) {
        uses.add("triggers automation " + automation.name());
      }
      if (automation.issues().stream().map(Reference::name).anyMatch(name::equals)) {
        uses.add("issued by automation " + automation.name());
      }
    }
    return uses;
  }
}
