package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.codegen.GeneratedName;
import dev.eventsmith.spec.codegen.JavaLimits;
import dev.eventsmith.spec.codegen.ReservedNames;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names must be Java identifiers of the right case in the safe alphabet, short enough for file
 * systems, must not be reserved, must not clash with the classes the generator writes or the
 * types generated code refers to, and one name may name one element only.
 */
final class NameChecks {
  /** Methods every record has; a component of that name would break or shadow them. */
  private static final Set<String> OBJECT_METHODS =
      Set.of("getClass", "hashCode", "toString", "equals", "clone", "finalize", "notify", "notifyAll", "wait");

  /** Methods generated events and commands have; a component of that name would clash with them. */
  private static final Set<String> MESSAGE_METHODS = Set.of("streamId");

  /** Restricted identifiers that break generated code as field names: {@code yield()} must be qualified to be called. */
  private static final Set<String> RESTRICTED = Set.of("yield");

  private final EventModel model;
  private final Diagnostics diagnostics;

  NameChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
  }

  void run() {
    List<ModelNames.Named> elements = ModelNames.elements(model);
    boolean modelNameValid = !model.name().isEmpty()
        && typeName(new ModelNames.Named("model", model.name(), model.position(), false));
    Map<String, String> generated = generatedNames(elements, modelNameValid);
    for (ModelNames.Named element : elements) {
      if (!typeName(element)) {
        continue;
      }
      if (ReservedNames.javaLang().contains(element.name())) {
        diagnostics.report(DiagnosticCode.JAVA_LANG_NAME, element.position(),
            element.kind() + " name '" + element.name() + "' is the name of the type java.lang." + element.name()
                + ", which every class of the package would then no longer see",
            "Rename the " + element.kind() + ", e.g. '" + element.name() + "Value' or a name from your domain.");
      } else if (generated.containsKey(element.name())) {
        diagnostics.report(DiagnosticCode.GENERATED_NAME_CLASH, element.position(),
            element.kind() + " name '" + element.name() + "' clashes with " + generated.get(element.name()),
            "Rename the " + element.kind() + "; generated code needs this name for its own type.");
      }
    }
    generatedNamesAreFree(modelNameValid);
    crossKind(elements);
    Fields.all(model).forEach(this::fieldName);
    for (ValueType type : model.types()) {
      if (type instanceof ValueType.Enumeration e) {
        e.constants().forEach(c -> constant(e, c));
      }
    }
  }

  /** The names generated code takes or refers to, with what they are, for ESM-0203. */
  private Map<String, String> generatedNames(List<ModelNames.Named> elements, boolean modelNameValid) {
    Map<String, String> names = new HashMap<>();
    for (String name : ReservedNames.imported()) {
      names.put(name, "the type '" + name + "' that generated code imports");
    }
    for (GeneratedName.Nested nested : GeneratedName.Nested.values()) {
      names.put(nested.simpleName(), "the type '" + nested.simpleName() + "' that the generator nests in every "
          + nested.owner().label() + "'s generated type");
    }
    for (ModelNames.Generated g : ModelNames.generated(model, modelNameValid)) {
      names.put(g.name(), g.kind().description() + " '" + g.name() + "' of " + g.owner().kind() + " '"
          + g.owner().name() + "'");
    }
    return names;
  }

  /**
   * A generated type must not take the name of a type generated code refers to: a model
   * {@code Event} would make {@code EventCodec}, an automation {@code View} the contract
   * {@code ViewAutomation}, names of runtime types.
   */
  private void generatedNamesAreFree(boolean modelNameValid) {
    for (ModelNames.Generated generated : ModelNames.generated(model, modelNameValid)) {
      String name = generated.name();
      boolean javaLang = ReservedNames.javaLang().contains(name);
      if (javaLang || ReservedNames.imported().contains(name)) {
        ModelNames.Named owner = generated.owner();
        diagnostics.report(javaLang ? DiagnosticCode.JAVA_LANG_NAME : DiagnosticCode.GENERATED_NAME_CLASH,
            owner.position(), owner.kind() + " name '" + owner.name() + "' makes " + generated.kind().description()
                + " '" + name + "', the name of a type " + (javaLang ? "of java.lang" : "that generated code imports"),
            "Rename the " + owner.kind() + ".");
      }
    }
  }

  /** Reports a bad type-like name (format, alphabet, length); true when the name is a valid one. */
  private boolean typeName(ModelNames.Named element) {
    String name = element.name();
    if (!JavaNames.isTypeName(name)) {
      diagnostics.report(DiagnosticCode.INVALID_IDENTIFIER, element.position(),
          element.kind() + " name '" + name + "' is not an UpperCamel Java identifier",
          "Start with an upper-case letter and use only letters and digits, e.g. '" + suggestion(name, true) + "'.");
      return false;
    }
    return inAlphabet(element.kind() + " name", name, element.position(), false, true)
        && shortEnough(element.kind() + " name", name, element.position());
  }

  /** Reports a name outside the safe alphabet (ESM-0213); true when it is inside. */
  private boolean inAlphabet(String what, String name, SourcePosition position, boolean underscore, boolean upper) {
    Optional<Integer> outside = SafeAlphabet.firstOutside(name, underscore);
    if (outside.isEmpty()) {
      return true;
    }
    String lookAlike = SafeAlphabet.lookAlike(name);
    String ascii = lookAlike.replaceAll("[^\\x00-\\x7F]", "");
    String fix = underscore ? ascii.replaceAll("[^A-Za-z0-9_]", "") : suggestion(ascii, upper);
    String same = ModelNames.elements(model).stream()
        .filter(e -> e.name().equals(lookAlike) && !e.name().equals(name))
        .findFirst()
        .map(e -> "; it looks exactly like the " + e.kind() + " '" + e.name() + "' at " + e.position())
        .orElse("");
    diagnostics.report(DiagnosticCode.UNSAFE_NAME_CHARACTER, position,
        what + " '" + printable(name) + "' holds " + SafeAlphabet.describe(outside.get()) + same,
        "Names use ASCII letters and digits only" + (underscore ? " (and '_')" : "") + "; write '"
            + (fix.isEmpty() ? (upper ? "Name" : "name") : fix) + "'.");
    return false;
  }

  /** Reports a name longer than the limit (ESM-0216); true when it is short enough. */
  private boolean shortEnough(String what, String name, SourcePosition position) {
    if (name.length() <= JavaLimits.MAX_NAME_LENGTH) {
      return true;
    }
    diagnostics.report(DiagnosticCode.NAME_TOO_LONG, position,
        what + " '" + name.substring(0, 24) + "...' has " + name.length() + " characters; names have at most "
            + JavaLimits.MAX_NAME_LENGTH,
        "Shorten the name: generated files are named after it (e.g. '<name>SpecTest.java'), and file systems "
            + "and build paths limit the length of file names.");
    return false;
  }

  private void crossKind(List<ModelNames.Named> elements) {
    Map<String, List<ModelNames.Named>> byName = new LinkedHashMap<>();
    elements.forEach(e -> byName.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e));
    for (List<ModelNames.Named> same : byName.values()) {
      if (same.size() < 2) {
        continue;
      }
      List<ModelNames.Named> sorted = same.stream()
          .sorted(Comparator.comparing(ModelNames.Named::position, ModelNames.ORDER)).toList();
      ModelNames.Named first = sorted.get(0);
      for (ModelNames.Named later : sorted.subList(1, sorted.size())) {
        diagnostics.report(DiagnosticCode.NAME_USED_BY_TWO_KINDS, later.position(),
            later.kind() + " '" + later.name() + "' has the same name as the " + first.kind() + " at " + first.position(),
            "Give each element its own name; generated classes of both would clash. Events are facts in the past "
                + "tense (ItemAdded), commands are requests (AddItem).");
      }
    }
  }

  private void fieldName(Fields.Owned owned) {
    Field field = owned.field();
    String name = field.name();
    String what = "field name";
    if (JavaNames.isReserved(name) || RESTRICTED.contains(name)) {
      diagnostics.report(DiagnosticCode.RESERVED_WORD, field.position(),
          "field '" + name + "' of " + owned.owner() + " is a Java reserved word"
              + (RESTRICTED.contains(name) ? " (a restricted identifier: its accessor cannot be called unqualified)" : ""),
          "Rename the field, e.g. '" + name + "Value'.");
    } else if (!JavaNames.isMemberName(name)) {
      diagnostics.report(DiagnosticCode.INVALID_IDENTIFIER, field.position(),
          "field name '" + name + "' of " + owned.owner() + " is not a lowerCamel Java identifier",
          "Start with a lower-case letter and use only letters and digits, e.g. '" + suggestion(name, false) + "'.");
    } else if (!inAlphabet(what, name, field.position(), false, false)
        || !shortEnough(what, name, field.position())) {
      return;
    } else if (OBJECT_METHODS.contains(name)) {
      diagnostics.report(DiagnosticCode.GENERATED_NAME_CLASH, field.position(),
          "field '" + name + "' of " + owned.owner() + " clashes with the method " + name + "() every Java object has",
          "Rename the field.");
    } else if (MESSAGE_METHODS.contains(name)) {
      diagnostics.report(DiagnosticCode.GENERATED_NAME_CLASH, field.position(),
          "field '" + name + "' of " + owned.owner() + " clashes with the method " + name
              + "() that every generated event and command has",
          "Rename the field, e.g. '" + name + "Name'.");
    }
  }

  private void constant(ValueType.Enumeration type, String constant) {
    String what = "the constant of enum '" + type.name() + "'";
    if (JavaNames.isReserved(constant)) {
      diagnostics.report(DiagnosticCode.RESERVED_WORD, type.position(),
          "the constant '" + constant + "' of enum '" + type.name() + "' is a Java reserved word",
          "Rename the constant; upper case (e.g. '" + constant.toUpperCase(Locale.ROOT) + "') avoids keywords.");
    } else if (!JavaNames.isIdentifier(constant)) {
      diagnostics.report(DiagnosticCode.INVALID_IDENTIFIER, type.position(),
          "the constant '" + constant + "' of enum '" + type.name() + "' is not a Java identifier",
          "Use letters, digits and underscores only, starting with a letter, e.g. '"
              + suggestion(constant, true).toUpperCase(Locale.ROOT) + "'.");
    } else if (inAlphabet(what, constant, type.position(), true, true)) {
      shortEnough(what, constant, type.position());
    }
  }

  /** {@code name} with invisible and non-ASCII characters written as {@code \\uXXXX}, so a message shows them. */
  static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.chars().forEach(c -> out.append(c >= 32 && c < 127 ? String.valueOf((char) c)
        : SafeAlphabet.isInvisible(c) || Character.isSurrogate((char) c)
            ? String.format(Locale.ROOT, "\\u%04X", c) : String.valueOf((char) c)));
    return out.toString();
  }

  /** A plausible identifier for a bad name: words joined in camel case. */
  static String suggestion(String name, boolean upper) {
    StringBuilder out = new StringBuilder();
    boolean capitalize = upper;
    for (char c : name.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128) {
        if (out.length() == 0 && Character.isDigit(c)) {
          out.append(upper ? 'X' : 'x');
        }
        out.append(capitalize ? Character.toUpperCase(c) : out.length() == 0 && !upper ? Character.toLowerCase(c) : c);
        capitalize = false;
      } else {
        capitalize = out.length() > 0 || upper;
      }
    }
    return out.length() == 0 ? (upper ? "Name" : "name") : out.toString();
  }
}
