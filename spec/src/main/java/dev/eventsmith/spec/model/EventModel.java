package dev.eventsmith.spec.model;

import java.util.List;
import java.util.Optional;

/**
 * A whole event model, read from one or more YAML files and checked by the validator.
 * Lists keep declaration order; generators sort where output order matters.
 */
public record EventModel(
    String name,
    String packageName,
    List<ValueType> types,
    List<EventDef> events,
    List<AggregateDef> aggregates,
    List<CommandDef> commands,
    List<ViewDef> views,
    List<AutomationDef> automations,
    List<SpecDef> specs,
    List<String> sourceFiles,
    SourcePosition position,
    List<ProcessDef> processes) {

  public EventModel {
    processes = List.copyOf(processes);
  }

  /** A model without processes. */
  public EventModel(String name, String packageName, List<ValueType> types, List<EventDef> events,
      List<AggregateDef> aggregates, List<CommandDef> commands, List<ViewDef> views, List<AutomationDef> automations,
      List<SpecDef> specs, List<String> sourceFiles, SourcePosition position) {
    this(name, packageName, types, events, aggregates, commands, views, automations, specs, sourceFiles, position,
        List.of());
  }

  public Optional<ProcessDef> process(String name) {
    return processes.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<EventDef> event(String name) {
    return events.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  public Optional<CommandDef> command(String name) {
    return commands.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<AggregateDef> aggregate(String name) {
    return aggregates.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<ViewDef> view(String name) {
    return views.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public Optional<ValueType> type(String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<AutomationDef> automation(String name) {
    return automations.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The events whose stream belongs to {@code aggregate}, in declaration order. */
  public List<EventDef> eventsOf(String aggregate) {
    return events.stream().filter(e -> e.aggregate().equals(aggregate)).toList();
  }

  /** The commands addressed to {@code aggregate}, in declaration order. */
  public List<CommandDef> commandsOf(String aggregate) {
    return commands.stream().filter(c -> c.aggregate().equals(aggregate)).toList();
  }

  /** The specs filed under the command, view or automation {@code subject}, in declaration order. */
  public List<SpecDef> specsOf(String subject) {
    return specs.stream().filter(s -> s.subject().name().equals(subject)).toList();
  }
}
