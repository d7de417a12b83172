package dev.eventsmith.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.typing.TypedValue;
import java.util.List;

/** Java expressions for spec values that the validator already typed against their fields. */
final class Literals {

  /**
   * The longest piece of a string literal, in characters as written (escapes included). Longer
   * texts become {@code "..." + "..."}, a constant expression javac folds back into one string,
   * whose pieces each fit a line of their own.
   */
  private static final int PIECE = 72;

  private final Names names;

  Literals(Names names) {
    this.names = names;
  }

  /**
   * {@code text} as a string literal, in pieces that may wrap onto lines of their own; a long text
   * is cut after a space where it has one.
   */
  static CodeBlock string(String text) {
    CodeBlock.Builder literal = CodeBlock.builder();
    int start = 0;
    int written = 0;
    int lastSpace = -1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = escapedWidth(c);
      if (written + width > PIECE && i > start) {
        int cut = lastSpace > start ? lastSpace : i;
        literal.add(start == 0 ? "$S" : "$W+ $S", text.substring(start, cut));
        written = escapedLength(text.substring(cut, i));
        start = cut;
        lastSpace = -1;
      }
      written += width;
      i += Character.charCount(c);
      // A space in the second half of a piece is a good end for it; an earlier one would waste the line.
      if (c == ' ' && written >= PIECE / 2) {
        lastSpace = i;
      }
    }
    literal.add(start == 0 ? "$S" : "$W+ $S", text.substring(start));
    return literal.build();
  }

  private static int escapedLength(String text) {
    return text.codePoints().map(Literals::escapedWidth).sum();
  }

  /** How many characters JavaPoet writes for {@code c} inside a string literal. */
  private static int escapedWidth(int c) {
    if (c == '"' || c == '\\' || c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
      return 2;
    }
    if (c < 0x20 || Character.isISOControl(c)) {
      return 6;
    }
    return Character.charCount(c);
  }

  /** The expression for {@code value}; symbols become calls on the local {@code symbols}. */
  CodeBlock of(TypedValue value) {
    if (value instanceof TypedValue.Text text) {
      return string(text.value());
    }
    if (value instanceof TypedValue.Int32 number) {
      return CodeBlock.of("$L", number.value());
    }
    if (value instanceof TypedValue.Int64 number) {
      return CodeBlock.of("$LL", number.value());
    }
    if (value instanceof TypedValue.Decimal decimal) {
      return CodeBlock.of("new $T($L)", TypeNames.BIG_DECIMAL, string(decimal.value().toPlainString()));
    }
    if (value instanceof TypedValue.Bool bool) {
      return CodeBlock.of("$L", bool.value());
    }
    if (value instanceof TypedValue.Uuid uuid) {
      return CodeBlock.of("$T.fromString($S)", TypeNames.UUID, uuid.value().toString());
    }
    if (value instanceof TypedValue.InstantValue instant) {
      return CodeBlock.of("$T.parse($S)", TypeNames.INSTANT, instant.value().toString());
    }
    if (value instanceof TypedValue.DateValue date) {
      return CodeBlock.of("$T.parse($S)", TypeNames.LOCAL_DATE, date.value().toString());
    }
    if (value instanceof TypedValue.SymbolRef symbol) {
      return CodeBlock.of("symbols.$N($L)", symbolMethod(symbol.base()), string(symbol.name()));
    }
    if (value instanceof TypedValue.Wrapped wrapped) {
      return CodeBlock.of("new $T($L)", names.element(wrapped.typeName()), of(wrapped.value()));
    }
    if (value instanceof TypedValue.EnumConstant constant) {
      return CodeBlock.of("$T.$N", names.element(constant.typeName()), constant.constant());
    }
    if (value instanceof TypedValue.ListOf list) {
      return CodeBlock.of("$T.of($L)", TypeNames.LIST, join(list.elements()));
    }
    if (value instanceof TypedValue.Present present) {
      return CodeBlock.of("$T.of($L)", TypeNames.OPTIONAL, of(present.value()));
    }
    if (value instanceof TypedValue.Absent) {
      return CodeBlock.of("$T.empty()", TypeNames.OPTIONAL);
    }
    throw new IllegalArgumentException("unknown typed value " + value);
  }

  /** Comma-separated expressions, each of which may start a new line. */
  CodeBlock join(List<TypedValue> values) {
    CodeBlock.Builder joined = CodeBlock.builder();
    for (int i = 0; i < values.size(); i++) {
      joined.add(i == 0 ? "$L" : ",$W$L", of(values.get(i)));
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
