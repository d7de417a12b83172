package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL server for the whole test run; each test gets a schema of its own in it. */
final class TestPostgres {

  private static EmbeddedPostgres server;
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private TestPostgres() {}

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            // Autovacuum's ANALYZE runs writing transactions that briefly hold back the visible log
            // (see package-info); off, so tests that append then read see their events at once.
            .setServerConfig("autovacuum", "off")
            .setServerConfig("max_connections", "200")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // The JVM is exiting; the server's directory is temporary.
        }
      }));
    }
    return server;
  }

  static String jdbcUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  /** A pool of connections whose search_path is a new, empty schema. */
  static HikariDataSource freshSchema() {
    return pool(newSchema());
  }

  /** A new, empty schema, for pools made with {@link #pool(String, String)}. */
  static String newSchema() {
    String schema = "test_" + SCHEMAS.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return schema;
  }

  /** A pool on {@code schema} whose sessions show {@code application} in pg_stat_activity, so a test can find them. */
  static HikariDataSource pool(String schema, String application) {
    HikariConfig config = config(schema);
    config.addDataSourceProperty("ApplicationName", application);
    config.setPoolName(schema + "-" + application);
    return new HikariDataSource(config);
  }

  static HikariDataSource pool(String schema) {
    return new HikariDataSource(config(schema));
  }

  private static HikariConfig config(String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl());
    config.setSchema(schema);
    config.setMaximumPoolSize(24);
    config.setPoolName(schema);
    return config;
  }
}
