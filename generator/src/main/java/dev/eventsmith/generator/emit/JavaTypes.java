package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Maps the model's field types to Java types. */
final class JavaTypes {

  private final EventModel model;
  private final Names names;

  JavaTypes(EventModel model, Names names) {
    this.model = model;
    this.names = names;
  }

  TypeName of(TypeRef type) {
    if (type instanceof TypeRef.Builtin builtin) {
      return of(builtin.type());
    }
    if (type instanceof TypeRef.Named named) {
      return names.element(named.name());
    }
    if (type instanceof TypeRef.ListOf list) {
      return ParameterizedTypeName.get(ClassName.get(List.class), of(list.element()).box());
    }
    TypeRef.OptionalOf optional = (TypeRef.OptionalOf) type;
    return ParameterizedTypeName.get(ClassName.get(Optional.class), of(optional.element()).box());
  }

  static TypeName of(BuiltinType type) {
    switch (type) {
      case STRING:
        return ClassName.get(String.class);
      case INT:
        return TypeName.INT;
      case LONG:
        return TypeName.LONG;
      case DECIMAL:
        return ClassName.get(BigDecimal.class);
      case BOOLEAN:
        return TypeName.BOOLEAN;
      case UUID:
        return ClassName.get(UUID.class);
      case INSTANT:
        return ClassName.get(Instant.class);
      case DATE:
        return ClassName.get(LocalDate.class);
      default:
        throw new IllegalArgumentException("unmapped built-in type " + type);
    }
  }

  /** The named type's declaration; the model was validated, so it exists. */
  ValueType named(String name) {
    return model.type(name).orElseThrow(() -> new IllegalStateException("unknown type " + name));
  }
}
