package dev.eventsmith.mcp.store;

import dev.eventsmith.generator.emit.Names;
import dev.eventsmith.insight.HandWrittenCode;
import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.tool.Arguments;
import dev.eventsmith.mcp.tool.InputSchema;
import dev.eventsmith.mcp.tool.Json;
import dev.eventsmith.mcp.tool.Page;
import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.mcp.tool.ToolSpec;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.ViewDef;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tools that read the event store (read a stream, read the global log, a view's checkpoint and
 * lag, decode a stored event through the project's codec and upcasts) and, only when the server
 * was started with {@code --writable} and {@code --allow-commands}, dispatch a command.
 */
public final class StoreTools implements AutoCloseable {

  private static final int MAX_PAYLOAD = 16 * 1024;
  private static final int LAG_COUNT_LIMIT = 100_000;
  private static final String SQLITE_FILE = "sqliteFile";

  private final Project project;
  private final Optional<StoreLocation> configured;
  private final boolean writable;
  private final Set<String> allowedCommands;
  private final McpJsonMapper json;
  private final ProjectClasses classes;
  private EventStore open;

  /**
   * @param store {@code sqlite:<file>} or {@code postgres:<jdbc url>}, empty for none
   * @param environment where the PostgreSQL password is read from
   */
  public StoreTools(Project project, Optional<String> store, boolean writable, Set<String> allowedCommands,
      Map<String, String> environment, McpJsonMapper json) throws ToolError {
    this.project = project;
    this.configured = store.isPresent()
        ? Optional.of(StoreLocation.parse(store.get(), project, environment)) : Optional.empty();
    this.writable = writable;
    this.allowedCommands = Set.copyOf(allowedCommands);
    this.json = json;
    this.classes = new ProjectClasses(project);
  }

  /** The tools, in the order they are listed; dispatch_command only when commands are allowed. */
  public List<ToolSpec> tools() {
    List<ToolSpec> tools = new ArrayList<>(List.of(
        new ToolSpec("read_stream", "Read a stream",
            "The events of one stream (e.g. Cart-<id>), oldest first, from a stream version on: position, version, "
                + "type, schema version, id, time, metadata and the stored JSON. Read-only.",
            Page.arguments(store(InputSchema.object()
                .string("stream", true, "The stream, as Category-id, e.g. Cart-5f0c6a7e-....")
                .integer("fromVersion", false, 1, "The first stream version to read (default 1).")), 20)
                .build(), true, this::readStream),
        new ToolSpec("read_log", "Read the global log",
            "The store's events in global order after a position (0: from the start). Read-only.",
            store(InputSchema.object()
                .integer("afterPosition", false, 0, "Read the events after this global position (default 0).")
                .integer("limit", false, 1, "How many events at most (default 20, at most " + Page.MAX_LIMIT + ")."))
                .build(), true, this::readLog),
        new ToolSpec("decode_event", "Decode a stored event",
            "Decodes one stored event through the project's generated codec (from target/classes), upcasting an "
                + "older schema version to the current one: the Java value, the current JSON, and which upcasts ran. "
                + "Name the event by its global position, or by stream and version.",
            store(InputSchema.object()
                .integer("position", false, 1, "The event's global position.")
                .string("stream", false, "The event's stream (with version).")
                .integer("version", false, 1, "The event's version in its stream.")).build(), true,
            this::decodeEvent),
        new ToolSpec("show_checkpoint", "Show a view's checkpoint and lag",
            "Where a view's projection stands: the global position of the last event it applied, the store's last "
                + "position, and how many events it still has to apply.",
            store(InputSchema.object()
                .string("view", true, "The view's name in the model, e.g. CartSummary.")
                .string("storedAs", false, "The name the application opened the view store with (default: the view's "
                    + "name in snake_case, e.g. cart_summary).")).build(), true, this::showCheckpoint)));
    if (!allowedCommands.isEmpty()) {
      tools.add(new ToolSpec("dispatch_command", "Dispatch a command",
          "Handles one command against the event store as the application does (load, decide with the project's "
              + "decider, append) and answers the events recorded or the rejection. Only these command types are "
              + "allowed: " + String.join(", ", allowedCommands.stream().sorted().toList()) + ". Commands decided "
              + "across streams are refused: the application runs them. This writes to the store.",
          InputSchema.object()
              .string("command", true, "The command type, e.g. AddItem.")
              .anyObject("fields", true, "The command's fields as JSON, e.g. {\"cartId\": \"...\", \"quantity\": 2}.")
              .build(), false, this::dispatch));
    }
    return tools;
  }

  private static InputSchema store(InputSchema schema) {
    return schema.string(SQLITE_FILE, false, "Read this SQLite store file of the project (relative to the project) "
        + "instead of the server's --store, read-only.");
  }

  private Object readStream(Arguments arguments) throws ToolError {
    StreamId stream = stream(arguments, arguments.string("stream"));
    long from = arguments.integer("fromVersion", 1, 1, Long.MAX_VALUE);
    Page page = Page.of(arguments, 20);
    return reading(arguments, store -> {
      List<RecordedEvent> events = store.readStream(stream, from + page.offset(), page.limit() + 1);
      long version = store.streamVersion(stream);
      boolean more = events.size() > page.limit();
      List<RecordedEvent> shown = more ? events.subList(0, page.limit()) : events;
      return Json.object().put("stream", stream.value()).put("streamVersion", version)
          .put("events", shown.stream().map(this::event).toList())
          .put("nextFromVersion", more ? shown.get(shown.size() - 1).streamVersion() + 1 : null)
          .build();
    });
  }

  private Object readLog(Arguments arguments) throws ToolError {
    long after = arguments.integer("afterPosition", 0, 0, Long.MAX_VALUE);
    int limit = (int) arguments.integer("limit", 20, 1, Page.MAX_LIMIT);
    return reading(arguments, store -> {
      List<RecordedEvent> events = store.readAll(after, limit + 1);
      boolean more = events.size() > limit;
      List<RecordedEvent> shown = more ? events.subList(0, limit) : events;
      return Json.object().put("afterPosition", after)
          .put("events", shown.stream().map(this::event).toList())
          .put("nextAfterPosition", more ? shown.get(shown.size() - 1).globalPosition() : null)
          .build();
    });
  }

  private Object decodeEvent(Arguments arguments) throws ToolError {
    long position = arguments.integer("position", 0, 0, Long.MAX_VALUE);
    Optional<String> streamName = arguments.optionalString("stream");
    long version = arguments.integer("version", 0, 0, Long.MAX_VALUE);
    if ((position > 0) == (streamName.isPresent() || version > 0)) {
      throw arguments.bad("position", "or 'stream' with 'version' is required, not both");
    }
    if (streamName.isPresent() != (version > 0)) {
      throw arguments.bad("version", "and 'stream' go together");
    }
    Optional<StreamId> stream = streamName.isPresent() ? Optional.of(stream(arguments, streamName.get()))
        : Optional.empty();
    EventModel model = project.model();
    RecordedEvent recorded = reading(arguments, store -> {
      List<RecordedEvent> found = stream.isPresent() ? store.readStream(stream.get(), version, 1)
          : store.readAll(position - 1, 1);
      if (found.isEmpty() || (stream.isPresent() ? found.get(0).streamVersion() != version
          : found.get(0).globalPosition() != position)) {
        throw new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "the store holds no event at "
            + stream.map(s -> s.value() + "@" + version).orElse("global position " + position),
            "read_log and read_stream list the events that are there.");
      }
      return found.get(0);
    });
    EventCodec codec = codec(model);
    Event event;
    try {
      event = codec.decode(recorded.type(), recorded.schemaVersion(), recorded.data());
    } catch (RuntimeException e) {
      throw new ToolError(DiagnosticCode.MCP_DECODE_FAILED, "the " + recorded.type() + " v" + recorded.schemaVersion()
          + " event at " + recorded.location() + " does not decode: " + e.getMessage(),
          "Compare the stored JSON (read_stream) with the event's fields and upcasts in the model (show_element); "
              + "an older version needs an upcast step for every change since.");
    }
    EncodedEvent current = codec.encode(event);
    Optional<EventDef> definition = model.events().stream().filter(e -> e.storedName().equals(recorded.type()))
        .findFirst();
    List<String> upcasts = definition.map(d -> d.upcasts().stream()
        .filter(u -> u.from() >= recorded.schemaVersion())
        .map(u -> "v" + u.from() + " -> v" + (u.from() + 1) + " (declared at " + u.position() + ")").toList())
        .orElse(List.of());
    return Json.object()
        .put("stored", event(recorded))
        .put("javaType", event.getClass().getName())
        .put("value", event.toString())
        .put("currentSchemaVersion", current.schemaVersion())
        .put("upcasted", current.schemaVersion() != recorded.schemaVersion())
        .put("upcasts", upcasts.isEmpty() ? null : upcasts)
        .put("currentJson", payload(current.data()))
        .build();
  }

  private Object showCheckpoint(Arguments arguments) throws ToolError {
    EventModel model = project.model();
    String viewName = arguments.string("view");
    ViewDef view = model.view(viewName).orElseThrow(() -> new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME,
        "the model has no view '" + viewName + "'"
            + DidYouMean.suffix(viewName, model.views().stream().map(ViewDef::name).toList()),
        "list_slices --kind view lists the views."));
    String storedAs = arguments.optionalString("storedAs").orElse(snakeCase(view.name()));
    RowCodec<?, ?> codec = (RowCodec<?, ?>) constant(new Names(model).rowCodec(view.name()).reflectionName());
    StoreLocation location = location(arguments);
    Checkpoint checkpoint = location.checkpoint(storedAs, codec);
    return reading(arguments, store -> {
      long behind = 0;
      long last = checkpoint.position();
      while (behind < LAG_COUNT_LIMIT) {
        List<RecordedEvent> page = store.readAll(last, 1_000);
        if (page.isEmpty()) {
          break;
        }
        behind += page.size();
        last = page.get(page.size() - 1).globalPosition();
      }
      return Json.object().put("view", view.name()).put("storedAs", storedAs).put("checkpoint", checkpoint.position())
          .put("fence", checkpoint.fence())
          .put("lastPosition", last).put("eventsBehind", behind)
          .put("eventsBehindIsAtLeast", behind >= LAG_COUNT_LIMIT ? true : null)
          .put("from", view.from().stream().map(r -> r.name()).toList())
          .build();
    });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object dispatch(Arguments arguments) throws ToolError {
    String type = arguments.string("command");
    Map<String, Object> fields = arguments.object("fields");
    if (!allowedCommands.contains(type)) {
      throw new ToolError(DiagnosticCode.MCP_WRITE_REFUSED, "the command type " + type + " is not allowed: the "
          + "server was started with --allow-commands " + String.join(",", allowedCommands.stream().sorted().toList()),
          "Restart the server with " + type + " in --allow-commands to send it.");
    }
    EventModel model = project.model();
    CommandDef command = model.command(type).orElseThrow(() -> new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME,
        "the model has no command '" + type + "'", "Check the name in --allow-commands against list_slices."));
    if (command.decidesAcrossStreams()) {
      throw new ToolError(DiagnosticCode.MCP_WRITE_REFUSED, type + " is decided across streams (its decides: query),"
          + " and dispatch_command runs the commands of an aggregate's decider only",
          "Send it through the application (its CommandBus, or POST /commands/" + type + " of the HTTP API), which"
              + " runs it with a DecisionHandler on a store with conditional appends.");
    }
    Object value = CommandValues.build(classes.load(new Names(model).element(command.name()).reflectionName()), fields);
    String deciderName = HandWrittenCode.scan(model, project.classes()).decider(command.aggregate())
        .orElseThrow(() -> new ToolError(DiagnosticCode.MCP_NOT_COMPILED, "no compiled class implements the decider "
            + "of " + command.aggregate(), "Write and compile it: show_contract " + command.aggregate() + " says how."))
        .reflectionName();
    Decider decider;
    try {
      decider = (Decider) classes.load(deciderName).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ToolError(DiagnosticCode.MCP_NOT_COMPILED, "cannot create " + deciderName + ": " + e,
          "It needs a public constructor without parameters.");
    }
    EventStore store = writableStore();
    CommandResult result;
    try {
      result = new CommandHandler(store, codec(model), decider).handle((Command) value);
    } catch (RuntimeException e) {
      throw new ToolError(DiagnosticCode.MCP_STORE_FAILED, "handling " + type + " failed: " + e,
          "Read the stream (read_stream) to see what it holds; the decider's exception is above.");
    }
    if (result instanceof CommandResult.Accepted accepted) {
      return Json.object().put("outcome", "accepted").put("stream", accepted.stream().value())
          .put("streamVersion", accepted.streamVersion())
          .put("events", accepted.events().stream().map(Object::toString).toList()).build();
    }
    CommandResult.Rejected rejected = (CommandResult.Rejected) result;
    return Json.object().put("outcome", "rejected").put("stream", rejected.stream().value())
        .put("rejection", rejected.rejection().toString()).build();
  }

  private Map<String, Object> event(RecordedEvent event) {
    return Json.object()
        .put("position", event.globalPosition())
        .put("stream", event.stream().value())
        .put("version", event.streamVersion())
        .put("type", event.type())
        .put("schemaVersion", event.schemaVersion())
        .put("eventId", event.eventId().toString())
        .put("recordedAt", event.recordedAt().toString())
        .put("metadata", event.metadata().isEmpty() ? null : event.metadata())
        .put("data", payload(event.data()))
        .build();
  }

  /** The stored JSON as a JSON value; as text when it is not JSON, cut when it is long. */
  private Object payload(byte[] data) {
    if (data.length > MAX_PAYLOAD) {
      return new String(data, 0, MAX_PAYLOAD, StandardCharsets.UTF_8) + "... (" + data.length + " bytes, cut)";
    }
    try {
      return json.readValue(data, Object.class);
    } catch (IOException | RuntimeException e) {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  private EventCodec codec(EventModel model) throws ToolError {
    Object codec = constant(new Names(model).codec().reflectionName());
    if (!(codec instanceof EventCodec eventCodec)) {
      throw new ToolError(DiagnosticCode.MCP_NOT_COMPILED, "the compiled codec of " + model.name()
          + " is not an EventCodec of the runtime this server carries", "Build the project against the same "
          + "Eventsmith version as this server.");
    }
    return eventCodec;
  }

  private Object constant(String className) throws ToolError {
    Class<?> type = classes.load(className);
    try {
      return type.getField("INSTANCE").get(null);
    } catch (ReflectiveOperationException | ExceptionInInitializerError e) {
      throw new ToolError(DiagnosticCode.MCP_NOT_COMPILED, className + " has no usable INSTANCE: " + e,
          "Rebuild the project (run_specs or ./mvnw compile) with the same Eventsmith version as this server.");
    }
  }

  private static StreamId stream(Arguments arguments, String text) throws ToolError {
    try {
      return StreamId.parse(text);
    } catch (IllegalArgumentException e) {
      throw arguments.bad("stream", "must be a stream name of the form Category-id, e.g. Cart-42, not '" + text + "'");
    }
  }

  static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** Work on the store a call reads. */
  @FunctionalInterface
  private interface Reading<T> {
    T on(EventStore store) throws ToolError;
  }

  private <T> T reading(Arguments arguments, Reading<T> work) throws ToolError {
    Optional<String> file = arguments.optionalString(SQLITE_FILE);
    if (file.isPresent()) {
      java.nio.file.Path path = project.inside(file.get(), SQLITE_FILE);
      try (EventStore store = new StoreLocation.Sqlite(path, project.display(path)).open()) {
        return read(store, work, project.display(path));
      }
    }
    return read(configuredStore(), work, configured.get().describe());
  }

  private static <T> T read(EventStore store, Reading<T> work, String describe) throws ToolError {
    try {
      return work.on(new ReadOnlyEventStore(store));
    } catch (RuntimeException e) {
      throw new ToolError(DiagnosticCode.MCP_STORE_FAILED, "reading " + describe + " failed: " + e.getMessage(),
          "Check that the store is reachable; the message says what it answered.");
    }
  }

  private StoreLocation location(Arguments arguments) throws ToolError {
    Optional<String> file = arguments.optionalString(SQLITE_FILE);
    if (file.isPresent()) {
      java.nio.file.Path path = project.inside(file.get(), SQLITE_FILE);
      return new StoreLocation.Sqlite(path, project.display(path));
    }
    return configured.orElseThrow(StoreTools::noStore);
  }

  private synchronized EventStore configuredStore() throws ToolError {
    if (open == null) {
      open = configured.orElseThrow(StoreTools::noStore).open();
    }
    return open;
  }

  private EventStore writableStore() throws ToolError {
    if (!writable) {
      throw new ToolError(DiagnosticCode.MCP_WRITE_REFUSED, "the store was opened read-only",
          "Start the server with --writable and --allow-commands to dispatch commands.");
    }
    return configuredStore();
  }

  private static ToolError noStore() {
    return new ToolError(DiagnosticCode.MCP_NO_STORE, "the server was started without --store",
        "Pass 'sqliteFile' (a store file in the project) or restart the server with --store sqlite:<file> or "
            + "--store postgres:<jdbc url>.");
  }

  @Override
  public synchronized void close() {
    if (open != null) {
      open.close();
      open = null;
    }
    classes.close();
  }
}
