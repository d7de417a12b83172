package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.Constraints;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Builds the body of a generated record: one component per field and a compact constructor that
 * refuses nulls and values outside the field's constraints, and normalizes decimals so that equal
 * amounts are equal records (9.9 and 9.90 are the same price). The checks themselves are the
 * runtime's {@code FieldChecks}, one line per constraint.
 */
final class RecordBodies {

  /** Keeps {@code private static final Pattern <PREFIX>_PATTERN_2 =} within a line. */
  private static final int MAX_CONSTANT_PREFIX = 48;

  private final JavaTypes types;

  RecordBodies(JavaTypes types) {
    this.types = types;
  }

  /** A public record {@code name} with {@code fields}, validated in its compact constructor. */
  TypeSpec.Builder record(ClassName name, List<Field> fields) {
    TypeSpec.Builder record = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
    MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    Set<String> constants = new HashSet<>();
    for (Field field : fields) {
      TypeName type = types.of(field.type());
      // JavaPoet takes the record's components from the parameters of its canonical constructor.
      constructor.addParameter(ParameterSpec.builder(type, field.name()).build());
      addChecks(record, constructor, name.simpleName(), field, type, constants);
    }
    return record.recordConstructor(constructor.build());
  }

  private void addChecks(TypeSpec.Builder record, MethodSpec.Builder constructor, String owner, Field field,
      TypeName type, Set<String> constants) {
    String name = field.name();
    String label = owner + "." + name;
    if (!type.isPrimitive()) {
      String required = label + " is required"
          + (field.type() instanceof TypeRef.OptionalOf ? " (use Optional.empty() for no value)" : "");
      constructor.addStatement("$T.requireNonNull($N,$W$L)", TypeNames.OBJECTS, name, Literals.string(required));
    }
    Optional<Checked> checked = checkedScalar(field.type(), field.constraints());
    if (checked.isPresent()) {
      String method = "check" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      record.addMethod(checkMethod(record, label, constantPrefix(name, constants), field.constraints(),
          checked.get().base(), method, checked.get().wrapper()));
      transform(field.type(), CodeBlock.of("$N", name), method, 0)
          .ifPresent(expr -> constructor.addStatement("$N = $L", name, expr));
    } else if (containsList(field.type())) {
      transform(field.type(), CodeBlock.of("$N", name), null, 0)
          .ifPresent(expr -> constructor.addStatement("$N = $L", name, expr));
    }
  }

  /**
   * The expression that checks and normalizes {@code expr} of {@code type}, or empty if the value
   * is kept as it is. Lists are always copied, so a record never shares a caller's mutable list.
   */
  private Optional<CodeBlock> transform(TypeRef type, CodeBlock expr, String checkMethod, int depth) {
    if (type instanceof TypeRef.Builtin || type instanceof TypeRef.Named) {
      return checkMethod == null ? Optional.empty() : Optional.of(CodeBlock.of("$N($L)", checkMethod, expr));
    }
    // '$' cannot appear in a model's field names, so the lambda never shadows a component.
    String var = "v$" + depth;
    if (type instanceof TypeRef.ListOf list) {
      Optional<CodeBlock> inner = transform(list.element(), CodeBlock.of("$N", var), checkMethod, depth + 1);
      if (inner.isEmpty()) {
        return Optional.of(CodeBlock.of("$T.copyOf($L)", TypeNames.LIST, expr));
      }
      return Optional.of(CodeBlock.of("$T.copyOf($T.copyOf($L).stream()$Z.map($N -> $L)$Z.toList())",
          TypeNames.LIST, TypeNames.LIST, expr, var, inner.get()));
    }
    TypeRef.OptionalOf optional = (TypeRef.OptionalOf) type;
    return transform(optional.element(), CodeBlock.of("$N", var), checkMethod, depth + 1)
        .map(inner -> CodeBlock.of("$L.map($N -> $L)", expr, var, inner));
  }

  private static boolean containsList(TypeRef type) {
    if (type instanceof TypeRef.ListOf) {
      return true;
    }
    return type instanceof TypeRef.OptionalOf optional && containsList(optional.element());
  }

  /**
   * What the values of a field need checked: its built-in scalar, or the scalar inside a value type
   * when the field adds constraints of its own to the type's (both sets apply).
   */
  private record Checked(BuiltinType base, Optional<TypeName> wrapper) {}

