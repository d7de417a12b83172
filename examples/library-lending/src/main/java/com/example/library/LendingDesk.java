package com.example.library;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.DecisionHandler;
import dev.eventsmith.runtime.dcb.TaggedEventStore;
import dev.eventsmith.runtime.store.EventStore;
import java.util.Map;

/**
 * Takes every command of the library to what decides it, through a {@link CommandBus}: a
 * {@link DecisionHandler} for each command decided across streams ({@code registerDecision}), the
 * {@link Member} aggregate's {@link CommandHandler} for the others ({@code register}).
 */
public final class LendingDesk {

  private final CommandBus bus = new CommandBus();

  /** A desk on {@code store}, which must keep tags (in memory, SQLite or PostgreSQL). */
  public <S extends EventStore & TaggedEventStore> LendingDesk(S store) {
    bus.registerDecision(RegisterMember.class,
        new DecisionHandler<>(store, LibraryCodec.INSTANCE, new Registration())::handle);
    bus.registerDecision(AddBook.class, new DecisionHandler<>(store, LibraryCodec.INSTANCE, new Catalogue())::handle);
    bus.registerDecision(BorrowBook.class,
        new DecisionHandler<>(store, LibraryCodec.INSTANCE, new Borrowing())::handle);
    bus.registerDecision(ReturnBook.class,
        new DecisionHandler<>(store, LibraryCodec.INSTANCE, new Returning())::handle);
    bus.registerDecision(ReserveBook.class,
        new DecisionHandler<>(store, LibraryCodec.INSTANCE, new Reservations())::handle);
    bus.registerDecision(CancelReservation.class,
        new DecisionHandler<>(store, LibraryCodec.INSTANCE, new ReservationCancelling())::handle);
    bus.register(MemberCommand.class, new CommandHandler<>(store, LibraryCodec.INSTANCE, new Member()));
  }

  /** Decides {@code command} and stores what it emits. */
  public CommandResult handle(Command command) {
    return bus.dispatch(command);
  }

  /**
   * Decides {@code command} and stores what it emits with {@code metadata}; a command sent again
   * with the same {@code CommandHandler.COMMAND_ID} is answered as the first time, and stored once.
   */
  public CommandResult handle(Command command, Map<String, String> metadata) {
    return bus.dispatch(command, metadata);
  }
}
