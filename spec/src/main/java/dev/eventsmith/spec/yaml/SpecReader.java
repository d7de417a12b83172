package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code specs:} section: specs grouped by subject, each with given, when and then. */
final class SpecReader {
  private static final List<String> SPEC_KEYS = List.of("name", "given", "when", "then");
  /** The keys of a process spec's 'then'; a message's key is an UpperCamel name, never one of these. */
  private static final List<String> REACTION_KEYS = List.of("issues", "schedules", "cancels", "ended");

  private final NodeReader nodes;

  SpecReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  void read(YamlNode section, ModelDraft draft) {
    nodes.mapping(section, "'specs'").ifPresent(subjects -> {
      for (YamlMapping.Entry subject : subjects.entries()) {
        Reference ref = new Reference(subject.name(), subject.key().position());
        nodes.strictSequence(subject.value(), "the specs of '" + subject.name() + "'").ifPresent(list -> {
          for (YamlNode item : list.items()) {
            nodes.mapping(item, "a spec of '" + subject.name() + "'").ifPresent(spec -> spec(ref, spec, draft));
          }
        });
      }
    });
  }

  private void spec(Reference subject, YamlMapping spec, ModelDraft draft) {
    String what = "a spec of '" + subject.name() + "'";
    nodes.checkKeys(spec, what, SPEC_KEYS, List.of("name", "then"));
    Optional<String> name = spec.get("name").flatMap(n -> nodes.text(n, "the name of " + what)).map(YamlScalar::text);
    String specName = name.orElse("");
    String where = name.isPresent() ? "spec '" + specName + "'" : what;
    List<Message> given = new ArrayList<>();
    spec.get("given").flatMap(n -> nodes.strictSequence(n, "'given' of " + where)).ifPresent(list -> {
      for (YamlNode item : list.items()) {
        message(item, "an event in 'given' of " + where, true).ifPresent(given::add);
      }
    });
    Optional<Message> when;
    Optional<Message> whenRejected = Optional.empty();
    Optional<YamlNode> whenNode = spec.get("when");
    if (whenNode.isPresent() && whenNode.get() instanceof YamlMapping w && w.entries().size() == 2
        && w.entry("rejected").isPresent()) {
      // A process spec's 'when: { Command: { ... }, rejected: Rejection }': the command it issued was refused.
      YamlMapping.Entry command = w.entries().stream().filter(e -> !e.name().equals("rejected")).findFirst().get();
      when = message(new YamlMapping(List.of(command), w.position()), "'when' of " + where);
      whenRejected = rejection(w.get("rejected").get(), "'when' of " + where);
    } else {
      when = whenNode.flatMap(n -> message(n, "'when' of " + where));
    }
    Optional<ModelDraft.RawThen> then = spec.get("then").flatMap(n -> then(n, where));
    if (name.isPresent() && then.isPresent()) {
      draft.specs.add(new ModelDraft.SpecDraft(subject, specName, spec.position(), List.copyOf(given), when, then.get(),
          whenRejected));
    }
  }

  /** {@code then: { issues: [...], schedules: { name: PT1H }, cancels: [name], ended: true }}. */
  private ModelDraft.ThenReaction reaction(YamlMapping mapping, String what) {
    List<Message> issues = new ArrayList<>();
    mapping.get("issues").flatMap(n -> nodes.strictSequence(n, "'issues' in " + what)).ifPresent(list -> {
      for (YamlNode item : list.items()) {
        message(item, "a command in 'issues' of " + what).ifPresent(issues::add);
      }
    });
    List<dev.eventsmith.spec.model.ProcessDef.Deadline> schedules = new ArrayList<>();
    mapping.get("schedules").flatMap(n -> nodes.mapping(n, "'schedules' in " + what)).ifPresent(m -> {
      for (YamlMapping.Entry entry : m.entries()) {
        nodes.text(entry.value(), "the duration of '" + entry.name() + "' in 'schedules' of " + what).ifPresent(after ->
            schedules.add(new dev.eventsmith.spec.model.ProcessDef.Deadline(entry.name(), after.text(),
                entry.key().position())));
      }
    });
    List<Reference> cancels = mapping.get("cancels").map(n -> nodes.names(n, "'cancels' in " + what)).orElse(List.of())
        .stream().map(s -> new Reference(s.text(), s.position())).toList();
    Optional<Boolean> ended = mapping.get("ended").flatMap(n -> nodes.bool(n, "'ended' in " + what));
    return new ModelDraft.ThenReaction(List.copyOf(issues), List.copyOf(schedules), cancels, ended, mapping.position());
  }

