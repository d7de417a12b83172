package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.ProcessDef;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code processes:} section of one model file into the shared {@link ModelDraft}. */
final class ProcessReader {
  private static final List<String> PROCESS_KEYS = List.of(
      "key", "keyFrom", "fields", "startedBy", "handles", "endsOn", "issues", "deadlines", "onRejected");

  private final NodeReader nodes;
  private final FieldReader fields;
  private final ModelDraft draft;

  ProcessReader(NodeReader nodes, ModelDraft draft) {
    this.nodes = nodes;
    this.fields = new FieldReader(nodes);
    this.draft = draft;
  }

  void read(YamlNode section) {
    List<YamlMapping.Entry> entries = nodes.mapping(section, "'processes'").map(YamlMapping::entries).orElse(List.of());
    for (YamlMapping.Entry entry : entries) {
      String what = "process '" + entry.name() + "'";
      SourcePosition at = entry.key().position();
      nodes.mapping(entry.value(), what).ifPresent(m -> {
        nodes.checkKeys(m, what, PROCESS_KEYS, List.of("key", "fields", "startedBy"), at);
        String key = m.get("key").flatMap(n -> nodes.text(n, "'key' of " + what)).map(YamlScalar::text).orElse("");
        List<Field> state = m.get("fields").map(n -> fields.fields(n, what)).orElse(List.of());
        ProcessDef def = new ProcessDef(entry.name(), key, state,
            references(m, "startedBy", what), references(m, "handles", what), references(m, "endsOn", what),
            references(m, "issues", what), deadlines(m, what), compensations(m, what), keyFrom(m, what), at);
        draft.add(draft.processes, "process", entry.name(), at, def, ProcessDef::position);
      });
    }
  }

  private List<Reference> references(YamlMapping m, String key, String what) {
    return m.get(key).map(n -> nodes.names(n, "'" + key + "' of " + what)).orElse(List.of()).stream()
        .map(s -> new Reference(s.text(), s.position())).toList();
  }

  private List<ProcessDef.Deadline> deadlines(YamlMapping m, String what) {
    List<ProcessDef.Deadline> deadlines = new ArrayList<>();
    m.get("deadlines").flatMap(n -> nodes.mapping(n, "'deadlines' of " + what)).ifPresent(d -> {
      for (YamlMapping.Entry entry : d.entries()) {
        nodes.text(entry.value(), "the duration of deadline '" + entry.name() + "' of " + what).ifPresent(after ->
            deadlines.add(new ProcessDef.Deadline(entry.name(), after.text(), entry.key().position())));
      }
    });
    return deadlines;
  }

  private List<ProcessDef.Compensation> compensations(YamlMapping m, String what) {
    List<ProcessDef.Compensation> compensations = new ArrayList<>();
    m.get("onRejected").flatMap(n -> nodes.mapping(n, "'onRejected' of " + what)).ifPresent(r -> {
      for (YamlMapping.Entry entry : r.entries()) {
        List<Reference> rejections = nodes.names(entry.value(), "the rejections of '" + entry.name() + "' in "
            + "'onRejected' of " + what).stream().map(s -> new Reference(s.text(), s.position())).toList();
        compensations.add(new ProcessDef.Compensation(new Reference(entry.name(), entry.key().position()), rejections));
      }
    });
    return compensations;
  }

  private Map<String, Reference> keyFrom(YamlMapping m, String what) {
    Map<String, Reference> keyFrom = new LinkedHashMap<>();
    m.get("keyFrom").flatMap(n -> nodes.mapping(n, "'keyFrom' of " + what)).ifPresent(k -> {
      for (YamlMapping.Entry source : k.entries()) {
        nodes.text(source.value(), "the key field of '" + source.name() + "' in 'keyFrom' of " + what)
            .ifPresent(field -> keyFrom.put(source.name(), new Reference(field.text(), field.position())));
      }
    });
    return keyFrom;
  }
}
