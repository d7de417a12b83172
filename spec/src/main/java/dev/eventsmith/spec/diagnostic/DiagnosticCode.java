package dev.eventsmith.spec.diagnostic;

/**
 * The one catalogue of problems the model reader and validator report. Ids are stable: a code is
 * never reused for another problem, and each has a page {@code agent-guides/errors/<id>.md}.
 */
public enum DiagnosticCode {
  // ESM-00xx: YAML structure
  YAML_SYNTAX("ESM-0001", Severity.ERROR, "YAML syntax error"),
  DUPLICATE_KEY("ESM-0002", Severity.ERROR, "Duplicate key in a mapping"),
  WRONG_NODE_KIND("ESM-0003", Severity.ERROR, "Wrong kind of YAML node"),
  UNKNOWN_KEY("ESM-0004", Severity.ERROR, "Unknown key"),
  MISSING_KEY("ESM-0005", Severity.ERROR, "Missing required key"),
  LIMIT_EXCEEDED("ESM-0006", Severity.ERROR, "Input exceeds a size or nesting limit"),
  UNSUPPORTED_YAML("ESM-0007", Severity.ERROR, "Unsupported YAML feature (anchor, alias, tag, second document)"),
  UNSUPPORTED_FORMAT_VERSION("ESM-0008", Severity.ERROR, "Unsupported eventmodel format version"),
  UNREADABLE_SOURCE("ESM-0009", Severity.ERROR, "Model file cannot be read"),
  INVALID_VALUE("ESM-0010", Severity.ERROR, "Value has the wrong form"),
  INTERNAL_ERROR("ESM-0099", Severity.ERROR, "Internal error in the model reader"),

  // ESM-01xx: references and duplicates
  DUPLICATE_NAME("ESM-0101", Severity.ERROR, "Name defined twice"),
  NAME_USED_BY_TWO_KINDS("ESM-0102", Severity.ERROR, "Name used by two kinds of element"),
  UNKNOWN_EMITTED_EVENT("ESM-0103", Severity.ERROR, "Command emits an unknown event"),
  UNKNOWN_AGGREGATE("ESM-0104", Severity.ERROR, "Unknown aggregate"),
  UNKNOWN_TYPE("ESM-0105", Severity.ERROR, "Unknown field type"),
  UNKNOWN_VIEW_EVENT("ESM-0106", Severity.ERROR, "View projects an unknown event"),
  UNKNOWN_TRIGGER_EVENT("ESM-0107", Severity.ERROR, "Automation listens to an unknown event or view"),
  UNKNOWN_ISSUED_COMMAND("ESM-0108", Severity.ERROR, "Automation issues an unknown command"),
  AMBIGUOUS_EVENT_AGGREGATE("ESM-0109", Severity.ERROR, "Event emitted by commands of several aggregates"),
  UNDETERMINED_EVENT_AGGREGATE("ESM-0110", Severity.ERROR, "Event aggregate cannot be inferred"),
  CONFLICTING_REJECTION("ESM-0111", Severity.ERROR, "Rejection shared with different fields or across aggregates"),
  CONFLICTING_HEADER("ESM-0112", Severity.ERROR, "Files disagree on the model name or package"),
  FOREIGN_EMITTED_EVENT("ESM-0113", Severity.ERROR, "Command emits an event of another aggregate"),
  DUPLICATE_REFERENCE("ESM-0114", Severity.ERROR, "Name listed twice"),

  // ESM-02xx: names and types
  INVALID_IDENTIFIER("ESM-0201", Severity.ERROR, "Not a valid Java identifier for this kind of name"),
  RESERVED_WORD("ESM-0202", Severity.ERROR, "Java reserved word used as a name"),
  GENERATED_NAME_CLASH("ESM-0203", Severity.ERROR, "Name clashes with generated code"),
  INVALID_PACKAGE("ESM-0204", Severity.ERROR, "Invalid Java package name"),
  BAD_TYPE_EXPRESSION("ESM-0205", Severity.ERROR, "Invalid type expression"),
  CONSTRAINT_ON_WRONG_BASE("ESM-0206", Severity.ERROR, "Constraint does not apply to the type"),
  AGGREGATE_ID_MISSING("ESM-0207", Severity.ERROR, "Aggregate id field missing from a command or event"),
  VIEW_KEY_MISSING("ESM-0208", Severity.ERROR, "View key missing from the view or a source event"),
  INVALID_CONSTRAINT("ESM-0209", Severity.ERROR, "Invalid constraint value"),
  INVALID_UPCAST("ESM-0210", Severity.ERROR, "Invalid upcast"),
  INVALID_VALUE_TYPE("ESM-0211", Severity.ERROR, "Invalid value type definition"),
  AGGREGATE_ID_TYPE_MISMATCH("ESM-0212", Severity.ERROR, "Aggregate id field has different types"),
  UNSAFE_NAME_CHARACTER("ESM-0213", Severity.ERROR, "Name holds a character outside the safe alphabet"),
  JAVA_LANG_NAME("ESM-0214", Severity.ERROR, "Name of a java.lang type"),
  NAMES_DIFFER_ONLY_IN_CASE("ESM-0215", Severity.ERROR, "Names of generated files differ only in case"),
  NAME_TOO_LONG("ESM-0216", Severity.ERROR, "Name too long for generated file names"),
  TOO_MANY_MEMBERS("ESM-0217", Severity.ERROR, "Too many fields, events, commands or constants for generated code"),
  TEXT_TOO_LONG("ESM-0218", Severity.ERROR, "Text too long for a Java string constant"),

