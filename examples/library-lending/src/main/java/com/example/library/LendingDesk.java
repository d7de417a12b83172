package com.example.library;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.DecisionHandler;
import dev.eventsmith.runtime.dcb.TaggedEventStore;
import dev.eventsmith.runtime.store.EventStore;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Takes every command of the library to what decides it: a {@link DecisionHandler} for each command
 * decided across streams, the {@link Member} aggregate's {@link CommandHandler} for the others. The
 * runtime's {@code CommandBus} routes to aggregates only, so the routing of decisions is written here.
 */
public final class LendingDesk {

  private final Map<Class<?>, BiFunction<Command, Map<String, String>, CommandResult>> routes = new HashMap<>();

  /** A desk on {@code store}, which must keep tags (in memory, SQLite or PostgreSQL). */
  public <S extends EventStore & TaggedEventStore> LendingDesk(S store) {
    route(RegisterMember.class, new DecisionHandler<>(store, LibraryCodec.INSTANCE, new Registration())::handle);
    route(AddBook.class, new DecisionHandler<>(store, LibraryCodec.INSTANCE, new Catalogue())::handle);
    route(BorrowBook.class, new DecisionHandler<>(store, LibraryCodec.INSTANCE, new Borrowing())::handle);
    route(ReturnBook.class, new DecisionHandler<>(store, LibraryCodec.INSTANCE, new Returning())::handle);
    route(ReserveBook.class, new DecisionHandler<>(store, LibraryCodec.INSTANCE, new Reservations())::handle);
    route(CancelReservation.class,
        new DecisionHandler<>(store, LibraryCodec.INSTANCE, new ReservationCancelling())::handle);
    CommandHandler<?, MemberCommand, MemberEvent> members =
        new CommandHandler<>(store, LibraryCodec.INSTANCE, new Member());
    route(RenameMember.class, members::handle);
  }

  private <C extends Command> void route(Class<C> type, BiFunction<C, Map<String, String>, CommandResult> handler) {
    routes.put(type, (command, metadata) -> handler.apply(type.cast(command), metadata));
  }

  /** Decides {@code command} and stores what it emits. */
  public CommandResult handle(Command command) {
    return handle(command, Map.of());
  }

  /**
   * Decides {@code command} and stores what it emits with {@code metadata}; a command sent again
   * with the same {@code CommandHandler.COMMAND_ID} is answered as the first time, and stored once.
   */
  public CommandResult handle(Command command, Map<String, String> metadata) {
    BiFunction<Command, Map<String, String>, CommandResult> handler = routes.get(command.getClass());
    if (handler == null) {
      throw new IllegalArgumentException("not a command of the library: " + command);
    }
    return handler.apply(command, metadata);
  }
}
