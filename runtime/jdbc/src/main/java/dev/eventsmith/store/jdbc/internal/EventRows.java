package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns rows of an events table into recorded events; select {@link #COLUMNS} in this order. */
public final class EventRows {

  /** The columns every events table has, in the order {@link #read} expects them. */
  public static final String COLUMNS =
      "position, stream, version, event_id, type, schema_version, data, metadata, recorded_at";

  private EventRows() {}

  /** Runs {@code query} (which selects {@link #COLUMNS}) and reads its rows. */
  public static List<RecordedEvent> read(PreparedStatement query, Dialect dialect) throws SQLException {
    List<RecordedEvent> events = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      Previous previous = new Previous();
      while (rows.next()) {
        events.add(event(rows, previous, dialect));
      }
    }
    return events;
  }

  /**
   * The last row's stream and metadata: consecutive events usually share them (a stream read, one
   * command's events), and replay speed matters, so they are parsed once, not once per row.
   */
  private static final class Previous {
    String stream;
    StreamId streamId;
    String metadataText;
    Map<String, String> metadata;

    StreamId stream(String text) {
      if (!text.equals(stream)) {
        streamId = StreamId.parse(text);
        stream = text;
      }
      return streamId;
    }

    Map<String, String> metadata(String text) throws IOException {
      if (!text.equals(metadataText)) {
        metadata = MetadataJson.read(text);
        metadataText = text;
      }
      return metadata;
    }
  }

  private static RecordedEvent event(ResultSet rows, Previous previous, Dialect dialect) throws SQLException {
    long position = rows.getLong(1);
    String stream = rows.getString(2);
    long version = rows.getLong(3);
    try {
      byte[] data = rows.getBytes(7);
      return new RecordedEvent(previous.stream(stream), version, position, dialect.eventId(rows, 4),
          rows.getString(5), rows.getInt(6), data == null ? new byte[0] : data,
          previous.metadata(rows.getString(8)), dialect.recordedAt(rows, 9));
    } catch (IOException | RuntimeException e) {
      throw new EventStoreException("the stored event " + stream + "@" + version + " (global position " + position
          + ") is corrupt: " + e.getMessage() + "; repair the row or restore it from a backup", e);
    }
  }
}