  private Optional<Checked> checkedScalar(TypeRef type, Constraints constraints) {
    TypeRef inner = type;
    while (!(inner instanceof TypeRef.Builtin) && !(inner instanceof TypeRef.Named)) {
      inner = inner instanceof TypeRef.ListOf list ? list.element() : ((TypeRef.OptionalOf) inner).element();
    }
    if (inner instanceof TypeRef.Named named) {
      if (!constraints.isEmpty() && types.named(named.name()) instanceof ValueType.Wrapper wrapper) {
        return Optional.of(new Checked(wrapper.base(), Optional.of(types.of(inner))));
      }
      return Optional.empty();
    }
    BuiltinType builtin = ((TypeRef.Builtin) inner).type();
    boolean needed = !constraints.isEmpty() || builtin == BuiltinType.DECIMAL;
    return needed ? Optional.of(new Checked(builtin, Optional.empty())) : Optional.empty();
  }

  /**
   * {@code private static T checkX(T value)}: one {@code FieldChecks} call per constraint, then
   * the normal form. For a value type, {@code checkX(Amount wrapped)} checks
   * {@code wrapped.value()} and returns {@code wrapped} as it is (the value type normalized it).
   */
  private MethodSpec checkMethod(TypeSpec.Builder record, String label, String constant, Constraints c,
      BuiltinType base, String method, Optional<TypeName> wrapper) {
    TypeName type = JavaTypes.of(base);
    MethodSpec.Builder check = MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(wrapper.orElse(type));
    if (wrapper.isPresent()) {
      check.addParameter(wrapper.get(), "wrapped").addStatement("$T value = wrapped.value()", type);
    } else {
      check.addParameter(type, "value");
    }
    CodeBlock field = Literals.string(label);
    if (c.pattern().isPresent()) {
      String pattern = constant + "_PATTERN";
      record.addField(FieldSpec.builder(TypeNames.PATTERN, pattern, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.compile($L)", TypeNames.PATTERN, Literals.string(c.pattern().get()))
          .build());
      check.addStatement("$T.matches(value,$W$N,$W$L)", TypeNames.FIELD_CHECKS, pattern, field);
    }
    c.maxLength().ifPresent(max ->
        check.addStatement("$T.maxLength(value,$W$L,$W$L)", TypeNames.FIELD_CHECKS, max, field));
    addBound(record, check, field, constant, base, c.min(), true);
    addBound(record, check, field, constant, base, c.max(), false);
    if (wrapper.isPresent()) {
      if (base == BuiltinType.DECIMAL && c.scale().isPresent()) {
        // The value type fixed its own scale; the field's must still allow the digits it has.
        check.addStatement("$T.scale(value,$W$L,$W$L)", TypeNames.FIELD_CHECKS, c.scale().get(), field);
      }
      check.addStatement("return wrapped");
    } else if (base == BuiltinType.DECIMAL) {
      if (c.scale().isPresent()) {
        check.addStatement("return $T.scale(value,$W$L,$W$L)", TypeNames.FIELD_CHECKS, c.scale().get(), field);
      } else {
        check.addStatement("return $T.normalized(value)", TypeNames.FIELD_CHECKS);
      }
    } else {
      check.addStatement("return value");
    }
    return check.build();
  }

  private static void addBound(TypeSpec.Builder record, MethodSpec.Builder check, CodeBlock field, String constant,
      BuiltinType base, Optional<BigDecimal> bound, boolean lower) {
    if (bound.isEmpty()) {
      return;
    }
    String checkName = lower ? "atLeast" : "atMost";
    if (base == BuiltinType.DECIMAL) {
      String name = constant + (lower ? "_MIN" : "_MAX");
      record.addField(FieldSpec.builder(TypeNames.BIG_DECIMAL, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S)", TypeNames.BIG_DECIMAL, bound.get().toPlainString())
          .build());
      check.addStatement("$T.$N(value,$W$N,$W$L)", TypeNames.FIELD_CHECKS, checkName, name, field);
    } else {
      String literal = bound.get().toBigInteger().toString() + (base == BuiltinType.LONG ? "L" : "");
      check.addStatement("$T.$N(value,$W$L,$W$L)", TypeNames.FIELD_CHECKS, checkName, literal, field);
    }
  }

  /**
   * {@code unitPrice} gives {@code UNIT_PRICE}; a second field of the record that gives the same
   * ({@code unitPRICE}) gets {@code UNIT_PRICE_2}, so that no two constants collide. A prefix too
   * long for its declaration to fit a line is cut short.
   */
  private static String constantPrefix(String fieldName, Set<String> used) {
    String snake = fieldName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    String base = snake.length() > MAX_CONSTANT_PREFIX ? snake.substring(0, MAX_CONSTANT_PREFIX) : snake;
    String name = base;
    for (int n = 2; !used.add(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }
}
