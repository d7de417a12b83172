package dev.eventsmith.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.codegen.JavaLimits;
import dev.eventsmith.spec.codegen.SpecSize;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.SpecValue;
import dev.eventsmith.spec.model.ViewDef;
import dev.eventsmith.spec.typing.TypedValue;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits one JUnit 5 class per slice (a command, view or automation with specs) and one {@code @Test} per
 * spec, named after it. The test calls the hand-written implementation through the test kit, which
 * names the spec's YAML line when it fails. Long lists of messages are built by helper methods
 * ({@code <test>_given1}, ...) of {@link JavaLimits#LIST_CHUNK_VALUES} values each, so that no
 * method passes the 64 KiB of bytecode javac allows.
 */
final class SpecTestEmitter {

  private final Context context;
  private final Literals literals;
  private final Implementations implementations;
  private final StoredEventCode storedEvents;
  /** The helpers of the class being emitted that give events at older versions, by name. */
  private final java.util.Map<String, MethodSpec> storedHelpers = new java.util.TreeMap<>();

  SpecTestEmitter(Context context, Implementations implementations) {
    this.context = context;
    this.literals = new Literals(context.names());
    this.implementations = implementations;
    this.storedEvents = new StoredEventCode(context);
  }

  /** The test class of {@code subject}, whose specs are {@code specs} (all of one kind). */
  TypeSpec emit(String subject, List<SpecDef> specs) {
    TypeSpec.Builder type = TypeSpec.classBuilder(context.names().specTest(subject))
        .addModifiers(Modifier.FINAL)
        .addAnnotation(AnnotationSpec.builder(TypeNames.DISPLAY_NAME).addMember("value", "$S", subject).build())
        .addJavadoc("$L", Docs.javadoc(0, "The specs of {@code " + subject + "}, from "
            + Docs.text(specs.get(0).position().file()) + "."));
    List<String> methods = MethodNames.of(specs.stream().map(SpecDef::name).toList());
    storedHelpers.clear();
    for (int i = 0; i < specs.size(); i++) {
      new Test(type, specs.get(i), methods.get(i)).emit();
    }
    storedHelpers.values().forEach(type::addMethod);
    return context.mark(type).build();
  }

  /** One spec's test method and its helper methods, if it needs any. */
  private final class Test {
    private final TypeSpec.Builder type;
    private final SpecDef spec;
    private final String name;
    private final MethodSpec.Builder method;
    private final List<MethodSpec> helpers = new ArrayList<>();

    Test(TypeSpec.Builder type, SpecDef spec, String name) {
      this.type = type;
      this.spec = spec;
      this.name = name;
      this.method = MethodSpec.methodBuilder(name)
          .addAnnotation(TypeNames.TEST)
          .addAnnotation(AnnotationSpec.builder(TypeNames.DISPLAY_NAME)
              .addMember("value", "$L", Literals.string(spec.name())).build())
          .addJavadoc("$L", Docs.javadoc(1, Docs.text(spec.name()) + ", at " + Docs.text(spec.position()) + "."))
          .addStatement("$T symbols = new $T()", TypeNames.SYMBOLS, TypeNames.SYMBOLS)
          .addStatement("$T source = new $T($L,$W$L,$W$L,$W$L)", TypeNames.SPEC_SOURCE, TypeNames.SPEC_SOURCE,
              Literals.string(spec.position().file()), spec.position().line(),
              Literals.string(spec.subject().name()), Literals.string(spec.name()));
    }

    void emit() {
      EventModel model = context.model();
      CodeBlock.Builder chain = CodeBlock.builder();
      if (spec.kind() == SpecDef.SubjectKind.COMMAND) {
        CommandDef command = model.command(spec.subject().name()).orElseThrow();
        TypeName events = context.names().aggregateEvent(command.aggregate());
        if (command.decidesAcrossStreams()) {
          events = context.names().emits(command.name());
          chain.add("$T.of(new $T(),$W$T.INSTANCE,$W$T::of,$Wsymbols,$Wsource)", TypeNames.DECISION_SPEC,
              implementations.decision(command.name()), context.names().codec(), context.names().tags());
          given(chain, TypeNames.EVENT);
        } else {
          chain.add("$T.of(new $T(),$W$T.INSTANCE,$Wsymbols,$Wsource)", TypeNames.DECIDER_SPEC,
              implementations.decider(command.aggregate()), context.names().codec());
          given(chain, events);
        }
        chain.add("\n.when($L)", construct(spec.when().orElseThrow(), command.fields()));
        chain.add(then(spec.then(), command, events));
      } else if (spec.kind() == SpecDef.SubjectKind.VIEW) {
        ViewDef view = model.view(spec.subject().name()).orElseThrow();
        chain.add("$T.of(new $T(),$W$T.INSTANCE,$Wsymbols,$Wsource)", TypeNames.VIEW_SPEC,
            implementations.projector(view.name()), context.names().codec());
        given(chain, TypeNames.EVENT);
        if (spec.then() instanceof SpecDef.ThenRows then) {
          String verdict = then.exactly() ? "thenExactly()" : "thenIncluding()";
          if (rowValues(view, then.rows()) <= JavaLimits.INLINE_LIST_VALUES) {
            for (Message row : then.rows()) {
              chain.add("\n.expectRow($L)", keyAndRow(view, row));
            }
            chain.add("\n.$L", verdict);
          } else {
            // Too many rows for one method: helper methods add them to the spec, as long lists of events are.
            method.addStatement("$T view = $L", viewSpecType(view), chain.build());
            expectRowsInHelpers(view, then.rows());
            chain = CodeBlock.builder().add("view.$L", verdict);
          }
        } else {
          chain.add("\n.thenView($L)", keyAndRow(view, ((SpecDef.ThenView) spec.then()).view()));
        }
      } else if (spec.kind() == SpecDef.SubjectKind.PROCESS) {
        process(chain);
      } else {
        AutomationDef automation = model.automation(spec.subject().name()).orElseThrow();
        SpecDef.ThenCommands then = (SpecDef.ThenCommands) spec.then();
        if (model.view(automation.on().name()).isPresent()) {
          chain.add("$T.of(new $T(),$Wnew $T(),$W$T.INSTANCE,$Wsymbols,$Wsource)", TypeNames.VIEW_AUTOMATION_SPEC,
              implementations.automation(automation.name()), implementations.projector(automation.on().name()),
              context.names().codec());
        } else {
          chain.add("$T.of(new $T(),$W$T.INSTANCE,$Wsymbols,$Wsource)", TypeNames.AUTOMATION_SPEC,
              implementations.automation(automation.name()), context.names().codec());
        }
        given(chain, TypeNames.EVENT);
        chain.add("\n.thenCommands($L)", list("expected", then.commands(), TypeNames.COMMAND));
      }
      type.addMethod(method.addStatement("$L", chain.build()).build());
      helpers.forEach(type::addMethod);
    }

    /** {@code ProcessSpec.of(...)}, then a step per given event or time, the 'when' step and the expected reaction. */
    private void process(CodeBlock.Builder chain) {
      SpecDef.ThenReaction then = (SpecDef.ThenReaction) spec.then();
      chain.add("$T.of(new $T(),$W$T.INSTANCE,$Wsymbols,$Wsource)", TypeNames.PROCESS_SPEC,
          implementations.process(spec.subject().name()), context.names().codec());
      for (Message step : spec.given()) {
        chain.add(step.type().equals(SpecDef.AFTER) ? CodeBlock.of("\n.givenAfter($L)", time(step))
            : CodeBlock.of("\n.given($L)", construct(step, fieldsOf(step))));
      }
      Message when = spec.when().orElseThrow();
      if (then.rejection().isPresent()) {
        Message rejection = then.rejection().get();
        List<Field> fields = context.model().commands().stream().flatMap(c -> c.rejects().stream())
            .filter(r -> r.name().equals(rejection.type())).findFirst().orElseThrow().fields();
        chain.add("\n.whenRejected($L,$W$L)", construct(when, fieldsOf(when)), construct(rejection, fields));
      } else if (when.type().equals(SpecDef.AFTER)) {
        chain.add("\n.whenAfter($L)", time(when));
      } else {
        chain.add("\n.whenEvent($L)", construct(when, fieldsOf(when)));
      }
      chain.add("\n.thenIssues($L)", list("expected", then.issues(), TypeNames.COMMAND));
      for (var scheduled : then.schedules()) {
        chain.add("\n.thenSchedules($L,$W$L)", Literals.string(scheduled.name()), Literals.string(scheduled.after()));
      }
      if (!then.cancels().isEmpty()) {
        chain.add("\n.thenCancels($L)", then.cancels().stream().map(r -> CodeBlock.of("$L", Literals.string(r.name())))
            .collect(CodeBlock.joining(",$W")));
      }
      then.ended().ifPresent(ended -> chain.add("\n.thenEnded($L)", ended));
      chain.add("\n.verify()");
    }

    private CodeBlock time(Message step) {
      SpecValue value = step.values().get(SpecDef.AFTER);
      return CodeBlock.of("$L", Literals.string(((SpecValue.Scalar) value).text()));
    }

    private int rowValues(ViewDef view, List<Message> rows) {
      return rows.stream().mapToInt(m -> SpecSize.values(m, view.fields().size())).sum();
    }

    private TypeName viewSpecType(ViewDef view) {
      TypeName key = view.singleRow() ? ClassName.get(String.class) : context.types().of(view.fields().get(
          indexOf(view.fields(), view.key())).type()).box();
      return ParameterizedTypeName.get(TypeNames.VIEW_SPEC, key, context.names().element(view.name()));
    }

    /** Helper methods {@code <test>_rows1, ...} of at most {@link JavaLimits#LIST_CHUNK_VALUES} values each. */
    private void expectRowsInHelpers(ViewDef view, List<Message> rows) {
      MethodSpec.Builder chunk = null;
      int chunkValues = 0;
      int chunks = 0;
      for (Message row : rows) {
        int values = SpecSize.values(row, view.fields().size());
        if (chunk == null || chunkValues + values > JavaLimits.LIST_CHUNK_VALUES) {
          if (chunk != null) {
            helpers.add(chunk.build());
          }
          String helper = name + "_rows" + ++chunks;
          chunk = MethodSpec.methodBuilder(helper)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(viewSpecType(view), "view")
              .addParameter(TypeNames.SYMBOLS, "symbols");
          method.addStatement("$N(view, symbols)", helper);
          chunkValues = 0;
        }
        chunk.addStatement("view.expectRow($L)", keyAndRow(view, row));
        chunkValues += values;
      }
      helpers.add(chunk.build());
    }

    /** The key of the expected {@code row} and the row: the arguments of thenView and expectRow. */
    private CodeBlock keyAndRow(ViewDef view, Message row) {
      List<TypedValue> values = Typing.arguments(row, view.fields(), context.model());
      CodeBlock key = view.singleRow() ? CodeBlock.of("$T.KEY", context.names().projector(view.name()))
          : literals.of(unwrapOptional(values.get(indexOf(view.fields(), view.key()))));
      return CodeBlock.of("$L,$Wnew $T($L)", key, context.names().element(view.name()), literals.join(values));
    }

    private void given(CodeBlock.Builder chain, TypeName element) {
      if (!spec.given().isEmpty()) {
        chain.add("\n.given($L)", list("given", spec.given(), element));
      }
    }

    private CodeBlock then(SpecDef.Outcome outcome, CommandDef command, TypeName events) {
      if (outcome instanceof SpecDef.ThenEvents then) {
        return CodeBlock.of("\n.thenEvents($L)", list("expected", then.events(), events));
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

    /**
     * The arguments that pass {@code messages}: written out when they are few, else a local list
     * {@code variable}, filled by helper methods, as an array of {@code element}.
     */
    private CodeBlock list(String variable, List<Message> messages, TypeName element) {
      List<Integer> sizes = messages.stream().map(m -> SpecSize.values(m, fieldsOf(m).size())).toList();
      if (sizes.stream().mapToInt(Integer::intValue).sum() <= JavaLimits.INLINE_LIST_VALUES) {
        CodeBlock.Builder inline = CodeBlock.builder();
        for (int i = 0; i < messages.size(); i++) {
          inline.add(i == 0 ? "$>\n$L" : ",\n$L", construct(messages.get(i), fieldsOf(messages.get(i))));
        }
        return messages.isEmpty() ? inline.build() : inline.add("$<").build();
      }
      TypeName listType = ParameterizedTypeName.get(TypeNames.LIST, element);
      method.addStatement("$T $N = new $T<>()", listType, variable, TypeNames.ARRAY_LIST);
      MethodSpec.Builder chunk = null;
      int chunkValues = 0;
      int chunks = 0;
      for (int i = 0; i < messages.size(); i++) {
        if (chunk == null || chunkValues + sizes.get(i) > JavaLimits.LIST_CHUNK_VALUES) {
          if (chunk != null) {
            helpers.add(chunk.build());
          }
          String helper = name + "_" + variable + ++chunks;
          chunk = MethodSpec.methodBuilder(helper)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(listType, variable)
              .addParameter(TypeNames.SYMBOLS, "symbols");
          method.addStatement("$N($N, symbols)", helper, variable);
          chunkValues = 0;
        }
        chunk.addStatement("$N.add($L)", variable, construct(messages.get(i), fieldsOf(messages.get(i))));
        chunkValues += sizes.get(i);
      }
      helpers.add(chunk.build());
      return CodeBlock.of("$N.toArray(new $T[0])", variable, element);
    }

    private List<Field> fieldsOf(Message message) {
      EventModel model = context.model();
      return model.event(message.type()).map(e -> message.hasStoredVersion() ? e.fieldsAt(message.storedVersion()).orElseThrow() : e.fields())
          .or(() -> model.command(message.type()).map(CommandDef::fields))
          .orElseThrow(() -> new IllegalStateException("validated spec names unknown " + message.type()));
    }

    private CodeBlock construct(Message message, List<Field> fields) {
      List<TypedValue> arguments = Typing.arguments(message, fields, context.model());
      if (message.hasStoredVersion()) {
        String helper = StoredEventCode.helperName(message.type(), message.storedVersion());
        storedHelpers.computeIfAbsent(helper, h -> storedEvents.helper(
            context.model().event(message.type()).orElseThrow(), message.storedVersion()));
        return CodeBlock.of("$N($L)", helper, literals.join(arguments));
      }
      return CodeBlock.of("new $T($L)", context.names().element(message.type()), literals.join(arguments));
    }
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
