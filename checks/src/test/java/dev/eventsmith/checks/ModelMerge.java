package dev.eventsmith.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.Iterator;
import java.util.Map;

/**
 * A model fragment merged into a model, as a reader of the docs would add it: mappings merge key by
 * key, lists are appended to, and a scalar replaces the one it meets. The result is YAML text.
 */
final class ModelMerge {

  /** YAML 1.2 as the model reader reads it: yes/no/on/off are text. */
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private ModelMerge() {}

  static String merge(String model, String fragment) {
    try {
      JsonNode base = YAML.readTree(model);
      JsonNode addition = YAML.readTree(fragment);
      if (!(base instanceof ObjectNode target) || !(addition instanceof ObjectNode source)) {
        throw new AssertionError("a model and a fragment are YAML mappings");
      }
      mergeInto(target, source);
      return YAML.writeValueAsString(target);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** The fragment under a minimal header, for snippets that show part of a model on its own. */
  static String withHeader(String fragment) {
    return fragment.lines().anyMatch(l -> l.startsWith("eventmodel:"))
        ? fragment
        : merge("eventmodel: 1\nname: Excerpt\npackage: com.example.excerpt\n", fragment);
  }

  private static void mergeInto(ObjectNode target, ObjectNode source) {
    for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode o && field.getValue() instanceof ObjectNode s) {
        mergeInto(o, s);
      } else if (existing instanceof ArrayNode a && field.getValue() instanceof ArrayNode s) {
        a.addAll(s);
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }
}
