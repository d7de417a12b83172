package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.Constraints;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.StoredVersion;
import dev.eventsmith.spec.model.ValueType;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the sections of one model file into the shared {@link ModelDraft}. */
final class FileReader {
  private static final List<String> ROOT_KEYS = List.of(
      "eventmodel", "name", "package", "types", "aggregates", "events", "commands", "views", "automations", "specs",
      "processes");
  private static final List<String> EVENT_KEYS = List.of("aggregate", "version", "storedName", "fields", "upcast",
      "versions", "tags");
  private static final List<String> COMMAND_KEYS = List.of("aggregate", "fields", "emits", "rejects", "decides");
  private static final List<String> VIEW_KEYS = List.of("key", "keyFrom", "fields", "from", "lookups");
  private static final List<String> AUTOMATION_KEYS = List.of("on", "issues");
  private static final List<String> UPCAST_KEYS = List.of("from", "rename", "drop", "set");
  private static final List<String> TYPE_KEYS = List.of("base", "enum", "pattern", "min", "max", "scale", "maxLength");

  private final NodeReader nodes;
  private final FieldReader fields;
  private final ModelDraft draft;

  FileReader(NodeReader nodes, ModelDraft draft) {
    this.nodes = nodes;
    this.fields = new FieldReader(nodes);
    this.draft = draft;
  }

  void read(YamlNode root) {
    Optional<YamlMapping> file = nodes.mapping(root, "a model file");
    if (file.isEmpty()) {
      return;
    }
    YamlMapping m = file.get();
    nodes.checkKeys(m, "the model file", ROOT_KEYS, List.of("eventmodel"));
    m.get("eventmodel").flatMap(n -> nodes.text(n, "'eventmodel'")).ifPresent(v -> {
      if (!v.text().strip().equals("1")) {
        nodes.diagnostics().report(DiagnosticCode.UNSUPPORTED_FORMAT_VERSION, v.position(),
            "format version '" + v.text() + "' is not supported; this Eventsmith reads version 1",
            "Write 'eventmodel: 1' at the top of the file.");
      }
    });
    m.entry("name").ifPresent(e -> nodes.text(e.value(), "'name'").ifPresent(v ->
        draft.name = draft.header(draft.name, "name", new ModelDraft.Header(v.text(), v.position()))));
    m.entry("package").ifPresent(e -> nodes.text(e.value(), "'package'").ifPresent(v ->
        draft.packageName = draft.header(draft.packageName, "package", new ModelDraft.Header(v.text(), v.position()))));
    m.get("types").ifPresent(this::types);
    m.get("aggregates").ifPresent(this::aggregates);
    m.get("events").ifPresent(this::events);
    m.get("commands").ifPresent(this::commands);
    m.get("views").ifPresent(this::views);
    m.get("automations").ifPresent(this::automations);
    m.get("processes").ifPresent(n -> new ProcessReader(nodes, draft).read(n));
    m.get("specs").ifPresent(n -> new SpecReader(nodes).read(n, draft));
  }

  private void types(YamlNode section) {
    for (YamlMapping.Entry entry : entries(section, "'types'")) {
      String what = "type '" + entry.name() + "'";
      SourcePosition at = entry.key().position();
      nodes.mapping(entry.value(), what).ifPresent(m -> {
        nodes.checkKeys(m, what, TYPE_KEYS, List.of(), at);
        Optional<YamlNode> base = m.get("base");
        Optional<YamlNode> constants = m.get("enum");
        if (base.isPresent() == constants.isPresent()) {
          nodes.diagnostics().report(DiagnosticCode.INVALID_VALUE_TYPE, at,
              what + (base.isPresent() ? " has both 'base' and 'enum'" : " has neither 'base' nor 'enum'"),
              "Give either 'base: <built-in type>' with constraints, or 'enum: [A, B]'.");
          return;
        }
        if (constants.isPresent()) {
          enumeration(entry, m, constants.get(), what);
        } else {
          wrapper(entry, m, base.get(), what);
        }
      });
    }
  }

