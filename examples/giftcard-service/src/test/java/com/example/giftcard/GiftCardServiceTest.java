package com.example.giftcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.store.postgres.PostgresDeadlineStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service over real HTTP on a random port, on an embedded PostgreSQL: commands, rejections
 * and invalid input as problem details, the summary view, the OpenAPI document checked by
 * swagger-parser, health, and the metrics and spans the commands leave.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after the class, while PostgreSQL still runs: at JVM exit both would stop at once.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GiftCardServiceTest {

  private static final EmbeddedPostgres POSTGRES = start();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  MeterRegistry meters;

  @Autowired
  InMemorySpanExporter spans;

  @Autowired
  DeadlineStore deadlines;

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().setServerConfig("autovacuum", "off").start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    properties.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    properties.add("spring.datasource.username", () -> "postgres");
  }

  /** A meter registry and an OpenTelemetry SDK that keep what they record, for the assertions. */
  @TestConfiguration
  static class Recording {

    @Bean
    SimpleMeterRegistry simpleMeterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    InMemorySpanExporter spanExporter() {
      return InMemorySpanExporter.create();
    }

    @Bean
    OpenTelemetry openTelemetry(InMemorySpanExporter exporter) {
      return OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
          .build();
    }
  }

  @Test
  void issueRedeemAndReadTheSummary() throws Exception {
    UUID card = UUID.randomUUID();
    Answer issued = post("IssueCard", "{\"cardId\":\"" + card + "\",\"amount\":100}");
    assertEquals(200, issued.status(), issued.text());
    assertEquals("CardIssued", issued.json().at("/events/0/type").asText());
    assertEquals(100, issued.json().at("/events/0/data/amount").asInt());

    Answer redeemed = post("RedeemCard", "{\"cardId\":\"" + card + "\",\"amount\":30}");
    assertEquals(200, redeemed.status(), redeemed.text());
    long position = redeemed.json().get("position").asLong();

    Answer summary = get("/api/views/CardSummary/" + card + "?position=" + position);
    assertEquals(200, summary.status(), summary.text());
    assertEquals(100, summary.json().get("issued").asInt());
    assertEquals(70, summary.json().get("balance").asInt());
    assertEquals(1, summary.json().get("redemptions").asInt());
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyIsAnsweredNotDoneAgain() throws Exception {
    UUID card = UUID.randomUUID();
    assertEquals(200, post("IssueCard", "{\"cardId\":\"" + card + "\",\"amount\":50}").status());
    String redeem = "{\"cardId\":\"" + card + "\",\"amount\":20}";
    String key = UUID.randomUUID().toString();
    Answer first = post("RedeemCard", redeem, key);
    Answer retry = post("RedeemCard", redeem, key);
    assertEquals(200, first.status(), first.text());
    assertEquals(200, retry.status(), retry.text());
    assertEquals(first.json().get("streamVersion"), retry.json().get("streamVersion"));

    Answer summary = get("/api/views/CardSummary/" + card + "?position=" + retry.json().get("position").asLong());
    assertEquals(30, summary.json().get("balance").asInt(), summary.text());
    assertEquals(1, summary.json().get("redemptions").asInt(), summary.text());
    assertEquals(200, post("RedeemCard", redeem, UUID.randomUUID().toString()).status());
  }

  @Test
  void aRejectionIsAProblemDetailWithTheRejectionsFields() throws Exception {
    UUID card = UUID.randomUUID();
    assertEquals(200, post("IssueCard", "{\"cardId\":\"" + card + "\",\"amount\":40}").status());

    Answer refused = post("RedeemCard", "{\"cardId\":\"" + card + "\",\"amount\":41}");
    assertEquals(409, refused.status(), refused.text());
    assertEquals("application/problem+json", refused.contentType());
    assertEquals("urn:eventsmith:problem:rejection:InsufficientBalance", refused.json().get("type").asText());
    assertEquals(409, refused.json().get("status").asInt());
    assertEquals("InsufficientBalance", refused.json().get("rejection").asText());
    assertEquals(40, refused.json().at("/fields/balance").asInt());

    Answer unknown = post("RedeemCard", "{\"cardId\":\"" + UUID.randomUUID() + "\",\"amount\":1}");
    assertEquals(409, unknown.status(), unknown.text());
    assertEquals("UnknownCard", unknown.json().get("rejection").asText());
  }

  @Test
  void invalidInputNamesTheField() throws Exception {
    UUID card = UUID.randomUUID();
    assertInvalid(post("IssueCard", "{\"cardId\":\"" + card + "\",\"amount\":0}"), "amount");
    assertInvalid(post("IssueCard", "{\"amount\":10}"), "cardId");
    assertInvalid(post("IssueCard", "{\"cardId\":\"not-a-uuid\",\"amount\":10}"), "cardId");
    assertInvalid(post("IssueCard", "{\"cardId\":\"" + card + "\",\"amount\":\"ten\"}"), "amount");
    assertInvalid(post("IssueCard", "{\"cardId\":\"" + card + "\",\"amount\":10,\"colour\":\"red\"}"), "colour");

    Answer notJson = post("IssueCard", "{\"cardId\":");
    assertEquals(400, notJson.status(), notJson.text());
    assertEquals("urn:eventsmith:problem:invalid-command", notJson.json().get("type").asText());

    Answer unknownCommand = post("ShredCard", "{}");
    assertEquals(404, unknownCommand.status(), unknownCommand.text());
    Answer noRow = get("/api/views/CardSummary/" + UUID.randomUUID());
    assertEquals(404, noRow.status(), noRow.text());
    Answer badKey = get("/api/views/CardSummary/not-a-uuid");
    assertEquals(400, badKey.status(), badKey.text());
  }

  @Test
  void cardsAreFoundByTheirHolderAPageAtATime() throws Exception {
    String holder = "holder-" + UUID.randomUUID();
    List<String> cards = new ArrayList<>();
    long position = 0;
    for (int i = 0; i < 3; i++) {
      UUID card = UUID.randomUUID();
      Answer issued = post("IssueCard", "{\"cardId\":\"" + card + "\",\"amount\":" + (10 + i) + ",\"holder\":\""
          + holder + "\"}");
      assertEquals(200, issued.status(), issued.text());
      position = issued.json().get("position").asLong();
      cards.add(card.toString());
    }
    Answer other = post("IssueCard", "{\"cardId\":\"" + UUID.randomUUID() + "\",\"amount\":5,\"holder\":\"x"
        + holder + "\"}");
    assertEquals(200, other.status(), other.text());

    Answer first = get("/api/views/CardSummary?holder=" + holder + "&limit=2&position=" + position);
    assertEquals(200, first.status(), first.text());
    assertEquals(3, first.json().get("total").asInt(), first.text());
    assertEquals(List.of(cards.get(0), cards.get(1)), cardIds(first.json().get("rows")));
    assertEquals(holder, first.json().at("/rows/0/holder").asText());
    assertEquals(2, first.json().get("nextOffset").asInt(), first.text());

    Answer last = get("/api/views/CardSummary?holder=" + holder + "&limit=2&offset=2");
    assertEquals(200, last.status(), last.text());
    assertEquals(List.of(cards.get(2)), cardIds(last.json().get("rows")));
    assertTrue(last.json().path("nextOffset").isMissingNode(), last.text());

    Answer nobody = get("/api/views/CardSummary?holder=nobody-" + UUID.randomUUID());
    assertEquals(200, nobody.status(), nobody.text());
    assertEquals(0, nobody.json().get("total").asInt());
    assertEquals(0, nobody.json().get("rows").size());
  }

  @Test
  void aBadLookupIsAProblemNamingTheParameter() throws Exception {
    assertInvalidParameter(get("/api/views/CardSummary?holdr=ann"), "holdr");
    assertInvalidParameter(get("/api/views/CardSummary?holder=ann&holder=bob"), "holder");
    assertInvalidParameter(get("/api/views/CardSummary?holder="), "holder");
    assertInvalidParameter(get("/api/views/CardSummary?holder=ann&limit=1001"), "limit");
    assertInvalidParameter(get("/api/views/CardSummary?holder=ann&limit=0"), "limit");
    assertInvalidParameter(get("/api/views/CardSummary?holder=ann&offset=-1"), "offset");
    assertInvalidParameter(get("/api/views/CardSummary?holder=ann&position=soon"), "position");

    Answer none = get("/api/views/CardSummary");
    assertEquals(400, none.status(), none.text());
    assertEquals("urn:eventsmith:problem:invalid-parameter", none.json().get("type").asText());
    assertTrue(none.json().get("detail").asText().contains("holder"), none.text());

    Answer unknownView = get("/api/views/CardDirectory?holder=ann");
    assertEquals(404, unknownView.status(), unknownView.text());
    assertEquals("urn:eventsmith:problem:unknown-view", unknownView.json().get("type").asText());
  }

  private static void assertInvalidParameter(Answer answer, String parameter) {
    assertEquals(400, answer.status(), answer.text());
    assertEquals("application/problem+json", answer.contentType());
    assertTrue(answer.json().get("type").asText().startsWith("urn:eventsmith:problem:invalid-"), answer.text());
    assertEquals(parameter, answer.json().get("parameter").asText(), answer.text());
  }

  private static List<String> cardIds(JsonNode rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.get("cardId").asText()));
    return ids;
  }

  private static void assertInvalid(Answer answer, String field) {
    assertEquals(400, answer.status(), answer.text());
    assertEquals("application/problem+json", answer.contentType());
    assertEquals("urn:eventsmith:problem:invalid-command", answer.json().get("type").asText());
    assertEquals("IssueCard", answer.json().get("command").asText());
    assertEquals(field, answer.json().at("/errors/0/field").asText(), answer.text());
    assertEquals("#/" + field, answer.json().at("/errors/0/pointer").asText());
  }

  @Test
  void theOpenApiDocumentIsValidOpenApi31() throws Exception {
    Answer document = get("/api/openapi.json");
    assertEquals(200, document.status());
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.text(), null, options);
    assertEquals(List.of(), parsed.getMessages());
    assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
    assertEquals("/api/", parsed.getOpenAPI().getServers().get(0).getUrl());
    assertTrue(parsed.getOpenAPI().getPaths().containsKey("/commands/IssueCard"));
    assertTrue(parsed.getOpenAPI().getPaths().containsKey("/commands/RedeemCard"));
    assertTrue(parsed.getOpenAPI().getPaths().containsKey("/views/CardSummary/{cardId}"));
    assertTrue(parsed.getOpenAPI().getComponents().getSchemas().containsKey("InsufficientBalance.Problem"));
    io.swagger.v3.oas.models.Operation lookup = parsed.getOpenAPI().getPaths().get("/views/CardSummary").getGet();
    assertEquals(List.of("holder", "limit", "offset", "position"),
        lookup.getParameters().stream().map(p -> p.getName()).toList());
    assertEquals(1000, lookup.getParameters().get(1).getSchema().getMaximum().intValue());
    assertTrue(parsed.getOpenAPI().getComponents().getSchemas().containsKey("CardSummary.Page"));
  }

  @Test
  void commandsLeaveMetricsAndSpans() throws Exception {
    UUID card = UUID.randomUUID();
    assertEquals(200, post("IssueCard", "{\"cardId\":\"" + card + "\",\"amount\":5}").status());
    assertEquals(409, post("IssueCard", "{\"cardId\":\"" + card + "\",\"amount\":5}").status());

    Timer accepted = meters.find("eventsmith.commands").tag("command", "IssueCard").tag("outcome", "accepted").timer();
    Timer rejected = meters.find("eventsmith.commands").tag("command", "IssueCard").tag("outcome", "rejected")
        .tag("rejection", "CardAlreadyIssued").timer();
    assertTrue(accepted != null && accepted.count() >= 1, "accepted IssueCard timer: " + accepted);
    assertTrue(rejected != null && rejected.count() >= 1, "rejected IssueCard timer: " + rejected);

    List<SpanData> finished = spans.getFinishedSpanItems();
    SpanData command = finished.stream().filter(s -> s.getName().equals("command IssueCard")).findFirst()
        .orElseThrow(() -> new AssertionError("no command span among " + finished));
    assertTrue(finished.stream().anyMatch(s -> s.getName().startsWith("append ")
        && s.getTraceId().equals(command.getTraceId())), "an append span in the command's trace: " + finished);
  }

  @Test
  void processDeadlinesAreKeptInPostgres() {
    assertInstanceOf(PostgresDeadlineStore.class, deadlines);
  }

  @Test
  void healthShowsTheStoreAndTheView() throws Exception {
    Answer health = get("/actuator/health");
    assertEquals(200, health.status(), health.text());
    assertEquals("UP", health.json().get("status").asText());
    JsonNode components = health.json().get("components");
    assertEquals("UP", components.at("/eventsmithStore/status").asText(), health.text());
    assertFalse(components.at("/eventsmithProjections/components/CardSummary").isMissingNode(), health.text());
  }

  private Answer post(String command, String body) throws Exception {
    return post(command, body, null);
  }

  private Answer post(String command, String body, String idempotencyKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands/"
            + command))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return Answer.of(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private Answer get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    return Answer.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** An HTTP answer, its body read as JSON on demand. */
  record Answer(int status, String contentType, String text) {

    static Answer of(HttpResponse<String> response) {
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    }

    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }
  }
}
