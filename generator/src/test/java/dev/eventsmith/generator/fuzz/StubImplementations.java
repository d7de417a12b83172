package dev.eventsmith.generator.fuzz;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.eventsmith.generator.emit.Implementations;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Hand-written code stand-ins: one class per generated decider, projector, automation and decision contract that
 * implements every abstract method by throwing. With them the generated spec tests compile too.
 * Their names hold a '$', which the validator refuses in model names, so they never clash.
 */
public final class StubImplementations {
  private StubImplementations() {}

  public static Implementations names(EventModel model) {
    Map<String, ClassName> deciders = new LinkedHashMap<>();
    for (AggregateDef aggregate : model.aggregates()) {
      deciders.put(aggregate.name(), ClassName.get(model.packageName(), "Stub$" + aggregate.name()));
    }
    Map<String, ClassName> projectors = new LinkedHashMap<>();
    for (ViewDef view : model.views()) {
      projectors.put(view.name(), ClassName.get(model.packageName(), "Stub$" + view.name()));
    }
    Map<String, ClassName> automations = new LinkedHashMap<>();
    for (AutomationDef automation : model.automations()) {
      automations.put(automation.name(), ClassName.get(model.packageName(), "Stub$" + automation.name()));
    }
    Map<String, ClassName> processes = new LinkedHashMap<>();
    for (var process : model.processes()) {
      processes.put(process.name(), ClassName.get(model.packageName(), "Stub$" + process.name()));
    }
    Map<String, ClassName> decisions = new LinkedHashMap<>();
    for (CommandDef command : model.commands()) {
      if (command.decidesAcrossStreams()) {
        decisions.put(command.name(), ClassName.get(model.packageName(), "Stub$" + command.name()));
      }
    }
    return new Implementations(deciders, projectors, automations, processes, decisions);
  }

  /** The stub classes for the contracts among {@code mainSources}. */
  public static List<JavaFile> classes(EventModel model, List<JavaFile> mainSources) {
    Map<String, TypeSpec> byName = new LinkedHashMap<>();
    mainSources.forEach(f -> byName.put(f.typeSpec().name(), f.typeSpec()));
    String pkg = model.packageName();
    List<JavaFile> stubs = new ArrayList<>();
    for (AggregateDef aggregate : model.aggregates()) {
      TypeSpec contract = byName.get(aggregate.name() + "Decider");
      if (contract == null) {
        throw new AssertionError("no " + aggregate.name() + "Decider among the generated sources");
      }
      TypeName implemented = ParameterizedTypeName.get(ClassName.get(pkg, contract.name()), ClassName.OBJECT);
      TypeSpec.Builder stub = stub("Stub$" + aggregate.name(), implemented, contract);
      stub.addMethod(MethodSpec.methodBuilder("initialState").addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(Object.class).addStatement("return null").build());
      stubs.add(JavaFile.builder(pkg, stub.build()).build());
    }
    for (ViewDef view : model.views()) {
      TypeSpec contract = byName.get(view.name() + "Projector");
      if (contract == null) {
        throw new AssertionError("no " + view.name() + "Projector among the generated sources");
      }
      stubs.add(JavaFile.builder(pkg, stub("Stub$" + view.name(), ClassName.get(pkg, contract.name()), contract).build())
          .build());
    }
    for (AutomationDef automation : model.automations()) {
      TypeSpec contract = byName.get(automation.name() + "Automation");
      if (contract == null) {
        throw new AssertionError("no " + automation.name() + "Automation among the generated sources");
      }
      stubs.add(JavaFile.builder(pkg,
          stub("Stub$" + automation.name(), ClassName.get(pkg, contract.name()), contract).build()).build());
    }
    for (var process : model.processes()) {
      TypeSpec contract = byName.get(process.name() + "Process");
      if (contract == null) {
        throw new AssertionError("no " + process.name() + "Process among the generated sources");
      }
      stubs.add(JavaFile.builder(pkg,
          stub("Stub$" + process.name(), ClassName.get(pkg, contract.name()), contract).build()).build());
    }
    for (CommandDef command : model.commands()) {
      if (!command.decidesAcrossStreams()) {
        continue;
      }
      TypeSpec contract = byName.get(command.name() + "Decision");
      if (contract == null) {
        throw new AssertionError("no " + command.name() + "Decision among the generated sources");
      }
      TypeName implemented = ParameterizedTypeName.get(ClassName.get(pkg, contract.name()), ClassName.OBJECT);
      TypeSpec.Builder stub = stub("Stub$" + command.name(), implemented, contract);
      stub.addMethod(MethodSpec.methodBuilder("initialState").addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(Object.class)
          .addParameter(ClassName.get(pkg, command.name()), "command").addStatement("return null").build());
      stubs.add(JavaFile.builder(pkg, stub.build()).build());
    }
    return stubs;
  }

  private static TypeSpec.Builder stub(String name, TypeName implemented, TypeSpec contract) {
    TypeSpec.Builder stub = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(implemented);
    for (MethodSpec method : contract.methodSpecs()) {
      if (method.modifiers().contains(Modifier.DEFAULT) || method.modifiers().contains(Modifier.STATIC)
          || method.modifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      MethodSpec.Builder override = MethodSpec.methodBuilder(method.name()).addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(erase(method.returnType()))
          .addStatement("throw new $T()", UnsupportedOperationException.class);
      for (ParameterSpec parameter : method.parameters()) {
        override.addParameter(erase(parameter.type()), parameter.name());
      }
      stub.addMethod(override.build());
    }
    return stub;
  }

  /** The decider's state variable {@code S} becomes {@code Object}. */
  private static TypeName erase(TypeName type) {
    return type instanceof TypeVariableName ? ClassName.OBJECT : type;
  }
}