  private void enumeration(YamlMapping.Entry entry, YamlMapping m, YamlNode constantsNode, String what) {
    for (String key : FieldReader.CONSTRAINT_KEYS) {
      m.entry(key).ifPresent(e -> nodes.diagnostics().report(DiagnosticCode.CONSTRAINT_ON_WRONG_BASE, e.key().position(),
          "'" + key + "' does not apply to the enum " + what, "Remove '" + key + "'; an enum's values are its constants."));
    }
    List<String> constants = new ArrayList<>();
    for (YamlScalar constant : nodes.names(constantsNode, "the constants of " + what)) {
      if (constants.contains(constant.text())) {
        nodes.diagnostics().report(DiagnosticCode.DUPLICATE_REFERENCE, constant.position(),
            "the constant '" + constant.text() + "' is listed twice in " + what, "Remove the second one.");
      } else {
        constants.add(constant.text());
      }
    }
    if (constants.isEmpty()) {
      nodes.diagnostics().report(DiagnosticCode.INVALID_VALUE_TYPE, constantsNode.position(),
          "the enum " + what + " has no constants", "List at least one constant, e.g. enum: [OPEN, CLOSED].");
    }
    ValueType type = new ValueType.Enumeration(entry.name(), List.copyOf(constants), entry.key().position());
    draft.add(draft.types, "type", entry.name(), type.position(), type, ValueType::position);
  }

  private void wrapper(YamlMapping.Entry entry, YamlMapping m, YamlNode baseNode, String what) {
    Optional<YamlScalar> baseName = nodes.text(baseNode, "'base' of " + what);
    if (baseName.isEmpty()) {
      return;
    }
    Optional<BuiltinType> base = BuiltinType.fromYaml(baseName.get().text());
    if (base.isEmpty()) {
      List<String> builtins = Arrays.stream(BuiltinType.values()).map(BuiltinType::yamlName).toList();
      nodes.diagnostics().report(DiagnosticCode.INVALID_VALUE_TYPE, baseNode.position(),
          "the base '" + baseName.get().text() + "' of " + what + " is not a built-in type"
              + DidYouMean.typeSuffix(baseName.get().text(), builtins),
          "Use one of: " + String.join(", ", builtins) + ". A value type cannot wrap another value type.");
    }
    Constraints constraints = fields.constraints(m, what);
    ValueType type = new ValueType.Wrapper(entry.name(), base.orElse(BuiltinType.STRING), constraints, entry.key().position());
    draft.add(draft.types, "type", entry.name(), type.position(), type, ValueType::position);
  }

  private void aggregates(YamlNode section) {
    if (!(section instanceof YamlMapping) && !(section instanceof YamlScalar scalar && scalar.isNull())) {
      draft.aggregatesUnreadable = true;
    }
    for (YamlMapping.Entry entry : entries(section, "'aggregates'")) {
      String what = "aggregate '" + entry.name() + "'";
      nodes.mapping(entry.value(), what).ifPresent(m -> {
        nodes.checkKeys(m, what, List.of("id"), List.of("id"), entry.key().position());
        m.get("id").flatMap(n -> nodes.text(n, "'id' of " + what)).ifPresent(id -> {
          AggregateDef def = new AggregateDef(entry.name(), id.text(), entry.key().position());
          draft.add(draft.aggregates, "aggregate", entry.name(), def.position(), def, AggregateDef::position);
        });
      });
    }
  }

