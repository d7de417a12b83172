package dev.eventsmith.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.eventsmith.runtime.model.ModelDescriptor;
import dev.eventsmith.runtime.model.ViewDescriptor;
import dev.eventsmith.runtime.projection.Lookup;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI 3.1 document the service serves: every model's generated document ({@code
 * <Model>Model.openApi()}) in one, each view's lookups added as {@code GET /views/<View>?<lookup>=},
 * the server set to the base path, and a version that is the served API's fingerprint.
 *
 * <p>Commands also answer 413 past the body size limit, which is the service's, not the model's.
 *
 * <p>Models share the components they define alike (the problem schemas, an event two models
 * both know); a component two models define differently is renamed {@code <Model>.<Name>} in the
 * later model (in the models' order), its references with it.
 */
final class OpenApiDocument {

  private static final String SCHEMAS = "#/components/schemas/";
  private static final String PROBLEM = "eventsmith.Problem";
  private static final String INVALID_PARAMETER = "eventsmith.InvalidParameter";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode paths = JSON.createObjectNode();
  private final ObjectNode schemas = JSON.createObjectNode();
  private final List<String> titles = new ArrayList<>();
  private final PageLimits limits;

  private OpenApiDocument(PageLimits limits) {
    this.limits = limits;
  }

  /** The document of {@code models}, its paths relative to {@code basePath} ({@code /api}, or empty for the root). */
  static byte[] of(List<ModelDescriptor> models, String basePath, PageLimits limits) {
    OpenApiDocument document = new OpenApiDocument(limits);
    for (ModelDescriptor model : models) {
      document.add(model);
    }
    return document.write(basePath);
  }

  private void add(ModelDescriptor model) {
    ObjectNode generated = read(model);
    ObjectNode own = (ObjectNode) generated.path("components").path("schemas");
    Set<String> clashing = new TreeSet<>();
    own.fields().forEachRemaining(schema -> {
      JsonNode ours = schemas.get(schema.getKey());
      if (ours != null && !ours.equals(schema.getValue())) {
        clashing.add(schema.getKey());
      }
    });
    if (!clashing.isEmpty()) {
      renameReferences(generated, model.name(), clashing);
    }
    for (Map.Entry<String, JsonNode> schema : iterable(own.fields())) {
      String name = clashing.contains(schema.getKey()) ? model.name() + "." + schema.getKey() : schema.getKey();
      JsonNode ours = schemas.get(name);
      if (ours != null && !ours.equals(schema.getValue())) {
        throw new IllegalStateException("model " + model.name() + " has a component " + schema.getKey()
            + " that another model defines differently, and " + name + " is taken too: rename one of them");
      }
      schemas.set(name, schema.getValue());
    }
    for (Map.Entry<String, JsonNode> path : iterable(generated.path("paths").fields())) {
      if (paths.has(path.getKey())) {
        throw new IllegalStateException("two models serve " + path.getKey() + ": command and view names must be "
            + "unique across the models of a service");
      }
      JsonNode post = path.getValue().path("post");
      if (post.path("responses") instanceof ObjectNode responses) {
        responses.set("413", response("The body is larger than eventsmith.http.max-body-size",
            "application/problem+json", PROBLEM));
      }
      paths.set(path.getKey(), path.getValue());
    }
    for (ViewDescriptor<?, ?> view : model.views()) {
      if (!view.rows().lookups().isEmpty()) {
        String schema = clashing.contains(view.name()) ? model.name() + "." + view.name() : view.name();
        addLookups(view, schema);
      }
    }
    titles.add(model.name());
  }

  private static ObjectNode read(ModelDescriptor model) {
    try {
      return (ObjectNode) JSON.readTree(model.openApi());
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("the OpenAPI document of model " + model.name() + " is not a JSON object; "
          + "rebuild the model with this Eventsmith version", e);
    }
  }

  /** Points every reference to a component in {@code names} at its renamed {@code <Model>.<Name>}. */
  private static void renameReferences(JsonNode node, String model, Set<String> names) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)
          && names.contains(ref.asText().substring(SCHEMAS.length()))) {
        object.set("$ref", TextNode.valueOf(SCHEMAS + model + "." + ref.asText().substring(SCHEMAS.length())));
      }
      object.elements().forEachRemaining(child -> renameReferences(child, model, names));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> renameReferences(child, model, names));
    }
  }

  /** {@code GET /views/<View>?<lookup>=value}: the rows of the view whose lookup field has the value, a page at a time. */
  private void addLookups(ViewDescriptor<?, ?> view, String schema) {
    JsonNode fields = schemas.path(schema).path("properties");
    ArrayNode parameters = JSON.createArrayNode();
    List<String> names = new ArrayList<>();
    for (Lookup<?> lookup : view.rows().lookups()) {
      JsonNode field = fields.path(lookup.name());
      boolean list = "array".equals(field.path("type").asText());
      parameters.add(parameter(lookup.name(), (list ? "Rows whose " + lookup.name() + " include" : "Rows whose "
          + lookup.name() + " is") + " this value, written as the view's keys are. Give exactly one lookup.",
          valueSchema(field)));
      names.add(lookup.name());
    }
    parameters.add(parameter("limit", "How many rows at most (a page).", JSON.createObjectNode()
        .put("type", "integer").put("format", "int32").put("minimum", 1).put("maximum", limits.max())
        .put("default", limits.size())));
    parameters.add(parameter("offset", "How many of the found rows to skip: a previous page's nextOffset.",
        JSON.createObjectNode().put("type", "integer").put("format", "int32").put("minimum", 0).put("default", 0)));
    parameters.add(parameter("position", "Wait until the view has applied the log up to this global position (a "
        + "command's answer gives it), to read one's own write.", JSON.createObjectNode()
        .put("type", "integer").put("format", "int64").put("minimum", 0)));

    String page = schema + ".Page";
    ObjectNode pageSchema = schemas.putObject(page).put("type", "object");
    pageSchema.putArray("required").add("rows").add("total").add("offset").add("limit");
    ObjectNode properties = pageSchema.putObject("properties");
    properties.putObject("rows").put("type", "array").putObject("items").put("$ref", SCHEMAS + schema);
    properties.putObject("total").put("type", "integer").put("format", "int32")
        .put("description", "How many rows were found, on every page");
    properties.putObject("offset").put("type", "integer").put("format", "int32");
    properties.putObject("limit").put("type", "integer").put("format", "int32");
    properties.putObject("nextOffset").put("type", "integer").put("format", "int32")
        .put("description", "The offset of the next page; absent on the last page");
    schemas.set(INVALID_PARAMETER, invalidParameter());

    ObjectNode get = JSON.createObjectNode();
    get.put("operationId", "lookup" + view.name());
    get.putArray("tags").add(view.name());
    get.put("summary", "Rows of view " + view.name() + " by " + String.join(" or ", names));
    get.set("parameters", parameters);
    ObjectNode responses = get.putObject("responses");
    responses.set("200", response("A page of the rows found, in the order their keys were first stored",
        "application/json", page));
    responses.set("400", response("No lookup, two lookups, an unknown parameter, or a value that is not valid; "
        + "the problem names the parameter", "application/problem+json", INVALID_PARAMETER));
    responses.set("503", response("The view did not reach the position in time, or the store is unavailable",
        "application/problem+json", PROBLEM));
    String path = "/views/" + view.name();
    if (paths.has(path)) {
      throw new IllegalStateException("two views serve " + path + ": view names must be unique across the models");
    }
    paths.putObject(path).set("get", get);
  }

  /** The schema of one value of a field: an array's element, an optional's value. */
  private static JsonNode valueSchema(JsonNode field) {
    if (field.has("items")) {
      return field.get("items");
    }
    for (JsonNode option : field.path("anyOf")) {
      if (!"null".equals(option.path("type").asText())) {
        return option;
      }
    }
    return field.isMissingNode() ? JSON.createObjectNode().put("type", "string") : field;
  }

  private static ObjectNode parameter(String name, String description, JsonNode schema) {
    ObjectNode parameter = JSON.createObjectNode().put("name", name).put("in", "query").put("required", false)
        .put("description", description);
    parameter.set("schema", schema);
    return parameter;
  }

  private static ObjectNode response(String description, String mediaType, String schema) {
    ObjectNode response = JSON.createObjectNode().put("description", description);
    response.putObject("content").putObject(mediaType).putObject("schema").put("$ref", SCHEMAS + schema);
    return response;
  }

  private static ObjectNode invalidParameter() {
    ObjectNode schema = JSON.createObjectNode();
    schema.putArray("allOf").addObject().put("$ref", SCHEMAS + PROBLEM);
    schema.put("type", "object");
    schema.putObject("properties").putObject("parameter").put("type", "string")
        .put("description", "The query parameter to blame, if one is");
    return schema;
  }

  private byte[] write(String basePath) {
    ObjectNode api = JSON.createObjectNode();
    api.set("paths", paths);
    api.putObject("components").set("schemas", schemas);
    ObjectNode document = JSON.createObjectNode();
    document.put("openapi", "3.1.0");
    ObjectNode info = document.putObject("info");
    info.put("title", String.join(" + ", titles));
    info.put("summary", "The commands and views of event model" + (titles.size() == 1 ? " " : "s ")
        + String.join(", ", titles) + ", generated by Eventsmith.");
    try {
      // The served API's own fingerprint: it changes exactly when a path or schema does.
      info.put("version", sha256(JSON.writeValueAsBytes(api)).substring(0, 12));
      document.put("jsonSchemaDialect", "https://spec.openapis.org/oas/3.1/dialect/base");
      document.putArray("servers").addObject().put("url", basePath + "/");
      document.setAll(api);
      return JSON.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static <T> Iterable<T> iterable(Iterator<T> iterator) {
    return () -> iterator;
  }
}
