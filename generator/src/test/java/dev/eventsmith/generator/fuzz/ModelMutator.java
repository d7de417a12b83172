package dev.eventsmith.generator.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded edits of a YAML model, each described in words so that a failure can be read and replayed.
 * Some edits break the YAML, most break the model, and some (renames, value changes) keep it valid
 * while steering names and values towards what generated Java code finds hard.
 */
final class ModelMutator {
  /** A mutated model and the edits that made it, in order. */
  record Mutant(String text, List<String> edits) {}

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SCALAR = Pattern.compile("[^\\s,:{}\\[\\]]+");
  private static final Pattern BUILTIN = Pattern.compile("\\b(string|int|long|decimal|boolean|uuid|instant|date)\\b");
  private static final String RANDOM_CHARS = " :-[]{},\"'$#&*!?|>%@`\t~0123456789abcXYZ<>\\/é€_.";

  private static final String[] KEYWORDS = {
    "class", "int", "new", "default", "enum", "null", "true", "_", "goto", "assert", "const", "this", "super",
    "var", "record", "yield", "sealed", "permits", "non", "module", "open", "when"};
  /** Names of types that generated code imports or declares: a model element named so must not break it. */
  private static final String[] TYPE_NAMES = {
    "Test", "DisplayName", "Decision", "NoRejection", "Rejection", "Event", "Command", "Decider", "Projector",
    "Generated", "EventsmithGenerated", "Symbols", "SpecSource", "DeciderSpec", "ProjectorSpec", "AutomationSpec",
    "Codec", "EventCodec", "JsonCodec", "Upcaster", "State", "Assertions", "Arrays", "Collections", "Stream",
    "Collectors", "LinkedHashMap", "HashMap", "ArrayList", "Pattern", "Matcher", "BigInteger", "Duration",
    "Override", "Objects", "Optional", "List", "Map", "String", "Cart2", "X", "Ärger", "Émis", "Αλφα", "A_B", "Z9",
    // java.lang types (all of them are refused), nested and imported names, the decider's type variable
    "IllegalArgumentException", "Record", "Module", "Process", "Character", "Iterable", "Issues", "FieldChecks",
    "ArrayList", "S",
    // what process contracts import or generate
    "Workflow", "Reaction", "ProcessInstance", "ReactionChecks", "Instant", "MoneyTransferProcess",
    "MoneyTransferState",
    // look-alikes and invisible characters (refused), and the longest names (64 allowed, 65 refused)
    "CartСreated", "Cart\u200BCreated", "Soft\u00ADHyphen", "Ｆｕｌｌ",
    "L" + "ongName".repeat(9), "L" + "ongName".repeat(9) + "X"};
  private static final String[] MEMBER_NAMES = {
    "state", "command", "event", "events", "symbols", "value", "values", "data", "schemaVersion", "version", "json",
    "view", "key", "type", "name", "result", "other", "o", "that", "it", "in", "out", "reader", "writer", "builder",
    "fields", "text", "node", "map", "list", "id", "storedName", "rejection", "decision", "spec", "source", "given",
    "when", "then", "record", "var", "yield", "hashCode", "toString", "getClass", "equals", "INSTANCE", "aB", "ü",
    "x1", "_x", "valueOf", "values", "ordinal", "compareTo", "emits", "rejects", "initialState", "evolve", "decide",
    "c", "e", "source", "given", "expected", "cart\u200Bid", "snake_case", "l" + "ongName".repeat(9),
    "l" + "ongName".repeat(9) + "x",
    // the parameters and methods of process contracts, and deadline names
    "instance", "now", "deadline", "checked", "initial", "onExpire", "expire", "expireAfter", "onRejected", "starts",
    "ended", "keyOf", "react"};
  private static final String[] TYPE_EXPRESSIONS = {
    "string", "int", "long", "decimal", "boolean", "uuid", "instant", "date", "list<int>", "\"string?\"",
    "\"int?\"", "\"uuid?\"", "\"list<string>?\"", "list<list<string>>", "\"list<list<decimal>>?\"", "list<uuid>",
    "list<date>", "\"instant?\"", "\"boolean?\"", "list<boolean>", "list<long>", "\"decimal?\"", "\"date?\""};
  private static final String[] VALUES = {
    "0", "-1", "1", "2", "1.5", "-0.5", "007", "99999999999999999999", "2147483647", "2147483648",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e3", "0.001", "123456789.123456789",
    "\"\"", "''", "\"a\\\"b\"", "\"back\\\\slash\"", "\"end */ of comment\"", "\"\\\\u000a\"", "\"\\\\u0022\"",
    "\"tab\\tin\"", "\"line\\nbreak\"", "\"\\u2028\"", "\"null\"", "null", "~", "true", "false", "yes", "off",
    "$x", "$cart", "\"$$\"", "\"$$5\"", "$", "\"$ann\"", "2026-01-01", "\"2026-13-01\"", "\"2026-01-01T10:00:00Z\"",
    "\"2026-01-01T10:00:00+02:00\"", "00000000-0000-0000-0000-000000000000", "\"not-a-uuid\"", "[]", "{}",
    "[a, b]", "[1, 2]", "[[a]]", "ABC-1", "abc", "OPEN", "LENT", "\"%s\"", "\"{}\"", "\"\\\\\"", "\"' OR 1=1\"",
    "PT1H", "PT0S", "-PT1H", "P1M", "P2D", "PT0.5S", "\"Ω≈ç√\"", "\"emoji 😀\"", "\"#{x}\"", "\"${x}\"", "\"@Test\"", "\"/* c */\"",
    // Long texts: split over lines; too long for a string constant; a list too large for one message
    "\"" + "a long value that needs more than one line of generated code ".repeat(3) + "\"",
    "\"" + "y".repeat(20_001) + "\"", "[" + "a, ".repeat(1_000) + "a]"};
  private static final String[] PACKAGES = {
    "com.example.other", "a", "x.y.z", "com.example.Cart", "com.example.ünicode", "com.example._x", "com.example.java",
    "com.example.record", "com.example.var", "org.junit", "dev.eventsmith.runtime", "java.cart", "javax.cart"};