  private Optional<ModelDraft.RawThen> then(YamlNode node, String where) {
    String what = "'then' of " + where;
    if (node instanceof YamlSequence list) {
      List<Message> messages = new ArrayList<>();
      for (YamlNode item : list.items()) {
        message(item, "an entry of " + what).ifPresent(messages::add);
      }
      return Optional.of(new ModelDraft.ThenList(List.copyOf(messages), node.position()));
    }
    if (node instanceof YamlMapping mapping && !mapping.entries().isEmpty()
        && mapping.entries().stream().allMatch(e -> REACTION_KEYS.contains(e.name()))) {
      return Optional.of(reaction(mapping, what));
    }
    if (node instanceof YamlMapping mapping && mapping.entries().size() == 1) {
      YamlMapping.Entry only = mapping.entries().get(0);
      if (only.name().equals("rejected")) {
        return rejection(only.value(), what).map(m -> new ModelDraft.ThenRejected(m, node.position()));
      }
      if (only.name().equals("includes")) {
        return nodes.strictSequence(only.value(), "'includes' in " + what).map(list -> {
          List<Message> rows = new ArrayList<>();
          for (YamlNode item : list.items()) {
            message(item, "a row in 'includes' of " + what).ifPresent(rows::add);
          }
          return new ModelDraft.ThenIncludes(List.copyOf(rows), node.position());
        });
      }
      return message(node, what).map(m -> new ModelDraft.ThenOne(m, node.position()));
    }
    if (node instanceof YamlScalar s && s.isNull()) {
      return Optional.of(new ModelDraft.ThenList(List.of(), node.position()));
    }
    nodes.wrongKind(node, what,
        "a list of events, commands or rows, '{ rejected: Name }', '{ View: { ... } }' or '{ includes: [ ... ] }'",
        "Write 'then: [ { Event: { ... } } ]' for a command or automation, 'then: { rejected: Name }' for a refusal, "
            + "'then: { View: { ... } }' for a view's row, 'then: [ { View: { ... } } ]' for exactly these rows, "
            + "or 'then: { includes: [ { View: { ... } } ] }' for some rows among others.");
    return Optional.empty();
  }

  private Optional<Message> rejection(YamlNode node, String what) {
    if (node instanceof YamlScalar s && !s.isNull()) {
      return Optional.of(new Message(s.text(), Map.of(), s.position()));
    }
    return message(node, "'rejected' in " + what);
  }

  /** A message at the current version of its type: {@code Name@N} is reported and read as {@code Name}. */
  Optional<Message> message(YamlNode node, String what) {
    return message(node, what, false);
  }

  /**
   * {@code { Name: { field: value } }}: a mapping with exactly one key, the message's type, which a
   * given event ({@code storedVersionAllowed}) may suffix with the version it is stored at, {@code Name@N}.
   */
  private Optional<Message> message(YamlNode node, String what, boolean storedVersionAllowed) {
    if (!(node instanceof YamlMapping mapping) || mapping.entries().size() != 1) {
      nodes.wrongKind(node, what, "a mapping with exactly one key, the name of the message",
          "Write it as '{ Name: { field: value } }', e.g. '{ CartCreated: { cartId: $cart } }'.");
      return Optional.empty();
    }
    YamlMapping.Entry only = mapping.entries().get(0);
    if (only.name().equals(dev.eventsmith.spec.model.SpecDef.AFTER) && only.value() instanceof YamlScalar time
        && !time.isNull()) {
      // A process spec's step of time passing: '{ after: PT1H }'.
      return Optional.of(new Message(only.name(), Map.of(only.name(), SpecValues.of(time)), only.key().position()));
    }
    Optional<YamlMapping> fields = nodes.mapping(only.value(), "the values of '" + only.name() + "' in " + what);
    Map<String, SpecValue> values = fields.map(SpecValues::entries).orElse(Map.of());
    Map<String, SourcePosition> keys = new LinkedHashMap<>();
    fields.ifPresent(m -> m.entries().forEach(e -> keys.put(e.name(), e.key().position())));
    String type = only.name();
    int version = 0;
    int at = type.lastIndexOf('@');
    if (at >= 0) {
      version = StoredVersions.number(type.substring(at + 1));
      type = type.substring(0, at);
      if (!storedVersionAllowed || version < 1 || type.isEmpty()) {
        nodes.diagnostics().report(DiagnosticCode.MISPLACED_STORED_VERSION, only.key().position(),
            storedVersionAllowed
                ? "'" + only.name() + "' in " + what + " is not written 'Event@N' with a version number N"
                : "'" + only.name() + "' in " + what + " names a stored version, which only a given event has",
            storedVersionAllowed
                ? "Write the event's name, '@' and the version it was stored at, e.g. '" + (type.isEmpty() ? "Event" : type)
                    + "@1: { ... }'; leave out '@N' for the current version."
                : "Remove '@" + only.name().substring(at + 1) + "': commands, expected events, rejections and rows "
                    + "are written at the current version.");
        version = 0;
      }
    }
    return Optional.of(new Message(type, values, keys, only.key().position(), version));
  }
}
