package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.TaggedEvent;
import dev.eventsmith.runtime.dcb.TaggedEventStore;
import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import dev.eventsmith.store.jdbc.internal.EventRows;
import dev.eventsmith.store.jdbc.internal.MetadataJson;
import dev.eventsmith.store.jdbc.internal.SqlScripts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;

/**
 * The production event store, over any PostgreSQL 13+ {@link DataSource} (give it a pooled one).
 * Its global log never lets a reader skip an event committed late; see the package documentation.
 * As an {@link AppendSignal} it wakes live projections on appends by any process (LISTEN/NOTIFY).
 */
public final class PostgresEventStore implements EventStore, TaggedEventStore, AppendSignal {

  /** The LISTEN/NOTIFY channel told about committed appends. */
  static final String CHANNEL = "eventsmith_events";

  /** Positions keep 16 bits for the event's index in its append; see the package documentation. */
  static final int INDEX_BITS = 16;

  static final int MAX_EVENTS_PER_APPEND = 1 << INDEX_BITS;

  private static final String APPEND = SqlScripts.text(PostgresDialect.INSTANCE.scripts() + "append.sql");

  private static final String READ_STREAM = "SELECT " + EventRows.COLUMNS + " FROM eventsmith_events"
      + " WHERE stream = ? AND version >= ? ORDER BY version LIMIT ?";

  // Only rows of transactions older than every transaction still running: those rows are final.
  private static final String READ_ALL = "SELECT " + EventRows.COLUMNS + " FROM eventsmith_events"
      + " WHERE position > ? AND position < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << "
      + INDEX_BITS + ") ORDER BY position LIMIT ?";

  private static final String STREAM_VERSION =
      "SELECT coalesce(max(version), 0) FROM eventsmith_events WHERE stream = ?";

  private static final String UNIQUE_VIOLATION = "23505";

  /** Needs write access to the events' table and a writable transaction, and changes nothing. */
  private static final String WRITE_PROBE = "UPDATE eventsmith_events SET version = version WHERE false";

  /** The unique index on event ids, see V2__unique_event_ids.sql. */
  private static final String EVENT_ID_INDEX = "eventsmith_events_event_id";

  private static final String READ_EVENTS_BY_ID = "SELECT " + EventRows.COLUMNS + " FROM eventsmith_events"
      + " WHERE event_id = ANY(?) ORDER BY position";

  private final PostgresDatabase database;
  private final CommitNotifier notifier;

  private PostgresEventStore(PostgresDatabase database) {
    this.database = database;
    this.notifier = new CommitNotifier(database);
  }

