package dev.eventsmith.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What loading a model produced: the model, present only when there is no error, and every
 * diagnostic (errors and warnings) sorted by file, line and column.
 */
public record LoadResult(Optional<EventModel> model, List<Diagnostic> diagnostics) {

  private static final JsonFactory JSON = new JsonFactory();

  public LoadResult {
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The errors only, in order. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** All diagnostics in compiler form, one (two-line) entry per diagnostic, sorted. */
  public String format() {
    return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
  }

  /**
   * All diagnostics as a JSON array of {@code {code, severity, file, line, column, message, hint}},
   * for tools and agents.
   */
  public String toJson() {
    return toJson(code -> "");
  }

  /**
   * As {@link #toJson()}, with a {@code page} for each diagnostic: where the page of its code is,
   * as {@code pageOf} says (a path or a URL); no {@code page} where it gives the empty string.
   */
  public String toJson(Function<DiagnosticCode, String> pageOf) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (Diagnostic d : diagnostics) {
        json.writeStartObject();
        json.writeStringField("code", d.code().id());
        json.writeStringField("severity", d.severity().label());
        json.writeStringField("file", d.position().file());
        json.writeNumberField("line", d.position().line());
        json.writeNumberField("column", d.position().column());
        json.writeStringField("message", d.message());
        json.writeStringField("hint", d.hint());
        String page = pageOf.apply(d.code());
        if (!page.isEmpty()) {
          json.writeStringField("page", page);
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
    }
    return out.toString();
  }
}
