package dev.eventsmith.spec.typing;

import dev.eventsmith.spec.model.BuiltinType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A spec or upcast value typed against the field it fills: what the generator turns into a Java
 * literal and the validator has checked against the field's type and constraints.
 */
public sealed interface TypedValue {

  /** A {@code string}. */
  record Text(String value) implements TypedValue {}

  /** An {@code int}. */
  record Int32(int value) implements TypedValue {}

  /** A {@code long}. */
  record Int64(long value) implements TypedValue {}

  /** A {@code decimal}, with the scale as written ({@code 9.90} keeps two digits). */
  record Decimal(BigDecimal value) implements TypedValue {}

  /** A {@code boolean}. */
  record Bool(boolean value) implements TypedValue {}

  /** A {@code uuid}. */
  record Uuid(UUID value) implements TypedValue {}

  /** An {@code instant}. */
  record InstantValue(Instant value) implements TypedValue {}

  /** A {@code date}. */
  record DateValue(LocalDate value) implements TypedValue {}

  /** A symbol such as {@code $cart} standing for one stable value of {@code base} within a spec. */
  record SymbolRef(String name, BuiltinType base) implements TypedValue {}

  /** A value of the named wrapper type {@code typeName}, e.g. {@code Sku}. */
  record Wrapped(String typeName, TypedValue value) implements TypedValue {}

  /** A constant of the named enum type {@code typeName}. */
  record EnumConstant(String typeName, String constant) implements TypedValue {}

  /** A {@code list<T>} value. */
  record ListOf(List<TypedValue> elements) implements TypedValue {}

  /** An optional field that has a value. */
  record Present(TypedValue value) implements TypedValue {}

  /** An optional field left out or written as {@code null}. */
  record Absent() implements TypedValue {}
}
