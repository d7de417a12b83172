package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;

/**
 * Every type generated code refers to outside the model's package and {@code java.lang}, named
 * once (as Dagger's {@code XTypeNames} does): the runtime, the test kit, JUnit and the JDK. A
 * model type of one of these simple names is refused by the validator, whose list
 * ({@code ReservedNames.imported()}) a test holds equal to the names here.
 */
final class TypeNames {

  // JDK, beyond java.lang
  static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
  static final ClassName INSTANT = ClassName.get("java.time", "Instant");
  static final ClassName LOCAL_DATE = ClassName.get("java.time", "LocalDate");
  static final ClassName UUID = ClassName.get("java.util", "UUID");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName TREE_MAP = ClassName.get("java.util", "TreeMap");
  static final ClassName SET = ClassName.get("java.util", "Set");
  static final ClassName TREE_SET = ClassName.get("java.util", "TreeSet");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");
  static final ClassName PATTERN = ClassName.get("java.util.regex", "Pattern");
  static final ClassName STANDARD_CHARSETS = ClassName.get("java.nio.charset", "StandardCharsets");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  // Eventsmith runtime
  static final ClassName EVENTSMITH_GENERATED = ClassName.get("dev.eventsmith.annotation", "EventsmithGenerated");
  static final ClassName EVENT = ClassName.get("dev.eventsmith.runtime", "Event");
  static final ClassName COMMAND = ClassName.get("dev.eventsmith.runtime", "Command");
  static final ClassName REJECTION = ClassName.get("dev.eventsmith.runtime", "Rejection");
  static final ClassName NO_REJECTION = ClassName.get("dev.eventsmith.runtime", "NoRejection");
  static final ClassName DECIDER = ClassName.get("dev.eventsmith.runtime", "Decider");
  static final ClassName DECISION = ClassName.get("dev.eventsmith.runtime", "Decision");
  static final ClassName PROJECTOR = ClassName.get("dev.eventsmith.runtime", "Projector");
  static final ClassName AUTOMATION = ClassName.get("dev.eventsmith.runtime", "Automation");
  static final ClassName VIEW_AUTOMATION = ClassName.get("dev.eventsmith.runtime", "ViewAutomation");
  static final ClassName STREAM_ID = ClassName.get("dev.eventsmith.runtime.store", "StreamId");
  static final ClassName CROSS_STREAM_DECIDER = ClassName.get("dev.eventsmith.runtime.dcb", "CrossStreamDecider");
  static final ClassName EVENT_QUERY = ClassName.get("dev.eventsmith.runtime.dcb", "EventQuery");
  static final ClassName QUERY_ITEM = ClassName.get("dev.eventsmith.runtime.dcb", "QueryItem");
  static final ClassName EVENT_CODEC = ClassName.get("dev.eventsmith.runtime.codec", "EventCodec");
  static final ClassName ENCODED_EVENT = ClassName.get("dev.eventsmith.runtime.codec", "EncodedEvent");
  static final ClassName JSON_WRITER = ClassName.get("dev.eventsmith.runtime.codec", "JsonWriter");
  static final ClassName JSON_VALUE = ClassName.get("dev.eventsmith.runtime.codec", "JsonValue");
  static final ClassName UPCASTER = ClassName.get("dev.eventsmith.runtime.codec", "Upcaster");
  static final ClassName ROW_CODEC = ClassName.get("dev.eventsmith.runtime.projection", "RowCodec");
  static final ClassName LOOKUP = ClassName.get("dev.eventsmith.runtime.projection", "Lookup");
  static final ClassName VIEW_STORE = ClassName.get("dev.eventsmith.runtime.projection", "ViewStore");
  static final ClassName FIELD_CHECKS = ClassName.get("dev.eventsmith.runtime.internal", "FieldChecks");
  static final ClassName CODEC_CHECKS = ClassName.get("dev.eventsmith.runtime.internal", "CodecChecks");
  static final ClassName CODEC_EXCEPTION = ClassName.get("dev.eventsmith.runtime.codec", "CodecException");
  static final ClassName COMMAND_CODEC = ClassName.get("dev.eventsmith.runtime.codec", "CommandCodec");
  static final ClassName COMMAND_INPUT = ClassName.get("dev.eventsmith.runtime.internal", "CommandInput");
  static final ClassName MODEL_DESCRIPTOR = ClassName.get("dev.eventsmith.runtime.model", "ModelDescriptor");
  static final ClassName AGGREGATE_DESCRIPTOR = ClassName.get("dev.eventsmith.runtime.model", "AggregateDescriptor");
  static final ClassName DECISION_DESCRIPTOR =
      ClassName.get("dev.eventsmith.runtime.model", "DecisionDescriptor");
  static final ClassName VIEW_DESCRIPTOR = ClassName.get("dev.eventsmith.runtime.model", "ViewDescriptor");
  static final ClassName AUTOMATION_DESCRIPTOR =
      ClassName.get("dev.eventsmith.runtime.model", "AutomationDescriptor");

  // Processes
  static final ClassName DURATION = ClassName.get("java.time", "Duration");
  static final ClassName WORKFLOW = ClassName.get("dev.eventsmith.runtime", "Workflow");
  static final ClassName REACTION = ClassName.get("dev.eventsmith.runtime", "Reaction");
  static final ClassName PROCESS_INSTANCE = ClassName.get("dev.eventsmith.runtime", "ProcessInstance");
  static final ClassName REACTION_CHECKS = ClassName.get("dev.eventsmith.runtime.internal", "ReactionChecks");
  static final ClassName PROCESS_SPEC = ClassName.get("dev.eventsmith.testkit", "ProcessSpec");

  // The spec tests: Eventsmith test kit and JUnit 5
  static final ClassName SYMBOLS = ClassName.get("dev.eventsmith.testkit", "Symbols");
  static final ClassName SPEC_SOURCE = ClassName.get("dev.eventsmith.testkit", "SpecSource");
  static final ClassName DECIDER_SPEC = ClassName.get("dev.eventsmith.testkit", "DeciderSpec");
  static final ClassName DECISION_SPEC = ClassName.get("dev.eventsmith.testkit", "DecisionSpec");
  static final ClassName VIEW_SPEC = ClassName.get("dev.eventsmith.testkit", "ViewSpec");
  static final ClassName AUTOMATION_SPEC = ClassName.get("dev.eventsmith.testkit", "AutomationSpec");
  static final ClassName VIEW_AUTOMATION_SPEC = ClassName.get("dev.eventsmith.testkit", "ViewAutomationSpec");
  static final ClassName TEST = ClassName.get("org.junit.jupiter.api", "Test");
  static final ClassName DISPLAY_NAME = ClassName.get("org.junit.jupiter.api", "DisplayName");

  private TypeNames() {}
}