  // ESM-03xx: specs
  UNKNOWN_SPEC_SUBJECT("ESM-0301", Severity.ERROR, "Spec subject is not a command, view or automation"),
  VALUE_DOES_NOT_FIT("ESM-0302", Severity.ERROR, "Spec value does not fit its field"),
  MISSING_SPEC_FIELD("ESM-0303", Severity.ERROR, "Required field missing in a spec message"),
  UNKNOWN_SPEC_FIELD("ESM-0304", Severity.ERROR, "Unknown field in a spec message"),
  GIVEN_EVENT_OF_OTHER_AGGREGATE("ESM-0305", Severity.ERROR, "Given event belongs to another aggregate"),
  THEN_EVENT_NOT_EMITTED("ESM-0306", Severity.ERROR, "Expected event is not emitted by the command"),
  REJECTION_NOT_DECLARED("ESM-0307", Severity.ERROR, "Expected rejection is not declared by the command"),
  WHEN_MISMATCH("ESM-0308", Severity.ERROR, "'when' missing, misplaced or naming another command"),
  UNKNOWN_SPEC_MESSAGE("ESM-0309", Severity.ERROR, "Spec names an unknown event, command or view"),
  THEN_SHAPE("ESM-0310", Severity.ERROR, "'then' has the wrong form for the subject"),
  PARTIAL_REJECTION_FIELDS("ESM-0311", Severity.ERROR, "Expected rejection gives only some of its fields"),
  DUPLICATE_SPEC_NAME("ESM-0312", Severity.ERROR, "Two specs of one subject share a name"),
  THEN_COMMAND_NOT_ISSUED("ESM-0313", Severity.ERROR, "Expected command is not issued by the automation"),
  SPEC_MESSAGE_TOO_LARGE("ESM-0314", Severity.ERROR, "Spec message too large for a Java method"),
  SPECS_TOO_LARGE("ESM-0315", Severity.ERROR, "Specs of one subject too large for a Java class"),

  // ESM-04xx: warnings
  COMMAND_WITHOUT_SPEC("ESM-0401", Severity.WARNING, "Command has no spec"),
  REJECTION_WITHOUT_SPEC("ESM-0402", Severity.WARNING, "Rejection has no spec"),
  EVENT_NOT_PAST_TENSE("ESM-0403", Severity.WARNING, "Event name is not in the past tense"),
  VIEW_FIELD_WITHOUT_SOURCE("ESM-0404", Severity.WARNING, "View field that no source event has"),

  // ESM-05xx: generating code from a model (annotation processor, build plugin)
  MODEL_PACKAGE_MISMATCH("ESM-0501", Severity.ERROR, "Model package differs from the annotated package"),
  CONTRACT_NOT_GENERATED("ESM-0502", Severity.ERROR, "Generated contract missing when generating spec tests"),
  NO_IMPLEMENTATION("ESM-0503", Severity.ERROR, "No class implements a generated contract"),
  SEVERAL_IMPLEMENTATIONS("ESM-0504", Severity.ERROR, "Several classes implement a generated contract"),
  IMPLEMENTATION_NOT_INSTANTIABLE("ESM-0505", Severity.ERROR, "Implementation has no constructor without parameters"),
  GENERATION_FAILED("ESM-0506", Severity.ERROR, "Generated code cannot be written"),

  // ESM-06xx: views over several rows, lookups, stored versions in specs, decisions across streams
  VIEW_KEY_SOURCE("ESM-0601", Severity.ERROR, "A view's key cannot be taken from an event"),
  DUPLICATE_EXPECTED_ROW("ESM-0602", Severity.ERROR, "Two expected rows of a view spec have one key"),
  LOOKUP_NOT_POSSIBLE("ESM-0603", Severity.ERROR, "A view cannot be looked up by this field"),
  INVALID_STORED_VERSION("ESM-0604", Severity.ERROR, "An older version of an event is declared wrongly"),
  MISPLACED_STORED_VERSION("ESM-0605", Severity.ERROR, "A spec writes a stored version where none can be"),
  UNDECLARED_STORED_VERSION("ESM-0606", Severity.ERROR, "A spec gives an event at a version the model does not declare"),
  BROKEN_UPCAST_CHAIN("ESM-0607", Severity.ERROR, "The upcasts do not turn one declared version into the next"),
  UPCAST_TYPE_CHANGE("ESM-0608", Severity.ERROR, "A field changes type between versions without a step"),
  INVALID_EVENT_TAG("ESM-0609", Severity.ERROR, "An event's tag is not one of its scalar fields"),
  INVALID_DECISION_QUERY("ESM-0610", Severity.ERROR, "A command's 'decides' query is malformed"),
  QUERY_NEVER_MATCHES("ESM-0611", Severity.ERROR, "An item of a 'decides' query can never match an event"),
  UNTAGGED_DECISION_EVENT("ESM-0612", Severity.ERROR, "A command decided across streams emits an event without tags"),
  TAGGED_AGGREGATE_EVENT("ESM-0613", Severity.ERROR, "An aggregate command emits a tagged event"),

