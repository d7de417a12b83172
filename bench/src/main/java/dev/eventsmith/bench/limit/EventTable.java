package dev.eventsmith.bench.limit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * An Eventsmith store's event table as plain JDBC sees it, for the limits measured beside the
 * store: the same table (created by the store itself), the same rows, the same queries, none of the
 * store's work around them.
 */
public enum EventTable {

  SQLITE("events") {
    @Override
    long readRow(ResultSet rows) throws SQLException {
      return rows.getLong(1) + rows.getString(2).length() + rows.getLong(3) + rows.getBytes(4).length
          + rows.getString(5).length() + rows.getInt(6) + rows.getBytes(7).length + rows.getString(8).length()
          + rows.getLong(9);
    }

    @Override
    void bindId(PreparedStatement insert, int index, UUID id) throws SQLException {
      byte[] bytes = new byte[16];
      long high = id.getMostSignificantBits();
      long low = id.getLeastSignificantBits();
      for (int i = 0; i < 8; i++) {
        bytes[i] = (byte) (high >>> (56 - 8 * i));
        bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
      }
      insert.setBytes(index, bytes);
    }

    @Override
    String insert() {
      return "INSERT INTO events (position, stream, version, event_id, type, schema_version, data, metadata,"
          + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    void bindRecordedAt(PreparedStatement insert, int index) throws SQLException {
      insert.setLong(index, System.currentTimeMillis() * 1_000);
    }
  },

  POSTGRES("eventsmith_events") {
    @Override
    long readRow(ResultSet rows) throws SQLException {
      return rows.getLong(1) + rows.getString(2).length() + rows.getLong(3)
          + rows.getObject(4, UUID.class).getLeastSignificantBits() + rows.getString(5).length() + rows.getInt(6)
          + rows.getBytes(7).length + rows.getString(8).length()
          + rows.getObject(9, OffsetDateTime.class).getNano();
    }

    @Override
    void bindId(PreparedStatement insert, int index, UUID id) throws SQLException {
      insert.setObject(index, id);
    }

    @Override
    String insert() {
      // recorded_at takes its default, now(), as in the store's own append.
      return "INSERT INTO eventsmith_events (position, stream, version, event_id, type, schema_version, data,"
          + " metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)";
    }

    @Override
    void bindRecordedAt(PreparedStatement insert, int index) {}
  };

  static final String COLUMNS = "position, stream, version, event_id, type, schema_version, data, metadata, recorded_at";

  private final String table;

  EventTable(String table) {
    this.table = table;
  }

  /** Reads every column of the current row into its Java value; the sum keeps the reads from being optimised away. */
  abstract long readRow(ResultSet rows) throws SQLException;

  abstract void bindId(PreparedStatement insert, int index, UUID id) throws SQLException;

  abstract String insert();

  abstract void bindRecordedAt(PreparedStatement insert, int index) throws SQLException;

  /**
   * Reads a stream from its start in pages of {@code page} rows with the store's own query, every
   * column into its Java value, and with {@code decode} the payloads through {@link JacksonDecode}.
   *
   * @return a checksum of everything read
   */
  public long scanStream(Connection connection, String stream, int page, boolean decode) throws SQLException {
    long checksum = 0;
    long version = 1;
    try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
        + " WHERE stream = ? AND version >= ? ORDER BY version LIMIT ?")) {
      while (true) {
        query.setString(1, stream);
        query.setLong(2, version);
        query.setInt(3, page);
        int rowsRead = 0;
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            checksum += readRow(rows);
            if (decode) {
              checksum += JacksonDecode.decode(rows.getBytes(7));
            }
            version = rows.getLong(3) + 1;
            rowsRead++;
          }
        }
        if (rowsRead < page) {
          return checksum;
        }
      }
    }
  }

  /**
   * Adds one event row to {@code insert} (prepared from {@link #insert()}): the row a store's append
   * would write for {@code data} and {@code metadataJson}.
   */
  public void bindRow(PreparedStatement insert, long position, String stream, long version, UUID id, String type,
      byte[] data, String metadataJson) throws SQLException {
    insert.setLong(1, position);
    insert.setString(2, stream);
    insert.setLong(3, version);
    bindId(insert, 4, id);
    insert.setString(5, type);
    insert.setInt(6, 1);
    insert.setBytes(7, data);
    insert.setString(8, metadataJson);
    bindRecordedAt(insert, 9);
  }

  /** A plain connection to the SQLite store file {@code file}, configured as the store's readers are. */
  public static Connection sqliteReader(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  /**
   * A plain connection to the SQLite store file {@code file}, configured as the store's writer is
   * (WAL, synchronous=FULL, immediate transactions, 64 MiB page cache), not in autocommit mode.
   */
  public static Connection sqliteWriter(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setCacheSize(-64 * 1024);
    Connection connection = config.createConnection("jdbc:sqlite:" + file);
    connection.setAutoCommit(false);
    return connection;
  }

  /** The insert statement for one row, with its parameters in {@link #bindRow}'s order. */
  public PreparedStatement prepareInsert(Connection connection) throws SQLException {
    return connection.prepareStatement(insert());
  }
}
