package dev.eventsmith.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.ViewDef;
import dev.eventsmith.spec.typing.TypedValue;
import java.util.List;

/**
 * Emits one JUnit 5 class per slice (a command, view or automation with specs) and one {@code @Test} per
 * spec, named after it. The test calls the hand-written implementation through the test kit, which
 * names the spec's YAML line when it fails.
 */
final class SpecTestEmitter {

  private static final ClassName TEST = ClassName.get("org.junit.jupiter.api", "Test");
  private static final ClassName DISPLAY_NAME = ClassName.get("org.junit.jupiter.api", "DisplayName");
  private static final ClassName SYMBOLS = ClassName.get("dev.eventsmith.testkit", "Symbols");
  private static final ClassName SPEC_SOURCE = ClassName.get("dev.eventsmith.testkit", "SpecSource");
  private static final ClassName DECIDER_SPEC = ClassName.get("dev.eventsmith.testkit", "DeciderSpec");
  private static final ClassName VIEW_SPEC = ClassName.get("dev.eventsmith.testkit", "ViewSpec");
  private static final ClassName AUTOMATION_SPEC = ClassName.get("dev.eventsmith.testkit", "AutomationSpec");
  private static final ClassName VIEW_AUTOMATION_SPEC = ClassName.get("dev.eventsmith.testkit", "ViewAutomationSpec");

  private final Context context;
  private final Literals literals;
  private final Implementations implementations;

  SpecTestEmitter(Context context, Implementations implementations) {
    this.context = context;
    this.literals = new Literals(context.names());
    this.implementations = implementations;
  }

  /** The test class of {@code subject}, whose specs are {@code specs} (all of one kind). */
  TypeSpec emit(String subject, List<SpecDef> specs) {
    TypeSpec.Builder type = TypeSpec.classBuilder(context.names().specTest(subject))
        .addModifiers(javax.lang.model.element.Modifier.FINAL)
        .addAnnotation(AnnotationSpec.builder(DISPLAY_NAME).addMember("value", "$S", subject).build())
        .addJavadoc("The specs of {@code $L}, from $L.\n", subject, Docs.text(specs.get(0).position().file()));
    List<String> methods = MethodNames.of(specs.stream().map(SpecDef::name).toList());
    for (int i = 0; i < specs.size(); i++) {
      type.addMethod(test(specs.get(i), methods.get(i)));
    }
    return context.mark(type).build();
  }

