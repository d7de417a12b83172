package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.SpecValue;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.Upcast;
import dev.eventsmith.spec.model.ValueType;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The code that brings a stored payload of an older schema version up to the current one, step by
 * step: for each declared step from version N, rename fields, drop fields, then set the listed
 * fields where the payload has none. Versions without a step are read as they are.
 */
final class UpcastCode {

  private static final ClassName JSON_VALUE = ClassName.get("dev.eventsmith.runtime.codec", "JsonValue");

  private final Context context;

  UpcastCode(Context context) {
    this.context = context;
  }

  boolean needed(EventDef event) {
    return !event.upcasts().isEmpty();
  }

  static String methodName(EventDef event) {
    return "upcast" + event.name();
  }

  Optional<MethodSpec> method(EventDef event) {
    if (!needed(event)) {
      return Optional.empty();
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder(methodName(event))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(JSON_VALUE)
        .addParameter(JSON_VALUE, "json")
        .addParameter(int.class, "schemaVersion")
        .addStatement("$T result = json", JSON_VALUE);
    List<Upcast> steps = event.upcasts().stream().sorted(Comparator.comparingInt(Upcast::from)).toList();
    for (Upcast step : steps) {
      method.beginControlFlow("if (schemaVersion <= $L)", step.from())
          .addComment("$L v$L -> v$L, declared at $L", event.name(), step.from(), step.from() + 1, step.position());
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
