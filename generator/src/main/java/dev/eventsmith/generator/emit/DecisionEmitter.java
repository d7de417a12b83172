package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.QueryItemDef;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits what decisions across streams need from the model: the tags of every event
 * ({@code <Model>Tags}, text {@code field:value} from the fields an event names under
 * {@code tags}) and, per command with a {@code decides} query, a typed contract over the
 * runtime's {@code CrossStreamDecider}: the query built from the command's fields, an
 * {@code evolve} per event type the query reads, and {@code decide} with the command's own
 * events and rejections.
 */
final class DecisionEmitter {

  private final Context context;

  DecisionEmitter(Context context) {
    this.context = context;
  }

  /** Whether the model has tags, so that {@link #tags()} is generated. */
  boolean hasTags() {
    return context.model().events().stream().anyMatch(e -> !e.tags().isEmpty());
  }

  TypeSpec tags() {
    Names names = context.names();
    MethodSpec.Builder of = MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("$L", Docs.javadoc(1, "The tags {@code event} is stored with; none for an event without"
            + " {@code tags} in the model."))
        .returns(ParameterizedTypeName.get(TypeNames.SET, ClassName.get(String.class)))
        .addParameter(TypeNames.EVENT, "event");
    for (EventDef event : context.model().events()) {
      if (event.tags().isEmpty()) {
        continue;
      }
      CodeBlock.Builder tags = CodeBlock.builder();
      for (int i = 0; i < event.tags().size(); i++) {
        String tag = event.tags().get(i).name();
        tags.add(i == 0 ? "" : ",$W").add(tag(tag, fieldType(event.fields(), tag), CodeBlock.of("e.$N()", tag)));
      }
      of.beginControlFlow("if (event instanceof $T e)", names.element(event.name()))
          .addStatement("return $T.of($L)", TypeNames.SET, tags.build())
          .endControlFlow();
    }
    of.addStatement("return $T.of()", TypeNames.SET);
    TypeSpec.Builder type = TypeSpec.classBuilder(names.tags())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("$L", Docs.javadoc(0, "The tags of model {@code " + context.model().name() + "}'s events, text"
            + " {@code field:value}: what queries of decisions across streams match."))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(of.build());
    return context.mark(type).build();
  }

  TypeSpec decision(CommandDef command) {
    Names names = context.names();
    TypeVariableName state = TypeVariableName.get("S");
    ClassName commandType = names.element(command.name());
    ClassName emits = names.emits(command.name());
    TypeName rejections = command.rejects().isEmpty() ? TypeNames.NO_REJECTION : names.rejects(command.name());
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.decision(command.name()))
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(state)
        .addSuperinterface(ParameterizedTypeName.get(TypeNames.CROSS_STREAM_DECIDER, state, commandType, emits))
        .addJavadoc("$L", Docs.javadoc(0, "The logic of command {@code " + command.name() + "} (declared at "
            + Docs.text(command.position()) + "), decided across streams on the events its query matches:"
            + " implement it in a class of package {@code " + context.model().packageName() + "} with a"
            + " constructor without parameters, and run it with a {@code DecisionHandler}. {@code S} is the"
            + " state you fold the events into."));

    CodeBlock.Builder items = CodeBlock.builder();
    for (int i = 0; i < command.decides().size(); i++) {
      QueryItemDef item = command.decides().get(i);
      CodeBlock.Builder types = CodeBlock.builder();
      for (int t = 0; t < item.types().size(); t++) {
        types.add(t == 0 ? "$T.STORED_NAME" : ",$W$T.STORED_NAME", names.element(item.types().get(t).name()));
      }
      CodeBlock.Builder tags = CodeBlock.builder();
      for (Reference tag : item.tags()) {
        tags.add(",$W").add(tag(tag.name(), fieldType(command.fields(), tag.name()),
            CodeBlock.of("command.$N()", tag.name())));
      }
      items.add(i == 0 ? "\n" : ",\n").add("$T.of($T.of($L)$L)", TypeNames.QUERY_ITEM, TypeNames.SET, types.build(),
          tags.build());
    }
    type.addMethod(MethodSpec.methodBuilder("query")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("$L", Docs.javadoc(1, "The events {@code " + command.name() + "} decides on, from its"
            + " {@code decides} query."))
        .returns(TypeNames.EVENT_QUERY)
        .addParameter(commandType, "command")
        .addStatement("return $T.of($>$L$<)", TypeNames.EVENT_QUERY, items.build())
        .build());

