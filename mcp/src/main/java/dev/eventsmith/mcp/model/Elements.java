package dev.eventsmith.mcp.model;

import dev.eventsmith.generator.emit.SpecTestNames;
import dev.eventsmith.mcp.tool.Json;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.Constraints;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.ValueType;
import dev.eventsmith.spec.model.ViewDef;
import java.util.List;
import java.util.Map;

/** The model's elements as JSON for tools: fields with their types and constraints, specs with their tests. */
final class Elements {

  private final EventModel model;

  Elements(EventModel model) {
    this.model = model;
  }

  static String at(SourcePosition position) {
    return position.toString();
  }

  static List<Map<String, Object>> fields(List<Field> fields) {
    return fields.stream().map(Elements::field).toList();
  }

  private static Map<String, Object> field(Field field) {
    Constraints c = field.constraints();
    return Json.object().put("name", field.name()).put("type", field.type().toString())
        .put("pattern", c.pattern().orElse(null))
        .put("min", c.min().map(Object::toString).orElse(null))
        .put("max", c.max().map(Object::toString).orElse(null))
        .put("scale", c.scale().orElse(null))
        .put("maxLength", c.maxLength().orElse(null))
        .put("computed", field.computed() ? true : null)
        .build();
  }

  Map<String, Object> event(EventDef event) {
    return Json.object().put("kind", "event").put("name", event.name()).put("declaredAt", at(event.position()))
        .put("aggregate", event.aggregate()).put("storedName", event.storedName()).put("version", event.version())
        .put("fields", fields(event.fields()))
        .put("upcasts", event.upcasts().isEmpty() ? null : event.upcasts().stream().map(u -> Json.object()
            .put("from", u.from()).put("to", u.from() + 1)
            .put("rename", u.rename().isEmpty() ? null : u.rename())
            .put("drop", u.drop().isEmpty() ? null : u.drop())
            .put("set", u.set().isEmpty() ? null : u.set().keySet())
            .put("declaredAt", at(u.position())).build()).toList())
        .build();
  }

  Map<String, Object> command(CommandDef command) {
    return Json.object().put("kind", "command").put("name", command.name()).put("declaredAt", at(command.position()))
        .put("aggregate", command.aggregate())
        .put("decides", command.decidesAcrossStreams() ? command.decides().stream().map(item -> Json.object()
            .put("types", item.types().stream().map(Reference::name).toList())
            .put("tags", item.tags().stream().map(Reference::name).toList()).build()).toList() : null)
        .put("fields", fields(command.fields()))
        .put("emits", command.emits().stream().map(this::emitted).toList())
        .put("rejects", command.rejects().stream().map(Elements::rejection).toList())
        .put("specs", specs(command.name()))
        .build();
  }

  private Map<String, Object> emitted(Reference reference) {
    return model.event(reference.name())
        .map(e -> Json.object().put("event", e.name()).put("fields", fields(e.fields())).build())
        .orElse(Json.object().put("event", reference.name()).build());
  }

  static Map<String, Object> rejection(RejectionDef rejection) {
    return Json.object().put("name", rejection.name()).put("declaredAt", at(rejection.position()))
        .put("fields", fields(rejection.fields())).build();
  }

  Map<String, Object> view(ViewDef view) {
    return Json.object().put("kind", "view").put("name", view.name()).put("declaredAt", at(view.position()))
        .put("key", view.key()).put("fields", fields(view.fields()))
        .put("from", view.from().stream().map(Reference::name).toList())
        .put("specs", specs(view.name()))
        .build();
  }

  Map<String, Object> automation(AutomationDef automation) {
    return Json.object().put("kind", "automation").put("name", automation.name())
        .put("declaredAt", at(automation.position()))
        .put("on", automation.on().name())
        .put("issues", automation.issues().stream().map(Reference::name).toList())
        .put("specs", specs(automation.name()))
        .build();
  }

  static Map<String, Object> type(ValueType type) {
    Json json = Json.object().put("kind", "type").put("name", type.name()).put("declaredAt", at(type.position()));
    if (type instanceof ValueType.Wrapper wrapper) {
      Constraints c = wrapper.constraints();
      json.put("base", wrapper.base().yamlName())
          .put("pattern", c.pattern().orElse(null))
          .put("min", c.min().map(Object::toString).orElse(null))
          .put("max", c.max().map(Object::toString).orElse(null))
          .put("scale", c.scale().orElse(null))
          .put("maxLength", c.maxLength().orElse(null));
    } else if (type instanceof ValueType.Enumeration enumeration) {
      json.put("enum", enumeration.constants());
    }
    return json.build();
  }

  List<Map<String, Object>> specs(String subject) {
    return model.specsOf(subject).stream().map(this::spec).toList();
  }

  Map<String, Object> spec(SpecDef spec) {
    return Json.object().put("name", spec.name()).put("subject", spec.subject().name())
        .put("at", at(spec.position()))
        .put("test", SpecTestNames.testClass(model, spec) + "#" + SpecTestNames.testMethod(model, spec))
        .put("given", spec.given().isEmpty() ? null : spec.given().stream().map(Message::type).toList())
        .put("when", spec.when().map(Message::type).orElse(null))
        .put("then", then(spec.then()))
        .build();
  }

  private static String then(SpecDef.Outcome outcome) {
    if (outcome instanceof SpecDef.ThenEvents events) {
      return events.events().isEmpty() ? "no events" : "events " + types(events.events());
    }
    if (outcome instanceof SpecDef.ThenRejected rejected) {
      return "rejected " + rejected.rejection().type();
    }
    if (outcome instanceof SpecDef.ThenView view) {
      return "view row " + view.view().type();
    }
    if (outcome instanceof SpecDef.ThenRows rows) {
      return (rows.exactly() ? "exactly " : "among others, ") + rows.rows().size() + " view rows";
    }
    SpecDef.ThenCommands commands = (SpecDef.ThenCommands) outcome;
    return commands.commands().isEmpty() ? "no commands" : "commands " + types(commands.commands());
  }

  private static String types(List<Message> messages) {
    return messages.stream().map(Message::type).toList().toString();
  }
}
