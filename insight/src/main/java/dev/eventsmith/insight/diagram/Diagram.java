package dev.eventsmith.insight.diagram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.eventsmith.insight.ModelStatus;
import dev.eventsmith.insight.SliceStatus;
import dev.eventsmith.insight.SpecStatus;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.ViewDef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An event model drawn as an Event Modeling board: {@link #svg()} for a README, {@link #html()} for
 * a self-contained page (inline SVG, CSS and script; nothing fetched) where clicking an element
 * shows its fields and the specs that mention it. Same model and status, same bytes.
 */
public final class Diagram {

  private static final JsonFactory JSON = new JsonFactory();

  private final EventModel model;
  private final Optional<ModelStatus> status;
  private final Board board;

  private Diagram(EventModel model, Optional<ModelStatus> status) {
    this.model = model;
    this.status = status;
    this.board = new Board(model);
  }

  /** The model alone: each slice shows how many specs it has. */
  public static Diagram of(EventModel model) {
    return new Diagram(model, Optional.empty());
  }

  /** The model with the last test run: each slice also shows whether its specs pass. */
  public static Diagram of(EventModel model, ModelStatus status) {
    return new Diagram(model, Optional.of(status));
  }

  /** A standalone SVG image, with no script: for READMEs and documents. */
  public String svg() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + new Svg(board, model.name(), meta(), badges(), false).render();
  }

  /** One HTML page that needs nothing but a browser: the board, a legend and a panel with details. */
  public String html() {
    String svg = new Svg(board, model.name(), meta(), badges(), true).render();
    return Page.render(model.name(), svg, data());
  }

  private String meta() {
    return "package " + model.packageName() + "  \u00b7  " + count(model.commands().size(), "command") + ", "
        + count(model.events().size(), "event") + ", " + count(model.views().size(), "view") + ", "
        + count(model.automations().size(), "automation") + ", " + count(model.specs().size(), "spec")
        + status.map(s -> "  \u00b7  " + passing(s)).orElse("");
  }

  private static String passing(ModelStatus status) {
    List<SpecStatus> specs = status.specs();
    long passed = specs.stream().filter(s -> s.outcome() == SpecStatus.Outcome.PASSED).count();
    return passed + " of " + specs.size() + " passing in the last test run";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private Map<String, Svg.Badge> badges() {
    Map<String, Svg.Badge> badges = new LinkedHashMap<>();
    for (String subject : subjects()) {
      int specs = model.specsOf(subject).size();
      Optional<SliceStatus> slice = status.flatMap(s -> s.slices().stream()
          .filter(x -> x.name().equals(subject)).findFirst());
      if (slice.isPresent()) {
        String state = slice.get().state();
        badges.put(subject, new Svg.Badge(specs == 0 ? state : count(specs, "spec") + " \u00b7 " + state,
            state.replace(' ', '-')));
      } else {
        badges.put(subject, new Svg.Badge(specs == 0 ? "no specs" : count(specs, "spec"),
            specs == 0 ? "no-specs" : "none"));
      }
    }
    return badges;
  }

  private List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    model.commands().forEach(c -> subjects.add(c.name()));
    model.views().forEach(v -> subjects.add(v.name()));
    model.automations().forEach(a -> subjects.add(a.name()));
    return subjects;
  }

  /** What the page's panel shows, by element id: kind, position, fields, facts and the specs that mention it. */
  private String data() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      for (CommandDef command : model.commands()) {
        element(json, "command", command.name(), command.position(), command.fields(), facts(
            "aggregate", command.aggregate(),
            "emits", names(command.emits()),
            "rejects", command.rejects().stream().map(Diagram::rejection).collect(Collectors.joining(", "))));
      }
      for (EventDef event : model.events()) {
        element(json, "event", event.name(), event.position(), event.fields(), facts(
            "aggregate", event.aggregate(),
            "stored as", event.storedName() + (event.version() > 1 ? " (version " + event.version() + ")" : "")));
      }
      for (ViewDef view : model.views()) {
        element(json, "view", view.name(), view.position(), view.fields(), facts(
            "key", view.key(), "built from", names(view.from())));
      }
      for (AutomationDef automation : model.automations()) {
        element(json, "automation", automation.name(), automation.position(), List.of(), facts(
            "on", automation.on().name(), "issues", names(automation.issues())));
      }
      for (String subject : subjects()) {
        json.writeObjectFieldStart("slice:" + subject);
        json.writeStringField("kind", "slice");
        json.writeStringField("name", subject);
        json.writeStringField("where", "");
        json.writeArrayFieldStart("fields");
        json.writeEndArray();
        json.writeArrayFieldStart("facts");
        json.writeEndArray();
        specs(json, model.specsOf(subject));
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
    }
    return out.toString();
  }

  private void element(JsonGenerator json, String kind, String name, SourcePosition position, List<Field> fields,
      List<String[]> facts) throws IOException {
    json.writeObjectFieldStart(kind + ":" + name);
    json.writeStringField("kind", kind);
    json.writeStringField("name", name);
    json.writeStringField("where", position.file() + ":" + position.line());
    json.writeArrayFieldStart("fields");
    for (Field field : fields) {
      json.writeStartArray();
      json.writeString(field.name());
      json.writeString(field.type() + (field.computed() ? " (computed)" : ""));
      json.writeEndArray();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("facts");
    for (String[] fact : facts) {
      json.writeStartArray();
      json.writeString(fact[0]);
      json.writeString(fact[1]);
      json.writeEndArray();
    }
    json.writeEndArray();
    specs(json, model.specs().stream().filter(s -> mentions(s, name)).toList());
    json.writeEndObject();
  }

  private void specs(JsonGenerator json, List<SpecDef> specs) throws IOException {
    json.writeArrayFieldStart("specs");
    for (SpecDef spec : specs) {
      json.writeStartObject();
      json.writeStringField("subject", spec.subject().name());
      json.writeStringField("name", spec.name());
      json.writeStringField("where", spec.position().file() + ":" + spec.position().line());
      json.writeStringField("outcome", outcome(spec));
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private String outcome(SpecDef spec) {
    return status.flatMap(s -> s.specs().stream()
            .filter(x -> x.subject().equals(spec.subject().name()) && x.name().equals(spec.name())).findFirst())
        .map(x -> x.outcome().label()).orElse("");
  }

  /** Whether a spec is about {@code name} or writes it in given, when or then. */
  static boolean mentions(SpecDef spec, String name) {
    if (spec.subject().name().equals(name)) {
      return true;
    }
    Set<String> written = new LinkedHashSet<>();
    spec.given().forEach(m -> written.add(m.type()));
    spec.when().ifPresent(m -> written.add(m.type()));
    SpecDef.Outcome then = spec.then();
    if (then instanceof SpecDef.ThenEvents events) {
      events.events().forEach(m -> written.add(m.type()));
    } else if (then instanceof SpecDef.ThenRejected rejected) {
      written.add(rejected.rejection().type());
    } else if (then instanceof SpecDef.ThenView view) {
      written.add(view.view().type());
    } else if (then instanceof SpecDef.ThenRows rows) {
      rows.rows().stream().map(Message::type).forEach(written::add);
    } else if (then instanceof SpecDef.ThenCommands commands) {
      commands.commands().stream().map(Message::type).forEach(written::add);
    }
    return written.contains(name);
  }

  private static String rejection(RejectionDef rejection) {
    if (rejection.fields().isEmpty()) {
      return rejection.name();
    }
    return rejection.name() + "(" + rejection.fields().stream().map(f -> f.name() + ": " + f.type())
        .collect(Collectors.joining(", ")) + ")";
  }

  private static String names(List<Reference> references) {
    return references.stream().map(Reference::name).collect(Collectors.joining(", "));
  }

  private static List<String[]> facts(String... pairs) {
    List<String[]> facts = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i + 1].isEmpty()) {
        facts.add(new String[] {pairs[i], pairs[i + 1]});
      }
    }
    return facts;
  }
}
