package dev.eventsmith.store.sqlite;

import dev.eventsmith.store.contract.AutomationCrashContract;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The child JVM of {@link AutomationCrashTest}: runs the automation or the process (mode, file). */
public final class AutomationChild {

  private AutomationChild() {}

  public static void main(String[] args) {
    Path file = Path.of(args[1]);
    try (SqliteEventStore events = SqliteEventStore.open(file);
        SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(file);
        SqliteDeadlineStore deadlines = SqliteDeadlineStore.open(file)) {
      AutomationCrashContract.runChild(args[0], events, checkpoints, deadlines,
          new PrintStream(System.out, false, StandardCharsets.UTF_8));
    }
    System.exit(0);
  }
}
