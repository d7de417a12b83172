package dev.eventsmith.insight.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.insight.Examples;
import dev.eventsmith.insight.HandWrittenCode;
import dev.eventsmith.insight.ModelStatus;
import dev.eventsmith.insight.TestReportsFixture;
import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DiagramTest {

  static List<Examples> examples() {
    return Examples.all();
  }

  /**
   * Each example's README shows its committed {@code event-model.svg}; this fails when the model
   * changed and the picture did not. Regenerate: {@code EVENTSMITH_UPDATE_GOLDEN=1 ./mvnw -pl insight test}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theCommittedPictureOfEachExampleIsCurrent(Examples example) throws IOException {
    Path committed = example.folder().resolve("event-model.svg");
    String current = Diagram.of(example.model()).svg();
    if ("1".equals(System.getenv("EVENTSMITH_UPDATE_GOLDEN"))) {
      Files.writeString(committed, current, StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(committed), "missing " + committed);
    assertEquals(current, Files.readString(committed, StandardCharsets.UTF_8), committed + " is stale: run"
        + " EVENTSMITH_UPDATE_GOLDEN=1 ./mvnw -pl insight test -Dtest=DiagramTest and commit it");
    String readme = Files.readString(example.folder().resolve("README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("](event-model.svg)"), example.name() + "'s README does not show event-model.svg");
  }

  @Test
  void aViewWithoutKeyIsDrawnAsOneRow() {
    String svg = Diagram.of(new Examples("library-lending", Examples.ROOT.resolve("library-lending")).model()).svg();
    Pattern loanCount = Pattern.compile(">LoanCount</text><text class=\"kind\"[^>]*>view \u00b7 one row<");
    assertTrue(loanCount.matcher(svg).find(), svg);
    assertTrue(svg.contains("view \u00b7 by book<"), svg);
    assertFalse(svg.contains("view \u00b7 by <"), svg);
  }

  @Test
  void theSameModelGivesTheSameBytes() {
    EventModel model = Examples.shoppingCart().model();
    assertEquals(Diagram.of(model).html(), Diagram.of(Examples.shoppingCart().model()).html());
    assertEquals(Diagram.of(model).svg(), Diagram.of(Examples.shoppingCart().model()).svg());
  }

  @Test
  void thePageFetchesNothing() {
    String html = Diagram.of(Examples.shoppingCart().model()).html();
    Matcher urls = Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\"' )]*").matcher(html);
    while (urls.find()) {
      assertEquals("http://www.w3.org/2000/svg", urls.group(), "the page names an address");
    }
    assertTrue(html.contains("default-src 'none'"), "its policy forbids fetching");
    assertFalse(html.contains("<link") || html.contains(" src="), "no linked file");
  }

  @Test
  void everySliceShowsItsSpecsAndTheirState() {
    EventModel model = Examples.shoppingCart().model();
    String plain = Diagram.of(model).svg();
    assertTrue(plain.contains(">4 specs</text>"), plain);
    ModelStatus status = ModelStatus.of(model, HandWrittenCode.scan(model, Path.of("no-classes")),
        TestReportsFixture.passing(model, "AddItem"));
    String withStatus = Diagram.of(model, status).svg();
    assertTrue(withStatus.contains("class=\"badge not-implemented\""), "no compiled code: the logic is not written");
    assertTrue(withStatus.contains("of 24 passing in the last test run"), withStatus);
  }

  @Test
  void slicesRunAlongTheTimelineAndEventsSitInTheirAggregatesLane() {
    Board board = new Board(Examples.shoppingCart().model());
    List<String> titles = board.columns.stream().map(Board.Column::title).toList();
    assertEquals(List.of("CreateCart", "AddItem", "RemoveItem", "SubmitCart", "AbandonCart", "CartSummary",
        "RequestPaymentOnSubmit", "RequestPayment"), titles);
    Board.Card paymentRequested = board.cards.stream().filter(c -> c.element().equals("PaymentRequested"))
        .findFirst().orElseThrow();
    Board.Lane payment = board.lanes.stream().filter(l -> l.label().equals("Payment")).findFirst().orElseThrow();
    assertTrue(paymentRequested.y() > payment.y() && paymentRequested.bottom() < payment.y() + payment.height());
    assertTrue(board.edges.stream().anyMatch(e -> e.from().element().equals("RequestPaymentOnSubmit")
        && e.to().element().equals("RequestPayment")), "automation -> command");
    assertTrue(board.edges.stream().anyMatch(e -> e.from().element().equals("CartSubmitted")
        && e.to().element().equals("RequestPaymentOnSubmit")), "event -> automation");
    assertTrue(board.edges.stream().anyMatch(e -> e.from().element().equals("ItemAdded")
        && e.to().element().equals("CartSummary")), "event -> view");
  }
}