  private void events(YamlNode section) {
    for (YamlMapping.Entry entry : entries(section, "'events'")) {
      String what = "event '" + entry.name() + "'";
      SourcePosition at = entry.key().position();
      nodes.mapping(entry.value(), what).ifPresent(m -> {
        nodes.checkKeys(m, what, EVENT_KEYS, List.of(), at);
        Optional<Reference> aggregate = m.get("aggregate").flatMap(n -> nodes.text(n, "'aggregate' of " + what))
            .map(s -> new Reference(s.text(), s.position()));
        int version = m.get("version").flatMap(n -> nodes.integer(n, "'version' of " + what, 1)).orElse(1);
        String storedName = m.get("storedName").flatMap(n -> nodes.text(n, "'storedName' of " + what))
            .map(YamlScalar::text).orElse(entry.name());
        List<Field> eventFields = m.get("fields").map(n -> fields.fields(n, what)).orElse(List.of());
        List<dev.eventsmith.spec.model.Upcast> upcasts = m.get("upcast").map(n -> upcasts(n, what)).orElse(List.of());
        List<StoredVersion> storedVersions = m.get("versions").map(n -> storedVersions(n, what, version))
            .orElse(List.of());
        List<Reference> tags = m.get("tags").map(n -> references(n, "'tags' of " + what)).orElse(List.of());
        EventDef def = new EventDef(entry.name(), storedName, version, aggregate.map(Reference::name).orElse(""),
            eventFields, upcasts, at, storedVersions, tags);
        if (draft.add(draft.events, "event", entry.name(), at, def, EventDef::position)) {
          aggregate.ifPresent(a -> draft.declaredEventAggregates.put(entry.name(), a));
        }
      });
    }
  }

  /** {@code versions: { 1: { fields: { ... } } }}: the fields of older versions, sorted by version. */
  private List<StoredVersion> storedVersions(YamlNode node, String event, int current) {
    List<StoredVersion> versions = new ArrayList<>();
    nodes.mapping(node, "'versions' of " + event).ifPresent(map -> {
      for (YamlMapping.Entry entry : map.entries()) {
        String what = "version " + entry.name() + " of " + event;
        int number = StoredVersions.number(entry.name());
        if (number < 1 || number >= current) {
          nodes.diagnostics().report(DiagnosticCode.INVALID_STORED_VERSION, entry.key().position(),
              "'versions' of " + event + " declares version '" + entry.name() + "', but only versions 1 to "
                  + (current - 1) + " are older than the current version " + current,
              current == 1
                  ? "An event at version 1 has no older versions: remove 'versions', or raise 'version'."
                  : "Key each older version by its number, 1 to " + (current - 1) + ": '1: { fields: { ... } }'.");
          continue;
        }
        nodes.mapping(entry.value(), what).ifPresent(m -> {
          nodes.checkKeys(m, what, List.of("fields"), List.of("fields"), entry.key().position());
          m.get("fields").map(n -> fields.fields(n, what))
              .ifPresent(f -> versions.add(new StoredVersion(number, f, entry.key().position())));
        });
      }
    });
    versions.sort(java.util.Comparator.comparingInt(StoredVersion::version));
    return List.copyOf(versions);
  }

  private List<dev.eventsmith.spec.model.Upcast> upcasts(YamlNode node, String event) {
    List<dev.eventsmith.spec.model.Upcast> upcasts = new ArrayList<>();
    nodes.strictSequence(node, "'upcast' of " + event).ifPresent(list -> {
      for (YamlNode item : list.items()) {
        String what = "an upcast of " + event;
        nodes.mapping(item, what).ifPresent(m -> {
          nodes.checkKeys(m, what, UPCAST_KEYS, List.of("from"));
          Optional<Integer> from = m.get("from").flatMap(n -> nodes.integer(n, "'from' of " + what, 1));
          java.util.Map<String, String> rename = new java.util.LinkedHashMap<>();
          m.get("rename").flatMap(n -> nodes.mapping(n, "'rename' of " + what)).ifPresent(r -> r.entries().forEach(e ->
              nodes.text(e.value(), "the new name of '" + e.name() + "' in " + what)
                  .ifPresent(v -> rename.put(e.name(), v.text()))));
          List<String> drop = m.get("drop").map(n -> nodes.names(n, "'drop' of " + what)).orElse(List.of())
              .stream().map(YamlScalar::text).toList();
          java.util.Map<String, dev.eventsmith.spec.model.SpecValue> set = m.get("set")
              .flatMap(n -> nodes.mapping(n, "'set' of " + what)).map(SpecValues::entries).orElse(java.util.Map.of());
          from.ifPresent(f -> upcasts.add(new dev.eventsmith.spec.model.Upcast(
              f, java.util.Collections.unmodifiableMap(rename), drop, set, m.position())));
        });
      }
    });
    return List.copyOf(upcasts);
  }

