package dev.eventsmith.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema of a model file, checked with the tools editors and CI use: ajv compiles it in
 * strict mode and validates every model of the repository with it, and yaml-language-server (the
 * engine of VS Code's YAML extension and others) completes the model's keys from it and flags a
 * wrong key where it is, through its own LSP protocol.
 */
class EditorSchemaTest {

  private static final Path SCHEMA =
      Repository.ROOT.resolve("spec/src/main/resources/dev/eventsmith/spec/eventmodel.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = Path.of("target", "editor-schema").toAbsolutePath();

  /** Every model file of the repository, the new-project template's with its package filled in. */
  static List<Path> repositoryModels() throws IOException {
    Files.createDirectories(WORK);
    List<Path> models = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Repository.ROOT)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !Repository.ROOT.relativize(f).toString().matches("(.*/)?(target|node_modules|\\.git)/.*"))
          .sorted().toList()) {
        String text = Files.readString(p);
        if (text.lines().anyMatch(l -> l.startsWith("eventmodel:"))) {
          if (text.contains("${package}")) {
            Path filled = WORK.resolve("template-" + p.getFileName());
            Files.writeString(filled, text.replace("${package}", "com.example.club"));
            p = filled;
          }
          models.add(p);
        }
      }
    }
    return models;
  }

  @Test
  void ajvCompilesTheSchemaInStrictModeAndAcceptsEveryModelOfTheRepository() throws Exception {
    ExternalTool.requireNodeTools("ajv", "yaml");
    List<Path> models = repositoryModels();
    assertTrue(models.size() >= 4, "the example, the template and the test models: " + models);
    Path wrong = WORK.resolve("wrong-key.yaml");
    Files.writeString(wrong, "eventmodel: 1\nname: Club\npackage: com.example.club\nevnts: {}\n");
    List<String> arguments = new ArrayList<>(List.of(SCHEMA.toString()));
    models.forEach(m -> arguments.add(m.toString()));
    arguments.add(wrong.toString());
    JsonNode out = JSON.readTree(ExternalTool.node("check-schema.mjs", "", arguments.toArray(String[]::new)));
    assertTrue(out.get("compiled").asBoolean(), () -> "ajv (strict) refuses the schema: " + out.get("error"));
    List<String> invalid = new ArrayList<>();
    for (JsonNode result : out.get("results")) {
      if (!result.get("valid").asBoolean() && !result.get("file").asText().equals(wrong.toString())) {
        invalid.add(result.get("file").asText() + ": " + result.get("errors"));
      }
    }
    assertEquals(List.of(), invalid);
    JsonNode last = out.get("results").get(models.size());
    assertFalse(last.get("valid").asBoolean(), "ajv validates for real: it refuses an unknown key");
    assertTrue(last.get("errors").toString().contains("evnts"), last.toString());
  }

  @Test
  void yamlLanguageServerCompletesKeysAndFlagsAWrongKeyWhereItIs() throws Exception {
    ExternalTool.requireNodeTools("yaml-language-server");
    String modeline = "# yaml-language-server: $schema=" + SCHEMA.toUri() + "\n";
    String header = modeline + "eventmodel: 1\nname: Club\npackage: com.example.club\n";
    Path template = repositoryModels().stream().filter(p -> p.getFileName().toString().startsWith("template-"))
        .findFirst().orElseThrow();
    ObjectNode plan = JSON.createObjectNode();
    ArrayNode documents = plan.putArray("documents");
    document(documents, "top.yaml", header + "\n", 4, 0);
    document(documents, "event.yaml", header + "events:\n  MemberRegistered:\n    \n", 6, 4);
    document(documents, "wrong-top.yaml", header + "evnts:\n  X: {}\n", -1, 0);
    document(documents, "wrong-deep.yaml", header + "aggregates:\n  Member: { id: memberId }\nevents:\n"
        + "  MemberRegistered: { fields: { memberId: uuid } }\ncommands:\n  RegisterMember:\n    aggregate: Member\n"
        + "    emit: [MemberRegistered]\n", -1, 0);
    document(documents, "template.yaml", modeline + Files.readString(template), -1, 0);

    JsonNode out = JSON.readTree(ExternalTool.node("yaml-lsp-probe.mjs", JSON.writeValueAsString(plan)));
    JsonNode top = out.get("documents").get(0);
    assertEquals(List.of("types", "aggregates", "events", "commands", "views", "automations", "processes",
        "specs"),
        labels(top.get("completions").get(0)), "the sections a model file may still have");
    assertTrue(labels(out.get("documents").get(1).get("completions").get(0))
        .containsAll(List.of("fields", "version", "storedName", "upcast", "aggregate")), out.get("documents").get(1).toString());

    JsonNode wrongTop = out.get("documents").get(2).get("diagnostics");
    assertEquals(1, wrongTop.size(), wrongTop.toString());
    assertEquals(4, wrongTop.get(0).get("line").asInt(), "on the line of 'evnts'");
    assertTrue(wrongTop.get(0).get("message").asText().contains("evnts"), wrongTop.toString());
    JsonNode wrongDeep = out.get("documents").get(3).get("diagnostics");
    assertTrue(wrongDeep.toString().contains("emit"), wrongDeep.toString());
    assertTrue(stream(wrongDeep).anyMatch(d -> d.get("line").asInt() == 11), "on the line of 'emit': " + wrongDeep);

    assertEquals("[]", out.get("documents").get(4).get("diagnostics").toString(), "the starter model is clean");
  }

  private static void document(ArrayNode documents, String name, String text, int line, int character) {
    ObjectNode document = documents.addObject();
    document.put("uri", WORK.resolve(name).toUri().toString());
    document.put("text", text);
    ArrayNode complete = document.putArray("complete");
    if (line >= 0) {
      complete.addObject().put("line", line).put("character", character);
    }
  }

  private static List<String> labels(JsonNode array) {
    return stream(array).map(JsonNode::asText).toList();
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes.stream();
  }
}
