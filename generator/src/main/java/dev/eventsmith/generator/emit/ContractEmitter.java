package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.ViewDef;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits the contracts that hand-written code implements: one decider per aggregate (a method per
 * command and per event) and one projector per view (a method per event it is built from). A new
 * command or event in the YAML becomes a new abstract method, so the compiler names the exact
 * method someone has to write.
 */
final class ContractEmitter {

  private static final ClassName DECIDER = ClassName.get("dev.eventsmith.runtime", "Decider");
  private static final ClassName DECISION = ClassName.get("dev.eventsmith.runtime", "Decision");
  private static final ClassName REJECTION = ClassName.get("dev.eventsmith.runtime", "Rejection");
  private static final ClassName NO_REJECTION = ClassName.get("dev.eventsmith.runtime", "NoRejection");
  private static final ClassName PROJECTOR = ClassName.get("dev.eventsmith.runtime", "Projector");
  private static final ClassName EVENT = ClassName.get("dev.eventsmith.runtime", "Event");
  private static final ClassName COMMAND = ClassName.get("dev.eventsmith.runtime", "Command");
  private static final ClassName AUTOMATION = ClassName.get("dev.eventsmith.runtime", "Automation");
  private static final ClassName VIEW_AUTOMATION = ClassName.get("dev.eventsmith.runtime", "ViewAutomation");

  private final Context context;

  ContractEmitter(Context context) {
    this.context = context;
  }

  TypeSpec decider(AggregateDef aggregate) {
    Names names = context.names();
    TypeVariableName state = TypeVariableName.get("S");
    ClassName events = names.aggregateEvent(aggregate.name());
    ClassName commands = names.aggregateCommand(aggregate.name());
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.decider(aggregate.name()))
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(state)
        .addSuperinterface(ParameterizedTypeName.get(DECIDER, state, commands, events))
        .addJavadoc("The logic of aggregate {@code $L} (declared at $L): implement it in a class of package\n"
                + "{@code $L} with a constructor without parameters. {@code S} is the state you fold events into.\n",
            aggregate.name(), Docs.text(aggregate.position()), context.model().packageName());

    MethodSpec.Builder dispatchCommand = MethodSpec.methodBuilder("decide")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("Dispatches to the {@code decide} method of the command's type.\n")
        .returns(ParameterizedTypeName.get(DECISION, WildcardTypeName.subtypeOf(events),
            WildcardTypeName.subtypeOf(REJECTION)))
        .addParameter(commands, "command")
        .addParameter(state, "state");
    for (CommandDef command : context.model().commandsOf(aggregate.name())) {
      ClassName commandType = names.element(command.name());
      TypeName rejections = command.rejects().isEmpty() ? NO_REJECTION : names.rejects(command.name());
      type.addMethod(MethodSpec.methodBuilder("decide")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("Decides what {@code $L} (declared at $L) does to a {@code $L} in {@code state}.\n"
                  + "Accept with {@code Decision.accept(...)} and any of: $L.\n"
                  + "$L\n",
              command.name(), Docs.text(command.position()), aggregate.name(), list(command.emits()),
              command.rejects().isEmpty()
                  ? "It declares no rejection, so it cannot be refused."
                  : "Refuse with {@code Decision.reject(...)} and one of: "
                      + command.rejects().stream().map(r -> r.name()).collect(Collectors.joining(", ")) + ".")
          .returns(ParameterizedTypeName.get(DECISION, names.emits(command.name()), rejections))
          .addParameter(commandType, "command")
          .addParameter(state, "state")
          .build());
      dispatchCommand.beginControlFlow("if (command instanceof $T)", commandType)
          .addStatement("return decide(($T) command, state)", commandType)
          .endControlFlow();
    }
    dispatchCommand.addStatement("throw new $T($S + command)", IllegalArgumentException.class,
        "not a command of " + aggregate.name() + ": ");

    MethodSpec.Builder dispatchEvent = MethodSpec.methodBuilder("evolve")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("Dispatches to the {@code evolve} method of the event's type.\n")
        .returns(state)
        .addParameter(state, "state")
        .addParameter(events, "event");
    for (EventDef event : context.model().eventsOf(aggregate.name())) {
      ClassName eventType = names.element(event.name());
      type.addMethod(MethodSpec.methodBuilder("evolve")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("The state of a {@code $L} after {@code $L} (declared at $L).\n",
              aggregate.name(), event.name(), Docs.text(event.position()))
          .returns(state)
          .addParameter(state, "state")
          .addParameter(eventType, "event")
          .build());
      dispatchEvent.beginControlFlow("if (event instanceof $T)", eventType)
          .addStatement("return evolve(state, ($T) event)", eventType)
          .endControlFlow();
    }
    dispatchEvent.addStatement("throw new $T($S + event)", IllegalArgumentException.class,
        "not an event of " + aggregate.name() + ": ");

