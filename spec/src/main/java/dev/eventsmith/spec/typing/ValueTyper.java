package dev.eventsmith.spec.typing;

import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.Constraints;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecValue;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Types spec and upcast values against the fields they fill. The validator uses it to report
 * values that do not fit; the generator uses it to emit Java literals. Never throws for bad input.
 */
public final class ValueTyper {
  /** The built-in types a {@code $symbol} can stand for: those a test can generate stable values of. */
  private static final Set<BuiltinType> SYMBOL_BASES =
      EnumSet.of(BuiltinType.UUID, BuiltinType.STRING, BuiltinType.INT, BuiltinType.LONG);

  private ValueTyper() {}

  /** Either a typed value or the problems that kept the value from being typed. */
  public sealed interface Result {
    /** The typed value, if there was no problem. */
    Optional<TypedValue> value();

    /** The problems; empty when typed. */
    List<TypingProblem> problems();

    /** The value fits. */
    record Typed(TypedValue typed) implements Result {
      @Override
      public Optional<TypedValue> value() {
        return Optional.of(typed);
      }

      @Override
      public List<TypingProblem> problems() {
        return List.of();
      }
    }

    /** The value does not fit; {@code problems} is never empty. */
    record Failed(List<TypingProblem> problems) implements Result {
      @Override
      public Optional<TypedValue> value() {
        return Optional.empty();
      }
    }
  }

  /**
   * A message typed against its fields.
   *
   * @param values one value per field, in field declaration order, with {@link TypedValue.Absent}
   *     for optional fields left out; empty when there are problems
   * @param problems unknown fields, missing required fields and values that do not fit
   */
  public record MessageResult(List<TypedValue> values, List<TypingProblem> problems) {
    /** Whether every value fits. */
    public boolean isTyped() {
      return problems.isEmpty();
    }
  }

  /** Types one value against {@code type}, checking {@code inline} constraints (those written on the field). */
  public static Result type(SpecValue value, TypeRef type, Constraints inline, EventModel model) {
    List<TypingProblem> problems = new ArrayList<>();
    TypedValue typed = type(value, type, inline, model, problems);
    return problems.isEmpty() ? new Result.Typed(typed) : new Result.Failed(List.copyOf(problems));
  }

  /**
   * Types a whole message against {@code fields}: values come back in field order; values for
   * unknown fields, missing required fields and values that do not fit are problems.
   */
  public static MessageResult typeMessage(Message message, List<Field> fields, EventModel model) {
    List<TypingProblem> problems = new ArrayList<>();
    List<String> names = fields.stream().map(Field::name).toList();
    message.values().forEach((name, value) -> {
      if (!names.contains(name)) {
        problems.add(new TypingProblem(TypingProblem.Kind.UNKNOWN_FIELD,
            "'" + message.type() + "' has no field '" + name + "'" + DidYouMean.suffix(name, names),
            names.isEmpty() ? "Remove it; '" + message.type() + "' has no fields." : "Use one of: " + String.join(", ", names) + ".",
            message.keyPosition(name)));
      }
    });
    List<TypedValue> values = new ArrayList<>();
    for (Field field : fields) {
      SpecValue value = message.values().get(field.name());
      if (value == null) {
        if (field.type() instanceof TypeRef.OptionalOf) {
          values.add(new TypedValue.Absent());
        } else {
          problems.add(new TypingProblem(TypingProblem.Kind.MISSING_FIELD,
              "'" + message.type() + "' is missing the required field '" + field.name() + "'",
              "Add '" + field.name() + ": <" + field.type() + ">'; only optional fields ('T?') may be left out.",
              message.position()));
        }
        continue;
      }
      List<TypingProblem> fieldProblems = new ArrayList<>();
      TypedValue typed = type(value, field.type(), field.constraints(), model, fieldProblems);
      for (TypingProblem p : fieldProblems) {
        problems.add(new TypingProblem(p.kind(),
            "field '" + field.name() + "' of '" + message.type() + "': " + p.message(), p.hint(), p.position()));
      }
      values.add(typed);
    }
    return new MessageResult(problems.isEmpty() ? List.copyOf(values) : List.of(), List.copyOf(problems));
  }

