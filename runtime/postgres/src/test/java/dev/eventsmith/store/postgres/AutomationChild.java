package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.store.contract.AutomationCrashContract;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The child JVM of {@link AutomationCrashTest}: runs the automation or the process (mode, JDBC URL, schema). */
public final class AutomationChild {

  private AutomationChild() {}

  public static void main(String[] args) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[1]);
    config.setSchema(args[2]);
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config);
        PostgresEventStore events = PostgresEventStore.open(pool);
        PostgresCheckpointStore checkpoints = PostgresCheckpointStore.open(pool);
        PostgresDeadlineStore deadlines = PostgresDeadlineStore.open(pool)) {
      AutomationCrashContract.runChild(args[0], events, checkpoints, deadlines,
          new PrintStream(System.out, false, StandardCharsets.UTF_8));
    }
    System.exit(0);
  }
}
