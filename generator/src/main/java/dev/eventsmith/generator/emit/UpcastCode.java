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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The code that brings a stored payload of an older schema version up to the current one, one
 * version at a time: for each version, the step written in Java (given to the codec with
 * {@code withUpcasters}) if there is one, else the step declared in the model (rename fields,
 * drop fields, then set the listed fields where the payload has none). A version without a step
 * is read as it is. The bookkeeping of Java steps is the runtime's {@code CodecChecks}.
 */
final class UpcastCode {

  private static final TypeName UPCASTERS =
      ParameterizedTypeName.get(TypeNames.MAP, ClassName.get(String.class), TypeNames.UPCASTER);

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
    return MethodSpec.methodBuilder("withUpcasters")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L", Docs.javadoc(1, "This codec plus upcasting steps written in Java, for changes the"
            + " model's {@code upcast:} cannot declare. A step replaces the declared step of the same type and"
            + " version.\n@throws IllegalArgumentException for a step of an unknown type, of a version the event"
            + " does not have, or a second step for the same type and version"))
        .varargs(true)
        .returns(codec)
        .addParameter(ArrayTypeName.of(TypeNames.UPCASTER), "steps")
        .addStatement("return new $T($T.withUpcasters($L,$Wupcasters,$W$T.VERSIONS,$Wsteps))", codec,
            TypeNames.CODEC_CHECKS, Literals.string(context.model().name()), context.names().eventTypes())
        .build();
  }

  /** One step of any type: the Java step if given, else the declared one, else the payload unchanged. */
  MethodSpec step() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("upcastStep")
        .addModifiers(Modifier.PRIVATE)
        .returns(TypeNames.JSON_VALUE)
        .addParameter(String.class, "type")
        .addParameter(int.class, "fromVersion")
        .addParameter(TypeNames.JSON_VALUE, "json")
        .addStatement("$T<$T> custom =$W$T.customStep(upcasters, type, fromVersion, json)", TypeNames.OPTIONAL,
            TypeNames.JSON_VALUE, TypeNames.CODEC_CHECKS)
        .beginControlFlow("if (custom.isPresent())")
        .addStatement("return custom.get()")
        .endControlFlow();
    List<EventDef> declaring = context.model().events().stream()
        .filter(e -> !e.upcasts().isEmpty())
        .sorted(Comparator.comparing(EventDef::storedName))
        .toList();
    if (!declaring.isEmpty()) {
      method.beginControlFlow("switch (type)");
      for (EventDef event : declaring) {
        method.addCode("case $L:\n", Literals.string(event.storedName()))
            .addStatement("$>return $N(json,$WfromVersion)$<", methodName(event));
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
        .returns(TypeNames.JSON_VALUE)
        .addParameter(TypeNames.JSON_VALUE, "json")
        .addParameter(int.class, "fromVersion")
        .addStatement("$T result = json", TypeNames.JSON_VALUE);
    List<Upcast> steps = event.upcasts().stream().sorted(Comparator.comparingInt(Upcast::from)).toList();
    for (Upcast step : steps) {
      method.beginControlFlow("if (fromVersion == $L)", step.from());
      for (String line : Docs.wrap(event.name() + " v" + step.from() + " -> v" + (step.from() + 1) + ", declared at "
          + Docs.text(step.position()), Docs.COLUMNS - 9)) {
        method.addComment("$L", line);
      }
      for (Map.Entry<String, String> rename : step.rename().entrySet()) {
        method.addStatement("result = result.renamed($S,$W$S)", rename.getKey(), rename.getValue());
      }
      for (String drop : step.drop()) {
        method.addStatement("result = result.without($S)", drop);
      }
      for (Map.Entry<String, SpecValue> set : step.set().entrySet()) {
        TypeRef type = event.fields().stream().filter(f -> f.name().equals(set.getKey())).findFirst()
            .map(Field::type).orElse(new TypeRef.Builtin(BuiltinType.STRING));
        method.beginControlFlow("if (!result.has($S))", set.getKey())
            .addStatement("result = result.with($S,$W$L)", set.getKey(), json(set.getValue(), type))
            .endControlFlow();
      }
      method.endControlFlow();
    }
    return Optional.of(method.addStatement("return result").build());
  }

  /** A JsonValue expression for a declared default, written as a number, boolean or string by the field's type. */
  private CodeBlock json(SpecValue value, TypeRef type) {
    if (value instanceof SpecValue.Null) {
      return CodeBlock.of("$T.ofNull()", TypeNames.JSON_VALUE);
    }
    if (value instanceof SpecValue.ListValue list) {
      TypeRef element = type instanceof TypeRef.ListOf l ? l.element() : type;
      CodeBlock.Builder elements = CodeBlock.builder();
      for (int i = 0; i < list.elements().size(); i++) {
        elements.add(i == 0 ? "$L" : ",$W$L", json(list.elements().get(i), element));
      }
      return CodeBlock.of("$T.ofArray($T.of($L))", TypeNames.JSON_VALUE, TypeNames.LIST, elements.build());
    }
    String text = value instanceof SpecValue.Scalar scalar ? scalar.text() : String.valueOf(value);
    BuiltinType base = scalarBase(type);
    if (base != null && base.isNumeric()) {
      return CodeBlock.of("$T.ofNumber(new $T($L))", TypeNames.JSON_VALUE, TypeNames.BIG_DECIMAL, Literals.string(text));
    }
    if (base == BuiltinType.BOOLEAN) {
      return CodeBlock.of("$T.ofBoolean($L)", TypeNames.JSON_VALUE, Boolean.parseBoolean(text));
    }
    return CodeBlock.of("$T.ofString($L)", TypeNames.JSON_VALUE, Literals.string(text));
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
