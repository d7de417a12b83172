package dev.eventsmith.spec.codegen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * Simple names a model type must not have, because Java code in the model's package refers to
 * other types by them: a class of the package with such a name would shadow the type (or be
 * shadowed by its import) in generated and hand-written code alike.
 */
public final class ReservedNames {

  /** The resource listing the public top-level types of {@code java.lang} in Java 17, one per line. */
  static final String JAVA_LANG_RESOURCE = "java-lang-17.txt";

  private static final Set<String> JAVA_LANG = readJavaLang();

  /**
   * The simple names of the types generated code imports, beyond {@code java.lang}. The generator
   * keeps their qualified names (its {@code TypeNames}); a test there holds this list equal to them.
   */
  private static final Set<String> IMPORTED = Set.of(
      // JDK
      "BigDecimal", "Instant", "LocalDate", "UUID", "List", "Map", "Set", "Optional", "Objects", "Collections",
      "TreeMap", "TreeSet", "ArrayList", "Pattern", "StandardCharsets", "Generated",
      // Eventsmith runtime
      "EventsmithGenerated", "Event", "Command", "Rejection", "NoRejection", "Decider", "Decision", "Projector",
      "Automation", "ViewAutomation", "StreamId", "EventCodec", "EncodedEvent", "JsonWriter",
      "JsonValue", "Upcaster", "RowCodec", "FieldChecks", "CodecChecks", "CodecException", "CommandCodec",
      "CommandInput", "ModelDescriptor", "AggregateDescriptor", "ViewDescriptor", "AutomationDescriptor",
      "Lookup", "ViewStore",
      // processes: the runtime's workflow types, java.time.Duration and the test kit's ProcessSpec
      "Workflow", "Reaction", "ProcessInstance", "ReactionChecks", "Duration", "ProcessSpec",
      // decisions across streams
      "CrossStreamDecider", "EventQuery", "QueryItem", "DecisionDescriptor",
      // Eventsmith test kit and JUnit, in the spec tests
      "Symbols", "SpecSource", "DeciderSpec", "ViewSpec", "AutomationSpec", "ViewAutomationSpec", "Test",
      "DisplayName", "DecisionSpec");

  private ReservedNames() {}

  /** The public top-level types of {@code java.lang} in Java 17: every class sees them by simple name. */
  public static Set<String> javaLang() {
    return JAVA_LANG;
  }

  /** The simple names of the types generated code imports, beyond {@code java.lang}. */
  public static Set<String> imported() {
    return IMPORTED;
  }

  private static Set<String> readJavaLang() {
    Set<String> names = new TreeSet<>();
    try (InputStream in = ReservedNames.class.getResourceAsStream(JAVA_LANG_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + JAVA_LANG_RESOURCE + " is missing from the spec jar");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          names.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + JAVA_LANG_RESOURCE, e);
    }
    return Set.copyOf(names);
  }
}
