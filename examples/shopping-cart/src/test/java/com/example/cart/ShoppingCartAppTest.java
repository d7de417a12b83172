package com.example.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.util.UUID;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example's scenario, end to end on a store: commands, automation, stored events and the view. */
class ShoppingCartAppTest {

  @TempDir
  Path temp;

  @Test
  void theScenarioRecordsTheCartsThePaymentAndTheView() {
    check(new InMemoryEventStore(), new InMemoryViewStore<>());
  }

  @Test
  void theScenarioRunsTheSameOnTheSqliteFileStoreAndItsEventsStay() {
    Path file = temp.resolve("cart.db");
    try (SqliteEventStore store = SqliteEventStore.open(file);
        SqliteViewStore<UUID, CartSummary> view = SqliteViewStore.open(file, "cart_summary", CartSummaryRowCodec.INSTANCE)) {
      check(store, view);
    }
    try (SqliteEventStore reopened = SqliteEventStore.open(file);
        SqliteViewStore<UUID, CartSummary> view = SqliteViewStore.open(file, "cart_summary", CartSummaryRowCodec.INSTANCE)) {
      assertEquals(9, reopened.readAll(0, 100).size(), "every event is still there after reopening the file");
      assertEquals(2, view.all().size(), "and so is the view, with its checkpoint");
      assertEquals(9, view.checkpoint().position());
      assertEquals(CartStatus.SUBMITTED,
          view.find(UUID.fromString("00000000-0000-4000-8000-00000000a001")).orElseThrow().status());
    }
  }

  private static void check(EventStore store, ViewStore<UUID, CartSummary> summaries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      ShoppingCartApp.run(store, summaries);
    } finally {
      System.setOut(original);
    }
    List<String> types = store.readAll(0, 100).stream().map(RecordedEvent::type).toList();
    assertEquals(List.of("CartCreated", "ItemAdded", "ItemAdded", "ItemRemoved", "CartSubmitted", "CartCreated",
        "ItemAdded", "CartAbandoned", "PaymentRequested"), types);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("rejected: CartAlreadySubmitted"), printed);
    assertTrue(printed.contains("rejected: TooManyItems[max=10]"), printed);
    assertTrue(printed.contains("total=25.00, status=SUBMITTED"), printed);
    assertTrue(printed.contains("status=ABANDONED"), printed);
  }
}
