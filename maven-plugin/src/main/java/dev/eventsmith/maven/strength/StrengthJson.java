package dev.eventsmith.maven.strength;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** A spec-strength report as JSON, for tools and agents: totals, then one entry per gap. */
public final class StrengthJson {

  private StrengthJson() {}

  public static String of(SpecStrength.Report report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE
          .withLinefeed("\n")));
      json.writeStartObject();
      json.writeNumberField("mutants", report.mutants());
      json.writeNumberField("killed", report.killed());
      json.writeArrayFieldStart("gaps");
      for (Mutant gap : report.gaps()) {
        json.writeStartObject();
        json.writeStringField("file", gap.file());
        json.writeNumberField("line", gap.line());
        json.writeStringField("class", gap.mutatedClass());
        json.writeStringField("method", gap.method());
        json.writeStringField("mutator", gap.mutator());
        json.writeStringField("description", gap.description());
        json.writeBooleanField("covered", gap.covered());
        json.writeStringField("finding", gap.finding());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
    }
    return out + "\n";
  }
}
