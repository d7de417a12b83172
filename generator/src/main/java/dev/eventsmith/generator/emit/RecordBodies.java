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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Builds the body of a generated record: one component per field and a compact constructor that
 * refuses nulls and values outside the field's constraints, and normalizes decimals so that equal
 * amounts are equal records (9.9 and 9.90 are the same price).
 */
final class RecordBodies {

  private final JavaTypes types;

  RecordBodies(JavaTypes types) {
    this.types = types;
  }

  /** A public record {@code name} with {@code fields}, validated in its compact constructor. */
  TypeSpec.Builder record(ClassName name, List<Field> fields) {
    TypeSpec.Builder record = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
    MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    for (Field field : fields) {
      TypeName type = types.of(field.type());
      // JavaPoet takes the record's components from the parameters of its canonical constructor.
      constructor.addParameter(ParameterSpec.builder(type, field.name()).build());
      addChecks(record, constructor, name.simpleName(), field, type);
    }
    return record.recordConstructor(constructor.build());
  }

  private void addChecks(
      TypeSpec.Builder record, MethodSpec.Builder constructor, String owner, Field field, TypeName type) {
    String name = field.name();
    if (!type.isPrimitive()) {
      String hint = field.type() instanceof TypeRef.OptionalOf ? " (use Optional.empty() for no value)" : "";
      constructor.addStatement("$T.requireNonNull($N, $S)", Objects.class, name, owner + "." + name + " is required" + hint);
    }
    Optional<Checked> checked = checkedScalar(field.type(), field.constraints());
    if (checked.isPresent()) {
      String method = "check" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      record.addMethod(checkMethod(record, owner + "." + field.name(), field.name(), field.constraints(),
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
        return Optional.of(CodeBlock.of("$T.copyOf($L)", List.class, expr));
      }
      return Optional.of(CodeBlock.of(
          "$T.copyOf($T.copyOf($L).stream().map($N -> $L).toList())", List.class, List.class, expr, var, inner.get()));
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
   * {@code private static T checkX(T value)}: throws on a violated constraint, returns the normal
   * form. For a value type, {@code checkX(Amount wrapped)} checks {@code wrapped.value()} and
   * returns {@code wrapped} as it is (the value type normalized it already).
   */
  MethodSpec checkMethod(TypeSpec.Builder record, String label, String fieldName, Constraints c, BuiltinType base,
      String method, Optional<TypeName> wrapper) {
    TypeName type = JavaTypes.of(base);
    MethodSpec.Builder check = MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(wrapper.orElse(type));
    if (wrapper.isPresent()) {
      check.addParameter(wrapper.get(), "wrapped").addStatement("$T value = wrapped.value()", type);
    } else {
      check.addParameter(type, "value");
    }
    String constant = constantPrefix(fieldName);
    if (c.pattern().isPresent()) {
      record.addField(FieldSpec.builder(Pattern.class, constant + "_PATTERN", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.compile($S)", Pattern.class, c.pattern().get())
          .build());
      check.beginControlFlow("if (!$N.matcher(value).matches())", constant + "_PATTERN")
          .addStatement("throw new $T($S + value + $S)", IllegalArgumentException.class,
              label + " must match " + c.pattern().get() + ", was '", "'")
          .endControlFlow();
    }
    if (c.maxLength().isPresent()) {
      check.beginControlFlow("if (value.length() > $L)", c.maxLength().get())
          .addStatement("throw new $T($S + value.length())", IllegalArgumentException.class,
              label + " must be at most " + c.maxLength().get() + " characters long, was ")
          .endControlFlow();
    }
    addBound(record, check, label, constant, base, c.min(), true);
    addBound(record, check, label, constant, base, c.max(), false);
    if (base == BuiltinType.DECIMAL && c.scale().isPresent()) {
      int scale = c.scale().get();
      check.beginControlFlow("if (value.stripTrailingZeros().scale() > $L)", scale)
          .addStatement("throw new $T($S + value.toPlainString())", IllegalArgumentException.class,
              label + " must have at most " + scale + " decimal places, was ")
          .endControlFlow();
    }
    if (wrapper.isPresent()) {
      check.addStatement("return wrapped");
    } else if (base == BuiltinType.DECIMAL) {
      if (c.scale().isPresent()) {
        check.addStatement("return value.setScale($L)", c.scale().get());
      } else {
        // One form per amount (9.9 equals 9.90), never scientific: 100 stays 100, not 1E+2.
        check.addStatement("$T stripped = value.stripTrailingZeros()", BigDecimal.class)
            .addStatement("return stripped.scale() < 0 ? stripped.setScale(0) : stripped");
      }
    } else {
      check.addStatement("return value");
    }
    return check.build();
  }

  private static void addBound(
      TypeSpec.Builder record, MethodSpec.Builder check, String label, String constant, BuiltinType base,
      Optional<BigDecimal> bound, boolean lower) {
    if (bound.isEmpty()) {
      return;
    }
    String words = lower ? " must be at least " : " must be at most ";
    String message = label + words + bound.get().toPlainString() + ", was ";
    String op = lower ? "<" : ">";
    if (base == BuiltinType.DECIMAL) {
      String field = constant + (lower ? "_MIN" : "_MAX");
      record.addField(FieldSpec.builder(BigDecimal.class, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S)", BigDecimal.class, bound.get().toPlainString())
          .build());
      check.beginControlFlow("if (value.compareTo($N) $L 0)", field, op)
          .addStatement("throw new $T($S + value.toPlainString())", IllegalArgumentException.class, message)
          .endControlFlow();
    } else {
      String literal = bound.get().toBigInteger().toString() + (base == BuiltinType.LONG ? "L" : "");
      check.beginControlFlow("if (value $L $L)", op, literal)
          .addStatement("throw new $T($S + value)", IllegalArgumentException.class, message)
          .endControlFlow();
    }
  }

  private static String constantPrefix(String fieldName) {
    return fieldName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