  private static TypedValue type(SpecValue value, TypeRef type, Constraints inline, EventModel model, List<TypingProblem> problems) {
    if (type instanceof TypeRef.OptionalOf optional) {
      if (value instanceof SpecValue.Null) {
        return new TypedValue.Absent();
      }
      return new TypedValue.Present(type(value, optional.element(), inline, model, problems));
    }
    if (value instanceof SpecValue.Null) {
      return fail(problems, value, "a value is required here, but null was written",
          "Write a value of type " + type + "; only optional fields ('T?') may be null.");
    }
    if (value instanceof SpecValue.MapValue) {
      return fail(problems, value, "a mapping is not a value of type " + type, "Write a single value of type " + type + ".");
    }
    if (type instanceof TypeRef.ListOf list) {
      if (!(value instanceof SpecValue.ListValue values)) {
        return fail(problems, value, "a list is expected for type " + type, "Write the elements in brackets, e.g. [a, b].");
      }
      List<TypedValue> elements = new ArrayList<>();
      for (SpecValue element : values.elements()) {
        elements.add(type(element, list.element(), inline, model, problems));
      }
      return new TypedValue.ListOf(List.copyOf(elements));
    }
    if (value instanceof SpecValue.ListValue) {
      return fail(problems, value, "a list is not a value of type " + type, "Write a single value of type " + type + ".");
    }
    if (type instanceof TypeRef.Builtin builtin) {
      return scalar(value, builtin.type(), inline, problems);
    }
    String typeName = ((TypeRef.Named) type).name();
    Optional<ValueType> named = model.type(typeName);
    if (named.isEmpty()) {
      problems.add(new TypingProblem(TypingProblem.Kind.UNKNOWN_TYPE, "the field's type '" + typeName + "' is not declared",
          "Declare '" + typeName + "' under 'types:'.", position(value)));
      return new TypedValue.Absent();
    }
    if (named.get() instanceof ValueType.Wrapper wrapper) {
      int before = problems.size();
      TypedValue inner = scalar(value, wrapper.base(), wrapper.constraints(), problems);
      if (!inline.isEmpty() && problems.size() == before) {
        inner = scalar(value, wrapper.base(), inline, problems);
      }
      return new TypedValue.Wrapped(typeName, inner);
    }
    ValueType.Enumeration enumeration = (ValueType.Enumeration) named.get();
    if (value instanceof SpecValue.Scalar scalar && enumeration.constants().contains(scalar.text())) {
      return new TypedValue.EnumConstant(typeName, scalar.text());
    }
    String written = value instanceof SpecValue.Scalar s ? s.text() : "$" + ((SpecValue.Symbol) value).name();
    return fail(problems, value, "'" + written + "' is not a constant of " + typeName
            + DidYouMean.suffix(written, enumeration.constants()),
        "Write one of: " + String.join(", ", enumeration.constants()) + ".");
  }

  private static TypedValue scalar(SpecValue value, BuiltinType base, Constraints constraints, List<TypingProblem> problems) {
    if (value instanceof SpecValue.Symbol symbol) {
      if (base == BuiltinType.STRING && !constraints.isEmpty()
          && ScalarTyper.type(symbol.name(), base, constraints).value().isEmpty()) {
        // A string symbol stands for its own name, which has to fit like any literal.
        return fail(problems, value, "the symbol $" + symbol.name() + " stands for the string '" + symbol.name()
            + "', which does not satisfy the field's constraints (" + describe(constraints) + ")",
            "Write a literal string that satisfies them, or pick a symbol name that does.");
      }
      if ((base == BuiltinType.INT || base == BuiltinType.LONG) && !constraints.isEmpty()) {
        // Number symbols are hashes of their names: they would break a bound at test time.
        return fail(problems, value, "the symbol $" + symbol.name() + " cannot fill a number field with constraints ("
            + describe(constraints) + "): its made-up value would not satisfy them",
            "Write a literal " + base.yamlName() + " value that satisfies the constraints.");
      }
      if (SYMBOL_BASES.contains(base)) {
        return new TypedValue.SymbolRef(symbol.name(), base);
      }
      return fail(problems, value, "the symbol $" + symbol.name() + " cannot stand for a " + base.yamlName()
          + "; symbols stand for uuid, string, int and long values", "Write a literal " + base.yamlName() + " value.");
    }
    ScalarTyper.Outcome outcome = ScalarTyper.type(((SpecValue.Scalar) value).text(), base, constraints);
    if (outcome.value().isPresent()) {
      return outcome.value().get();
    }
    return fail(problems, value, outcome.message(), outcome.hint());
  }

  private static TypedValue fail(List<TypingProblem> problems, SpecValue value, String message, String hint) {
    problems.add(new TypingProblem(TypingProblem.Kind.DOES_NOT_FIT, message, hint, position(value)));
    return new TypedValue.Absent();
  }

  private static SourcePosition position(SpecValue value) {
    return value.position() != null ? value.position() : SourcePosition.unknown();
  }

  private static String describe(Constraints constraints) {
    List<String> parts = new ArrayList<>();
    constraints.pattern().ifPresent(p -> parts.add("pattern " + p));
    constraints.min().ifPresent(m -> parts.add("min " + m.toPlainString()));
    constraints.max().ifPresent(m -> parts.add("max " + m.toPlainString()));
    constraints.maxLength().ifPresent(m -> parts.add("maxLength " + m));
    constraints.scale().ifPresent(m -> parts.add("scale " + m));
    return String.join(", ", parts);
  }
}
