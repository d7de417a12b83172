package dev.eventsmith.spec.model;

/**
 * The type of a field as written in the model: a built-in scalar, a named type from {@code types:},
 * a list, or an optional value.
 */
public sealed interface TypeRef {

  /** One of the built-in scalar types. */
  record Builtin(BuiltinType type) implements TypeRef {
    @Override
    public String toString() {
      return type.yamlName();
    }
  }

  /** A reference to a value type or enum declared under {@code types:}. */
  record Named(String name) implements TypeRef {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code list<T>}. */
  record ListOf(TypeRef element) implements TypeRef {
    @Override
    public String toString() {
      return "list<" + element + ">";
    }
  }

  /** {@code T?} or {@code optional: true}: the field may be absent. */
  record OptionalOf(TypeRef element) implements TypeRef {
    @Override
    public String toString() {
      return element + "?";
    }
  }
}