  private void commands(YamlNode section) {
    for (YamlMapping.Entry entry : entries(section, "'commands'")) {
      String what = "command '" + entry.name() + "'";
      SourcePosition at = entry.key().position();
      nodes.mapping(entry.value(), what).ifPresent(m -> {
        nodes.checkKeys(m, what, COMMAND_KEYS, List.of("aggregate", "emits"), at);
        Optional<Reference> aggregate = m.get("aggregate").flatMap(n -> nodes.text(n, "'aggregate' of " + what))
            .map(s -> new Reference(s.text(), s.position()));
        List<Field> commandFields = m.get("fields").map(n -> fields.fields(n, what)).orElse(List.of());
        List<Reference> emits = m.get("emits").map(n -> references(n, "'emits' of " + what)).orElse(List.of());
        m.get("emits").filter(n -> emits.isEmpty()).ifPresent(n -> nodes.diagnostics().report(
            DiagnosticCode.INVALID_VALUE, n.position(), what + " emits no event",
            "List the events the command may emit, e.g. emits: [ItemAdded]."));
        List<RejectionDef> rejects = m.get("rejects").map(n -> rejections(n, what)).orElse(List.of());
        List<dev.eventsmith.spec.model.QueryItemDef> decides = m.get("decides").map(n -> decides(n, what))
            .orElse(List.of());
        CommandDef def = new CommandDef(entry.name(), aggregate.map(Reference::name).orElse(""), commandFields, emits,
            rejects, at, decides);
        if (draft.add(draft.commands, "command", entry.name(), at, def, CommandDef::position)) {
          aggregate.ifPresent(a -> draft.commandAggregates.put(entry.name(), a));
        }
      });
    }
  }

  /** {@code decides: [ { types: [A, B], tags: [course] }, ... ]}: the query a command decides on. */
  private List<dev.eventsmith.spec.model.QueryItemDef> decides(YamlNode node, String command) {
    List<dev.eventsmith.spec.model.QueryItemDef> items = new ArrayList<>();
    nodes.strictSequence(node, "'decides' of " + command).ifPresent(list -> {
      for (YamlNode item : list.items()) {
        String what = "an item of 'decides' of " + command;
        nodes.mapping(item, what).ifPresent(m -> {
          nodes.checkKeys(m, what, List.of("types", "tags"), List.of("tags"));
          List<Reference> types = m.get("types").map(n -> references(n, "'types' of " + what)).orElse(List.of());
          List<Reference> tags = m.get("tags").map(n -> references(n, "'tags' of " + what)).orElse(List.of());
          items.add(new dev.eventsmith.spec.model.QueryItemDef(types, tags, m.position()));
        });
      }
    });
    return List.copyOf(items);
  }

