package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import java.util.Map;

/**
 * The hand-written classes that implement the generated contracts, found by the caller (the
 * annotation processor looks in the model's package), by aggregate, view, automation and process
 * name, and (for commands decided across streams) by command name.
 */
public record Implementations(
    Map<String, ClassName> deciders, Map<String, ClassName> projectors, Map<String, ClassName> automations,
    Map<String, ClassName> processes, Map<String, ClassName> decisions) {

  public Implementations {
    deciders = Map.copyOf(deciders);
    projectors = Map.copyOf(projectors);
    automations = Map.copyOf(automations);
    processes = Map.copyOf(processes);
    decisions = Map.copyOf(decisions);
  }

  /** The implementations of a model without commands decided across streams. */
  public Implementations(
      Map<String, ClassName> deciders, Map<String, ClassName> projectors, Map<String, ClassName> automations,
      Map<String, ClassName> processes) {
    this(deciders, projectors, automations, processes, Map.of());
  }

  /** The implementations of a model without processes and without commands decided across streams. */
  public Implementations(
      Map<String, ClassName> deciders, Map<String, ClassName> projectors, Map<String, ClassName> automations) {
    this(deciders, projectors, automations, Map.of(), Map.of());
  }

  ClassName process(String process) {
    ClassName found = processes.get(process);
    if (found == null) {
      throw new IllegalStateException("no implementation for process " + process);
    }
    return found;
  }

  ClassName decision(String command) {
    ClassName found = decisions.get(command);
    if (found == null) {
      throw new IllegalStateException("no implementation for the decision of command " + command);
    }
    return found;
  }

  ClassName decider(String aggregate) {
    ClassName found = deciders.get(aggregate);
    if (found == null) {
      throw new IllegalStateException("no decider implementation for aggregate " + aggregate);
    }
    return found;
  }

  ClassName automation(String automation) {
    ClassName found = automations.get(automation);
    if (found == null) {
      throw new IllegalStateException("no implementation for automation " + automation);
    }
    return found;
  }

  ClassName projector(String view) {
    ClassName found = projectors.get(view);
    if (found == null) {
      throw new IllegalStateException("no projector implementation for view " + view);
    }
    return found;
  }
}