  // ESM-07xx: processes across aggregates and time
  PROCESS_KEY_MISSING("ESM-0701", Severity.ERROR, "Process key missing from the process or a handled event"),
  PROCESS_KEY_TYPE("ESM-0702", Severity.ERROR, "Process key of an unsupported type or of different types"),
  UNKNOWN_PROCESS_EVENT("ESM-0703", Severity.ERROR, "Process handles an unknown event"),
  UNKNOWN_PROCESS_COMMAND("ESM-0704", Severity.ERROR, "Process issues an unknown command"),
  INVALID_DEADLINE("ESM-0705", Severity.ERROR, "Deadline with an invalid name or duration"),
  COMPENSATION_NOT_POSSIBLE("ESM-0706", Severity.ERROR, "Process compensates for a rejection it cannot receive"),
  PROCESS_NOT_STARTED("ESM-0707", Severity.ERROR, "Process started by no event"),
  PROCESS_KEY_SOURCE("ESM-0708", Severity.ERROR, "Process key taken from an event it does not handle"),
  SPEC_TIME("ESM-0709", Severity.ERROR, "Time in a process spec is not a positive ISO-8601 duration"),
  NOT_OF_THE_PROCESS("ESM-0710", Severity.ERROR, "Process spec names an event, command or deadline the process lacks"),
  PROCESS_SPEC_STEP("ESM-0711", Severity.ERROR, "Time or a rejected command outside a process spec"),

  // ESM-08xx: the build plugin's checks of a project
  SPEC_NOT_RUN("ESM-0801", Severity.ERROR, "A spec did not run as a test"),
  SPEC_GAP("ESM-0802", Severity.ERROR, "A change to the logic that no spec notices"),
  MUTATION_RUN_FAILED("ESM-0803", Severity.ERROR, "Spec strength could not be measured"),

  // ESM-085x: starting a new project (the init goal of the build plugin)
  EXISTING_PROJECT_FILES("ESM-0850", Severity.ERROR, "A new project would overwrite existing files"),
  INVALID_PROJECT_COORDINATES("ESM-0851", Severity.ERROR, "Invalid Maven coordinates for a new project"),
  INVALID_PROJECT_PACKAGE("ESM-0852", Severity.ERROR, "Invalid Java package for a new project"),

  // ESM-09xx: the MCP server's tools (eventsmith-mcp), answered as a tool error
  MCP_BAD_ARGUMENT("ESM-0901", Severity.ERROR, "Tool argument missing or of the wrong form"),
  MCP_PATH_OUTSIDE_PROJECT("ESM-0902", Severity.ERROR, "Path outside the project"),
  MCP_UNKNOWN_NAME("ESM-0903", Severity.ERROR, "Name not found"),
  MCP_MODEL_INVALID("ESM-0904", Severity.ERROR, "The model has errors"),
  MCP_NOT_COMPILED("ESM-0905", Severity.ERROR, "The project's classes are missing or cannot be loaded"),
  MCP_NO_STORE("ESM-0906", Severity.ERROR, "No event store configured"),
  MCP_WRITE_REFUSED("ESM-0907", Severity.ERROR, "Writing to the event store is not allowed"),
  MCP_STORE_FAILED("ESM-0908", Severity.ERROR, "The event store cannot be opened or read"),
  MCP_DECODE_FAILED("ESM-0909", Severity.ERROR, "A stored event does not decode"),
  MCP_BUILD_NOT_STARTED("ESM-0910", Severity.ERROR, "The build cannot be started"),
  MCP_BUILD_TIMED_OUT("ESM-0911", Severity.ERROR, "The build took longer than its time limit"),
  MCP_BAD_OPTION("ESM-0912", Severity.ERROR, "Invalid option of the MCP server"),
  MCP_RESULT_TOO_LARGE("ESM-0913", Severity.ERROR, "Tool result too large"),
  MCP_INTERNAL_ERROR("ESM-0949", Severity.ERROR, "Internal error in the MCP server");

  private final String id;
  private final Severity severity;
  private final String title;

  DiagnosticCode(String id, Severity severity, String title) {
    this.id = id;
    this.severity = severity;
    this.title = title;
  }

  /** The stable id, e.g. {@code ESM-0103}. */
  public String id() {
    return id;
  }

  /** The severity this code is reported with. */
  public Severity severity() {
    return severity;
  }

  /** A short title, as used on the code's error page. */
  public String title() {
    return title;
  }
}
