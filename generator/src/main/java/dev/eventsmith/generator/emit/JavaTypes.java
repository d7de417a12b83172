package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;

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
      return ParameterizedTypeName.get(TypeNames.LIST, of(list.element()).box());
    }
    TypeRef.OptionalOf optional = (TypeRef.OptionalOf) type;
    return ParameterizedTypeName.get(TypeNames.OPTIONAL, of(optional.element()).box());
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
        return TypeNames.BIG_DECIMAL;
      case BOOLEAN:
        return TypeName.BOOLEAN;
      case UUID:
        return TypeNames.UUID;
      case INSTANT:
        return TypeNames.INSTANT;
      case DATE:
        return TypeNames.LOCAL_DATE;
      default:
        throw new IllegalArgumentException("unmapped built-in type " + type);
    }
  }

  /** The named type's declaration; the model was validated, so it exists. */
  ValueType named(String name) {
    return model.type(name).orElseThrow(() -> new IllegalStateException("unknown type " + name));
  }
}
