package com.example.cart;

import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Runs a short shopping scenario on an event store, then prints the stored events and the view.
 * The events and the view live in one SQLite file (the embedded default): the path given as the
 * first argument, or {@code shopping-cart.db} in the working folder. The scenario starts from an
 * empty store, so an existing file at that path is replaced.
 */
public final class ShoppingCartApp {

  private ShoppingCartApp() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "shopping-cart.db");
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
    System.out.println("Event store: SQLite file " + file.toAbsolutePath() + "\n");
    try (EventStore store = SqliteEventStore.open(file);
        SqliteViewStore<UUID, CartSummary> summaries =
            SqliteViewStore.open(file, "cart_summary", CartSummaryRowCodec.INSTANCE)) {
      run(store, summaries);
    }
  }

  /** The scenario on {@code store}, with the CartSummary view kept in {@code summaries}. */
  static void run(EventStore store, ViewStore<UUID, CartSummary> summaries) {
    CommandBus commands = new CommandBus()
        .register(CartCommand.class, new CommandHandler<>(store, ShoppingCartCodec.INSTANCE, new Cart()))
        .register(PaymentCommand.class, new CommandHandler<>(store, ShoppingCartCodec.INSTANCE, new Payment()));
    AutomationRunner payments =
        new AutomationRunner(store, ShoppingCartCodec.INSTANCE, new RequestPaymentOnSubmit(), commands);
    UUID ann = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    UUID bob = UUID.fromString("00000000-0000-4000-8000-00000000b002");

    List<CartCommand> scenario = List.of(
        new CreateCart(ann, "Ann"),
        new AddItem(ann, new Sku("BOOK-42"), money("12.50"), 2),
        new AddItem(ann, new Sku("PEN-7"), money("1.99"), 3),
        new RemoveItem(ann, new Sku("PEN-7")),
        new SubmitCart(ann),
        new AddItem(ann, new Sku("LATE-1"), money("5.00"), 1),
        new CreateCart(bob, "Bob"),
        new AddItem(bob, new Sku("MUG-3"), money("8.00"), 11),
        new AddItem(bob, new Sku("MUG-3"), money("8.00"), 1),
        new AbandonCart(bob, "found a cheaper mug"));

    System.out.println("Commands:");
    for (CartCommand command : scenario) {
      CommandResult result = commands.dispatch(command);
      System.out.println("  " + command + "\n    -> " + describe(result));
    }
    int issued = payments.catchUp();
    System.out.println("\nAutomation RequestPaymentOnSubmit issued " + issued + " command(s).");

    System.out.println("\nEvents in the store (global position, stream@version, type, JSON):");
    for (RecordedEvent event : store.readAll(0, Integer.MAX_VALUE)) {
      System.out.printf("  %3d  %s@%d  %s v%d  %s%n", event.globalPosition(), event.stream(), event.streamVersion(),
          event.type(), event.schemaVersion(), new String(event.data(), StandardCharsets.UTF_8));
    }

    new ProjectionRunner<>(store, ShoppingCartCodec.INSTANCE, new CartSummaryProjection(), summaries).catchUp();
    System.out.println("\nView CartSummary:");
    summaries.all().values().forEach(row -> System.out.println("  " + row));
  }

  private static String describe(CommandResult result) {
    if (result instanceof CommandResult.Rejected rejected) {
      return "rejected: " + rejected.rejection();
    }
    CommandResult.Accepted accepted = (CommandResult.Accepted) result;
    return "accepted: " + accepted.events() + " (stream version " + accepted.streamVersion() + ")";
  }

  private static Money money(String amount) {
    return new Money(new BigDecimal(amount));
  }
}
