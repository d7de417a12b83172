package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.SpecValue;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.Upcast;
import dev.eventsmith.spec.model.ValueType;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The code that brings a stored payload of an older schema version up to the current one, one
 * version at a time: for each version, the step written in Java (given to the codec with
 * {@code withUpcasters}) if there is one, else the step declared in the model (rename fields,
 * drop fields, then set the listed fields where the payload has none). A version without a step
 * is read as it is.
 */
final class UpcastCode {

  private static final ClassName JSON_VALUE = ClassName.get("dev.eventsmith.runtime.codec", "JsonValue");
  private static final ClassName UPCASTER = ClassName.get("dev.eventsmith.runtime.codec", "Upcaster");
  private static final ClassName CODEC_EXCEPTION = ClassName.get("dev.eventsmith.runtime.codec", "CodecException");
  private static final TypeName UPCASTERS =
      ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), UPCASTER);

  private final Context context;

  UpcastCode(Context context) {
    this.context = context;
  }

  /** The Java steps by {@code type@fromVersion}. */
  FieldSpec field() {
    return FieldSpec.builder(UPCASTERS, "upcasters", Modifier.PRIVATE, Modifier.FINAL).build();
  }

  MethodSpec constructor() {
    return MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(UPCASTERS, "upcasters")
        .addStatement("this.upcasters = upcasters")
        .build();
  }

  MethodSpec withUpcasters(ClassName codec) {
    ClassName eventTypes = context.names().eventTypes();
    return MethodSpec.methodBuilder("withUpcasters")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("This codec plus upcasting steps written in Java, for changes the model's {@code upcast:}\n"
            + "cannot declare. A step replaces the declared step of the same type and version.\n"
            + "@throws IllegalArgumentException for a step of an unknown type, of a version the event\n"
            + "    does not have, or a second step for the same type and version\n")
        .varargs(true)
        .returns(codec)
        .addParameter(ArrayTypeName.of(UPCASTER), "steps")
        .addStatement("$T<$T, $T> all = new $T<>(upcasters)", Map.class, String.class, UPCASTER, HashMap.class)
        .beginControlFlow("for ($T step : steps)", UPCASTER)
        .addStatement("$T current = $T.VERSIONS.get(step.type())", Integer.class, eventTypes)
        .beginControlFlow("if (current == null)")
        .addStatement("throw new $T($S + step.type() + $S + TYPES)", IllegalArgumentException.class,
            "no event of model " + context.model().name() + " is stored as '", "'; known types: ")
        .endControlFlow()
        .beginControlFlow("if (step.fromVersion() < 1 || step.fromVersion() >= current)")
        .addStatement("throw new $T(step + $S + step.type() + $S + current + $S + (current - 1))",
            IllegalArgumentException.class, " does not fit: ", " is at schema version ",
            ", so a step reads a version from 1 to ")
        .endControlFlow()
        .beginControlFlow("if (all.putIfAbsent(step.type() + \"@\" + step.fromVersion(), step) != null)")
        .addStatement("throw new $T($S + step)", IllegalArgumentException.class, "a second upcaster for the step of ")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return new $T($T.copyOf(all))", codec, Map.class)
        .build();
  }

  /** One step of any type: the Java step if given, else the declared one, else the payload unchanged. */
  MethodSpec step() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("upcastStep")
        .addModifiers(Modifier.PRIVATE)
        .returns(JSON_VALUE)
        .addParameter(String.class, "type")
        .addParameter(int.class, "fromVersion")
        .addParameter(JSON_VALUE, "json")
        .addStatement("$T custom = upcasters.get(type + \"@\" + fromVersion)", UPCASTER)
        .beginControlFlow("if (custom != null)")
        .addStatement("$T result = custom.upcast(json)", JSON_VALUE)
        .beginControlFlow("if (result == null)")
        .addStatement("throw new $T(custom + $S)", CODEC_EXCEPTION, " returned null instead of the upcast payload")
        .endControlFlow()
        .addStatement("return result")
        .endControlFlow();
    List<EventDef> declaring = context.model().events().stream()
        .filter(e -> !e.upcasts().isEmpty())
        .sorted(Comparator.comparing(EventDef::storedName))
        .toList();
    if (!declaring.isEmpty()) {
      method.beginControlFlow("switch (type)");
      for (EventDef event : declaring) {
        method.addCode("case $S:\n", event.storedName())
            .addStatement("$>return $N(json, fromVersion)$<", methodName(event));
      }
      method.addCode("default:\n").addStatement("$>return json$<").endControlFlow();
    } else {
      method.addStatement("return json");
    }
    return method.build();
  }

  static String methodName(EventDef event) {
    return "upcast" + event.name();
  }

  /** The declared steps of one event, if it has any. */
  Optional<MethodSpec> declaredSteps(EventDef event) {
    if (event.upcasts().isEmpty()) {
      return Optional.empty();
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder(methodName(event))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(JSON_VALUE)
        .addParameter(JSON_VALUE, "json")
        .addParameter(int.class, "fromVersion")
        .addStatement("$T result = json", JSON_VALUE);
    List<Upcast> steps = event.upcasts().stream().sorted(Comparator.comparingInt(Upcast::from)).toList();
    for (Upcast step : steps) {
      method.beginControlFlow("if (fromVersion == $L)", step.from())
          .addComment("$L v$L -> v$L, declared at $L", event.name(), step.from(), step.from() + 1, Docs.text(step.position()));
      for (Map.Entry<String, String> rename : step.rename().entrySet()) {
        method.addStatement("result = result.renamed($S, $S)", rename.getKey(), rename.getValue());
      }
      for (String drop : step.drop()) {
        method.addStatement("result = result.without($S)", drop);
      }
      for (Map.Entry<String, SpecValue> set : step.set().entrySet()) {
        TypeRef type = event.fields().stream().filter(f -> f.name().equals(set.getKey())).findFirst()
            .map(Field::type).orElse(new TypeRef.Builtin(BuiltinType.STRING));
        method.beginControlFlow("if (!result.has($S))", set.getKey())
            .addStatement("result = result.with($S, $L)", set.getKey(), json(set.getValue(), type))
            .endControlFlow();
      }
      method.endControlFlow();
    }
    return Optional.of(method.addStatement("return result").build());
  }

  /** A JsonValue expression for a declared default, written as a number, boolean or string by the field's type. */
  private CodeBlock json(SpecValue value, TypeRef type) {
    if (value instanceof SpecValue.Null) {
      return CodeBlock.of("$T.ofNull()", JSON_VALUE);
    }
    if (value instanceof SpecValue.ListValue list) {
      TypeRef element = type instanceof TypeRef.ListOf l ? l.element() : type;
      CodeBlock.Builder elements = CodeBlock.builder();
      for (int i = 0; i < list.elements().size(); i++) {
        elements.add(i == 0 ? "$L" : ", $L", json(list.elements().get(i), element));
      }
      return CodeBlock.of("$T.ofArray($T.of($L))", JSON_VALUE, List.class, elements.build());
    }
    String text = value instanceof SpecValue.Scalar scalar ? scalar.text() : String.valueOf(value);
    BuiltinType base = scalarBase(type);
    if (base != null && base.isNumeric()) {
      return CodeBlock.of("$T.ofNumber(new $T($S))", JSON_VALUE, BigDecimal.class, text);
    }
    if (base == BuiltinType.BOOLEAN) {
      return CodeBlock.of("$T.ofBoolean($L)", JSON_VALUE, Boolean.parseBoolean(text));
    }
    return CodeBlock.of("$T.ofString($S)", JSON_VALUE, text);
  }

  private BuiltinType scalarBase(TypeRef type) {
    if (type instanceof TypeRef.Builtin builtin) {
      return builtin.type();
    }
    if (type instanceof TypeRef.OptionalOf optional) {
      return scalarBase(optional.element());
    }
    if (type instanceof TypeRef.Named named
        && context.types().named(named.name()) instanceof ValueType.Wrapper wrapper) {
      return wrapper.base();
    }
    return null;
  }
}
