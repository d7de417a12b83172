package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
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
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ViewDef;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits the contracts that hand-written code implements: one decider per aggregate (a method per
 * command and per event) and one projector per view (a method per event it is built from). A new
 * command or event in the YAML becomes a new abstract method, so the compiler names the exact
 * method someone has to write. The default methods dispatch with {@code instanceof} patterns, the
 * form Java 17 has for a sealed hierarchy (pattern matching for {@code switch} came in 21).
 */
final class ContractEmitter {

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
        .addSuperinterface(ParameterizedTypeName.get(TypeNames.DECIDER, state, commands, events))
        .addJavadoc("$L", Docs.javadoc(0, "The logic of aggregate {@code " + aggregate.name() + "} (declared at "
            + Docs.text(aggregate.position()) + "): implement it in a class of package {@code "
            + context.model().packageName() + "} with a constructor without parameters. {@code S} is the state"
            + " you fold events into."));

    MethodSpec.Builder dispatchCommand = MethodSpec.methodBuilder("decide")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("$L", Docs.javadoc(1, "Dispatches to the {@code decide} method of the command's type."))
        .returns(ParameterizedTypeName.get(TypeNames.DECISION, WildcardTypeName.subtypeOf(events),
            WildcardTypeName.subtypeOf(TypeNames.REJECTION)))
        .addParameter(commands, "command")
        .addParameter(state, "state");
    for (CommandDef command : context.model().commandsOf(aggregate.name())) {
      if (command.decidesAcrossStreams()) {
        // Decided by its own contract, on the events its query matches: a bus that sends it here was
        // not told so, and says how to fix its wiring.
        dispatchCommand.beginControlFlow("if (command instanceof $T)", names.element(command.name()))
            .addStatement("throw new $T($L)", IllegalArgumentException.class, Literals.string(command.name()
                + " is decided across streams, not by the " + aggregate.name() + " decider: register a DecisionHandler"
                + " over your " + command.name() + "Decision with CommandBus.registerDecision("
                + command.name() + ".class, handler::handle)"))
            .endControlFlow();
        continue;
      }
      ClassName commandType = names.element(command.name());
      TypeName rejections = command.rejects().isEmpty() ? TypeNames.NO_REJECTION : names.rejects(command.name());
      type.addMethod(MethodSpec.methodBuilder("decide")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("$L", Docs.javadoc(1, "Decides what {@code " + command.name() + "} (declared at "
              + Docs.text(command.position()) + ") does to a {@code " + aggregate.name() + "} in {@code state}."
              + " Accept with {@code Decision.accept(...)} and any of: " + list(command.emits()) + ". "
              + (command.rejects().isEmpty()
                  ? "It declares no rejection, so it cannot be refused."
                  : "Refuse with {@code Decision.reject(...)} and one of: "
                      + command.rejects().stream().map(r -> r.name()).collect(Collectors.joining(", ")) + ".")))
          .returns(ParameterizedTypeName.get(TypeNames.DECISION, names.emits(command.name()), rejections))
          .addParameter(commandType, "command")
          .addParameter(state, "state")
          .build());
      dispatchCommand.beginControlFlow("if (command instanceof $T c)", commandType)
          .addStatement("return decide(c, state)")
          .endControlFlow();
    }
    dispatchCommand.addStatement("throw new $T($L +$Wcommand)", IllegalArgumentException.class,
        Literals.string("not a command of " + aggregate.name() + ": "));

