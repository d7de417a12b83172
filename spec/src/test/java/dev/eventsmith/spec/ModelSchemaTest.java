package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema shipped in the jar for editors: valid against the 2020-12 meta-schema, accepts
 * every model of the repository, and refuses the mistakes it can see without cross-references.
 */
class ModelSchemaTest {
  static final String RESOURCE = "/dev/eventsmith/spec/eventmodel.schema.json";
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  /** Read YAML as yaml-language-server does (YAML 1.2): yes/no/on/off are text, as in the model reader. */
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema SCHEMA = REGISTRY.getSchema(schemaNode());

  static JsonNode schemaNode() {
    try (InputStream in = ModelSchemaTest.class.getResourceAsStream(RESOURCE)) {
      assertTrue(in != null, "the schema is on the classpath at " + RESOURCE);
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Error> validate(String yaml) {
    try {
      return SCHEMA.validate(YAML.readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where an error is: the instance location, plus the offending property for keywords that name one. */
  private static String pointer(Error error) {
    String at = error.getInstanceLocation().toString();
    return error.getProperty() == null ? at : at + "/" + error.getProperty();
  }

  private static String describe(List<Error> errors) {
    return errors.stream().map(e -> pointer(e) + ": " + e.getMessage()).collect(Collectors.joining("\n"));
  }

  @Test
  void theSchemaIsAValid2020_12Schema() {
    Schema meta = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
    JsonNode schema = schemaNode();
    assertEquals(SpecificationVersion.DRAFT_2020_12.getDialectId(), schema.get("$schema").asText());
    List<Error> errors = meta.validate(schema);
    assertEquals(List.of(), errors, () -> describe(errors));
    // The meta-schema check is only worth something if it can fail: a typo'd keyword type must be caught.
    JsonNode broken = schema.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("type", "mapping");
    assertFalse(meta.validate(broken).isEmpty(), "the meta-schema refuses an unknown type");
  }

  /** Every model file in the repository (outside build output) that declares {@code eventmodel:}. */
  static List<Path> repositoryModels() throws IOException {
    try (Stream<Path> files = Files.walk(REPO)) {
      return files
          .filter(p -> !REPO.relativize(p).toString().matches("(.*/)?(target|\\.git|node_modules)(/.*)?"))
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> {
            try {
              return Files.readString(p).lines().anyMatch(l -> l.startsWith("eventmodel:"));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .sorted()
          .toList();
    }
  }

  @Test
  void everyModelOfTheRepositoryIsValid() throws IOException {
    List<Path> models = repositoryModels();
    List<String> names = models.stream().map(p -> REPO.relativize(p).toString()).toList();
    assertTrue(names.contains("examples/shopping-cart/src/main/eventmodel/cart.yaml"), () -> "found " + names);
    assertTrue(names.contains("generator/src/test/resources/models/library/library.yaml"), () -> "found " + names);
    assertTrue(names.contains("spec/src/test/resources/models/cart/cart.yaml"), () -> "found " + names);
    List<String> failures = new ArrayList<>();
    for (Path model : models) {
      // The new-project template (archetype/) names its package ${package} until a project is made.
      String yaml = Files.readString(model).replace("${package}", "com.example.club");
      // Only models the reader accepts must pass; a deliberately broken fixture would be a known-bad case.
      LoadResult loaded = ModelLoader.load(List.of(new ModelSource(model.getFileName().toString(), yaml)));
      assertEquals(List.of(), loaded.errors(), () -> model + " has errors:\n" + loaded.format());
      List<Error> errors = validate(yaml);
      if (!errors.isEmpty()) {
        failures.add(REPO.relativize(model) + ":\n" + describe(errors));
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void theModelsOfTheDocsAndTheTestsAreValid() throws IOException {
    String doc = Files.readString(REPO.resolve("docs/model-format.md"));
    int start = doc.indexOf("```yaml\n", doc.indexOf("<!-- full-example")) + "```yaml\n".length();
    String fullExample = doc.substring(start, doc.indexOf("```", start));
    for (String yaml : List.of(fullExample, ModelText.BASE)) {
      assertTrue(ModelLoader.load(List.of(new ModelSource("m.yaml", yaml))).errors().isEmpty());
      List<Error> errors = validate(yaml);
      assertEquals(List.of(), errors, () -> describe(errors) + "\n" + yaml);
    }
  }

  /**
   * Mistakes the schema can see, each an edit of {@link ModelText#BASE}, with the instance location
   * (JSON pointer) at which the schema must complain. Every one is also an error for the reader.
   */
  static Stream<Arguments> knownBadModels() {
    return Stream.of(
        bad("unknown top-level key", "views:", "viewz:", "/viewz"),
        bad("unknown key in an event", "CartCreated: { fields: { cartId: uuid } }",
            "CartCreated: { field: { cartId: uuid } }", "/events/CartCreated"),
        bad("unknown key in a field's long form", "quantity: int }\n    emits", "quantity: { type: int, minimum: 1 } }\n    emits",
            "/commands/AddItem/fields/quantity"),
        bad("fields as a list", "fields: { cartId: uuid, quantity: int }", "fields: [ cartId, quantity ]",
            "/views/Items/fields"),
        bad("missing 'emits'", "    emits: [ItemAdded]\n", "", "/commands/AddItem"),
        bad("empty 'emits'", "emits: [ItemAdded]", "emits: []", "/commands/AddItem/emits"),
        bad("emits an event twice", "emits: [ItemAdded]", "emits: [ItemAdded, ItemAdded]", "/commands/AddItem/emits"),
        bad("missing aggregate id", "Cart: { id: cartId }", "Cart: { key: cartId }", "/aggregates/Cart"),
        bad("missing 'eventmodel'", "eventmodel: 1\n", "", "/eventmodel"),
        bad("unsupported format version", "eventmodel: 1", "eventmodel: 2", "/eventmodel"),
        bad("event name in lower case", "ItemAdded: { fields", "itemAdded: { fields", "/events"),
        bad("element name with a dash", "Notify: {", "Notify-Me: {", "/automations"),
        bad("type named like a JDK type", "Sku: { base", "String: { base", "/types"),
        bad("field named with a Java keyword", "quantity: int }\n    emits", "class: int }\n    emits", "/commands/AddItem/fields"),
        bad("field named like an Object method", "fields: { cartId: uuid } }", "fields: { cartId: uuid, hashCode: int } }",
            "/events/CartCreated/fields"),
        bad("field name in upper case", "fields: { cartId: uuid } }", "fields: { cartId: uuid, Total: int } }",
            "/events/CartCreated/fields"),
        bad("bad package", "package: com.example.shop", "package: com.example.class", "/package"),
        bad("package with an empty segment", "package: com.example.shop", "package: com..shop", "/package"),
        bad("unclosed list type", "sku: Sku, quantity: int } }", "sku: Sku, quantity: \"list<int\" } }",
            "/events/ItemAdded/fields/quantity"),
        bad("optional list element", "sku: Sku, quantity: int } }", "sku: Sku, quantity: \"list<int?>\" } }",
            "/events/ItemAdded/fields/quantity"),
        bad("type written as a number", "sku: Sku, quantity: int } }", "sku: Sku, quantity: 5 } }",
            "/events/ItemAdded/fields/quantity"),
        bad("base that is not built in", "base: string", "base: text", "/types/Sku"),
        bad("both base and enum", "base: string,", "base: string, enum: [A],", "/types/Sku"),
        bad("empty enum", "Sku: { base: string, pattern: \"[A-Z]{3}\" }", "Sku: { enum: [] }", "/types/Sku"),
        bad("enum constant that is a keyword", "Sku: { base: string, pattern: \"[A-Z]{3}\" }", "Sku: { enum: [ok, new] }",
            "/types/Sku"),
        bad("pattern on a uuid", "base: string, pattern", "base: uuid, pattern", "/types/Sku"),
        bad("min as text", "base: string, pattern: \"[A-Z]{3}\"", "base: int, min: low", "/types/Sku"),
        bad("version zero", "CartCreated: { fields: { cartId: uuid } }", "CartCreated: { version: 0, fields: { cartId: uuid } }",
            "/events/CartCreated/version"),
        bad("upcast without 'from'", "CartCreated: { fields: { cartId: uuid } }",
            "CartCreated: { version: 2, fields: { cartId: uuid }, upcast: [ { drop: [old] } ] }", "/events/CartCreated/upcast/0"),
        bad("view without 'from'", "    from: [ItemAdded]\n", "", "/views/Items"),
        bad("automation issuing nothing", "issues: [AddItem]", "issues: []", "/automations/Notify/issues"),
        bad("spec without 'then'", "      then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]\n", "",
            "/specs/AddItem/0"),
        bad("spec with an unknown key", "      when: {", "      whenever: {", "/specs/AddItem/0"),
        bad("'when' naming two messages", "when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }",
            "when: { AddItem: { cartId: $c }, Other: {} }", "/specs/AddItem/0/when"),
        bad("'given' as a single message", "given: [ { CartCreated: { cartId: $c } } ]", "given: { CartCreated: { cartId: $c } }",
            "/specs/AddItem/0/given"),
        bad("'rejected' without a name", "then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]",
            "then: { rejected: ~ }", "/specs/AddItem/0/then"),
        bad("specs of a subject not in a list", "  AddItem:\n    - name: adds", "  AddItem: adds\n  Items:\n    - name: adds",
            "/specs/AddItem"));
  }

  private static Arguments bad(String what, String target, String replacement, String pointer) {
    return Arguments.of(what, ModelText.base().replace(target, replacement).text(), pointer);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("knownBadModels")
  void knownBadModelsFailTheSchemaWhereTheMistakeIs(String what, String yaml, String pointer) {
    LoadResult loaded = ModelLoader.load(List.of(new ModelSource("bad.yaml", yaml)));
    assertTrue(loaded.hasErrors(), () -> "the reader accepts the bad model '" + what + "':\n" + yaml);
    List<Error> errors = validate(yaml);
    assertFalse(errors.isEmpty(), () -> "the schema accepts the bad model '" + what + "':\n" + yaml);
    assertTrue(errors.stream().map(ModelSchemaTest::pointer).anyMatch(p -> p.equals(pointer) || p.startsWith(pointer + "/")),
        () -> "no schema error at " + pointer + "; got:\n" + describe(errors));
  }
}
