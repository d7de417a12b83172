package dev.eventsmith.generator.processor;

import com.palantir.javapoet.ClassName;
import dev.eventsmith.generator.emit.Implementations;
import dev.eventsmith.generator.emit.Names;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.ViewDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Finds the hand-written class behind each generated contract: for every aggregate with a command
 * of its own (not decided across streams), view, automation, process and decision,
 * exactly one concrete class of the model's package that implements it and can be created
 * without arguments. Compiled main classes are visible here because spec tests are generated
 * while the test sources compile.
 */
final class ImplementationFinder {

  private final ProcessingEnvironment env;
  private final ModelStep step;

  ImplementationFinder(ProcessingEnvironment env, ModelStep step) {
    this.env = env;
    this.step = step;
  }

  /** Whether every contract the tests need has been generated already. */
  boolean contractsExist(EventModel model) {
    Names names = new Names(model);
    return model.aggregates().stream()
            .allMatch(a -> env.getElementUtils().getTypeElement(names.decider(a.name()).canonicalName()) != null)
        && model.views().stream()
            .allMatch(v -> env.getElementUtils().getTypeElement(names.projector(v.name()).canonicalName()) != null)
        && model.automations().stream()
            .allMatch(a -> env.getElementUtils().getTypeElement(names.automation(a.name()).canonicalName()) != null)
        && model.processes().stream()
            .allMatch(p -> env.getElementUtils().getTypeElement(names.process(p.name()).canonicalName()) != null)
        && model.commands().stream().filter(c -> c.decidesAcrossStreams())
            .allMatch(c -> env.getElementUtils().getTypeElement(names.decision(c.name()).canonicalName()) != null);
  }

  Optional<Implementations> find(EventModel model) {
    Names names = new Names(model);
    PackageElement pkg = env.getElementUtils().getPackageElement(model.packageName());
    List<TypeElement> candidates = pkg == null ? List.of() : concreteTypes(pkg);
    Map<String, ClassName> deciders = new HashMap<>();
    Map<String, ClassName> projectors = new HashMap<>();
    boolean complete = true;
    for (AggregateDef aggregate : model.aggregates()) {
      if (!hasAggregateCommands(model, aggregate)) {
        continue; // every command of it is decided across streams: no test runs its decider
      }
      Optional<ClassName> found = implementation(candidates, names.decider(aggregate.name()), aggregate.position(),
          "aggregate '" + aggregate.name() + "'", "public final class " + aggregate.name() + " implements "
              + names.decider(aggregate.name()).simpleName() + "<" + aggregate.name() + ".State>");
      found.ifPresent(c -> deciders.put(aggregate.name(), c));
      complete &= found.isPresent();
    }
    for (ViewDef view : model.views()) {
      Optional<ClassName> found = implementation(candidates, names.projector(view.name()), view.position(),
          "view '" + view.name() + "'", "public final class " + view.name() + "Projection implements "
              + names.projector(view.name()).simpleName());
      found.ifPresent(c -> projectors.put(view.name(), c));
      complete &= found.isPresent();
    }
    Map<String, ClassName> automations = new HashMap<>();
    for (AutomationDef automation : model.automations()) {
      Optional<ClassName> found = implementation(candidates, names.automation(automation.name()),
          automation.position(), "automation '" + automation.name() + "'", "public final class "
              + automation.name() + " implements " + names.automation(automation.name()).simpleName());
      found.ifPresent(c -> automations.put(automation.name(), c));
      complete &= found.isPresent();
    }
    Map<String, ClassName> processes = new HashMap<>();
    for (var process : model.processes()) {
      Optional<ClassName> found = implementation(candidates, names.process(process.name()),
          process.position(), "process '" + process.name() + "'", "public final class "
              + process.name() + " implements " + names.process(process.name()).simpleName());
      found.ifPresent(c -> processes.put(process.name(), c));
      complete &= found.isPresent();
    }
    Map<String, ClassName> decisions = new HashMap<>();
    for (CommandDef command : model.commands()) {
      if (!command.decidesAcrossStreams()) {
        continue;
      }
      Optional<ClassName> found = implementation(candidates, names.decision(command.name()), command.position(),
          "command '" + command.name() + "'", "public final class " + command.name() + "Logic implements "
              + names.decision(command.name()).simpleName() + "<" + command.name() + "Logic.State>");
      found.ifPresent(c -> decisions.put(command.name(), c));
      complete &= found.isPresent();
    }
    return complete ? Optional.of(new Implementations(deciders, projectors, automations, processes, decisions))
        : Optional.empty();
  }