  /** Opens the store in the database behind {@code dataSource}, creating or migrating its tables. */
  public static PostgresEventStore open(DataSource dataSource) {
    PostgresDatabase database = new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource"));
    try (Connection connection = database.connect()) {
      PostgresSchema.migrate(connection);
    } catch (SQLException e) {
      throw database.failure("set up the tables of", e);
    }
    return new PostgresEventStore(database);
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(expected, "expected");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an append needs at least one event (stream " + stream + ")");
    }
    if (events.size() > MAX_EVENTS_PER_APPEND) {
      throw new IllegalArgumentException("an append to PostgreSQL holds at most " + MAX_EVENTS_PER_APPEND
          + " events, this one has " + events.size() + "; split it into several appends");
    }
    while (true) {
      // In autocommit mode (the pools' default) the one statement is the whole transaction: one round trip.
      try (Connection connection = database.connect()) {
        boolean autoCommit = connection.getAutoCommit();
        try {
          AppendResult result = appendIn(connection, stream, expected, events);
          if (!autoCommit) {
            connection.commit();
          }
          notifier.committed();
          return result;
        } catch (SQLException | RuntimeException e) {
          if (!autoCommit) {
            connection.rollback();
          }
          throw e;
        }
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw database.failure("append to", e);
        }
        if (e instanceof PSQLException pg && pg.getServerErrorMessage() != null
            && EVENT_ID_INDEX.equals(pg.getServerErrorMessage().getConstraint())) {
          Optional<DuplicateEventIdException> duplicate = duplicateEventId(stream, events);
          if (duplicate.isPresent()) {
            throw duplicate.get();
          }
          continue; // The other holder of the id rolled back meanwhile: try again.
        }
        // Another append took one of our versions and committed first.
        if (!(expected instanceof ExpectedVersion.Any)) {
          throw new WrongExpectedVersionException(stream, expected, streamVersion(stream));
        }
      }
    }
  }

  /**
   * Writes one append on {@code connection}: committed at once in autocommit mode, else inside the
   * caller's open transaction (the tests use this to hold a transaction open on purpose).
   */
  AppendResult appendIn(Connection connection, StreamId stream, ExpectedVersion expected, List<NewEvent> events)
      throws SQLException {
    int count = events.size();
    UUID[] ids = new UUID[count];
    String[] types = new String[count];
    Integer[] schemaVersions = new Integer[count];
    byte[][] data = new byte[count][];
    String[] metadata = new String[count];
    Map<String, String> lastMetadata = null;
    String lastJson = null;
    for (int i = 0; i < count; i++) {
      NewEvent event = events.get(i);
      ids[i] = event.eventId();
      types[i] = event.type();
      schemaVersions[i] = event.schemaVersion();
      data[i] = event.data();
      if (!event.metadata().equals(lastMetadata)) {
        // The events of one append usually share their metadata: encode it once.
        lastMetadata = event.metadata();
        lastJson = MetadataJson.write(lastMetadata);
      }
      metadata[i] = lastJson;
    }
    long actual;
    long transaction;
    long written;
    try (PreparedStatement append = connection.prepareStatement(APPEND)) {
      append.setString(1, stream.value());
      append.setString(2, stream.value());
      append.setArray(3, connection.createArrayOf("uuid", ids));
      append.setArray(4, connection.createArrayOf("text", types));
      append.setArray(5, connection.createArrayOf("int4", schemaVersions));
      append.setArray(6, connection.createArrayOf("bytea", data));
      append.setArray(7, connection.createArrayOf("text", metadata));
      append.setBoolean(8, expected instanceof ExpectedVersion.Any);
      append.setLong(9, expected instanceof ExpectedVersion.Exactly ? ((ExpectedVersion.Exactly) expected).version() : 0);
      try (ResultSet rows = append.executeQuery()) {
        rows.next();
        actual = rows.getLong(1);
        transaction = rows.getLong(2);
        written = rows.getLong(3);
      }
    }
    if (written != count) {
      // The statement checked the version and wrote nothing.
      throw new WrongExpectedVersionException(stream, expected, actual);
    }
    if (transaction >= 1L << (63 - INDEX_BITS)) {
      throw new EventStoreException("the database's transaction ids (" + transaction + ") outgrew the positions "
          + "of this event store; this needs a new position scheme, please report it");
    }
    long first = transaction << INDEX_BITS;
    return new AppendResult(stream, actual + count, first, first + count - 1);
  }

  /**
   * Checks that the store can write, for a health check: in one transaction, a write to the events'
   * table (that changes no row) and a transaction id, committed, so the commit goes through the
   * write-ahead log. It fails on a read-only database or session, on a standby (a failover left the
   * pool on the old primary), on missing privileges and on a server that cannot write its log; a
   * check that only read would stay green in each case.
   *
   * @throws EventStoreException saying what keeps the store from writing
   */
  public void checkWritable() {
    try (Connection connection = database.connect()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement probe = connection.createStatement()) {
        probe.executeUpdate(WRITE_PROBE);
        probe.execute("SELECT pg_current_xact_id()");
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw database.failure("write to", e);
    }
  }

  @Override
  public AppendResult appendTagged(StreamId stream, List<TaggedEvent> events, AppendCondition condition) {
    return appendTagged(stream, events, Objects.requireNonNull(condition, "condition"), "append to");
  }

  @Override
  public AppendResult appendTagged(StreamId stream, List<TaggedEvent> events) {
    return appendTagged(stream, events, null, "append to");
  }

  /** A tagged append in a transaction of its own, tried again when a plain append took our stream version. */
  private AppendResult appendTagged(StreamId stream, List<TaggedEvent> events, AppendCondition condition, String doing) {
    Objects.requireNonNull(stream, "stream");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an append needs at least one event (stream " + stream + ")");
    }
    if (events.size() > MAX_EVENTS_PER_APPEND) {
      throw new IllegalArgumentException("an append to PostgreSQL holds at most " + MAX_EVENTS_PER_APPEND
          + " events, this one has " + events.size() + "; split it into several appends");
    }
    List<NewEvent> plain = events.stream().map(TaggedEvent::event).toList();
    while (true) {
      try (Connection connection = database.connect()) {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
          AppendResult result = PostgresTags.appendIn(this, connection, stream, events, condition);
          connection.commit();
          notifier.committed();
          return result;
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        } finally {
          connection.setAutoCommit(autoCommit);
        }
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw database.failure(doing, e);
        }
        Optional<DuplicateEventIdException> duplicate = duplicateEventId(stream, plain);
        if (duplicate.isPresent()) {
          throw duplicate.get();
        }
        // A plain append took the version we wanted at the end of the stream, or the other holder of an id
        // rolled back: try again.
      }
    }
  }

  @Override
  public List<RecordedEvent> read(EventQuery query, long afterPosition, int maxCount) {
    Objects.requireNonNull(query, "query");
    if (maxCount <= 0) {
      return List.of();
    }
    return database.read("read", connection -> PostgresTags.read(connection, query, afterPosition, maxCount));
  }

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long fromVersion, int maxCount) {
    if (maxCount <= 0) {
      return List.of();
    }
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement(READ_STREAM)) {
      query.setString(1, stream.value());
      query.setLong(2, Math.max(fromVersion, 1));
      query.setInt(3, maxCount);
      return EventRows.read(query, PostgresDialect.INSTANCE);
    } catch (SQLException e) {
      throw database.failure("read", e);
    }
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    if (maxCount <= 0) {
      return List.of();
    }
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement(READ_ALL)) {
      query.setLong(1, afterPosition);
      query.setInt(2, maxCount);
      return EventRows.read(query, PostgresDialect.INSTANCE);
    } catch (SQLException e) {
      throw database.failure("read", e);
    }
  }

  @Override
  public Optional<RecordedEvent> readEvent(UUID eventId) {
    Objects.requireNonNull(eventId, "eventId");
    return database.read("read", connection -> eventsWithIds(connection, new UUID[] {eventId}).stream().findFirst());
  }

  /** Which of the append's ids is taken: by a stored event, or twice by the append itself; empty if neither now. */
  private Optional<DuplicateEventIdException> duplicateEventId(StreamId stream, List<NewEvent> events) {
    UUID[] ids = events.stream().map(NewEvent::eventId).toArray(UUID[]::new);
    List<RecordedEvent> stored = database.read("read", connection -> eventsWithIds(connection, ids));
    if (!stored.isEmpty()) {
      return Optional.of(new DuplicateEventIdException(stream, stored.get(0).eventId(), stored.get(0)));
    }
    Set<UUID> seen = new HashSet<>();
    for (UUID id : ids) {
      if (!seen.add(id)) {
        return Optional.of(new DuplicateEventIdException(stream, id));
      }
    }
    return Optional.empty();
  }

  private static List<RecordedEvent> eventsWithIds(Connection connection, UUID[] ids) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(READ_EVENTS_BY_ID)) {
      query.setArray(1, connection.createArrayOf("uuid", ids));
      return EventRows.read(query, PostgresDialect.INSTANCE);
    }
  }

  @Override
  public long streamVersion(StreamId stream) {
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement(STREAM_VERSION)) {
      query.setString(1, stream.value());
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw database.failure("read", e);
    }
  }

  /**
   * Delivers every event after {@code afterPosition} to {@code handler}, in order and once each,
   * first those already stored, then new ones as they commit (woken by LISTEN/NOTIFY). The handler
   * runs on the subscription's own thread; close the subscription to stop it.
   */
  public PostgresSubscription subscribe(long afterPosition, Consumer<RecordedEvent> handler) {
    PostgresSubscription subscription =
        new PostgresSubscription(this, database, afterPosition, Objects.requireNonNull(handler, "handler"));
    subscription.start();
    return subscription;
  }

  /**
   * Calls {@code wakeUp} when appends commit, in this process or any other: each registration holds
   * one connection that LISTENs until it is closed.
   */
  @Override
  public Registration onAppend(Runnable wakeUp) {
    AppendListener listener = new AppendListener(database, Objects.requireNonNull(wakeUp, "wakeUp"));
    return listener::close;
  }

  /** Stops notifying subscriptions of this store's appends; the DataSource stays open, it is the caller's. */
  @Override
  public void close() {
    notifier.close();
  }

}
