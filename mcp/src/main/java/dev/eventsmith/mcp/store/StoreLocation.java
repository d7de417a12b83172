package dev.eventsmith.mcp.store;

import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.store.postgres.PostgresEventStore;
import dev.eventsmith.store.postgres.PostgresViewStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where an event store is: an SQLite file ({@code sqlite:<file>}) or a PostgreSQL database
 * ({@code postgres:<jdbc url>}). Opening never creates a store: an SQLite file must exist.
 */
sealed interface StoreLocation {

  /** The environment variable the PostgreSQL password is read from, so it is never on a command line. */
  String PASSWORD_VARIABLE = "EVENTSMITH_STORE_PASSWORD";

  /** How messages name the store. */
  String describe();

  /** Opens the store through its public API. */
  EventStore open() throws ToolError;

  /** Where the view stored as {@code name} stands: the global position of the last event it applied, and its fence. */
  Checkpoint checkpoint(String name, RowCodec<?, ?> codec) throws ToolError;

  /** An SQLite store file. */
  record Sqlite(Path file, String shown) implements StoreLocation {
    @Override
    public String describe() {
      return "the SQLite store " + shown;
    }

    @Override
    public EventStore open() throws ToolError {
      if (!Files.isRegularFile(file)) {
        throw new ToolError(DiagnosticCode.MCP_STORE_FAILED, "there is no SQLite store file " + shown,
            "Give the file the application writes its events to (this server never creates a store).");
      }
      try {
        return SqliteEventStore.open(file);
      } catch (RuntimeException e) {
        throw failed(this, e);
      }
    }

    @Override
    public Checkpoint checkpoint(String name, RowCodec<?, ?> codec) throws ToolError {
      open().close();
      try (SqliteViewStore<?, ?> view = SqliteViewStore.open(file, name, codec)) {
        return view.checkpoint();
      } catch (RuntimeException e) {
        throw failed(this, e);
      }
    }
  }

  /** A PostgreSQL database. */
  record Postgres(String url, Map<String, String> environment) implements StoreLocation {
    @Override
    public String describe() {
      return "the PostgreSQL store " + url.replaceAll("password=[^&]*", "password=***");
    }

    @Override
    public EventStore open() throws ToolError {
      try {
        return PostgresEventStore.open(dataSource());
      } catch (RuntimeException e) {
        throw failed(this, e);
      }
    }

    @Override
    public Checkpoint checkpoint(String name, RowCodec<?, ?> codec) throws ToolError {
      try {
        return PostgresViewStore.open(dataSource(), name, codec).checkpoint();
      } catch (RuntimeException e) {
        throw failed(this, e);
      }
    }

    private PGSimpleDataSource dataSource() {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setURL(url);
      String password = environment.get(PASSWORD_VARIABLE);
      if (password != null) {
        dataSource.setPassword(password);
      }
      return dataSource;
    }
  }

  /** Reads {@code sqlite:<file>} or {@code postgres:<jdbc url>}. */
  static StoreLocation parse(String text, Project project, Map<String, String> environment) throws ToolError {
    if (text.startsWith("sqlite:")) {
      String file = text.substring("sqlite:".length());
      try {
        Path path = project.root().resolve(file).normalize();
        return new Sqlite(path, project.display(path));
      } catch (InvalidPathException e) {
        throw new ToolError(DiagnosticCode.MCP_BAD_OPTION, "--store " + text + " is not a valid path", HINT);
      }
    }
    if (text.startsWith("postgres:")) {
      String url = text.substring("postgres:".length());
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new ToolError(DiagnosticCode.MCP_BAD_OPTION, "--store postgres: takes a JDBC URL that starts with "
            + "jdbc:postgresql:, not '" + url + "'", HINT);
      }
      return new Postgres(url, environment);
    }
    throw new ToolError(DiagnosticCode.MCP_BAD_OPTION, "--store must start with sqlite: or postgres:, not '" + text
        + "'", HINT);
  }

  String HINT = "For example --store sqlite:target/app.db or "
      + "--store postgres:jdbc:postgresql://localhost/app?user=reader (password in " + PASSWORD_VARIABLE + ").";

  private static ToolError failed(StoreLocation location, RuntimeException e) {
    return new ToolError(DiagnosticCode.MCP_STORE_FAILED, "cannot open " + location.describe() + ": "
        + e.getMessage(), "Check that the store is reachable and is an Eventsmith event store.");
  }
}
