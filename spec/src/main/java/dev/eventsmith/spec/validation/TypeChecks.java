package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.Constraints;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Field types must name declared types, and constraints must suit the type they constrain. */
final class TypeChecks {
  private final EventModel model;
  private final Diagnostics diagnostics;

  TypeChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
  }

  void run() {
    for (ValueType type : model.types()) {
      if (type instanceof ValueType.Wrapper w) {
        constraintsFit(w.constraints(), Optional.of(w.base()), "type '" + w.name() + "'", w.position());
      }
    }
    for (Fields.Owned owned : Fields.all(model)) {
      Field field = owned.field();
      String what = "field '" + field.name() + "' of " + owned.owner();
      Optional<String> unknown = unknownName(field.type());
      if (unknown.isPresent()) {
        List<String> known = new ArrayList<>(model.types().stream().map(ValueType::name).toList());
        Arrays.stream(BuiltinType.values()).forEach(b -> known.add(b.yamlName()));
        diagnostics.report(DiagnosticCode.UNKNOWN_TYPE, field.position(),
            "the type '" + unknown.get() + "' of " + what + " is not declared" + DidYouMean.typeSuffix(unknown.get(), known),
            "Use a built-in type (string, int, long, decimal, boolean, uuid, instant, date) or declare '"
                + unknown.get() + "' under 'types:'.");
      } else if (!field.constraints().isEmpty()) {
        Optional<ValueType> named = named(field.type());
        if (named.isPresent() && named.get() instanceof ValueType.Enumeration) {
          diagnostics.report(DiagnosticCode.CONSTRAINT_ON_WRONG_BASE, field.position(),
              what + " has constraints, but its type '" + named.get().name() + "' is an enum",
              "Remove the constraints; an enum's values are its constants.");
        } else {
          constraintsFit(field.constraints(), base(field.type()), what, field.position());
        }
      }
    }
  }

  private void constraintsFit(Constraints c, Optional<BuiltinType> base, String what, SourcePosition position) {
    if (base.isEmpty()) {
      return;
    }
    BuiltinType type = base.get();
    List<String> wrong = new ArrayList<>();
    if (type != BuiltinType.STRING) {
      c.pattern().ifPresent(p -> wrong.add("pattern"));
      c.maxLength().ifPresent(p -> wrong.add("maxLength"));
    }
    if (!type.isNumeric()) {
      c.min().ifPresent(p -> wrong.add("min"));
      c.max().ifPresent(p -> wrong.add("max"));
      c.scale().ifPresent(p -> wrong.add("scale"));
    }
    if (!wrong.isEmpty()) {
      diagnostics.report(DiagnosticCode.CONSTRAINT_ON_WRONG_BASE, position,
          what + " is a " + type.yamlName() + " but has " + String.join(", ", wrong),
          "pattern and maxLength apply to strings, min, max and scale to int, long and decimal; remove the others.");
    }
    if (type == BuiltinType.INT || type == BuiltinType.LONG) {
      wholeBound("min", c.min(), type, what, position);
      wholeBound("max", c.max(), type, what, position);
    }
  }

  /** A bound of an int or long is a whole number the type can hold: generated code compares with it as a literal. */
  private void wholeBound(String key, Optional<BigDecimal> bound, BuiltinType type, String what, SourcePosition position) {
    if (bound.isEmpty()) {
      return;
    }
    BigDecimal lowest = BigDecimal.valueOf(type == BuiltinType.INT ? Integer.MIN_VALUE : Long.MIN_VALUE);
    BigDecimal highest = BigDecimal.valueOf(type == BuiltinType.INT ? Integer.MAX_VALUE : Long.MAX_VALUE);
    BigDecimal value = bound.get();
    if (value.stripTrailingZeros().scale() > 0 || value.compareTo(lowest) < 0 || value.compareTo(highest) > 0) {
      diagnostics.report(DiagnosticCode.INVALID_CONSTRAINT, position,
          "the " + key + " " + value.toPlainString() + " of " + what + " is not a whole number an " + type.yamlName()
              + " can hold (" + lowest.toPlainString() + " to " + highest.toPlainString() + ")",
          "Write a whole number in that range, or make the field a " + (type == BuiltinType.INT ? "long or " : "")
              + "decimal.");
    }
  }

  private Optional<String> unknownName(TypeRef type) {
    TypeRef inner = innermost(type);
    if (inner instanceof TypeRef.Named n && model.type(n.name()).isEmpty()) {
      return Optional.of(n.name());
    }
    return Optional.empty();
  }

  private Optional<ValueType> named(TypeRef type) {
    TypeRef inner = innermost(type);
    return inner instanceof TypeRef.Named n ? model.type(n.name()) : Optional.empty();
  }

  /** The built-in type that constraints of a field apply to: its own, or its wrapper type's base. */
  private Optional<BuiltinType> base(TypeRef type) {
    TypeRef inner = innermost(type);
    if (inner instanceof TypeRef.Builtin b) {
      return Optional.of(b.type());
    }
    return named(type).filter(ValueType.Wrapper.class::isInstance).map(t -> ((ValueType.Wrapper) t).base());
  }

  static TypeRef innermost(TypeRef type) {
    TypeRef t = type;
    while (true) {
      if (t instanceof TypeRef.OptionalOf o) {
        t = o.element();
      } else if (t instanceof TypeRef.ListOf l) {
        t = l.element();
      } else {
        return t;
      }
    }
  }
}
