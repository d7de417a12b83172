package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.ProcessDef;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.TypeRef;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits what a process of the model needs: the record of its state ({@code MoneyTransferState})
 * and its contract ({@code MoneyTransferProcess}), a {@code Workflow} of
 * {@code ProcessInstance<MoneyTransferState>} that the runtime's {@code ProcessRunner} runs as it
 * is. The contract asks for one typed method per handled event (evolve and react), per deadline
 * and per compensated rejection, so a new one in the YAML is a method javac asks for; its default
 * methods dispatch to them and check each reaction against the commands and deadlines the model
 * declares. Time comes in as a parameter, never from a clock.
 */
final class ProcessEmitter {

  private final Context context;

  ProcessEmitter(Context context) {
    this.context = context;
  }

  TypeSpec state(ProcessDef process) {
    ClassName name = context.names().processState(process.name());
    return context.mark(context.records().record(name, process.fields())
        .addJavadoc("$L", Docs.javadoc(0, "The state of one instance of the process {@code " + process.name()
            + "}, keyed by {@code " + process.key() + "}, declared at " + Docs.text(process.position()) + ".")))
        .build();
  }

  /** The name of the constant holding a deadline's name, e.g. {@code PAYMENT_DUE} for {@code paymentDue}. */
  static String constant(String deadline) {
    return deadline.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** The method called when a deadline fires, e.g. {@code onPaymentDue} for {@code paymentDue}. */
  static String handler(String deadline) {
    return "on" + Character.toUpperCase(deadline.charAt(0)) + deadline.substring(1);
  }

  TypeSpec contract(ProcessDef process) {
    Names names = context.names();
    EventModel model = context.model();
    ClassName state = names.processState(process.name());
    TypeName instance = ParameterizedTypeName.get(TypeNames.PROCESS_INSTANCE, state);
    Field keyField = process.keyField()
        .orElseThrow(() -> new IllegalStateException("validated process lacks its key " + process.key()));
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.process(process.name()))
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(ParameterizedTypeName.get(TypeNames.WORKFLOW, instance))
        .addJavadoc("$L", Docs.javadoc(0, "The process {@code " + process.name() + "} (declared at "
            + Docs.text(process.position()) + "): one instance per {@code " + process.key() + "}, started by "
            + list(process.startedBy()) + (process.endsOn().isEmpty() ? "" : ", ended by " + list(process.endsOn()))
            + (process.issues().isEmpty() ? "; it issues no command" : "; it may issue " + list(process.issues()))
            + ". Implement it in a class of package {@code " + model.packageName() + "} with a constructor without"
            + " parameters and run it with a {@code ProcessRunner}."));

    for (ProcessDef.Deadline deadline : process.deadlines()) {
      type.addField(FieldSpec.builder(String.class, constant(deadline.name()))
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("$L", Docs.javadoc(1, "The deadline {@code " + deadline.name() + "} (declared at "
              + Docs.text(deadline.position()) + "), for {@code Reaction.andSchedule} and {@code andCancel}."))
          .initializer("$L", Literals.string(deadline.name()))
          .build());
      type.addField(FieldSpec.builder(TypeNames.DURATION, constant(deadline.name()) + "_AFTER")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("$L", Docs.javadoc(1, "How long after its scheduling {@code " + deadline.name()
              + "} falls due by default: " + Docs.text(deadline.after()) + "."))
          .initializer("$T.parse($L)", TypeNames.DURATION, Literals.string(deadline.after()))
          .build());
    }

    TypeName key = context.types().of(keyField.type());
    type.addMethod(MethodSpec.methodBuilder("initial")
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc("$L", Docs.javadoc(1, "The state of the instance of {@code " + process.key()
            + "} before its first event."))
        .returns(state)
        .addParameter(key, process.key())
        .build());

    MethodSpec.Builder keyOf = MethodSpec.methodBuilder("keyOf")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .returns(ParameterizedTypeName.get(TypeNames.OPTIONAL, ClassName.get(String.class)))
        .addParameter(TypeNames.EVENT, "event");
    MethodSpec.Builder evolve = dispatcher("evolve", instance, instance)
        .addParameter(TypeNames.EVENT, "event");
    MethodSpec.Builder react = dispatcher("react", TypeNames.REACTION, instance)
        .addParameter(TypeNames.EVENT, "event")
        .addParameter(TypeNames.INSTANT, "now");
    for (Reference handled : process.handled()) {
      ClassName event = names.element(handled.name());
      boolean ends = process.endsOn().stream().anyMatch(r -> r.name().equals(handled.name()));
      type.addMethod(MethodSpec.methodBuilder("evolve")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("$L", Docs.javadoc(1, "The state after {@code " + handled.name() + "} (listed at "
              + Docs.text(handled.position()) + ")" + (ends ? ", which ends the instance." : ".")))
          .returns(state)
          .addParameter(state, "state")
          .addParameter(event, "event")
          .build());
      type.addMethod(MethodSpec.methodBuilder("react")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("$L", Docs.javadoc(1, "What the instance does because {@code " + handled.name()
              + "} was recorded at {@code now}, in {@code state}, the state after it: commands to issue and"
              + " deadlines to schedule or cancel; {@code Reaction.none()} for nothing."))
          .returns(TypeNames.REACTION)
          .addParameter(state, "state")
          .addParameter(event, "event")
          .addParameter(TypeNames.INSTANT, "now")
          .build());
      keyOf.beginControlFlow("if (event instanceof $T e)", event)
          .addStatement("return $T.of($L)", TypeNames.OPTIONAL, keyText(keyField, "e." + process.keyFieldOf(handled.name())
              + "()"))
          .endControlFlow();
      evolve.beginControlFlow("if (event instanceof $T e)", event)
          .addStatement("return new $T<>(evolve(instance.state(), e), $L)", TypeNames.PROCESS_INSTANCE, ends)
          .endControlFlow();
      react.beginControlFlow("if (event instanceof $T e)", event)
          .addStatement("return checked(react(instance.state(), e, now))")
          .endControlFlow();
    }
    keyOf.addStatement("return $T.empty()", TypeNames.OPTIONAL);
    evolve.addStatement("throw new $T($L +$Wevent)", IllegalArgumentException.class,
        Literals.string("the process " + process.name() + " does not handle "));
    react.addStatement("throw new $T($L +$Wevent)", IllegalArgumentException.class,
        Literals.string("the process " + process.name() + " does not handle "));

    MethodSpec.Builder onDeadline = dispatcher("onDeadline", TypeNames.REACTION, instance)
        .addParameter(String.class, "deadline")
        .addParameter(TypeNames.INSTANT, "now");
    for (ProcessDef.Deadline deadline : process.deadlines()) {
      type.addMethod(MethodSpec.methodBuilder(handler(deadline.name()))
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("$L", Docs.javadoc(1, "What the instance does when its deadline {@code " + deadline.name()
              + "} fires at {@code now}: commands only; the events they record drive the process on."))
          .returns(TypeNames.REACTION)
          .addParameter(state, "state")
          .addParameter(TypeNames.INSTANT, "now")
          .build());
      onDeadline.beginControlFlow("if (deadline.equals($N))", constant(deadline.name()))
          .addStatement("return checked($N(instance.state(), now))", handler(deadline.name()))
          .endControlFlow();
    }
    onDeadline.addStatement("throw new $T($L +$Wdeadline)", IllegalArgumentException.class,
        Literals.string("the process " + process.name() + " has no deadline "));

    MethodSpec.Builder onRejected = dispatcher("onRejected", TypeNames.REACTION, instance)
        .addParameter(TypeNames.COMMAND, "command")
        .addParameter(TypeNames.REJECTION, "rejection");
    for (ProcessDef.Compensation compensation : process.onRejected()) {
      ClassName command = names.element(compensation.command().name());
      for (Reference rejected : compensation.rejections()) {
        ClassName rejection = names.element(rejected.name());
        type.addMethod(MethodSpec.methodBuilder("onRejected")
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addJavadoc("$L", Docs.javadoc(1, "Compensation: what the instance does because {@code "
                + compensation.command().name() + "}, which it issued, was rejected with {@code " + rejected.name()
                + "} (listed at " + Docs.text(rejected.position()) + ")."))
            .returns(TypeNames.REACTION)
            .addParameter(state, "state")
            .addParameter(command, "command")
            .addParameter(rejection, "rejection")
            .build());
        onRejected.beginControlFlow("if (command instanceof $T c && rejection instanceof $T r)", command, rejection)
            .addStatement("return checked(onRejected(instance.state(), c, r))")
            .endControlFlow();
      }
    }
    onRejected.addStatement("return $T.none()", TypeNames.REACTION);

    CodeBlock commands = process.issues().stream().map(c -> CodeBlock.of("$T.class", names.element(c.name())))
        .collect(CodeBlock.joining(",$W"));
    CodeBlock deadlines = process.deadlines().stream().map(d -> CodeBlock.of("$N", constant(d.name())))
        .collect(CodeBlock.joining(",$W"));
    type.addMethod(keyOf.build())
        .addMethod(MethodSpec.methodBuilder("starts")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
            .returns(TypeName.BOOLEAN)
            .addParameter(TypeNames.EVENT, "event")
            .addStatement("return $L", process.startedBy().stream()
                .map(r -> CodeBlock.of("event instanceof $T", names.element(r.name())))
                .collect(CodeBlock.joining("$W|| ")))
            .build())
        .addMethod(MethodSpec.methodBuilder("initialState")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
            .returns(instance)
            .addParameter(String.class, "key")
            .addStatement("return $T.running(initial($L))", TypeNames.PROCESS_INSTANCE, keyValue(keyField))
            .build())
        .addMethod(evolve.build())
        .addMethod(MethodSpec.methodBuilder("ended")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
            .returns(TypeName.BOOLEAN)
            .addParameter(instance, "instance")
            .addStatement("return instance.ended()")
            .build())
        .addMethod(react.build())
        .addMethod(onDeadline.build())
        .addMethod(onRejected.build())
        .addMethod(MethodSpec.methodBuilder("checked")
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc("$L", Docs.javadoc(1, "The reaction, once it issues and schedules only what the model"
                + " declares for the process."))
            .returns(TypeNames.REACTION)
            .addParameter(TypeNames.REACTION, "reaction")
            .addStatement("return $T.check(reaction, $L,$W$T.of($L),$W$T.of($L))", TypeNames.REACTION_CHECKS,
                Literals.string(process.name()), TypeNames.LIST, commands, TypeNames.LIST, deadlines)
            .build());
    return context.mark(type).build();
  }

  private static MethodSpec.Builder dispatcher(String name, TypeName returns, TypeName instance) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .returns(returns)
        .addParameter(instance, "instance");
  }

  /** The key of an event as the text the runner keys instances by. */
  private static CodeBlock keyText(Field key, String value) {
    BuiltinType type = ((TypeRef.Builtin) key.type()).type();
    return type == BuiltinType.STRING ? CodeBlock.of("$L", value) : CodeBlock.of("$T.valueOf($L)", String.class, value);
  }

  /** The runner's text key turned back into the key's value. */
  private static CodeBlock keyValue(Field key) {
    switch (((TypeRef.Builtin) key.type()).type()) {
      case UUID:
        return CodeBlock.of("$T.fromString(key)", TypeNames.UUID);
      case INT:
        return CodeBlock.of("$T.parseInt(key)", Integer.class);
      case LONG:
        return CodeBlock.of("$T.parseLong(key)", Long.class);
      default:
        return CodeBlock.of("key");
    }
  }

  private static String list(List<Reference> references) {
    return references.stream().map(r -> "{@link " + r.name() + "}").collect(Collectors.joining(", "));
  }
}
