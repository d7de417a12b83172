package dev.eventsmith.spec.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML file token by token into a {@link YamlNode} tree that keeps every position.
 * Only plain data comes out: no objects are constructed, aliases are refused rather than expanded
 * (so an alias bomb costs nothing), and size and depth are capped.
 */
final class YamlParser {
  /** Larger than any hand-written model; bounds memory and time for hostile input. */
  static final int MAX_CHARS = 4 * 1024 * 1024;
  /** A model needs about 8 levels; 64 leaves room for nested spec values. */
  static final int MAX_DEPTH = 64;

  private static final YAMLFactory FACTORY = createFactory();

  private final String file;
  private final String text;
  private final Diagnostics diagnostics;
  private final CodePoints codePoints;
  private YAMLParser parser;

  private YamlParser(String file, String text, Diagnostics diagnostics) {
    this.file = file;
    this.text = text;
    this.diagnostics = diagnostics;
    this.codePoints = new CodePoints(text);
  }

  /** The root node of {@code text}, or empty if it could not be parsed (a diagnostic says why). */
  static Optional<YamlNode> parse(String file, String text, Diagnostics diagnostics) {
    if (text.length() > MAX_CHARS) {
      diagnostics.report(DiagnosticCode.LIMIT_EXCEEDED, new SourcePosition(file, 1, 1),
          "the file is larger than " + MAX_CHARS / (1024 * 1024) + " MiB",
          "Split the model into several files in one folder.");
      return Optional.empty();
    }
    return new YamlParser(file, text, diagnostics).parseDocument();
  }

