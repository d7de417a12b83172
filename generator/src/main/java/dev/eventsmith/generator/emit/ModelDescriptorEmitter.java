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
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits the model's description ({@code <Model>Model}, a {@code ModelDescriptor}): its codecs, its
 * aggregates, views and automations with the contracts their logic implements, and the OpenAPI
 * document of its HTTP API, so that code which runs any model (the Spring Boot starter, the HTTP
 * module) needs no naming conventions or reflection to wire this one.
 */
final class ModelDescriptorEmitter {

  private static final String RUNTIME_MODEL = "dev.eventsmith.runtime.model";
  private static final ClassName DESCRIPTOR = ClassName.get(RUNTIME_MODEL, "ModelDescriptor");
  private static final ClassName AGGREGATE = ClassName.get(RUNTIME_MODEL, "AggregateDescriptor");
  private static final ClassName VIEW = ClassName.get(RUNTIME_MODEL, "ViewDescriptor");
  private static final ClassName AUTOMATION = ClassName.get(RUNTIME_MODEL, "AutomationDescriptor");
  private static final ClassName EVENT_CODEC = ClassName.get("dev.eventsmith.runtime.codec", "EventCodec");
  private static final ClassName COMMAND_CODEC = ClassName.get("dev.eventsmith.runtime.codec", "CommandCodec");

  /**
   * The longest piece of the document in one string literal: a class file holds a literal of at
   * most 65535 bytes of modified UTF-8, up to three per character.
   */
  static final int CHUNK = 16_000;

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
        .addJavadoc("Model {@code $L} as a whole, for code that runs any model: the Spring Boot starter finds it in\n"
            + "the application's packages, the HTTP module serves its commands and views.\n", context.model().name())
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
        .addField(FieldSpec.builder(String.class, "OPEN_API", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(chunks(new OpenApiEmitter(context.model()).document()))
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
    return context.mark(type).build();
  }

  private List<CodeBlock> aggregates() {
    Names names = context.names();
    List<CodeBlock> aggregates = new ArrayList<>();
    for (AggregateDef aggregate : context.model().aggregates()) {
      aggregates.add(CodeBlock.of("new $T($S, $T.class, $T.class)", AGGREGATE, aggregate.name(),
          names.decider(aggregate.name()), names.aggregateCommand(aggregate.name())));
    }
    return aggregates;
  }

  /** The views that have a row codec: those whose key has a text form. */
  private List<CodeBlock> views() {
    Names names = context.names();
    List<CodeBlock> views = new ArrayList<>();
    for (ViewDef view : context.model().views()) {
      if (OpenApiEmitter.hasTextKey(OpenApiEmitter.keyOf(view))) {
        views.add(CodeBlock.of("new $T<>($S, $T.class, $T.INSTANCE, $S)", VIEW, view.name(),
            names.projector(view.name()), names.rowCodec(view.name()), view.key()));
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
      automations.add(CodeBlock.of("new $T($S, $T.class, $L)", AUTOMATION, automation.name(),
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

  /** The text as string literals joined when the class loads: a single literal could outgrow a class file's limit. */
  static CodeBlock chunks(String text) {
    List<CodeBlock> pieces = new ArrayList<>();
    for (int start = 0; start < text.length(); start += CHUNK) {
      int end = Math.min(text.length(), start + CHUNK);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      pieces.add(CodeBlock.of("$S", text.substring(start, end)));
      start = end - CHUNK;
    }
    return CodeBlock.builder().add("$T.join($S,\n    ", String.class, "").add(CodeBlock.join(pieces, ",\n    "))
        .add(")").build();
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