    MethodSpec.Builder dispatch = MethodSpec.methodBuilder("evolve")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("$L", Docs.javadoc(1, "Dispatches to the {@code evolve} method of the event's type."))
        .returns(state)
        .addParameter(state, "state")
        .addParameter(TypeNames.EVENT, "event");
    for (EventDef event : readEvents(command)) {
      ClassName eventType = names.element(event.name());
      type.addMethod(MethodSpec.methodBuilder("evolve")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("$L", Docs.javadoc(1, "The state after {@code " + event.name() + "} (declared at "
              + Docs.text(event.position()) + "), one of the events the query matches."))
          .returns(state)
          .addParameter(state, "state")
          .addParameter(eventType, "event")
          .build());
      dispatch.beginControlFlow("if (event instanceof $T e)", eventType)
          .addStatement("return evolve(state, e)")
          .endControlFlow();
    }
    dispatch.addStatement("throw new $T($L +$Wevent)", IllegalArgumentException.class,
        Literals.string("not an event " + command.name() + " decides on: "));
    type.addMethod(dispatch.build());

    type.addMethod(MethodSpec.methodBuilder("decide")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc("$L", Docs.javadoc(1, "Decides what {@code " + command.name() + "} does, given the events"
            + " its query matches folded into {@code state}. Accept with {@code Decision.accept(...)} and any of: "
            + command.emits().stream().map(Reference::name).collect(Collectors.joining(", ")) + ". "
            + (command.rejects().isEmpty()
                ? "It declares no rejection, so it cannot be refused."
                : "Refuse with {@code Decision.reject(...)} and one of: "
                    + command.rejects().stream().map(r -> r.name()).collect(Collectors.joining(", ")) + ".")))
        .returns(ParameterizedTypeName.get(TypeNames.DECISION, emits, rejections))
        .addParameter(commandType, "command")
        .addParameter(state, "state")
        .build());
    type.addMethod(MethodSpec.methodBuilder("tagsOf")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("$L", Docs.javadoc(1, "The tags the model gives {@code event}."))
        .returns(ParameterizedTypeName.get(TypeNames.SET, ClassName.get(String.class)))
        .addParameter(emits, "event")
        .addStatement("return $T.of(event)", names.tags())
        .build());
    return context.mark(type).build();
  }

  /** The events the query can match, in model order: those it names, or all carrying an untyped item's tags. */
  private List<EventDef> readEvents(CommandDef command) {
    Set<String> read = new LinkedHashSet<>();
    for (QueryItemDef item : command.decides()) {
      for (EventDef event : context.model().events()) {
        boolean named = item.types().stream().anyMatch(t -> t.name().equals(event.name()));
        boolean tagged = item.tags().stream().allMatch(tag -> event.tags().stream()
            .anyMatch(t -> t.name().equals(tag.name())));
        if (named || item.types().isEmpty() && tagged) {
          read.add(event.name());
        }
      }
    }
    List<EventDef> events = new ArrayList<>();
    for (EventDef event : context.model().events()) {
      if (read.contains(event.name())) {
        events.add(event);
      }
    }
    return events;
  }

  private static TypeRef fieldType(List<Field> fields, String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("validated model lacks tag field " + name)).type();
  }

  /** The tag {@code name:value} as an expression, {@code value} being an expression of {@code type}. */
  private CodeBlock tag(String name, TypeRef type, CodeBlock value) {
    return CodeBlock.of("$S + $L", name + ":", text(type, value));
  }

  /** {@code value} of the scalar {@code type} as text: the form tags of events and queries share. */
  private CodeBlock text(TypeRef type, CodeBlock value) {
    if (type instanceof TypeRef.Named named) {
      ValueType declared = context.types().named(named.name());
      if (declared instanceof ValueType.Enumeration) {
        return CodeBlock.of("$L.name()", value);
      }
      return text(((ValueType.Wrapper) declared).base(), CodeBlock.of("$L.value()", value));
    }
    return text(((TypeRef.Builtin) type).type(), value);
  }

  private static CodeBlock text(BuiltinType type, CodeBlock value) {
    switch (type) {
      case STRING:
        return value;
      case DECIMAL:
        return CodeBlock.of("$L.toPlainString()", value);
      default:
        return CodeBlock.of("$T.valueOf($L)", String.class, value);
    }
  }
}