  /** Keys of the format itself, never renamed. */
  private static final List<String> FORMAT_KEYS = List.of("eventmodel", "name", "package", "types", "aggregates",
      "events", "commands", "views", "automations", "specs", "fields", "given", "when", "then", "rejected", "emits",
      "rejects", "from", "key", "on", "issues", "base", "enum", "pattern", "min", "max", "scale", "maxLength", "type",
      "optional", "aggregate", "version", "storedName", "upcast", "rename", "drop", "set", "id", "computed",
      "keyFrom", "includes", "lookups",
      // processes
      "processes", "startedBy", "handles", "endsOn", "deadlines", "onRejected",
      // stored versions
      "versions",
      // decisions across streams
      "tags", "decides", "types");

  private final Random random;

  ModelMutator(Random random) {
    this.random = random;
  }

  /** One to three edits of {@code text}. */
  Mutant mutate(String text) {
    int roll = random.nextInt(10);
    int count = roll < 6 ? 1 : roll < 9 ? 2 : 3;
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    List<String> edits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      edits.add(edit(lines));
      if (lines.isEmpty()) {
        lines.add("");
      }
    }
    return new Mutant(String.join("\n", lines), List.copyOf(edits));
  }

  private String edit(List<String> lines) {
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    String where = "line " + (at + 1) + " `" + line + "`";
    switch (random.nextInt(17)) {
      case 0 -> {
        lines.remove(at);
        return "delete " + where;
      }
      case 1 -> {
        int from = random.nextInt(lines.size());
        lines.add(at, lines.get(from));
        return "insert a copy of line " + (from + 1) + " before " + where;
      }
      case 2 -> {
        int other = random.nextInt(lines.size());
        lines.set(at, lines.get(other));
        lines.set(other, line);
        return "swap " + where + " with line " + (other + 1);
      }
      case 3 -> {
        return replaceToken(lines, at, WORD, this::nearMiss, "near-miss name");
      }
      case 4 -> {
        return replaceToken(lines, at, WORD, w -> pick(KEYWORDS), "keyword");
      }
      case 5 -> {
        return replaceToken(lines, at, BUILTIN, w -> pick(TYPE_EXPRESSIONS), "type");
      }
      case 6, 7 -> {
        return replaceToken(lines, at, SCALAR, w -> pick(VALUES), "value");
      }
      case 8 -> {
        StringBuilder inserted = new StringBuilder();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
          inserted.append(RANDOM_CHARS.charAt(random.nextInt(RANDOM_CHARS.length())));
        }
        int col = random.nextInt(line.length() + 1);
        lines.set(at, line.substring(0, col) + inserted + line.substring(col));
        return "insert `" + inserted + "` at column " + (col + 1) + " of " + where;
      }
      case 9 -> {
        int indent = line.length() - line.stripLeading().length();
        String changed = switch (random.nextInt(4)) {
          case 0 -> "  " + line;
          case 1 -> " " + line;
          case 2 -> line.substring(Math.min(indent, 2));
          default -> "\t" + line.stripLeading();
        };
        lines.set(at, changed);
        return "re-indent " + where + " to `" + changed + "`";
      }
      case 10, 11 -> {
        return renameEverywhere(lines);
      }
      case 12 -> {
        return sameNameInOtherWords(lines);
      }
      case 13 -> {
        return caseTwin(lines);
      }
      case 14 -> {
        return random.nextInt(5) == 0 ? manyFields(lines) : growList(lines);
      }
      case 15 -> {
        return hostileVariant(lines);
      }
      default -> {
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).startsWith("package:")) {
            String pkg = pick(PACKAGES);
            lines.set(i, "package: " + pkg);
            return "set the package to " + pkg;
          }
        }
        return "no package line to change";
      }
    }
  }

  /** Renames one name everywhere it occurs as a whole word: keeps the model consistent, tests the name. */
  private String renameEverywhere(List<String> lines) {
    List<String> names = modelNames(String.join("\n", lines));
    if (names.isEmpty()) {
      return "nothing to rename";
    }
    String old = names.get(random.nextInt(names.size()));
    String now = Character.isUpperCase(old.charAt(0)) ? pick(TYPE_NAMES) : pick(MEMBER_NAMES);
    renameWord(lines, old, now);
    return "rename " + old + " to " + now + " everywhere";
  }

  /** The names declared or used as keys, except the format's own keys. */
  private static List<String> modelNames(String text) {
    List<String> names = new ArrayList<>();
    Matcher keys = Pattern.compile("(?m)^ *([A-Za-z][A-Za-z0-9_]*):").matcher(text);
    while (keys.find()) {
      names.add(keys.group(1));
    }
    Matcher flowKeys = Pattern.compile("[{,] *([A-Za-z][A-Za-z0-9_]*):").matcher(text);
    while (flowKeys.find()) {
      names.add(flowKeys.group(1));
    }
    names.removeIf(FORMAT_KEYS::contains);
    return names;
  }

  private static void renameWord(List<String> lines, String old, String now) {
    Pattern word = Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(old) + "(?![A-Za-z0-9_])");
    for (int i = 0; i < lines.size(); i++) {
      lines.set(i, word.matcher(lines.get(i)).replaceAll(Matcher.quoteReplacement(now)));
    }
  }

  /** Renames one type-like name to another's spelling in other case: two files that differ only in case. */
  private String caseTwin(List<String> lines) {
    List<String> names = modelNames(String.join("\n", lines)).stream()
        .filter(n -> Character.isUpperCase(n.charAt(0))).distinct().toList();
    if (names.size() < 2) {
      return "no two names for a case twin";
    }
    String old = names.get(random.nextInt(names.size()));
    String target = names.get(random.nextInt(names.size()));
    if (old.equals(target) || target.length() < 2) {
      return "no case twin of " + old;
    }
    int at = 1 + random.nextInt(target.length() - 1);
    char flipped = Character.isUpperCase(target.charAt(at))
        ? Character.toLowerCase(target.charAt(at)) : Character.toUpperCase(target.charAt(at));
    String twin = target.substring(0, at) + flipped + target.substring(at + 1);
    renameWord(lines, old, twin);
    return "rename " + old + " to " + twin + ", a case twin of " + target;
  }

  /** Renames a name everywhere to an unsafe variant of itself: an invisible or look-alike character, a suffix. */
  private String hostileVariant(List<String> lines) {
    List<String> names = modelNames(String.join("\n", lines));
    if (names.isEmpty()) {
      return "nothing to make hostile";
    }
    String old = names.get(random.nextInt(names.size()));
    int at = 1 + random.nextInt(Math.max(1, old.length() - 1));
    String now = switch (random.nextInt(4)) {
      case 0 -> old.substring(0, at) + "\u200B" + old.substring(at);
      case 1 -> old.substring(0, at) + "\u00AD" + old.substring(at);
      case 2 -> old.replace('a', 'а').replace('e', 'е').replace('o', 'о');
      default -> old + "Padded".repeat(11);
    };
    renameWord(lines, old, now);
    return "rename " + old + " to " + now.replace("\u200B", "<ZWSP>").replace("\u00AD", "<SHY>") + " everywhere";
  }

  /** Repeats the messages of a one-line given list many times: long lists are split over helper methods. */
  private String growList(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int open = line.indexOf("given: [");
      int close = line.lastIndexOf(']');
      if (open >= 0 && close > open + 8 && random.nextInt(3) == 0) {
        String items = line.substring(open + 8, close).strip();
        if (items.isEmpty()) {
          continue;
        }
        int times = random.nextBoolean() ? 30 : 60;
        lines.set(i, line.substring(0, open + 8) + " " + String.join(", ", java.util.Collections.nCopies(times, items))
            + " " + line.substring(close));
        return "repeat the given events of line " + (i + 1) + " " + times + " times";
      }
    }
    return "no given list to grow";
  }

  /** Gives a message more fields than a record may have. */
  private String manyFields(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int at = line.indexOf("fields: { ");
      if (at >= 0 && random.nextInt(3) == 0) {
        StringBuilder more = new StringBuilder();
        for (int n = 0; n < 121; n++) {
          more.append("extra").append(n).append(": long, ");
        }
        lines.set(i, line.substring(0, at + 10) + more + line.substring(at + 10));
        return "add 121 long fields on line " + (i + 1);
      }
    }
    return "no fields to widen";
  }

  /** Gives a spec the name of another spec written differently: generated test methods must still differ. */
  private String sameNameInOtherWords(List<String> lines) {
    List<Integer> specLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).stripLeading().startsWith("- name: ")) {
        specLines.add(i);
      }
    }
    if (specLines.size() < 2) {
      return "no two specs to rename";
    }
    int target = specLines.get(random.nextInt(specLines.size()));
    int source = specLines.get(random.nextInt(specLines.size()));
    String name = lines.get(source).substring(lines.get(source).indexOf("- name: ") + 8);
    String variant = switch (random.nextInt(5)) {
      case 0 -> name.toUpperCase(java.util.Locale.ROOT);
      case 1 -> name + "!";
      case 2 -> name.replace(' ', '-');
      case 3 -> "1 " + name;
      default -> name;
    };
    String line = lines.get(target);
    lines.set(target, line.substring(0, line.indexOf("- name: ") + 8) + variant);
    return "name the spec at line " + (target + 1) + " `" + variant + "` (like line " + (source + 1) + ")";
  }

  private String replaceToken(List<String> lines, int at, Pattern token, UnaryOperator<String> change, String kind) {
    String line = lines.get(at);
    List<int[]> spans = new ArrayList<>();
    Matcher m = token.matcher(line);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return "no " + kind + " to change on line " + (at + 1);
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    String old = line.substring(span[0], span[1]);
    String replacement = change.apply(old);
    lines.set(at, line.substring(0, span[0]) + replacement + line.substring(span[1]));
    return "change " + kind + " `" + old + "` to `" + replacement + "` on line " + (at + 1) + " `" + line + "`";
  }

  private String nearMiss(String word) {
    int i = random.nextInt(word.length());
    return switch (random.nextInt(5)) {
      case 0 -> word.length() > 1 ? word.substring(0, i) + word.substring(i + 1) : word + "s";
      case 1 -> i + 1 < word.length() ? word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2) : word + "x";
      case 2 -> (Character.isUpperCase(word.charAt(0)) ? Character.toLowerCase(word.charAt(0))
          : Character.toUpperCase(word.charAt(0))) + word.substring(1);
      case 3 -> word + "s";
      default -> word.substring(0, i) + "_" + word.substring(i);
    };
  }

  private String pick(String[] pool) {
    return pool[random.nextInt(pool.length)];
  }
}
