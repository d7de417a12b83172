package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.Constraints;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.TypeRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/** Reads {@code fields:} mappings, type expressions and constraints. */
final class FieldReader {
  static final List<String> CONSTRAINT_KEYS = List.of("pattern", "min", "max", "scale", "maxLength");
  private static final List<String> LONG_FORM_KEYS =
      List.of("type", "optional", "pattern", "min", "max", "scale", "maxLength");
  private static final List<String> VIEW_LONG_FORM_KEYS =
      List.of("type", "optional", "pattern", "min", "max", "scale", "maxLength", "computed");

  private final NodeReader nodes;

  FieldReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  /** The fields of {@code owner} (e.g. "event 'ItemAdded'"), in the order written. */
  List<Field> fields(YamlNode node, String owner) {
    return fields(node, owner, false);
  }

  /** The fields of a view, which may be marked {@code computed}. */
  List<Field> viewFields(YamlNode node, String owner) {
    return fields(node, owner, true);
  }

  private List<Field> fields(YamlNode node, String owner, boolean view) {
    List<Field> fields = new ArrayList<>();
    nodes.mapping(node, "the fields of " + owner).ifPresent(mapping -> {
      for (YamlMapping.Entry entry : mapping.entries()) {
        fields.add(field(entry, owner, view));
      }
    });
    return List.copyOf(fields);
  }

  private Field field(YamlMapping.Entry entry, String owner, boolean view) {
    String what = "field '" + entry.name() + "' of " + owner;
    YamlNode value = entry.value();
    TypeRef type = new TypeRef.Builtin(BuiltinType.STRING);
    Constraints constraints = Constraints.none();
    boolean computed = false;
    if (value instanceof YamlMapping longForm) {
      nodes.checkKeys(longForm, what, view ? VIEW_LONG_FORM_KEYS : LONG_FORM_KEYS, List.of("type"),
          entry.key().position());
      computed = view
          && longForm.get("computed").flatMap(n -> nodes.bool(n, "'computed' of " + what)).orElse(false);
      Optional<YamlNode> typeNode = longForm.get("type");
      if (typeNode.isPresent()) {
        type = typeExpression(typeNode.get(), what);
      }
      boolean optional = longForm.get("optional").flatMap(n -> nodes.bool(n, "'optional' of " + what)).orElse(false);
      if (optional && !(type instanceof TypeRef.OptionalOf)) {
        type = new TypeRef.OptionalOf(type);
      }
      constraints = constraints(longForm, what);
    } else {
      type = typeExpression(value, what);
    }
    return new Field(entry.name(), type, constraints, entry.key().position(), computed);
  }

  /** A type expression; a bad one is reported and read as {@code string} so that reading goes on. */
  TypeRef typeExpression(YamlNode node, String what) {
    Optional<YamlScalar> text = nodes.text(node, "the type of " + what);
    if (text.isEmpty()) {
      return new TypeRef.Builtin(BuiltinType.STRING);
    }
    try {
      return TypeExpressions.parse(text.get().text());
    } catch (TypeExpressions.Invalid e) {
      nodes.diagnostics().report(DiagnosticCode.BAD_TYPE_EXPRESSION, node.position(),
          "the type '" + text.get().text() + "' of " + what + " is not a valid type expression: " + e.getMessage(),
          "Write a built-in type (string, int, long, decimal, boolean, uuid, instant, date), a name from 'types:', "
              + "'list<T>' or 'T?'.");
      return new TypeRef.Builtin(BuiltinType.STRING);
    }
  }

  /** The constraint keys of {@code mapping}; other keys are left to the caller. */
  Constraints constraints(YamlMapping mapping, String what) {
    Optional<String> pattern = mapping.get("pattern").flatMap(n -> nodes.text(n, "'pattern' of " + what)).map(YamlScalar::text);
    if (pattern.isPresent()) {
      try {
        java.util.regex.Pattern.compile(pattern.get());
      } catch (PatternSyntaxException e) {
        nodes.diagnostics().report(DiagnosticCode.INVALID_CONSTRAINT, mapping.get("pattern").orElseThrow().position(),
            "the pattern of " + what + " is not a valid regular expression: " + e.getDescription(),
            "Write a Java regular expression; quote it in YAML, e.g. pattern: \"[A-Z]{3}\".");
        pattern = Optional.empty();
      }
    }
    Optional<BigDecimal> min = mapping.get("min").flatMap(n -> nodes.decimal(n, "'min' of " + what));
    Optional<BigDecimal> max = mapping.get("max").flatMap(n -> nodes.decimal(n, "'max' of " + what));
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      nodes.diagnostics().report(DiagnosticCode.INVALID_CONSTRAINT, mapping.get("max").orElseThrow().position(),
          "the max " + max.get().toPlainString() + " of " + what + " is below its min " + min.get().toPlainString(),
          "Make max at least as large as min.");
    }
    Optional<Integer> scale = mapping.get("scale").flatMap(n -> nodes.integer(n, "'scale' of " + what, 0));
    Optional<Integer> maxLength = mapping.get("maxLength").flatMap(n -> nodes.integer(n, "'maxLength' of " + what, 1));
    return new Constraints(pattern, min, max, scale, maxLength);
  }
}
