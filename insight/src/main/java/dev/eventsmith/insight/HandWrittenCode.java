package dev.eventsmith.insight;

import com.palantir.javapoet.ClassName;
import dev.eventsmith.generator.emit.Implementations;
import dev.eventsmith.generator.emit.Names;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Severity;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.ProcessDef;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.ViewDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hand-written classes behind a model's generated contracts, found in compiled classes (e.g.
 * {@code target/classes}) by the rules the annotation processor applies to source elements: for
 * each aggregate, view, automation, process and command decided across streams, exactly one concrete
 * top-level class of the model's package implements the contract and has a constructor without
 * parameters.
 */
public final class HandWrittenCode {

  private final Map<String, ClassName> deciders = new TreeMap<>();
  private final Map<String, ClassName> projectors = new TreeMap<>();
  private final Map<String, ClassName> automations = new TreeMap<>();
  private final Map<String, ClassName> processes = new TreeMap<>();
  private final Map<String, ClassName> decisions = new TreeMap<>();
  private final List<Diagnostic> problems = new ArrayList<>();

  private HandWrittenCode() {}

  /** Looks for the implementations of {@code model}'s contracts among the classes compiled into {@code classes}. */
  public static HandWrittenCode scan(EventModel model, Path classes) {
    HandWrittenCode code = new HandWrittenCode();
    CompiledClasses compiled = CompiledClasses.scan(classes);
    Names names = new Names(model);
    for (AggregateDef aggregate : model.aggregates()) {
      if (model.commandsOf(aggregate.name()).stream().allMatch(CommandDef::decidesAcrossStreams)) {
        continue; // no command is decided by the aggregate itself: no test runs its decider
      }
      code.find(compiled, names.decider(aggregate.name()), aggregate.position(), "aggregate '" + aggregate.name() + "'",
              "public final class " + aggregate.name() + " implements " + names.decider(aggregate.name()).simpleName()
                  + "<" + aggregate.name() + ".State>")
          .ifPresent(c -> code.deciders.put(aggregate.name(), c));
    }
    for (ViewDef view : model.views()) {
      code.find(compiled, names.projector(view.name()), view.position(), "view '" + view.name() + "'",
              "public final class " + view.name() + "Projection implements " + names.projector(view.name()).simpleName())
          .ifPresent(c -> code.projectors.put(view.name(), c));
    }
    for (AutomationDef automation : model.automations()) {
      code.find(compiled, names.automation(automation.name()), automation.position(),
              "automation '" + automation.name() + "'", "public final class " + automation.name() + " implements "
                  + names.automation(automation.name()).simpleName())
          .ifPresent(c -> code.automations.put(automation.name(), c));
    }
    for (ProcessDef process : model.processes()) {
      code.find(compiled, names.process(process.name()), process.position(), "process '" + process.name() + "'",
              "public final class " + process.name() + " implements " + names.process(process.name()).simpleName())
          .ifPresent(c -> code.processes.put(process.name(), c));
    }
    for (CommandDef command : model.commands()) {
      if (command.decidesAcrossStreams()) {
        code.find(compiled, names.decision(command.name()), command.position(), "command '" + command.name() + "'",
                "public final class " + command.name() + "Logic implements "
                    + names.decision(command.name()).simpleName() + "<" + command.name() + "Logic.State>")
            .ifPresent(c -> code.decisions.put(command.name(), c));
      }
    }
    return code;
  }

  /** What the generated spec tests call, when every contract has exactly one usable implementation. */
  public Optional<Implementations> implementations() {
    return problems.isEmpty() ? Optional.of(new Implementations(deciders, projectors, automations, processes,
        decisions)) : Optional.empty();
  }

  /** Why {@link #implementations()} is empty: one error per contract without a usable implementation. */
  public List<Diagnostic> problems() {
    return List.copyOf(problems);
  }

  /** The hand-written decider of {@code aggregate}, if found. */
  public Optional<ClassName> decider(String aggregate) {
    return Optional.ofNullable(deciders.get(aggregate));
  }

  /** The hand-written decision of {@code command}, decided across streams, if found. */
  public Optional<ClassName> decision(String command) {
    return Optional.ofNullable(decisions.get(command));
  }

  /** The hand-written projector of {@code view}, if found. */
  public Optional<ClassName> projector(String view) {
    return Optional.ofNullable(projectors.get(view));
  }

  /** The hand-written automation {@code automation}, if found. */
  public Optional<ClassName> automation(String automation) {
    return Optional.ofNullable(automations.get(automation));
  }

  /** The hand-written process {@code process}, if found. */
  public Optional<ClassName> process(String process) {
    return Optional.ofNullable(processes.get(process));
  }

  /** Every class found, deciders first, each once, in name order: what mutation testing mutates. */
  public List<String> classes() {
    return Stream.of(deciders, projectors, automations, processes, decisions).flatMap(m -> m.values().stream())
        .map(ClassName::reflectionName).distinct().sorted().toList();
  }

  private Optional<ClassName> find(
      CompiledClasses compiled, ClassName contract, SourcePosition position, String what, String example) {
    if (compiled.get(contract.reflectionName()).isEmpty()) {
      problems.add(error(DiagnosticCode.CONTRACT_NOT_GENERATED, position,
          "the generated contract " + contract.canonicalName() + " of " + what + " is not among the compiled classes",
          "generate and compile the model's code before its spec tests: bind the eventsmith-maven-plugin goal"
              + " 'generate' (or the annotation processor) for src/main"));
      return Optional.empty();
    }
    List<ClassFile> matches = compiled.implementationsOf(contract.reflectionName(), contract.packageName());
    if (matches.isEmpty()) {
      problems.add(error(DiagnosticCode.NO_IMPLEMENTATION, position,
          "no class in package " + contract.packageName() + " implements " + contract.simpleName() + ", the logic of "
              + what,
          "write it in src/main/java, e.g. `" + example + "`, and let your IDE add the methods to implement"));
      return Optional.empty();
    }
    if (matches.size() > 1) {
      problems.add(error(DiagnosticCode.SEVERAL_IMPLEMENTATIONS, position,
          "several classes implement " + contract.simpleName() + ": "
              + matches.stream().map(ClassFile::name).collect(Collectors.joining(", ")),
          "keep one implementation of " + contract.simpleName() + " in package " + contract.packageName()));
      return Optional.empty();
    }
    ClassFile match = matches.get(0);
    if (!match.noArgConstructor()) {
      problems.add(error(DiagnosticCode.IMPLEMENTATION_NOT_INSTANTIABLE, position,
          match.name() + " implements " + contract.simpleName()
              + " but has no constructor without parameters that the generated tests can call",
          "add a public or package-private constructor without parameters to "
              + match.name().substring(match.name().lastIndexOf('.') + 1)));
      return Optional.empty();
    }
    return Optional.of(ClassName.bestGuess(match.name()));
  }

  private static Diagnostic error(DiagnosticCode code, SourcePosition position, String message, String hint) {
    return new Diagnostic(code, Severity.ERROR, position, message, hint);
  }
}
