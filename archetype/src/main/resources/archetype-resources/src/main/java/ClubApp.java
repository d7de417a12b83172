package ${package};

import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Registers two members on an SQLite event store, lets the automation welcome them, and prints
 * the member directory. The events and the view live in one file: the first argument, or
 * {@code club.db} in the working folder. Run it twice: the file remembers, so the second run's
 * registrations are rejected, and the automation's repeated welcomes too.
 */
public final class ClubApp {

  private ClubApp() {}

  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "club.db");
    try (EventStore store = SqliteEventStore.open(file);
        SqliteViewStore<UUID, MemberDirectory> directory =
            SqliteViewStore.open(file, "member_directory", MemberDirectoryRowCodec.INSTANCE)) {
      run(store, directory);
    }
  }

  /** The scenario on {@code store}, with the MemberDirectory view kept in {@code directory}. */
  static void run(EventStore store, ViewStore<UUID, MemberDirectory> directory) {
    CommandBus commands = new CommandBus()
        .register(MemberCommand.class, new CommandHandler<>(store, ClubCodec.INSTANCE, new Member()));
    AutomationRunner welcomes = new AutomationRunner(store, ClubCodec.INSTANCE, new WelcomeNewMembers(), commands);
    ProjectionRunner<UUID, MemberDirectory> view =
        new ProjectionRunner<>(store, ClubCodec.INSTANCE, new MemberDirectoryProjection(), directory);

    List<RegisterMember> registrations = List.of(
        new RegisterMember(id("ann"), "Ann", new Email("ann@example.com")),
        new RegisterMember(id("bob"), "Bob", new Email("bob@example.com")));
    for (RegisterMember command : registrations) {
      System.out.println(command + "\n  -> " + describe(commands.dispatch(command)));
    }
    System.out.println("WelcomeNewMembers issued " + welcomes.catchUp() + " command(s)");
    view.catchUp();
    System.out.println("MemberDirectory:");
    directory.all().values().forEach(row -> System.out.println("  " + row));
  }

  /** A stable id per name, so that a second run addresses the same members. */
  private static UUID id(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  private static String describe(CommandResult result) {
    if (result instanceof CommandResult.Rejected rejected) {
      return "rejected: " + rejected.rejection();
    }
    return "accepted: " + ((CommandResult.Accepted) result).events();
  }
}
