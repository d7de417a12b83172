package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.TypeRef;

/**
 * Parses field type expressions: a built-in name, a name from {@code types:}, {@code list<T>} and
 * {@code T?}. Named types are not resolved here; the validator does that once all files are read.
 */
final class TypeExpressions {
  private final String text;
  private int at;

  private TypeExpressions(String text) {
    this.text = text;
  }

  /** The type, or a {@link Invalid} exception whose message says what is wrong. */
  static TypeRef parse(String expression) throws Invalid {
    TypeExpressions parser = new TypeExpressions(expression);
    TypeRef type = parser.expression(true);
    parser.skipSpaces();
    if (parser.at < expression.length()) {
      throw new Invalid("unexpected '" + expression.substring(parser.at) + "' after '" + expression.substring(0, parser.at).strip() + "'");
    }
    return type;
  }

  private TypeRef expression(boolean optionalAllowed) throws Invalid {
    skipSpaces();
    String name = identifier();
    TypeRef type;
    if (name.equals("list") && peek() == '<') {
      at++;
      TypeRef element = expression(false);
      skipSpaces();
      if (peek() != '>') {
        throw new Invalid("'list<' is not closed by '>'");
      }
      at++;
      type = new TypeRef.ListOf(element);
    } else {
      type = BuiltinType.fromYaml(name).<TypeRef>map(TypeRef.Builtin::new).orElse(new TypeRef.Named(name));
    }
    skipSpaces();
    if (peek() == '?') {
      if (!optionalAllowed) {
        throw new Invalid("a list element cannot be optional; make the list itself optional with 'list<T>?'");
      }
      at++;
      skipSpaces();
      if (peek() == '?') {
        throw new Invalid("'?' is written once");
      }
      type = new TypeRef.OptionalOf(type);
    }
    return type;
  }

  private String identifier() throws Invalid {
    int start = at;
    while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
      at++;
    }
    if (start == at || !Character.isLetter(text.charAt(start))) {
      throw new Invalid(at < text.length() ? "a type name is expected at '" + text.substring(start) + "'" : "a type name is missing");
    }
    return text.substring(start, at);
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void skipSpaces() {
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
  }

  /** A type expression that cannot be parsed; the message says why. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }
}
