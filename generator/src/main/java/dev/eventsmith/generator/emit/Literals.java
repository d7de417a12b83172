package dev.eventsmith.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.typing.TypedValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Java expressions for spec values that the validator already typed against their fields. */
final class Literals {

  private final Names names;

  Literals(Names names) {
    this.names = names;
  }

  /** The expression for {@code value}; symbols become calls on the local {@code symbols}. */
  CodeBlock of(TypedValue value) {
    if (value instanceof TypedValue.Text text) {
      return CodeBlock.of("$S", text.value());
    }
    if (value instanceof TypedValue.Int32 number) {
      return CodeBlock.of("$L", number.value());
    }
    if (value instanceof TypedValue.Int64 number) {
      return CodeBlock.of("$LL", number.value());
    }
    if (value instanceof TypedValue.Decimal decimal) {
      return CodeBlock.of("new $T($S)", BigDecimal.class, decimal.value().toPlainString());
    }
    if (value instanceof TypedValue.Bool bool) {
      return CodeBlock.of("$L", bool.value());
    }
    if (value instanceof TypedValue.Uuid uuid) {
      return CodeBlock.of("$T.fromString($S)", UUID.class, uuid.value().toString());
    }
    if (value instanceof TypedValue.InstantValue instant) {
      return CodeBlock.of("$T.parse($S)", Instant.class, instant.value().toString());
    }
    if (value instanceof TypedValue.DateValue date) {
      return CodeBlock.of("$T.parse($S)", LocalDate.class, date.value().toString());
    }
    if (value instanceof TypedValue.SymbolRef symbol) {
      return CodeBlock.of("symbols.$N($S)", symbolMethod(symbol.base()), symbol.name());
    }
    if (value instanceof TypedValue.Wrapped wrapped) {
      return CodeBlock.of("new $T($L)", names.element(wrapped.typeName()), of(wrapped.value()));
    }
    if (value instanceof TypedValue.EnumConstant constant) {
      return CodeBlock.of("$T.$N", names.element(constant.typeName()), constant.constant());
    }
    if (value instanceof TypedValue.ListOf list) {
      return CodeBlock.of("$T.of($L)", List.class, join(list.elements()));
    }
    if (value instanceof TypedValue.Present present) {
      return CodeBlock.of("$T.of($L)", Optional.class, of(present.value()));
    }
    if (value instanceof TypedValue.Absent) {
      return CodeBlock.of("$T.empty()", Optional.class);
    }
    throw new IllegalArgumentException("unknown typed value " + value);
  }

  /** Comma-separated expressions. */
  CodeBlock join(List<TypedValue> values) {
    CodeBlock.Builder joined = CodeBlock.builder();
    for (int i = 0; i < values.size(); i++) {
      joined.add(i == 0 ? "$L" : ", $L", of(values.get(i)));
    }
    return joined.build();
  }

  private static String symbolMethod(BuiltinType base) {
    switch (base) {
      case UUID:
        return "uuid";
      case STRING:
        return "string";
      case INT:
        return "int32";
      case LONG:
        return "int64";
      default:
        throw new IllegalArgumentException("symbols cannot stand for " + base.yamlName() + " values");
    }
  }
}