    MethodSpec.Builder dispatchEvent = MethodSpec.methodBuilder("evolve")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("$L", Docs.javadoc(1, "Dispatches to the {@code evolve} method of the event's type."))
        .returns(state)
        .addParameter(state, "state")
        .addParameter(events, "event");
    for (EventDef event : context.model().eventsOf(aggregate.name())) {
      ClassName eventType = names.element(event.name());
      type.addMethod(MethodSpec.methodBuilder("evolve")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("$L", Docs.javadoc(1, "The state of a {@code " + aggregate.name() + "} after {@code "
              + event.name() + "} (declared at " + Docs.text(event.position()) + ")."))
          .returns(state)
          .addParameter(state, "state")
          .addParameter(eventType, "event")
          .build());
      dispatchEvent.beginControlFlow("if (event instanceof $T e)", eventType)
          .addStatement("return evolve(state, e)")
          .endControlFlow();
    }
    dispatchEvent.addStatement("throw new $T($L +$Wevent)", IllegalArgumentException.class,
        Literals.string("not an event of " + aggregate.name() + ": "));

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
    TypeName key = view.singleRow() ? ClassName.get(String.class) : context.types().of(view.fields().stream()
        .filter(f -> f.name().equals(view.key())).findFirst()
        .orElseThrow(() -> new IllegalStateException("validated view lacks its key " + view.key())).type()).box();
    String keyName = view.singleRow() ? "key" : view.key();
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.projector(view.name()))
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(ParameterizedTypeName.get(TypeNames.PROJECTOR, key, row))
        .addJavadoc("$L", Docs.javadoc(0, "The logic of view {@code " + view.name() + "} (declared at "
            + Docs.text(view.position()) + "): implement it in a class of package {@code "
            + context.model().packageName() + "} with a constructor without parameters."));
    if (view.singleRow()) {
      type.addField(FieldSpec.builder(String.class, "KEY", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("$L", Docs.javadoc(1, "The key of the view's only row, in every view store."))
          .initializer("$S", ViewDef.SINGLE_ROW_KEY)
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("initial")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addJavadoc("$L", Docs.javadoc(1, view.singleRow() ? "The row before any event touched it."
                : "The row of {@code " + view.key() + "} before any event touched it."))
            .returns(row)
            .addParameter(key, keyName)
            .build());
    MethodSpec.Builder keyOf = MethodSpec.methodBuilder("keyOf")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .returns(ParameterizedTypeName.get(TypeNames.OPTIONAL, key))
        .addParameter(TypeNames.EVENT, "event");
    MethodSpec.Builder keysOf = MethodSpec.methodBuilder("keysOf")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("$L", Docs.javadoc(1, "The rows an event changes: one per distinct element of a list of keys."))
        .returns(ParameterizedTypeName.get(TypeNames.LIST, key))
        .addParameter(TypeNames.EVENT, "event");
    boolean severalRows = false;
    MethodSpec.Builder dispatch = MethodSpec.methodBuilder("project")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("$L", Docs.javadoc(1, "Dispatches to the {@code project} method of the event's type."))
        .returns(row)
        .addParameter(row, "view")
        .addParameter(TypeNames.EVENT, "event");
    for (Reference from : view.from()) {
      ClassName eventType = names.element(from.name());
      boolean listed = !view.singleRow() && context.model().event(from.name()).flatMap(e -> e.fields().stream()
          .filter(f -> f.name().equals(view.keyFieldOf(from.name()))).findFirst())
          .map(f -> f.type() instanceof TypeRef.ListOf).orElse(false);
      type.addMethod(MethodSpec.methodBuilder("project")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("$L", Docs.javadoc(1, "The row after {@code " + from.name() + "} (listed at "
              + Docs.text(from.position()) + ")" + (listed ? "; called once for each row the event names." : ".")))
          .returns(row)
          .addParameter(row, "view")
          .addParameter(eventType, "event")
          .build());
      boolean usesEvent = !view.singleRow() && !listed;
      keyOf.beginControlFlow(usesEvent ? "if (event instanceof $T e)" : "if (event instanceof $T)", eventType);
      keysOf.beginControlFlow(view.singleRow() ? "if (event instanceof $T)" : "if (event instanceof $T e)", eventType);
      if (view.singleRow()) {
        keyOf.addStatement("return $T.of(KEY)", TypeNames.OPTIONAL);
        keysOf.addStatement("return $T.of(KEY)", TypeNames.LIST);
      } else if (listed) {
        severalRows = true;
        keyOf.addStatement("throw new $T($L)", UnsupportedOperationException.class,
            Literals.string(from.name() + " may change several rows of " + view.name() + ": call keysOf"));
        keysOf.addStatement("return e.$N().stream().distinct().toList()", view.keyFieldOf(from.name()));
      } else {
        keyOf.addStatement("return $T.of(e.$N())", TypeNames.OPTIONAL, view.keyFieldOf(from.name()));
        keysOf.addStatement("return $T.of(e.$N())", TypeNames.LIST, view.keyFieldOf(from.name()));
      }
      keyOf.endControlFlow();
      keysOf.endControlFlow();
      dispatch.beginControlFlow("if (event instanceof $T e)", eventType)
          .addStatement("return project(view, e)")
          .endControlFlow();
    }
    keyOf.addStatement("return $T.empty()", TypeNames.OPTIONAL);
    keysOf.addStatement("return $T.of()", TypeNames.LIST);
    dispatch.addStatement("throw new $T($L +$Wevent)", IllegalArgumentException.class,
        Literals.string("view " + view.name() + " is not built from "));
    type.addMethod(keyOf.build());
    if (severalRows) {
      type.addMethod(keysOf.build());
    }
    type.addMethod(dispatch.build());
    return context.mark(type).build();
  }

  TypeSpec automation(AutomationDef automation) {
    Names names = context.names();
    ClassName on = names.element(automation.on().name());
    boolean onView = context.model().view(automation.on().name()).isPresent();
    ClassName issues = names.issues(automation.name());
    TypeName issuedList = ParameterizedTypeName.get(TypeNames.LIST, issues);
    TypeSpec issuesType = TypeSpec.interfaceBuilder(issues)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.SEALED)
        .addJavadoc("$L", Docs.javadoc(1, "The commands {@code " + automation.name() + "} may issue."))
        .addSuperinterface(TypeNames.COMMAND)
        .addPermittedSubclasses(automation.issues().stream().map(c -> names.element(c.name())).toList())
        .build();
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.automation(automation.name()))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L", Docs.javadoc(0, "The automation {@code " + automation.name() + "} (declared at "
            + Docs.text(automation.position()) + "): when "
            + (onView ? "a row of view {@code " + on.simpleName() + "} changes" : "{@code " + on.simpleName() + "} is recorded")
            + ", it may issue " + list(automation.issues()) + ". Implement it in a class of package {@code "
            + context.model().packageName() + "} with a constructor without parameters."))
        .addType(issuesType);
    if (onView) {
      return context.mark(type
          .addSuperinterface(ParameterizedTypeName.get(TypeNames.VIEW_AUTOMATION, on))
          .addMethod(MethodSpec.methodBuilder("react")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
              .addJavadoc("$L", Docs.javadoc(1, "The commands to issue because a row of {@code " + on.simpleName()
                  + "} became {@code row}, in order; an empty list for none."))
              .returns(issuedList)
              .addParameter(on, "row")
              .build()))
          .build();
    }
    type.addSuperinterface(TypeNames.AUTOMATION)
        .addMethod(MethodSpec.methodBuilder("react")
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addJavadoc("$L", Docs.javadoc(1, "The commands to issue because {@code " + automation.on().name()
                + "} was recorded, in order; an empty list for none."))
            .returns(issuedList)
            .addParameter(on, "event")
            .build())
        .addMethod(MethodSpec.methodBuilder("react")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
            .addJavadoc("$L", Docs.javadoc(1, "Dispatches {@code " + automation.on().name() + "} to {@link #react("
                + on.simpleName() + ")}; ignores every other event."))
            .returns(ParameterizedTypeName.get(TypeNames.LIST, WildcardTypeName.subtypeOf(TypeNames.COMMAND)))
            .addParameter(TypeNames.EVENT, "event")
            .beginControlFlow("if (event instanceof $T e)", on)
            .addStatement("return react(e)")
            .endControlFlow()
            .addStatement("return $T.of()", TypeNames.LIST)
            .build());
    return context.mark(type).build();
  }

  private static String list(List<Reference> references) {
    return references.stream().map(r -> "{@link " + r.name() + "}").collect(Collectors.joining(", "));
  }
}
