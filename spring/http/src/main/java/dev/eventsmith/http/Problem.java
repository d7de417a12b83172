package dev.eventsmith.http;

import dev.eventsmith.runtime.codec.JsonValue;
import dev.eventsmith.runtime.codec.JsonWriter;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}), written with the runtime's JSON
 * writer so that members carry the model's JSON exactly as its codecs write it. Types are URNs
 * under {@value #TYPES}, one per kind of problem, stable across releases.
 */
final class Problem {

  /** The prefix of every problem type; the generated OpenAPI document names the same. */
  static final String TYPES = "urn:eventsmith:problem:";

  private final HttpStatus status;
  private final String type;
  private final String title;
  private final String detail;
  private final String instance;
  private Consumer<JsonWriter> members = json -> { };
  private String retryAfter;

  Problem(HttpStatus status, String kind, String title, String detail, String instance) {
    this.status = status;
    this.type = TYPES + kind;
    this.title = title;
    this.detail = detail;
    this.instance = instance;
  }

  /** Writes extension members after the standard ones. */
  Problem with(Consumer<JsonWriter> members) {
    this.members = members;
    return this;
  }

  /** A Retry-After header of {@code seconds}, for problems that pass. */
  Problem retryAfter(int seconds) {
    this.retryAfter = Integer.toString(seconds);
    return this;
  }

  ServerResponse response() {
    JsonWriter json = JsonWriter.object();
    json.field("type").string(type);
    json.field("title").string(title);
    json.field("status").int32(status.value());
    json.field("detail").string(detail);
    json.field("instance").string(instance);
    members.accept(json);
    ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfter != null) {
      response.header("Retry-After", retryAfter);
    }
    return response.body(json.toBytes());
  }

  /** Writes {@code data}, a JSON document, as the value of the current member. */
  static void raw(JsonWriter json, byte[] data) {
    json.value(JsonValue.parse(data));
  }
}
