package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.ValueType;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names must be Java identifiers of the right case, must not be reserved, must not clash with the
 * classes the generator writes, and one name may name one element only.
 */
final class NameChecks {
  /** Types the generated code refers to by simple name; a model type of the same name would hide them. */
  private static final Set<String> USED_BY_GENERATED_CODE = Set.of(
      "Object", "String", "Integer", "Long", "Boolean", "Record", "Enum", "Override", "Deprecated", "Class",
      "Exception", "RuntimeException", "Error", "Throwable", "Math", "System", "Iterable", "Comparable", "Number",
      "Character", "Void", "SuppressWarnings", "List", "Map", "Set", "Optional", "Objects", "UUID", "BigDecimal",
      "Instant", "LocalDate", "Generated", "Emits", "Rejects");
  /** Methods every record has; a component of that name would break or shadow them. */
  private static final Set<String> OBJECT_METHODS =
      Set.of("getClass", "hashCode", "toString", "equals", "clone", "finalize", "notify", "notifyAll", "wait");

  /** Methods generated events and commands have; a component of that name would clash with them. */
  private static final Set<String> MESSAGE_METHODS = Set.of("streamId");

  /** Restricted identifiers that break generated code as field names: {@code yield()} must be qualified to be called. */
  private static final Set<String> RESTRICTED = Set.of("yield");

  private final EventModel model;
  private final Diagnostics diagnostics;

  NameChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
  }

  /** One named element of the model and what kind it is. */
  private record Named(String kind, String name, SourcePosition position) {}

  void run() {
    if (!model.name().isEmpty()) {
      typeName(new Named("model", model.name(), model.position()));
    }
    List<Named> elements = elements();
    Map<String, String> generated = generatedNames();
    for (Named element : elements) {
      if (typeName(element) && generated.containsKey(element.name())) {
        diagnostics.report(DiagnosticCode.GENERATED_NAME_CLASH, element.position(),
            element.kind() + " name '" + element.name() + "' clashes with " + generated.get(element.name()),
            "Rename the " + element.kind() + "; the generator needs this name for its own class.");
      }
    }
    crossKind(elements);
    Fields.all(model).forEach(this::fieldName);
    for (ValueType type : model.types()) {
      if (type instanceof ValueType.Enumeration e) {
        e.constants().forEach(c -> constant(e, c));
      }
    }
  }

  private List<Named> elements() {
    List<Named> all = new ArrayList<>();
    model.types().forEach(t -> all.add(new Named("type", t.name(), t.position())));
    model.aggregates().forEach(a -> all.add(new Named("aggregate", a.name(), a.position())));
    model.events().forEach(e -> all.add(new Named("event", e.name(), e.position())));
    model.commands().forEach(c -> all.add(new Named("command", c.name(), c.position())));
    // A rejection shared by several commands is one element; name it once, where first declared.
    Map<String, RejectionDef> rejections = new LinkedHashMap<>();
    model.commands().forEach(c -> c.rejects().forEach(r -> rejections.putIfAbsent(r.name(), r)));
    rejections.values().forEach(r -> all.add(new Named("rejection", r.name(), r.position())));
    model.views().forEach(v -> all.add(new Named("view", v.name(), v.position())));
    model.automations().forEach(a -> all.add(new Named("automation", a.name(), a.position())));
    return all;
  }

  private Map<String, String> generatedNames() {
    Map<String, String> names = new HashMap<>();
    for (String name : USED_BY_GENERATED_CODE) {
      names.put(name, name.equals("Emits") || name.equals("Rejects")
          ? "the generated annotation '" + name + "'"
          : "the Java type '" + name + "' that generated code uses");
    }
    for (AggregateDef a : model.aggregates()) {
      for (String suffix : List.of("Event", "Command", "Decider", "Rejection")) {
        names.put(a.name() + suffix, "the generated " + suffix.toLowerCase(java.util.Locale.ROOT)
            + " type '" + a.name() + suffix + "' of aggregate '" + a.name() + "'");
      }
    }
    for (ViewDef v : model.views()) {
      names.put(v.name() + "Projector", "the generated projector of view '" + v.name() + "'");
      names.put(v.name() + "RowCodec", "the generated row codec of view '" + v.name() + "'");
    }
    for (AutomationDef a : model.automations()) {
      names.put(a.name() + "Automation", "the generated contract of automation '" + a.name() + "'");
    }
    for (SpecDef spec : model.specs()) {
      String subject = spec.subject().name();
      names.put(subject + "SpecTest", "the generated spec test class of '" + subject + "'");
    }
    if (!model.name().isEmpty()) {
      names.put(model.name() + "Codec", "the generated codec of model '" + model.name() + "'");
      names.put(model.name() + "EventTypes", "the generated event type registry of model '" + model.name() + "'");
    }
    return names;
  }

  /** Reports a bad type-like name; true when the name is a valid one. */
  private boolean typeName(Named element) {
    if (JavaNames.isTypeName(element.name())) {
      return true;
    }
    diagnostics.report(DiagnosticCode.INVALID_IDENTIFIER, element.position(),
        element.kind() + " name '" + element.name() + "' is not an UpperCamel Java identifier",
        "Start with an upper-case letter and use only letters and digits, e.g. '" + suggestion(element.name(), true) + "'.");
    return false;
  }

  private void crossKind(List<Named> elements) {
    Map<String, List<Named>> byName = new LinkedHashMap<>();
    elements.forEach(e -> byName.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e));
    Comparator<SourcePosition> order = Comparator.comparing(SourcePosition::file)
        .thenComparingInt(SourcePosition::line).thenComparingInt(SourcePosition::column);
    for (List<Named> same : byName.values()) {
      if (same.size() < 2) {
        continue;
      }
      List<Named> sorted = same.stream().sorted(Comparator.comparing(Named::position, order)).toList();
      Named first = sorted.get(0);
      for (Named later : sorted.subList(1, sorted.size())) {
        diagnostics.report(DiagnosticCode.NAME_USED_BY_TWO_KINDS, later.position(),
            later.kind() + " '" + later.name() + "' has the same name as the " + first.kind() + " at " + first.position(),
            "Give each element its own name; generated classes of both would clash. Events are facts in the past "
                + "tense (ItemAdded), commands are requests (AddItem).");
      }
    }
  }

  private void fieldName(Fields.Owned owned) {
    Field field = owned.field();
    String name = field.name();
    if (JavaNames.isReserved(name) || RESTRICTED.contains(name)) {
      diagnostics.report(DiagnosticCode.RESERVED_WORD, field.position(),
          "field '" + name + "' of " + owned.owner() + " is a Java reserved word"
              + (RESTRICTED.contains(name) ? " (a restricted identifier: its accessor cannot be called unqualified)" : ""),
          "Rename the field, e.g. '" + name + "Value'.");
    } else if (!JavaNames.isMemberName(name)) {
      diagnostics.report(DiagnosticCode.INVALID_IDENTIFIER, field.position(),
          "field name '" + name + "' of " + owned.owner() + " is not a lowerCamel Java identifier",
          "Start with a lower-case letter and use only letters and digits, e.g. '" + suggestion(name, false) + "'.");
    } else if (OBJECT_METHODS.contains(name)) {
      diagnostics.report(DiagnosticCode.GENERATED_NAME_CLASH, field.position(),
          "field '" + name + "' of " + owned.owner() + " clashes with the method " + name + "() every Java object has",
          "Rename the field.");
    } else if (MESSAGE_METHODS.contains(name)) {
      diagnostics.report(DiagnosticCode.GENERATED_NAME_CLASH, field.position(),
          "field '" + name + "' of " + owned.owner() + " clashes with the method " + name
              + "() that every generated event and command has",
          "Rename the field, e.g. '" + name + "Name'.");
    }
  }

  private void constant(ValueType.Enumeration type, String constant) {
    if (JavaNames.isReserved(constant)) {
      diagnostics.report(DiagnosticCode.RESERVED_WORD, type.position(),
          "the constant '" + constant + "' of enum '" + type.name() + "' is a Java reserved word",
          "Rename the constant; upper case (e.g. '" + constant.toUpperCase(java.util.Locale.ROOT) + "') avoids keywords.");
    } else if (!JavaNames.isIdentifier(constant)) {
      diagnostics.report(DiagnosticCode.INVALID_IDENTIFIER, type.position(),
          "the constant '" + constant + "' of enum '" + type.name() + "' is not a Java identifier",
          "Use letters, digits and underscores only, starting with a letter, e.g. '" + suggestion(constant, true).toUpperCase(java.util.Locale.ROOT) + "'.");
    }
  }

  /** A plausible identifier for a bad name: words joined in camel case. */
  private static String suggestion(String name, boolean upper) {
    StringBuilder out = new StringBuilder();
    boolean capitalize = upper;
    for (char c : name.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128) {
        if (out.length() == 0 && Character.isDigit(c)) {
          out.append(upper ? 'X' : 'x');
        }
        out.append(capitalize ? Character.toUpperCase(c) : out.length() == 0 && !upper ? Character.toLowerCase(c) : c);
        capitalize = false;
      } else {
        capitalize = out.length() > 0 || upper;
      }
    }
    return out.length() == 0 ? (upper ? "Name" : "name") : out.toString();
  }
}