  private static YAMLFactory createFactory() {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(MAX_CHARS + 1);
    loader.setNestingDepthLimit(MAX_DEPTH * 2);
    loader.setAllowRecursiveKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(loader)
        // "yes"/"no"/"on"/"off" stay text: only true and false are booleans in a model.
        .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH * 2)
            .maxStringLength(MAX_CHARS + 1)
            .maxDocumentLength(MAX_CHARS + 1L)
            .build())
        .build();
  }

  private Optional<YamlNode> parseDocument() {
    try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
      parser = p;
      JsonToken first = p.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      YamlNode root = node(first, 1);
      JsonToken next = p.nextToken();
      if (next != null) {
        diagnostics.report(DiagnosticCode.UNSUPPORTED_YAML, tokenPosition(),
            "the file holds a second YAML document; a model file holds exactly one",
            "Remove the '---' separator, or move the second document into a file of its own.");
      }
      return Optional.of(root);
    } catch (TooDeep e) {
      diagnostics.report(DiagnosticCode.LIMIT_EXCEEDED, e.position,
          "the YAML is nested more than " + MAX_DEPTH + " levels deep",
          "Flatten the structure; a model never needs this much nesting.");
    } catch (JsonProcessingException e) {
      reportSyntaxError(e);
    } catch (IOException | RuntimeException e) {
      // snakeyaml signals some problems (bad characters, limits) with unchecked exceptions.
      diagnostics.report(DiagnosticCode.YAML_SYNTAX, positionOfFailure(e),
          "the YAML cannot be read: " + firstLine(e.getMessage()),
          "Fix the YAML at this place; check quoting, indentation (spaces, not tabs) and special characters.");
    }
    return Optional.empty();
  }

  private YamlNode node(JsonToken token, int depth) throws IOException {
    SourcePosition position = tokenPosition();
    if (depth > MAX_DEPTH) {
      throw new TooDeep(position);
    }
    checkUnsupported(token, position);
    if (token == JsonToken.START_OBJECT) {
      return mapping(position, depth);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        items.add(node(requireToken(t), depth + 1));
      }
      return new YamlSequence(List.copyOf(items), position);
    }
    return scalar(token, position);
  }

  private YamlMapping mapping(SourcePosition position, int depth) throws IOException {
    List<YamlMapping.Entry> entries = new ArrayList<>();
    Map<String, SourcePosition> seen = new HashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      requireToken(t);
      SourcePosition keyPosition = tokenPosition();
      YamlScalar key = new YamlScalar(parser.currentName(), isQuoted(), false, keyPosition);
      YamlNode value = node(requireToken(parser.nextToken()), depth + 1);
      SourcePosition first = seen.putIfAbsent(key.text(), keyPosition);
      if (first != null) {
        diagnostics.report(DiagnosticCode.DUPLICATE_KEY, keyPosition,
            "the key '" + key.text() + "' appears twice in this mapping (first at line " + first.line() + ")",
            "Remove one of the two entries or merge them; YAML keeps only one value per key.");
      } else {
        entries.add(new YamlMapping.Entry(key, value));
      }
    }
    return new YamlMapping(List.copyOf(entries), position);
  }

  private YamlScalar scalar(JsonToken token, SourcePosition position) throws IOException {
    boolean quoted = isQuoted();
    String text = parser.isCurrentAlias() ? "" : parser.getText();
    boolean isNull = token == JsonToken.VALUE_NULL || (!quoted && (text == null || text.isEmpty()));
    return new YamlScalar(text == null || token == JsonToken.VALUE_NULL ? "" : text, quoted, isNull, position);
  }

  private void checkUnsupported(JsonToken token, SourcePosition position) throws IOException {
    if (parser.isCurrentAlias()) {
      diagnostics.report(DiagnosticCode.UNSUPPORTED_YAML, position,
          "YAML aliases ('*" + parser.getText() + "') are not supported in a model",
          "Write the value out in full; anchors and aliases make a model hard to read and are refused.");
    } else if (parser.getCurrentAnchor() != null) {
      diagnostics.report(DiagnosticCode.UNSUPPORTED_YAML, position,
          "YAML anchors ('&" + parser.getCurrentAnchor() + "') are not supported in a model",
          "Remove the anchor and write every value out in full.");
    }
    if (token != JsonToken.END_OBJECT && parser.getTypeId() != null) {
      diagnostics.report(DiagnosticCode.UNSUPPORTED_YAML, position,
          "YAML tags ('" + parser.getTypeId() + "') are not supported in a model",
          "Remove the tag; quote the value instead if it must be read as text.");
    }
  }

  private JsonToken requireToken(JsonToken token) throws IOException {
    if (token == null) {
      throw new IOException("the file ends in the middle of a mapping or list");
    }
    return token;
  }

  private boolean isQuoted() {
    long offset = parser.currentTokenLocation().getCharOffset();
    int c = codePoints.charAt(offset);
    return c == '"' || c == '\'';
  }

  private SourcePosition tokenPosition() {
    JsonLocation location = parser.currentTokenLocation();
    return new SourcePosition(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private void reportSyntaxError(JsonProcessingException e) {
    SourcePosition position = positionOfFailure(e);
    String problem = firstLine(e.getOriginalMessage());
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      problem = marked.getProblem();
      if (marked.getContext() != null && marked.getContextMark() != null) {
        problem += " (" + marked.getContext() + " that starts at line " + (marked.getContextMark().getLine() + 1) + ")";
      }
    }
    diagnostics.report(DiagnosticCode.YAML_SYNTAX, position, "invalid YAML: " + problem,
        "Fix the YAML at this place; check indentation (spaces, not tabs), colons, brackets and quotes.");
  }

  private SourcePosition positionOfFailure(Exception e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
    if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
      return new SourcePosition(file, j.getLocation().getLineNr(), Math.max(1, j.getLocation().getColumnNr()));
    }
    if (parser != null) {
      JsonLocation location = parser.currentLocation();
      if (location.getLineNr() > 0) {
        return new SourcePosition(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
      }
    }
    return new SourcePosition(file, 1, 1);
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable input";
    }
    return message.strip().lines().findFirst().orElse("unreadable input");
  }

  /** Thrown to stop reading when the nesting limit is passed; caught in {@link #parseDocument}. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SourcePosition position;

    TooDeep(SourcePosition position) {
      super(null, null, false, false);
      this.position = position;
    }
  }

  /** snakeyaml counts offsets in code points; this maps them to chars without quadratic scans. */
  private static final class CodePoints {
    private final String text;
    private final boolean oneCharPerCodePoint;
    private int[] charIndexOfCodePoint;

    CodePoints(String text) {
      this.text = text;
      this.oneCharPerCodePoint = text.length() == text.codePointCount(0, text.length());
    }

    int charAt(long codePointOffset) {
      if (codePointOffset < 0) {
        return -1;
      }
      if (oneCharPerCodePoint) {
        return codePointOffset < text.length() ? text.charAt((int) codePointOffset) : -1;
      }
      if (charIndexOfCodePoint == null) {
        charIndexOfCodePoint = new int[text.codePointCount(0, text.length())];
        for (int cp = 0, i = 0; i < text.length(); cp++) {
          charIndexOfCodePoint[cp] = i;
          i += Character.charCount(text.codePointAt(i));
        }
      }
      return codePointOffset < charIndexOfCodePoint.length ? text.charAt(charIndexOfCodePoint[(int) codePointOffset]) : -1;
    }
  }
}
