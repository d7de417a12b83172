package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.QueryItemDef;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits the model's description ({@code <Model>Model}, a {@code ModelDescriptor}): its codecs, its
 * aggregates, commands decided across streams (only if it has some), views and automations with the contracts their logic implements, and the OpenAPI
 * document of its HTTP API, so that code which runs any model (the Spring Boot starter, the HTTP
 * module) needs no naming conventions or reflection to wire this one.
 */
final class ModelDescriptorEmitter {

  private static final ClassName DESCRIPTOR = TypeNames.MODEL_DESCRIPTOR;
  private static final ClassName AGGREGATE = TypeNames.AGGREGATE_DESCRIPTOR;
  private static final ClassName DECISION = TypeNames.DECISION_DESCRIPTOR;
  private static final ClassName VIEW = TypeNames.VIEW_DESCRIPTOR;
  private static final ClassName AUTOMATION = TypeNames.AUTOMATION_DESCRIPTOR;
  private static final ClassName EVENT_CODEC = TypeNames.EVENT_CODEC;
  private static final ClassName COMMAND_CODEC = TypeNames.COMMAND_CODEC;

  /** The widest piece of the document in one string literal, escaped: generated lines stay under 100 columns. */
  static final int PIECE = 72;

  /**
   * Pieces per method that joins them: each costs about 8 bytes of a method's 64 KiB of bytecode.
   * (A class's 65535 constants then bound the document at about 2 MB.)
   */
  static final int PIECES_PER_METHOD = 2_000;

  private final Context context;

  ModelDescriptorEmitter(Context context) {
    this.context = context;
  }

