package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Emits named value types: a one-component record per wrapper type, a Java enum per enumeration. */
final class ValueTypeEmitter {

  private final Context context;

  ValueTypeEmitter(Context context) {
    this.context = context;
  }

  TypeSpec emit(ValueType type) {
    ClassName name = context.names().element(type.name());
    if (type instanceof ValueType.Enumeration enumeration) {
      TypeSpec.Builder builder = TypeSpec.enumBuilder(name)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("$L", Docs.javadoc(0, "The enumeration {@code " + type.name() + "}, declared at "
              + Docs.text(type.position()) + "."));
      enumeration.constants().forEach(builder::addEnumConstant);
      return context.mark(builder).build();
    }
    ValueType.Wrapper wrapper = (ValueType.Wrapper) type;
    Field value = new Field("value", new TypeRef.Builtin(wrapper.base()), wrapper.constraints(), wrapper.position());
    TypeSpec.Builder record = context.records().record(name, List.of(value))
        .addJavadoc("$L", Docs.javadoc(0, "The value type {@code " + type.name() + "} (" + wrapper.base().yamlName()
            + "), declared at " + Docs.text(type.position()) + "."))
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $T.valueOf(value)", String.class)
            .build());
    return context.mark(record).build();
  }
}
