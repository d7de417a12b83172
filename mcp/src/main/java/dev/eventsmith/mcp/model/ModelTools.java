package dev.eventsmith.mcp.model;

import dev.eventsmith.mcp.guide.Guides;
import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.tool.Arguments;
import dev.eventsmith.mcp.tool.InputSchema;
import dev.eventsmith.mcp.tool.Json;
import dev.eventsmith.mcp.tool.Page;
import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.mcp.tool.ToolSpec;
import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.RejectionDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The tools that read the model: validate, explain a code, list slices, show an element and its contract. */
public final class ModelTools {

  private static final int SOURCE_LINES = 80;

  private final Project project;
  private final Guides guides;

  public ModelTools(Project project, Guides guides) {
    this.project = project;
    this.guides = guides;
  }

  /** The tools, in the order they are listed. */
  public List<ToolSpec> tools() {
    return List.of(
        new ToolSpec("validate_model", "Validate the event model",
            "Reads and checks the project's event model (YAML) as the build does. Answers every diagnostic with its "
                + "code, severity, file, line, column, message, hint and the URI of its error page; 'valid' is "
                + "false when any is an error. Call it after every edit of the YAML.",
            Page.arguments(InputSchema.object().string("path", false,
                "A model file or folder inside the project (default: the server's model folder)."), 50).build(),
            true, this::validate),
        new ToolSpec("explain_code", "Explain a diagnostic code",
            "The page of a diagnostic code (ESM-NNNN): its cause, an example and the fix.",
            InputSchema.object().string("code", true, "The code, e.g. ESM-0103.").build(), true, this::explain),
        new ToolSpec("list_slices", "List the model's slices",
            "Every slice of the model (commands, then views, then automations) with its fields, the events a "
                + "command emits (with their fields), the query it decides on if it is decided across streams "
                + "(decides: types and tags), its rejections, a view's key and source events, an "
                + "automation's trigger and commands, and each slice's specs with the test they run as.",
            Page.arguments(InputSchema.object().string("kind", false, "Only this kind: command, view or automation."),
                25).build(), true, this::listSlices),
        new ToolSpec("show_element", "Show one model element",
            "One element by name (type, aggregate, event, command, rejection, view or automation): its definition, "
                + "where it is declared (file:line:column) with its YAML, what refers to it, and the specs that "
                + "mention it.", InputSchema.object().string("name", true, "The element's name, e.g. AddItem.")
                .build(), true, this::showElement),
        new ToolSpec("show_contract", "Show the generated contract to implement",
            "The generated interface a hand-written class implements for an aggregate, view or automation (a "
                + "command or event leads to its aggregate's decider, a command decided across streams to its own "
                + "<Command>Decision, and an event to the views built from it too): "
                + "its declaration, the abstract methods to write with their exact signatures, the class that "
                + "implements it now (from target/classes), and the generated source.",
            InputSchema.object().string("name", true, "An aggregate, command, event, view or automation.").build(),
            true, this::showContract));
  }

  private Object validate(Arguments arguments) throws ToolError {
    Optional<String> given = arguments.optionalString("path");
    Path path = given.isPresent() ? project.inside(given.get(), "path") : project.modelDir();
    LoadResult result = project.load(path);
    List<Map<String, Object>> diagnostics = result.diagnostics().stream().map(ModelTools::diagnostic).toList();
    long errors = result.errors().size();
    return Json.object()
        .put("model", project.display(path))
        .put("valid", errors == 0)
        .put("errors", errors)
        .put("warnings", result.diagnostics().size() - errors)
        .put("name", result.model().map(EventModel::name).orElse(null))
        .put("package", result.model().map(EventModel::packageName).orElse(null))
        .putAll(Page.of(arguments, 50).of("diagnostics", diagnostics))
        .build();
  }

  static Map<String, Object> diagnostic(Diagnostic d) {
    return Json.object().put("code", d.code().id()).put("severity", d.severity().label())
        .put("title", d.code().title())
        .put("file", d.position().file()).put("line", d.position().line()).put("column", d.position().column())
        .put("message", d.message()).putIfNotEmpty("hint", d.hint())
        .put("page", Guides.errorUri(d.code().id())).build();
  }