  TypeSpec emit() {
    Names names = context.names();
    ClassName self = names.modelDescriptor();
    TypeName views = ParameterizedTypeName.get(ClassName.get(List.class),
        ParameterizedTypeName.get(VIEW, WildcardTypeName.subtypeOf(Object.class),
            WildcardTypeName.subtypeOf(Object.class)));
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(DESCRIPTOR)
        .addJavadoc("Model\n{@code $L}\nas a whole, for code that runs any model: the Spring Boot starter finds it\n"
            + "in the application's packages, the HTTP module serves its commands and views.\n",
            context.model().name())
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", self)
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), AGGREGATE), "AGGREGATES",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(list(aggregates()))
            .build())
        .addField(FieldSpec.builder(views, "VIEWS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(list(views()))
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), AUTOMATION), "AUTOMATIONS",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(list(automations()))
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(getter("name", ClassName.get(String.class), CodeBlock.of("$S", context.model().name())))
        .addMethod(getter("events", EVENT_CODEC, CodeBlock.of("$T.INSTANCE", names.codec())))
        .addMethod(getter("commands", COMMAND_CODEC, CodeBlock.of("$T.INSTANCE", names.commandCodec())))
        .addMethod(getter("aggregates", ParameterizedTypeName.get(ClassName.get(List.class), AGGREGATE),
            CodeBlock.of("AGGREGATES")))
        .addMethod(getter("views", views, CodeBlock.of("VIEWS")))
        .addMethod(getter("automations", ParameterizedTypeName.get(ClassName.get(List.class), AUTOMATION),
            CodeBlock.of("AUTOMATIONS")))
        .addMethod(getter("openApi", ClassName.get(String.class), CodeBlock.of("OPEN_API")));
    List<CodeBlock> decisions = decisions();
    if (!decisions.isEmpty()) {
      TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), DECISION);
      type.addField(FieldSpec.builder(list, "DECISIONS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(list(decisions))
          .build());
      type.addMethod(getter("decisions", list, CodeBlock.of("DECISIONS")));
    }
    type.addField(FieldSpec.builder(String.class, "OPEN_API", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(openApi(type, new OpenApiEmitter(context.model()).document()))
        .build());
    return context.mark(type).build();
  }

  private List<CodeBlock> aggregates() {
    Names names = context.names();
    List<CodeBlock> aggregates = new ArrayList<>();
    for (AggregateDef aggregate : context.model().aggregates()) {
      aggregates.add(CodeBlock.of("new $T($S,$W$T.class,$W$T.class)", AGGREGATE, aggregate.name(),
          names.decider(aggregate.name()), names.aggregateCommand(aggregate.name())));
    }
    return aggregates;
  }

  /** The commands decided across streams, with their contracts, classes and queries. */
  private List<CodeBlock> decisions() {
    Names names = context.names();
    List<CodeBlock> decisions = new ArrayList<>();
    for (CommandDef command : context.model().commands()) {
      if (!command.decidesAcrossStreams()) {
        continue;
      }
      List<CodeBlock> items = new ArrayList<>();
      for (QueryItemDef item : command.decides()) {
        List<CodeBlock> types = new ArrayList<>();
        for (Reference type : item.types()) {
          types.add(CodeBlock.of("$T.STORED_NAME", names.element(type.name())));
        }
        List<CodeBlock> tags = new ArrayList<>();
        for (Reference tag : item.tags()) {
          tags.add(CodeBlock.of("$S", tag.name()));
        }
        items.add(CodeBlock.of("new $T.Item($T.of($L),$W$T.of($L))", DECISION, List.class,
            CodeBlock.join(types, ",$W"), List.class, CodeBlock.join(tags, ",$W")));
      }
      decisions.add(CodeBlock.of("new $T($S,$W$S,$W$T.class,$W$T.class,$W$T.of($L))", DECISION, command.name(),
          command.aggregate(), names.decision(command.name()), names.element(command.name()), List.class,
          CodeBlock.join(items, ",$W")));
    }
    return decisions;
  }

  /** The views that have a row codec: those whose key has a text form. */
  private List<CodeBlock> views() {
    Names names = context.names();
    List<CodeBlock> views = new ArrayList<>();
    for (ViewDef view : context.model().views()) {
      if (OpenApiEmitter.hasTextKey(OpenApiEmitter.keyOf(view))) {
        views.add(CodeBlock.of("new $T<>($S,$W$T.class,$W$T.INSTANCE,$W$S)", VIEW, view.name(),
            names.projector(view.name()), names.rowCodec(view.name()), OpenApiEmitter.keyOf(view).name()));
      }
    }
    return views;
  }

  private List<CodeBlock> automations() {
    Names names = context.names();
    List<CodeBlock> automations = new ArrayList<>();
    for (AutomationDef automation : context.model().automations()) {
      String on = automation.on().name();
      CodeBlock view = context.model().view(on).isPresent() ? CodeBlock.of("$T.of($S)", Optional.class, on)
          : CodeBlock.of("$T.empty()", Optional.class);
      automations.add(CodeBlock.of("new $T($S,$W$T.class,$W$L)", AUTOMATION, automation.name(),
          names.automation(automation.name()), view));
    }
    return automations;
  }

  private static CodeBlock list(List<CodeBlock> elements) {
    if (elements.isEmpty()) {
      return CodeBlock.of("$T.of()", List.class);
    }
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class);
    for (int i = 0; i < elements.size(); i++) {
      list.add("\n    $L$L", elements.get(i), i + 1 < elements.size() ? "," : ")");
    }
    return list.build();
  }

  /**
   * The document as string literals of at most {@link #PIECE} escaped characters, joined by
   * methods added to {@code type}, {@link #PIECES_PER_METHOD} pieces each; the initializer of the
   * field that holds it.
   */
  static CodeBlock openApi(TypeSpec.Builder type, String document) {
    List<CodeBlock> pieces = pieces(document);
    List<CodeBlock> calls = new ArrayList<>();
    for (int from = 0, part = 0; from < pieces.size(); from += PIECES_PER_METHOD, part++) {
      String name = "openApi" + part;
      List<CodeBlock> these = pieces.subList(from, Math.min(pieces.size(), from + PIECES_PER_METHOD));
      type.addMethod(MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(String.class)
          .addStatement("return $T.join($S,\n$>$>$L$<$<)", String.class, "", CodeBlock.join(these, ",\n"))
          .build());
      calls.add(CodeBlock.of("$N()", name));
    }
    return calls.isEmpty() ? CodeBlock.of("$S", "") : CodeBlock.join(calls, "$W+ ");
  }

  private static List<CodeBlock> pieces(String text) {
    List<CodeBlock> pieces = new ArrayList<>();
    int start = 0;
    int width = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int escaped = c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' ? 2 : c < 0x20 ? 6 : 1;
      boolean secondOfPair = Character.isLowSurrogate(c);
      if (width + escaped > PIECE && !secondOfPair) {
        pieces.add(CodeBlock.of("$S", text.substring(start, i)));
        start = i;
        width = 0;
      }
      width += escaped;
    }
    if (start < text.length()) {
      pieces.add(CodeBlock.of("$S", text.substring(start)));
    }
    return pieces;
  }

  private static MethodSpec getter(String name, TypeName type, CodeBlock value) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addStatement("return $L", value)
        .build();
  }
}
