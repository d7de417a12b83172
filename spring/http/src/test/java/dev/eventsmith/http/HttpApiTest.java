package dev.eventsmith.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HTTP API over real HTTP on a random port, for two models on the in-memory store: the routes
 * of commands and views (by key and by lookup), each kind of problem a request can meet, and the
 * limits (body size, page size).
 */
@SpringBootTest(classes = HttpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"eventsmith.store.type=in-memory", "eventsmith.http.base-path=/lib/api",
        "eventsmith.http.max-body-size=2KB", "eventsmith.http.page-size=2", "eventsmith.http.max-page-size=3"})
class HttpApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicLong ISBNS = new AtomicLong(9_780_000_000_000L);

  @LocalServerPort
  int port;

  @Test
  void commandsOfBothModelsAreRoutedAndTheirViewsRead() throws Exception {
    String isbn = isbn();
    Answer added = addBook(isbn, "Dune", "sf", "classic");
    assertEquals(200, added.status(), added.text());
    assertEquals("Book-" + isbn, added.json().get("stream").asText());
    assertEquals(1, added.json().get("streamVersion").asLong());
    assertEquals("BookAdded", added.json().at("/events/0/type").asText());
    assertEquals("Dune", added.json().at("/events/0/data/title").asText());
    Answer lent = post("LendBook", "{\"isbn\":\"" + isbn + "\",\"member\":\"m-1\"}");
    assertEquals(200, lent.status(), lent.text());
    long position = lent.json().get("position").asLong();

    Answer catalogue = get("/views/Catalogue/" + isbn + "?position=" + position);
    assertEquals(200, catalogue.status(), catalogue.text());
    assertEquals("application/json", catalogue.contentType());
    assertEquals(List.of("sf", "classic"), texts(catalogue.json().get("tags")));
    Answer loan = get("/views/Loans/" + isbn + "?position=" + position);
    assertEquals("m-1", loan.json().get("member").asText(), loan.text());
    Answer shelf = get("/views/Shelf/all?position=" + position);
    assertTrue(shelf.json().get("books").asInt() >= 1, shelf.text());

    Answer joined = post("Join", "{\"memberId\":\"m-1\",\"name\":\"Ann\"}");
    assertEquals(200, joined.status(), joined.text());
    Answer directory = get("/views/Directory/m-1?position=" + joined.json().get("position").asLong());
    assertEquals("Ann", directory.json().get("name").asText(), directory.text());

    assertEquals(404, raw("/api/commands/AddBook", "{}").status(), "only under the base path");
  }

  @Test
  void aProcessAcrossTheModelsIssuesItsDeadlinesCommand() throws Exception {
    String isbn = isbn();
    assertEquals(200, addBook(isbn, "Late").status());
    assertEquals(200, post("LendBook", "{\"isbn\":\"" + isbn + "\",\"member\":\"late-1\"}").status());
    // The deadline fires at the process's next poll; the limit only keeps a broken build from hanging.
    long deadline = System.nanoTime() + 30_000_000_000L;
    Answer reminded = get("/views/Directory/reminded-" + isbn);
    while (reminded.status() == 404 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      reminded = get("/views/Directory/reminded-" + isbn);
    }
    assertEquals(200, reminded.status(), reminded.text());
    assertEquals("Reminder", reminded.json().get("name").asText());
  }

  @Test
  void lookupsFindRowsByAWrapperAListElementAndAnOptionalAPageAtATime() throws Exception {
    String tag = "tag" + ISBNS.incrementAndGet();
    List<String> isbns = new ArrayList<>();
    long position = 0;
    for (int i = 0; i < 4; i++) {
      String isbn = isbn();
      Answer added = addBook(isbn, "Title " + tag, "other", tag);
      assertEquals(200, added.status(), added.text());
      position = added.json().get("position").asLong();
      isbns.add(isbn);
    }
    Answer first = get("/views/Catalogue?tags=" + tag + "&position=" + position);
    assertEquals(200, first.status(), first.text());
    assertEquals(4, first.json().get("total").asInt());
    assertEquals(2, first.json().get("limit").asInt(), "the page size when no limit is given");
    assertEquals(isbns.subList(0, 2), isbnsOf(first));
    assertEquals(2, first.json().get("nextOffset").asInt());
    Answer rest = get("/views/Catalogue?tags=" + tag + "&offset=2&limit=3");
    assertEquals(isbns.subList(2, 4), isbnsOf(rest));
    assertFalse(rest.json().has("nextOffset"), rest.text());
    Answer beyond = get("/views/Catalogue?tags=" + tag + "&offset=9");
    assertEquals(200, beyond.status(), beyond.text());
    assertEquals(0, beyond.json().get("rows").size());

    Answer byTitle = get("/views/Catalogue?title=Title%20" + tag + "&limit=1");
    assertEquals(List.of(isbns.get(0)), isbnsOf(byTitle));
    assertEquals(4, byTitle.json().get("total").asInt());

    Answer lent = post("LendBook", "{\"isbn\":\"" + isbns.get(1) + "\",\"member\":\"" + tag + "\"}");
    Answer loans = get("/views/Loans?member=" + tag + "&position=" + lent.json().get("position").asLong());
    assertEquals(List.of(isbns.get(1)), isbnsOf(loans));
  }

  @Test
  void everyBadLookupParameterIsNamed() throws Exception {
    assertInvalidParameter(get("/views/Catalogue?colour=red"), "colour");
    assertInvalidParameter(get("/views/Catalogue?tags=a&title=b"), "tags");
    assertInvalidParameter(get("/views/Catalogue?title=b&tags=a"), "tags");
    assertInvalidParameter(get("/views/Catalogue?tags=a&tags=b"), "tags");
    assertInvalidParameter(get("/views/Catalogue?tags="), "tags");
    assertInvalidParameter(get("/views/Catalogue?tags=a&limit=4"), "limit");
    assertInvalidParameter(get("/views/Catalogue?tags=a&limit=x"), "limit");
    assertInvalidParameter(get("/views/Catalogue?tags=a&offset=-1"), "offset");
    assertInvalidParameter(get("/views/Catalogue?tags=a&offset=99999999999"), "offset");
    assertInvalidParameter(get("/views/Catalogue?tags=a&position=-3"), "position");
    assertInvalidParameter(get("/views/Catalogue?tags=" + "x".repeat(256)), "tags");
    assertInvalidParameter(get("/views/Catalogue?tags=a%00b"), "tags");
    assertInvalidParameter(get("/views/Shelf?books=1"), "books");

    Answer none = get("/views/Catalogue");
    assertEquals(400, none.status(), none.text());
    assertEquals("urn:eventsmith:problem:invalid-parameter", none.json().get("type").asText());
    assertTrue(none.json().get("detail").asText().contains("title, tags"), none.text());
    Answer noLookups = get("/views/Shelf");
    assertTrue(noLookups.json().get("detail").asText().contains("has no lookups"), noLookups.text());
  }

  @Test
  void eachFailureIsAProblemDetailOfItsKind() throws Exception {
    String isbn = isbn();
    assertProblem(post("BurnBook", "{}"), 404, "unknown-command");
    assertProblem(post("AddBook", "{\"isbn\":"), 400, "invalid-command");
    assertProblem(post("AddBook", "[]"), 400, "invalid-command");

    Answer pattern = post("AddBook", "{\"isbn\":\"12\",\"title\":\"T\",\"tags\":[]}");
    assertProblem(pattern, 400, "invalid-command");
    assertEquals("isbn", pattern.json().at("/errors/0/field").asText(), pattern.text());
    assertEquals("#/isbn", pattern.json().at("/errors/0/pointer").asText());
    Answer tooLong = post("AddBook", "{\"isbn\":\"" + isbn + "\",\"title\":\"" + "t".repeat(101) + "\",\"tags\":[]}");
    assertEquals("title", tooLong.json().at("/errors/0/field").asText(), tooLong.text());
    Answer unknownField = post("LendBook", "{\"isbn\":\"" + isbn + "\",\"member\":\"m\",\"due\":1}");
    assertEquals("due", unknownField.json().at("/errors/0/field").asText(), unknownField.text());

    Answer noBook = post("LendBook", "{\"isbn\":\"" + isbn + "\",\"member\":\"m\"}");
    assertProblem(noBook, 409, "rejection:NoSuchBook");
    assertEquals("NoSuchBook", noBook.json().get("rejection").asText());
    assertEquals(0, noBook.json().get("fields").size());
    assertEquals(200, addBook(isbn, "Emma").status());
    assertEquals(200, post("LendBook", "{\"isbn\":\"" + isbn + "\",\"member\":\"ann\"}").status());
    Answer lent = post("LendBook", "{\"isbn\":\"" + isbn + "\",\"member\":\"bob\"}");
    assertProblem(lent, 409, "rejection:AlreadyLent");
    assertEquals("ann", lent.json().at("/fields/member").asText(), lent.text());
    assertEquals("/lib/api/commands/LendBook", lent.json().get("instance").asText());

    assertProblem(post("LendBook", "{\"isbn\":\"" + isbn + "\",\"member\":\"contested\"}"), 409, "conflict");
    Answer offline = post("LendBook", "{\"isbn\":\"" + isbn + "\",\"member\":\"offline\"}");
    assertProblem(offline, 503, "store-unavailable");
    assertEquals("1", offline.retryAfter());

    assertProblem(post("AddBook", "{\"isbn\":\"" + isbn() + "\",\"title\":\"" + "t".repeat(2100) + "\",\"tags\":[]}"),
        413, "body-too-large");
    assertProblem(get("/views/Shelves/all"), 404, "unknown-view");
    assertProblem(get("/views/Shelves?tags=a"), 404, "unknown-view");
    assertProblem(get("/views/Catalogue/" + isbn()), 404, "not-found");
    assertProblem(get("/views/Catalogue/" + isbn + "?position=x"), 400, "invalid-position");
  }

  @Test
  void theOpenApiDocumentHasEveryModelAndTheLookupsAndIsValid() throws Exception {
    Answer document = get("/openapi.json");
    assertEquals(200, document.status(), document.text());
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.text(), null, options);
    assertEquals(List.of(), parsed.getMessages());
    assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());

    JsonNode api = document.json();
    assertEquals("/lib/api/", api.at("/servers/0/url").asText());
    assertEquals("Library + Members", api.at("/info/title").asText());
    assertEquals(List.of("/commands/AddBook", "/commands/LendBook", "/views/Catalogue/{isbn}", "/views/Loans/{isbn}",
        "/views/Shelf/{key}", "/views/Catalogue", "/views/Loans", "/commands/Join", "/views/Directory/{memberId}",
        "/views/Directory"), names(api.get("paths")));

    JsonNode schemas = api.at("/components/schemas");
    assertEquals(100, schemas.at("/Name/maxLength").asInt(), "the first model keeps its Name");
    assertEquals(40, schemas.at("/Members.Name/maxLength").asInt(), "the second model's Name is renamed");
    assertEquals("#/components/schemas/Members.Name", schemas.at("/Directory/properties/name/$ref").asText());
    assertEquals("#/components/schemas/Members.Name", schemas.at("/Join/properties/name/$ref").asText());
    assertEquals("#/components/schemas/Name", schemas.at("/Catalogue/properties/title/$ref").asText());

    assertEquals("#/components/schemas/eventsmith.Problem", api.at("/paths/~1commands~1Join/post/responses/413/content"
        + "/application~1problem+json/schema/$ref").asText());

    JsonNode catalogue = api.at("/paths/~1views~1Catalogue/get");
    assertEquals(List.of("title", "tags", "limit", "offset", "position"), parameterNames(catalogue));
    assertEquals("#/components/schemas/Name", catalogue.at("/parameters/0/schema/$ref").asText());
    assertEquals("string", catalogue.at("/parameters/1/schema/type").asText(), "a list is looked up by element");
    assertEquals(3, catalogue.at("/parameters/2/schema/maximum").asInt());
    assertEquals(2, catalogue.at("/parameters/2/schema/default").asInt());
    assertEquals("#/components/schemas/Catalogue.Page",
        catalogue.at("/responses/200/content/application~1json/schema/$ref").asText());
    assertEquals("#/components/schemas/Catalogue", schemas.at("/Catalogue.Page/properties/rows/items/$ref").asText());
    JsonNode loans = api.at("/paths/~1views~1Loans/get");
    assertEquals("string", loans.at("/parameters/0/schema/type").asText(), "an optional is looked up by its value");
    assertEquals("#/components/schemas/Members.Name", api.at("/paths/~1views~1Directory/get/parameters/0/schema/$ref")
        .asText(), "a renamed component is renamed in the lookups too");
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> parameterNames(JsonNode operation) {
    List<String> names = new ArrayList<>();
    operation.get("parameters").forEach(parameter -> names.add(parameter.get("name").asText()));
    return names;
  }

  private static void assertProblem(Answer answer, int status, String kind) {
    assertEquals(status, answer.status(), answer.text());
    assertEquals("application/problem+json", answer.contentType(), answer.text());
    assertEquals("urn:eventsmith:problem:" + kind, answer.json().get("type").asText(), answer.text());
    assertEquals(status, answer.json().get("status").asInt());
    assertFalse(answer.json().get("detail").asText().isBlank());
  }

  private static void assertInvalidParameter(Answer answer, String parameter) {
    assertEquals(400, answer.status(), answer.text());
    assertEquals("application/problem+json", answer.contentType());
    assertTrue(answer.json().get("type").asText().startsWith("urn:eventsmith:problem:invalid-"), answer.text());
    assertEquals(parameter, answer.json().get("parameter").asText(), answer.text());
  }

  private static String isbn() {
    return Long.toString(ISBNS.incrementAndGet());
  }

  private Answer addBook(String isbn, String title, String... tags) throws Exception {
    StringBuilder list = new StringBuilder();
    for (String tag : tags) {
      list.append(list.length() == 0 ? "" : ",").append('"').append(tag).append('"');
    }
    return post("AddBook", "{\"isbn\":\"" + isbn + "\",\"title\":\"" + title + "\",\"tags\":[" + list + "]}");
  }

  private static List<String> isbnsOf(Answer page) {
    List<String> isbns = new ArrayList<>();
    page.json().get("rows").forEach(row -> isbns.add(row.get("isbn").asText()));
    return isbns;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }

  private Answer post(String command, String body) throws Exception {
    return raw("/lib/api/commands/" + command, body);
  }

  private Answer raw(String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return Answer.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  Answer get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lib/api" + path)).GET()
        .build();
    return Answer.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** An HTTP answer, its body read as JSON on demand. */
  record Answer(int status, String contentType, String retryAfter, String text) {

    static Answer of(HttpResponse<String> response) {
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Retry-After").orElse(""), response.body());
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
