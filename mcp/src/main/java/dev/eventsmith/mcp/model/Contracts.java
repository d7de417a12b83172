package dev.eventsmith.mcp.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.generator.emit.Names;
import dev.eventsmith.insight.HandWrittenCode;
import dev.eventsmith.mcp.tool.Json;
import dev.eventsmith.spec.model.EventModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The generated contracts that hand-written classes implement, taken from what the generator emits
 * for the model (never re-derived), with the abstract methods to write and the class that implements
 * each contract today, found in the compiled classes as the generated tests find it.
 */
final class Contracts {

  private final EventModel model;
  private final Names names;
  private final List<JavaFile> files;
  private final HandWrittenCode code;

  Contracts(EventModel model, String modelLabel, Path classes) {
    this.model = model;
    this.names = new Names(model);
    this.files = new Generator(model, modelLabel).mainSources();
    this.code = HandWrittenCode.scan(model, classes);
  }

  /**
   * The contracts {@code name} takes part in: an aggregate's or view's or automation's own, a
   * command's or event's aggregate's (a command decided across streams: its own decision), an
   * event's views'.
   */
  List<Map<String, Object>> of(String name) {
    List<Map<String, Object>> contracts = new java.util.ArrayList<>();
    model.aggregate(name).ifPresent(a -> contracts.add(decider(a.name(), null)));
    model.command(name).ifPresent(c -> contracts.add(c.decidesAcrossStreams() ? decision(c.name())
        : decider(c.aggregate(), c.name())));
    model.event(name).ifPresent(e -> {
      contracts.add(decider(e.aggregate(), e.name()));
      model.views().stream().filter(v -> v.from().stream().anyMatch(r -> r.name().equals(name)))
          .forEach(v -> contracts.add(projector(v.name(), name)));
    });
    model.view(name).ifPresent(v -> contracts.add(projector(v.name(), null)));
    model.automation(name).ifPresent(a -> contracts.add(contract(names.automation(a.name()), "automation", a.name(),
        code.automation(a.name()), "public final class " + a.name() + " implements "
            + names.automation(a.name()).simpleName(), null)));
    return contracts;
  }

  private Map<String, Object> decider(String aggregate, String focus) {
    ClassName contract = names.decider(aggregate);
    return contract(contract, "decider", aggregate, code.decider(aggregate),
        "public final class " + aggregate + " implements " + contract.simpleName() + "<" + aggregate + ".State>",
        focus);
  }

  /** The contract of a command decided across streams: its own, not its aggregate's decider. */
  private Map<String, Object> decision(String command) {
    ClassName contract = names.decision(command);
    return contract(contract, "decision", command, code.decision(command), "public final class " + command
        + "Logic implements " + contract.simpleName() + "<" + command + "Logic.State>", null);
  }

  private Map<String, Object> projector(String view, String focus) {
    ClassName contract = names.projector(view);
    return contract(contract, "projector", view, code.projector(view),
        "public final class " + view + "Projection implements " + contract.simpleName(), focus);
  }

  private Map<String, Object> contract(ClassName contract, String kind, String of, Optional<ClassName> implementation,
      String example, String focus) {
    JavaFile file = files.stream().filter(f -> f.typeSpec().name().equals(contract.simpleName())).findFirst()
        .orElseThrow(() -> new IllegalStateException("the generator emitted no " + contract));
    TypeSpec type = file.typeSpec();
    List<Map<String, Object>> methods = type.methodSpecs().stream()
        .filter(m -> m.modifiers().contains(Modifier.ABSTRACT))
        .map(m -> Json.object().put("signature", signature(m))
            .put("for", subjectOf(m))
            .put("doc", m.javadoc().toString().strip().lines().findFirst().orElse("")).build())
        .filter(m -> focus == null || focus.equals(m.get("for")))
        .toList();
    return Json.object()
        .put("contract", contract.canonicalName())
        .put("kind", kind)
        .put("of", of)
        .put("declaration", declaration(type))
        .put("implementedBy", implementation.map(ClassName::canonicalName).orElse(null))
        .put("howToImplement", implementation.isPresent() ? null
            : "write `" + example + "` in src/main/java/" + contract.packageName().replace('.', '/')
                + " with a constructor without parameters; the methods below are the ones to write")
        .put("methodsToWrite", methods)
        .put("onlyMethodsFor", focus)
        .put("source", file.toString())
        .build();
  }

  /** The command or event a contract method is about, e.g. AddItem for decide(AddItem, S); a view automation's view. */
  private String subjectOf(MethodSpec method) {
    for (var parameter : method.parameters()) {
      if (parameter.type() instanceof ClassName c && c.packageName().equals(model.packageName())
          && (model.command(c.simpleName()).isPresent() || model.event(c.simpleName()).isPresent()
              || method.name().equals("react"))) {
        return c.simpleName();
      }
    }
    return null;
  }

  private static String declaration(TypeSpec type) {
    String variables = type.typeVariables().isEmpty() ? ""
        : type.typeVariables().stream().map(v -> v.name()).collect(Collectors.joining(", ", "<", ">"));
    String supers = type.superinterfaces().stream().map(Contracts::simple).collect(Collectors.joining(", "));
    return "public interface " + type.name() + variables + (supers.isEmpty() ? "" : " extends " + supers);
  }

  static String signature(MethodSpec method) {
    return simple(method.returnType()) + " " + method.name() + "(" + method.parameters().stream()
        .map(p -> simple(p.type()) + " " + p.name()).collect(Collectors.joining(", ")) + ")";
  }

  /** A type as hand-written code spells it with imports: simple names, nested types qualified by their outer. */
  static String simple(TypeName type) {
    if (type instanceof ClassName c) {
      return String.join(".", c.simpleNames());
    }
    if (type instanceof ParameterizedTypeName p) {
      return simple(p.rawType()) + p.typeArguments().stream().map(Contracts::simple)
          .collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof WildcardTypeName w) {
      if (!w.lowerBounds().isEmpty()) {
        return "? super " + simple(w.lowerBounds().get(0));
      }
      TypeName upper = w.upperBounds().get(0);
      return upper.equals(ClassName.OBJECT) ? "?" : "? extends " + simple(upper);
    }
    if (type instanceof ArrayTypeName a) {
      return simple(a.componentType()) + "[]";
    }
    if (type instanceof TypeVariableName v) {
      return v.name();
    }
    return type.toString();
  }
}