  /** Whether some command of {@code aggregate} is decided by it, rather than across streams. */
  private static boolean hasAggregateCommands(EventModel model, AggregateDef aggregate) {
    return model.commandsOf(aggregate.name()).stream().anyMatch(c -> !c.decidesAcrossStreams());
  }

  private Optional<ClassName> implementation(
      List<TypeElement> candidates, ClassName contract, SourcePosition position, String what, String example) {
    TypeElement contractType = env.getElementUtils().getTypeElement(contract.canonicalName());
    if (contractType == null) {
      step.report(ModelStep.error(DiagnosticCode.CONTRACT_NOT_GENERATED, position,
          "the generated contract " + contract.canonicalName() + " of " + what + " is not on the classpath",
          "generate the main code first: put @EventModel on package-info.java of " + contract.packageName()
              + " in src/main/java"));
      return Optional.empty();
    }
    Types types = env.getTypeUtils();
    List<TypeElement> matches = candidates.stream()
        .filter(c -> types.isAssignable(types.erasure(c.asType()), types.erasure(contractType.asType())))
        .toList();
    if (matches.isEmpty()) {
      step.report(ModelStep.error(DiagnosticCode.NO_IMPLEMENTATION, position,
          "no class in package " + contract.packageName() + " implements " + contract.simpleName() + ", the logic of "
              + what,
          "write it in src/main/java, e.g. `" + example + "`, and let your IDE add the methods to implement"));
      return Optional.empty();
    }
    if (matches.size() > 1) {
      // A test double in src/test/java of the same package is compiled with the tests; the real
      // logic comes compiled from src/main/java. Prefer that one when it is the only one.
      List<TypeElement> compiledBefore = matches.stream().filter(t -> !beingCompiled(t)).toList();
      if (compiledBefore.size() == 1) {
        matches = compiledBefore;
      }
    }
    if (matches.size() > 1) {
      step.report(ModelStep.error(DiagnosticCode.SEVERAL_IMPLEMENTATIONS, position,
          "several classes implement " + contract.simpleName() + ": "
              + matches.stream().map(t -> t.getQualifiedName().toString()).sorted().collect(Collectors.joining(", ")),
          "keep one implementation of " + contract.simpleName() + " in package " + contract.packageName()));
      return Optional.empty();
    }
    TypeElement match = matches.get(0);
    boolean instantiable = ElementFilter.constructorsIn(match.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    if (!instantiable) {
      step.report(ModelStep.error(DiagnosticCode.IMPLEMENTATION_NOT_INSTANTIABLE, position,
          match.getQualifiedName() + " implements " + contract.simpleName()
              + " but has no constructor without parameters that the generated tests can call",
          "add a public or package-private constructor without parameters to " + match.getSimpleName()));
      return Optional.empty();
    }
    return Optional.of(ClassName.get(match));
  }

  /** Whether {@code type} is a source of this compilation, rather than a class compiled before. */
  private boolean beingCompiled(TypeElement type) {
    try {
      return com.sun.source.util.Trees.instance(env).getPath(type) != null;
    } catch (IllegalArgumentException e) {
      return false; // not javac: no way to tell, so no preference
    }
  }

  /** Classes and records the generated tests can create with {@code new}; enums cannot be. */
  private static List<TypeElement> concreteTypes(PackageElement pkg) {
    return ElementFilter.typesIn(pkg.getEnclosedElements()).stream()
        .filter(t -> t.getKind() == ElementKind.CLASS || t.getKind() == ElementKind.RECORD)
        .filter(t -> !t.getModifiers().contains(Modifier.ABSTRACT))
        .toList();
  }
}
