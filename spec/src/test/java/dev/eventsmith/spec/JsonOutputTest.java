package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

  @Test
  void diagnosticsAsJsonArrayOfFlatObjects() throws IOException {
    LoadResult result = ModelText.base().replace("emits: [ItemAdded]", "emits: [ItemAded]")
        .replace("quantity: 1 } }\n      then", "quantity: \"x\\\"y\" } }\n      then").load();
    List<Map<String, Object>> objects = parse(result.toJson());
    assertEquals(result.diagnostics().size(), objects.size());
    Map<String, Object> first = objects.stream().filter(o -> o.get("code").equals("ESM-0103")).findFirst().orElseThrow();
    assertEquals(List.of("code", "severity", "file", "line", "column", "message", "hint"), List.copyOf(first.keySet()));
    assertEquals("error", first.get("severity"));
    assertEquals("shop.yaml", first.get("file"));
    assertEquals(15, first.get("line"));
    assertEquals(13, first.get("column"));
    assertTrue(((String) first.get("message")).contains("did you mean 'ItemAdded'?"));
    assertTrue(objects.stream().anyMatch(o -> ((String) o.get("message")).contains("'x\"y'")), "quotes are escaped");
  }

  @Test
  void noDiagnosticsIsAnEmptyArray() {
    assertEquals("[]", ModelText.base().load().toJson());
  }

  private static List<Map<String, Object>> parse(String json) throws IOException {
    List<Map<String, Object>> objects = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      assertEquals(JsonToken.START_ARRAY, p.nextToken());
      while (p.nextToken() == JsonToken.START_OBJECT) {
        Map<String, Object> object = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          object.put(name, value == JsonToken.VALUE_NUMBER_INT ? (Object) p.getIntValue() : p.getText());
        }
        objects.add(object);
      }
    }
    return objects;
  }
}
