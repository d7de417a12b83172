package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.ValueType;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model as read so far, merged across files. Within one file a duplicate name is already a
 * duplicate YAML key, so a duplicate found here comes from another file.
 */
final class ModelDraft {
  /** The first value given for {@code name} or {@code package}, and where. */
  record Header(String value, SourcePosition position) {}

  /** A spec as written, before its subject's kind is known. */
  record SpecDraft(
      Reference subject, String name, SourcePosition position, List<Message> given, Optional<Message> when, RawThen then,
      Optional<Message> whenRejected) {}

  /** The {@code then:} of a spec in its written form. */
  sealed interface RawThen {
    SourcePosition position();
  }

  /** {@code then: [ ... ]}: events or commands. */
  record ThenList(List<Message> messages, SourcePosition position) implements RawThen {}

  /** {@code then: { rejected: X }}. */
  record ThenRejected(Message rejection, SourcePosition position) implements RawThen {}

  /** {@code then: { View: { ... } }}. */
  record ThenOne(Message message, SourcePosition position) implements RawThen {}

  /** {@code then: { includes: [ ... ] }}: some rows of a view, among others. */
  record ThenIncludes(List<Message> rows, SourcePosition position) implements RawThen {}

  /** {@code then: { issues: [...], schedules: {...}, cancels: [...], ended: true }}: a process's reaction. */
  record ThenReaction(List<Message> issues, List<dev.eventsmith.spec.model.ProcessDef.Deadline> schedules,
      List<Reference> cancels, Optional<Boolean> ended, SourcePosition position) implements RawThen {}

  Optional<Header> name = Optional.empty();
  Optional<Header> packageName = Optional.empty();
  final List<String> sourceFiles = new ArrayList<>();
  final Map<String, ValueType> types = new LinkedHashMap<>();
  final Map<String, AggregateDef> aggregates = new LinkedHashMap<>();
  /** Whether an 'aggregates' section could not be read: references to aggregates then prove nothing. */
  boolean aggregatesUnreadable;
  final Map<String, EventDef> events = new LinkedHashMap<>();
  /** Events whose YAML names an aggregate, with where; the others are inferred. */
  final Map<String, Reference> declaredEventAggregates = new HashMap<>();
  final Map<String, CommandDef> commands = new LinkedHashMap<>();
  final Map<String, Reference> commandAggregates = new HashMap<>();
  final Map<String, ViewDef> views = new LinkedHashMap<>();
  final Map<String, AutomationDef> automations = new LinkedHashMap<>();
  final List<SpecDraft> specs = new ArrayList<>();
  final Map<String, dev.eventsmith.spec.model.ProcessDef> processes = new LinkedHashMap<>();

  private final Diagnostics diagnostics;

  ModelDraft(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Adds {@code value} unless {@code name} is taken in {@code section}, which is reported. */
  <T> boolean add(Map<String, T> section, String kind, String name, SourcePosition position, T value,
      java.util.function.Function<T, SourcePosition> positionOf) {
    T first = section.get(name);
    if (first != null) {
      diagnostics.report(DiagnosticCode.DUPLICATE_NAME, position,
          kind + " '" + name + "' is defined twice; it was first defined at " + positionOf.apply(first),
          "Rename one of them or delete the second definition; names are unique across all files of a model.");
      return false;
    }
    section.put(name, value);
    return true;
  }

  /** Records {@code name} or {@code package}; a different value in another file is reported. */
  Optional<Header> header(Optional<Header> current, String key, Header given) {
    if (current.isEmpty()) {
      return Optional.of(given);
    }
    if (!current.get().value().equals(given.value())) {
      diagnostics.report(DiagnosticCode.CONFLICTING_HEADER, given.position(),
          "'" + key + "' is '" + given.value() + "' here but '" + current.get().value() + "' at " + current.get().position(),
          "Give '" + key + "' the same value in every file, or give it in one file only.");
    }
    return current;
  }
}