  private MethodSpec test(SpecDef spec, String methodName) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(methodName)
        .addAnnotation(TEST)
        .addAnnotation(AnnotationSpec.builder(DISPLAY_NAME).addMember("value", "$S", spec.name()).build())
        .addJavadoc("$L, at $L.\n", Docs.text(spec.name()), Docs.text(spec.position()))
        .addStatement("$T symbols = new $T()", SYMBOLS, SYMBOLS);
    CodeBlock source = CodeBlock.of("new $T($S, $L, $S, $S)", SPEC_SOURCE, spec.position().file(),
        spec.position().line(), spec.subject().name(), spec.name());
    EventModel model = context.model();
    if (spec.kind() == SpecDef.SubjectKind.COMMAND) {
      CommandDef command = model.command(spec.subject().name()).orElseThrow();
      CodeBlock.Builder chain = CodeBlock.builder().add("$T.of(new $T(), $T.INSTANCE, symbols, $L)",
          DECIDER_SPEC, implementations.decider(command.aggregate()), context.names().codec(), source);
      chain.add(given(spec));
      Message when = spec.when().orElseThrow();
      chain.add("\n.when($L)", construct(when, command.fields()));
      chain.add(then(spec.then(), command));
      return method.addStatement("$L", chain.build()).build();
    }
    if (spec.kind() == SpecDef.SubjectKind.VIEW) {
      ViewDef view = model.view(spec.subject().name()).orElseThrow();
      SpecDef.ThenView then = (SpecDef.ThenView) spec.then();
      List<TypedValue> row = Typing.arguments(then.view(), view.fields(), model);
      int keyIndex = indexOf(view.fields(), view.key());
      CodeBlock.Builder chain = CodeBlock.builder().add("$T.of(new $T(), $T.INSTANCE, symbols, $L)",
          VIEW_SPEC, implementations.projector(view.name()), context.names().codec(), source);
      chain.add(given(spec));
      chain.add("\n.thenView($L, new $T($L))", literals.of(unwrapOptional(row.get(keyIndex))),
          context.names().element(view.name()), literals.join(row));
      return method.addStatement("$L", chain.build()).build();
    }
    AutomationDef automation = model.automation(spec.subject().name()).orElseThrow();
    SpecDef.ThenCommands then = (SpecDef.ThenCommands) spec.then();
    CodeBlock.Builder chain = CodeBlock.builder();
    if (model.view(automation.on().name()).isPresent()) {
      chain.add("$T.of(new $T(), new $T(), $T.INSTANCE, symbols, $L)", VIEW_AUTOMATION_SPEC,
          implementations.automation(automation.name()), implementations.projector(automation.on().name()),
          context.names().codec(), source);
    } else {
      chain.add("$T.of(new $T(), $T.INSTANCE, symbols, $L)",
          AUTOMATION_SPEC, implementations.automation(automation.name()), context.names().codec(), source);
    }
    chain.add(given(spec));
    CodeBlock.Builder commands = CodeBlock.builder();
    for (int i = 0; i < then.commands().size(); i++) {
      Message command = then.commands().get(i);
      List<Field> fields = model.command(command.type()).orElseThrow().fields();
      commands.add(i == 0 ? "\n$L" : ",\n$L", construct(command, fields));
    }
    chain.add("\n.thenCommands($>$L$<)", commands.build());
    return method.addStatement("$L", chain.build()).build();
  }

  private CodeBlock given(SpecDef spec) {
    if (spec.given().isEmpty()) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder events = CodeBlock.builder();
    for (int i = 0; i < spec.given().size(); i++) {
      Message event = spec.given().get(i);
      List<Field> fields = context.model().event(event.type()).orElseThrow().fields();
      events.add(i == 0 ? "\n$L" : ",\n$L", construct(event, fields));
    }
    return CodeBlock.of("\n.given($>$L$<)", events.build());
  }

  private CodeBlock then(SpecDef.Outcome outcome, CommandDef command) {
    if (outcome instanceof SpecDef.ThenEvents then) {
      CodeBlock.Builder events = CodeBlock.builder();
      for (int i = 0; i < then.events().size(); i++) {
        Message event = then.events().get(i);
        List<Field> fields = context.model().event(event.type()).orElseThrow().fields();
        events.add(i == 0 ? "\n$L" : ",\n$L", construct(event, fields));
      }
      return CodeBlock.of("\n.thenEvents($>$L$<)", events.build());
    }
    SpecDef.ThenRejected rejected = (SpecDef.ThenRejected) outcome;
    Message rejection = rejected.rejection();
    RejectionDef declared = command.rejects().stream().filter(r -> r.name().equals(rejection.type()))
        .findFirst().orElseThrow();
    ClassName type = context.names().element(declared.name());
    if (rejection.values().isEmpty() && !declared.fields().isEmpty()) {
      return CodeBlock.of("\n.thenRejectedWith($T.class)", type);
    }
    return CodeBlock.of("\n.thenRejected($L)", construct(rejection, declared.fields()));
  }

  private CodeBlock construct(Message message, List<Field> fields) {
    List<TypedValue> arguments = Typing.arguments(message, fields, context.model());
    return CodeBlock.of("new $T($L)", context.names().element(message.type()), literals.join(arguments));
  }

  private static TypedValue unwrapOptional(TypedValue value) {
    return value instanceof TypedValue.Present present ? present.value() : value;
  }

  private static int indexOf(List<Field> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("validated model lacks field " + name);
  }
}