    type.addMethod(dispatchCommand.build())
        .addMethod(dispatchEvent.build())
        .addMethod(MethodSpec.methodBuilder("eventType")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
            .returns(ParameterizedTypeName.get(ClassName.get(Class.class), events))
            .addStatement("return $T.class", events)
            .build());
    return context.mark(type).build();
  }

  TypeSpec projector(ViewDef view) {
    Names names = context.names();
    ClassName row = names.element(view.name());
    Field keyField = view.fields().stream().filter(f -> f.name().equals(view.key())).findFirst()
        .orElseThrow(() -> new IllegalStateException("validated view lacks its key " + view.key()));
    TypeName key = context.types().of(keyField.type()).box();
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.projector(view.name()))
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(ParameterizedTypeName.get(PROJECTOR, key, row))
        .addJavadoc("The logic of view {@code $L} (declared at $L): implement it in a class of package\n"
                + "{@code $L} with a constructor without parameters.\n",
            view.name(), Docs.text(view.position()), context.model().packageName())
        .addMethod(MethodSpec.methodBuilder("initial")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addJavadoc("The row of {@code $L} before any event touched it.\n", view.key())
            .returns(row)
            .addParameter(key, view.key())
            .build());
    MethodSpec.Builder keyOf = MethodSpec.methodBuilder("keyOf")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), key))
        .addParameter(EVENT, "event");
    MethodSpec.Builder dispatch = MethodSpec.methodBuilder("project")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("Dispatches to the {@code project} method of the event's type.\n")
        .returns(row)
        .addParameter(row, "view")
        .addParameter(EVENT, "event");
    for (Reference from : view.from()) {
      ClassName eventType = names.element(from.name());
      type.addMethod(MethodSpec.methodBuilder("project")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("The row after {@code $L} (listed at $L).\n", from.name(), Docs.text(from.position()))
          .returns(row)
          .addParameter(row, "view")
          .addParameter(eventType, "event")
          .build());
      keyOf.beginControlFlow("if (event instanceof $T)", eventType)
          .addStatement("return $T.of((($T) event).$N())", Optional.class, eventType, view.key())
          .endControlFlow();
      dispatch.beginControlFlow("if (event instanceof $T)", eventType)
          .addStatement("return project(view, ($T) event)", eventType)
          .endControlFlow();
    }
    keyOf.addStatement("return $T.empty()", Optional.class);
    dispatch.addStatement("throw new $T($S + event)", IllegalArgumentException.class,
        "view " + view.name() + " is not built from ");
    type.addMethod(keyOf.build()).addMethod(dispatch.build());
    return context.mark(type).build();
  }

  TypeSpec automation(AutomationDef automation) {
    Names names = context.names();
    ClassName on = names.element(automation.on().name());
    boolean onView = context.model().view(automation.on().name()).isPresent();
    ClassName issues = names.issues(automation.name());
    TypeName issuedList = ParameterizedTypeName.get(ClassName.get(List.class), issues);
    TypeSpec issuesType = TypeSpec.interfaceBuilder(issues)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.SEALED)
        .addJavadoc("The commands {@code $L} may issue.\n", automation.name())
        .addSuperinterface(COMMAND)
        .addPermittedSubclasses(automation.issues().stream().map(c -> names.element(c.name())).toList())
        .build();
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.automation(automation.name()))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The automation {@code $L} (declared at $L): when $L, it may issue $L.\n"
                + "Implement it in a class of package {@code $L} with a constructor without parameters.\n",
            automation.name(), Docs.text(automation.position()),
            onView ? "a row of view {@code " + on.simpleName() + "} changes" : "{@code " + on.simpleName() + "} is recorded",
            list(automation.issues()), context.model().packageName())
        .addType(issuesType);
    if (onView) {
      return context.mark(type
          .addSuperinterface(ParameterizedTypeName.get(VIEW_AUTOMATION, on))
          .addMethod(MethodSpec.methodBuilder("react")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
              .addJavadoc("The commands to issue because a row of {@code $L} became {@code row}, in order; an empty\n"
                  + "list for none.\n", on.simpleName())
              .returns(issuedList)
              .addParameter(on, "row")
              .build()))
          .build();
    }
    type.addSuperinterface(AUTOMATION)
        .addMethod(MethodSpec.methodBuilder("react")
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addJavadoc("The commands to issue because {@code $L} was recorded, in order; an empty list for none.\n",
                automation.on().name())
            .returns(issuedList)
            .addParameter(on, "event")
            .build())
        .addMethod(MethodSpec.methodBuilder("react")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
            .addJavadoc("Dispatches {@code $L} to {@link #react($T)}; ignores every other event.\n",
                automation.on().name(), on)
            .returns(ParameterizedTypeName.get(ClassName.get(List.class), WildcardTypeName.subtypeOf(COMMAND)))
            .addParameter(EVENT, "event")
            .beginControlFlow("if (event instanceof $T)", on)
            .addStatement("return react(($T) event)", on)
            .endControlFlow()
            .addStatement("return $T.of()", List.class)
            .build());
    return context.mark(type).build();
  }

  private static String list(List<Reference> references) {
    return references.stream().map(r -> "{@link " + r.name() + "}").collect(Collectors.joining(", "));
  }
}
