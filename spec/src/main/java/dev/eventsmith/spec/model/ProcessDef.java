package dev.eventsmith.spec.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process across aggregates and time: one instance per {@code key}, started by the events in
 * {@code startedBy}, with its own state ({@code fields}) folded from the events it handles, issuing
 * only the commands in {@code issues}, scheduling the named {@code deadlines}, compensating for the
 * rejections in {@code onRejected}, until one of the events in {@code endsOn}.
 *
 * @param key the field of the state (and of every handled event) that identifies one instance
 * @param handles the events it folds besides those that start and end it
 * @param keyFrom for handled events whose key is not in a field named {@code key}: the field that holds it
 */
public record ProcessDef(
    String name,
    String key,
    List<Field> fields,
    List<Reference> startedBy,
    List<Reference> handles,
    List<Reference> endsOn,
    List<Reference> issues,
    List<Deadline> deadlines,
    List<Compensation> onRejected,
    Map<String, Reference> keyFrom,
    SourcePosition position) {

  /** A named deadline and the ISO-8601 duration ({@code PT1H}) after which it falls due by default. */
  public record Deadline(String name, String after, SourcePosition position) {}

  /** The rejections of the issued {@code command} the process compensates for. */
  public record Compensation(Reference command, List<Reference> rejections) {
    public Compensation {
      rejections = List.copyOf(rejections);
    }
  }

  public ProcessDef {
    fields = List.copyOf(fields);
    startedBy = List.copyOf(startedBy);
    handles = List.copyOf(handles);
    endsOn = List.copyOf(endsOn);
    issues = List.copyOf(issues);
    deadlines = List.copyOf(deadlines);
    onRejected = List.copyOf(onRejected);
    keyFrom = Collections.unmodifiableMap(new LinkedHashMap<>(keyFrom));
  }

  /** Every event the process handles, once each: those that start it, then {@code handles}, then those that end it. */
  public List<Reference> handled() {
    Map<String, Reference> all = new LinkedHashMap<>();
    for (List<Reference> list : List.of(startedBy, handles, endsOn)) {
      list.forEach(r -> all.putIfAbsent(r.name(), r));
    }
    return List.copyOf(new ArrayList<>(all.values()));
  }

  /** The field of event {@code event} that holds the key of its instance. */
  public String keyFieldOf(String event) {
    Reference declared = keyFrom.get(event);
    return declared != null ? declared.name() : key;
  }

  /** The key field of the state, if declared. */
  public Optional<Field> keyField() {
    return fields.stream().filter(f -> f.name().equals(key)).findFirst();
  }
}