  private Object explain(Arguments arguments) throws ToolError {
    String given = arguments.string("code").toUpperCase(Locale.ROOT);
    String code = given.matches("\\d{4}") ? "ESM-" + given : given;
    Optional<DiagnosticCode> known = Arrays.stream(DiagnosticCode.values()).filter(c -> c.id().equals(code)).findFirst();
    Optional<Guides.Document> page = guides.errorPage(code);
    if (known.isEmpty() || page.isEmpty()) {
      throw new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "there is no diagnostic code " + given
          + DidYouMean.suffix(code, Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id).toList()),
          "Codes look like ESM-0103; validate_model and the build name them.");
    }
    return Json.object().put("code", code).put("title", known.get().title())
        .put("severity", known.get().severity().label()).put("uri", page.get().uri()).put("page", page.get().text())
        .build();
  }

  private Object listSlices(Arguments arguments) throws ToolError {
    EventModel model = project.model();
    Optional<String> kind = arguments.optionalString("kind");
    if (kind.isPresent() && !List.of("command", "view", "automation").contains(kind.get())) {
      throw arguments.bad("kind", "must be command, view or automation, not '" + kind.get() + "'");
    }
    Elements elements = new Elements(model);
    List<Map<String, Object>> slices = new ArrayList<>();
    model.commands().forEach(c -> slices.add(elements.command(c)));
    model.views().forEach(v -> slices.add(elements.view(v)));
    model.automations().forEach(a -> slices.add(elements.automation(a)));
    List<Map<String, Object>> chosen = kind.map(k -> slices.stream().filter(s -> k.equals(s.get("kind"))).toList())
        .orElse(slices);
    return Json.object().put("model", model.name()).put("package", model.packageName())
        .put("aggregates", model.aggregates().stream().map(a -> a.name() + " (id " + a.idField() + ")").toList())
        .putAll(Page.of(arguments, 25).of("slices", chosen)).build();
  }

  private Object showElement(Arguments arguments) throws ToolError {
    String name = arguments.string("name");
    EventModel model = project.model();
    Elements elements = new Elements(model);
    Usages usages = new Usages(model);
    Optional<Map<String, Object>> found = Stream.<Optional<Map<String, Object>>>of(
            model.type(name).map(Elements::type),
            model.aggregate(name).map(a -> Json.object().put("kind", "aggregate").put("name", a.name())
                .put("declaredAt", Elements.at(a.position())).put("idField", a.idField())
                .put("commands", model.commandsOf(a.name()).stream().map(c -> c.name()).toList())
                .put("events", model.eventsOf(a.name()).stream().map(e -> e.name()).toList()).build()),
            model.event(name).map(elements::event),
            model.command(name).map(elements::command),
            rejection(model, name).map(r -> Json.object().put("kind", "rejection").putAll(Elements.rejection(r))
                .build()),
            model.view(name).map(elements::view),
            model.automation(name).map(elements::automation))
        .flatMap(Optional::stream).findFirst();
    if (found.isEmpty()) {
      throw unknown(model, name);
    }
    Map<String, Object> element = found.get();
    element.put("yaml", source((String) element.get("declaredAt")));
    element.put("usedBy", usages.referencesTo(name));
    element.put("mentionedBySpecs", usages.specsMentioning(name).stream().map(elements::spec).toList());
    return element;
  }

  private Object showContract(Arguments arguments) throws ToolError {
    String name = arguments.string("name");
    EventModel model = project.model();
    List<Map<String, Object>> contracts =
        new Contracts(model, project.display(project.modelDir()), project.classes()).of(name);
    if (contracts.isEmpty()) {
      if (model.type(name).isPresent() || rejection(model, name).isPresent()) {
        throw new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "'" + name + "' is a type or rejection: it is "
            + "generated whole, with no contract to implement", "Ask for the command, aggregate, event, view or "
            + "automation that uses it (show_element lists them).");
      }
      throw unknown(model, name);
    }
    return Json.object().put("name", name).put("contracts", contracts).build();
  }

  private static Optional<RejectionDef> rejection(EventModel model, String name) {
    return model.commands().stream().flatMap(c -> c.rejects().stream()).filter(r -> r.name().equals(name)).findFirst();
  }

  static ToolError unknown(EventModel model, String name) {
    List<String> all = new ArrayList<>();
    model.types().forEach(t -> all.add(t.name()));
    model.aggregates().forEach(a -> all.add(a.name()));
    model.events().forEach(e -> all.add(e.name()));
    model.commands().forEach(c -> {
      all.add(c.name());
      c.rejects().forEach(r -> all.add(r.name()));
    });
    model.views().forEach(v -> all.add(v.name()));
    model.automations().forEach(a -> all.add(a.name()));
    return new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "the model " + model.name() + " has no element named '"
        + name + "'" + DidYouMean.suffix(name, all),
        "Names are case-sensitive; list_slices lists the slices, validate_model the model's problems.");
  }

  /** The YAML of the element declared at {@code position} ("file:line:col"): its line and the lines indented under it. */
  private String source(String position) {
    int colon = position.lastIndexOf(':', position.lastIndexOf(':') - 1);
    String file = position.substring(0, colon);
    String[] lineAndColumn = position.substring(colon + 1).split(":");
    int line = Integer.parseInt(lineAndColumn[0]);
    int column = Integer.parseInt(lineAndColumn[1]);
    List<String> lines;
    try {
      lines = Files.readAllLines(project.root().resolve(file));
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (line < 1 || line > lines.size()) {
      return null;
    }
    List<String> element = new ArrayList<>();
    element.add(lines.get(line - 1));
    for (int i = line; i < lines.size() && element.size() < SOURCE_LINES; i++) {
      String next = lines.get(i);
      if (!next.isBlank() && indent(next) < column) {
        break;
      }
      element.add(next);
    }
    while (!element.isEmpty() && element.get(element.size() - 1).isBlank()) {
      element.remove(element.size() - 1);
    }
    return String.join("\n", element);
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i + 1;
  }
}