  private List<RejectionDef> rejections(YamlNode node, String command) {
    List<RejectionDef> rejections = new ArrayList<>();
    if (node instanceof YamlSequence) {
      for (Reference name : references(node, "'rejects' of " + command)) {
        rejections.add(new RejectionDef(name.name(), List.of(), name.position()));
      }
      return List.copyOf(rejections);
    }
    nodes.mapping(node, "'rejects' of " + command).ifPresent(m -> {
      for (YamlMapping.Entry entry : m.entries()) {
        String what = "rejection '" + entry.name() + "' of " + command;
        nodes.mapping(entry.value(), what).ifPresent(r -> {
          nodes.checkKeys(r, what, List.of("fields"), List.of(), entry.key().position());
          List<Field> rejectionFields = r.get("fields").map(n -> fields.fields(n, what)).orElse(List.of());
          rejections.add(new RejectionDef(entry.name(), rejectionFields, entry.key().position()));
        });
      }
    });
    return List.copyOf(rejections);
  }

  private void views(YamlNode section) {
    for (YamlMapping.Entry entry : entries(section, "'views'")) {
      String what = "view '" + entry.name() + "'";
      SourcePosition at = entry.key().position();
      nodes.mapping(entry.value(), what).ifPresent(m -> {
        nodes.checkKeys(m, what, VIEW_KEYS, List.of("fields", "from"), at);
        String key = m.get("key").flatMap(n -> nodes.text(n, "'key' of " + what)).map(YamlScalar::text).orElse("");
        List<Field> viewFields = m.get("fields").map(n -> fields.viewFields(n, what)).orElse(List.of());
        List<Reference> from = m.get("from").map(n -> references(n, "'from' of " + what)).orElse(List.of());
        m.get("from").filter(n -> from.isEmpty()).ifPresent(n -> nodes.diagnostics().report(
            DiagnosticCode.INVALID_VALUE, n.position(), what + " is built from no event",
            "List the events the view projects, e.g. from: [CartCreated, ItemAdded]."));
        Map<String, Reference> keyFrom = new LinkedHashMap<>();
        m.get("keyFrom").flatMap(n -> nodes.mapping(n, "'keyFrom' of " + what)).ifPresent(k -> {
          for (YamlMapping.Entry source : k.entries()) {
            nodes.text(source.value(), "the key field of '" + source.name() + "' in 'keyFrom' of " + what)
                .ifPresent(field -> keyFrom.put(source.name(), new Reference(field.text(), field.position())));
          }
        });
        List<Reference> lookups = m.get("lookups").map(n -> references(n, "'lookups' of " + what)).orElse(List.of());
        ViewDef def = new ViewDef(entry.name(), key, viewFields, from, at, keyFrom, lookups);
        draft.add(draft.views, "view", entry.name(), at, def, ViewDef::position);
      });
    }
  }

  private void automations(YamlNode section) {
    for (YamlMapping.Entry entry : entries(section, "'automations'")) {
      String what = "automation '" + entry.name() + "'";
      SourcePosition at = entry.key().position();
      nodes.mapping(entry.value(), what).ifPresent(m -> {
        nodes.checkKeys(m, what, AUTOMATION_KEYS, List.of("on", "issues"), at);
        Optional<Reference> on = m.get("on").flatMap(n -> nodes.text(n, "'on' of " + what))
            .map(s -> new Reference(s.text(), s.position()));
        List<Reference> issues = m.get("issues").map(n -> references(n, "'issues' of " + what)).orElse(List.of());
        m.get("issues").filter(n -> issues.isEmpty()).ifPresent(n -> nodes.diagnostics().report(
            DiagnosticCode.INVALID_VALUE, n.position(), what + " issues no command",
            "List the commands the automation may issue, e.g. issues: [SubmitCart]."));
        if (on.isPresent()) {
          AutomationDef def = new AutomationDef(entry.name(), on.get(), issues, at);
          draft.add(draft.automations, "automation", entry.name(), at, def, AutomationDef::position);
        }
      });
    }
  }

  private List<YamlMapping.Entry> entries(YamlNode section, String what) {
    return nodes.mapping(section, what).map(YamlMapping::entries).orElse(List.of());
  }

  private List<Reference> references(YamlNode node, String what) {
    return nodes.names(node, what).stream().map(s -> new Reference(s.text(), s.position())).toList();
  }
}
