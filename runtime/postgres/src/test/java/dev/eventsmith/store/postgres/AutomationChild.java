package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.store.contract.AutomationCrashContract;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The child JVM of {@link AutomationCrashTest}: runs the automation on the database it is given (URL, schema). */
public final class AutomationChild {

  private AutomationChild() {}

  public static void main(String[] args) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setSchema(args[1]);
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config);
        PostgresEventStore events = PostgresEventStore.open(pool);
        PostgresCheckpointStore checkpoints = PostgresCheckpointStore.open(pool)) {
      AutomationCrashContract.runChild(events, checkpoints, new PrintStream(System.out, false, StandardCharsets.UTF_8));
    }
    System.exit(0);
  }
}
