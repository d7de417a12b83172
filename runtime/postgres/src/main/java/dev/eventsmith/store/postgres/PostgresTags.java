package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.AppendConditionFailedException;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.QueryItem;
import dev.eventsmith.runtime.dcb.TaggedEvent;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.jdbc.internal.EventRows;
import dev.eventsmith.store.jdbc.internal.TagQueries;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Tags and conditional appends in PostgreSQL, without serialising unrelated writers.
 *
 * <p>Every (type, tag) pair has a lock key (a hash; a collision only makes two appends wait for each
 * other). An append of tagged events takes, exclusively and for its transaction, the keys of its
 * events' (type, tag) and (any type, tag) pairs, and the keys its condition's query needs: for each
 * item, its first tag with each of its types (or with any type). Every event that could match an
 * item carries that tag, so a writer of such an event holds one of those keys: the check waits for
 * it to commit and then sees its event. A decision's read takes the same keys shared, so it too
 * waits for writers in flight. A position is the appending transaction's id shifted left, and an id
 * is assigned only after the locks are taken, by the insert: an event the read did not see belongs
 * to a transaction that took its locks after the read, so its position is above every position the
 * read saw, and the condition "after the position read" catches it. Locks are taken in key order,
 * so appenders never deadlock.
 */
final class PostgresTags {

  static final TagQueries TAGS = new TagQueries("eventsmith_events", "eventsmith_event_tags");

  private static final String ANY_TYPE = "";

  private PostgresTags() {}

  /** The lock key of events of {@code type} (or of any type: "") tagged {@code tag}. */
  static long key(String type, String tag) {
    return UUID.nameUUIDFromBytes(("eventsmith.dcb\0" + type + "\0" + tag).getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits();
  }

  /** The keys a check of {@code query} must hold so that no writer of a matching event is in flight. */
  static TreeSet<Long> keys(EventQuery query) {
    TreeSet<Long> keys = new TreeSet<>();
    for (QueryItem item : query.items()) {
      String tag = item.tags().iterator().next();
      if (item.types().isEmpty()) {
        keys.add(key(ANY_TYPE, tag));
      }
      item.types().forEach(type -> keys.add(key(type, tag)));
    }
    return keys;
  }

  /** The keys every writer of {@code events} holds. */
  static TreeSet<Long> keys(List<TaggedEvent> events) {
    TreeSet<Long> keys = new TreeSet<>();
    for (TaggedEvent event : events) {
      for (String tag : event.tags()) {
        keys.add(key(event.event().type(), tag));
        keys.add(key(ANY_TYPE, tag));
      }
    }
    return keys;
  }

  /** Reads the events matching {@code query} on {@code connection}, in a transaction of its own. */
  static List<RecordedEvent> read(Connection connection, EventQuery query, long afterPosition, int maxCount)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      lock(connection, keys(query), true);
      List<RecordedEvent> events;
      try (PreparedStatement statement = connection.prepareStatement(TAGS.read(query))) {
        statement.setInt(TagQueries.bind(statement, query, afterPosition), maxCount);
        events = EventRows.read(statement, PostgresDialect.INSTANCE);
      }
      connection.commit();
      return events;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Writes one tagged append inside the caller's open transaction on {@code connection}: locks,
   * checks {@code condition} (null: none), appends to the end of {@code stream}, adds the tags.
   */
  static AppendResult appendIn(PostgresEventStore store, Connection connection, StreamId stream,
      List<TaggedEvent> events, AppendCondition condition) throws SQLException {
    TreeSet<Long> keys = keys(events);
    if (condition != null) {
      keys.addAll(keys(condition.failIfEventsMatch()));
    }
    lock(connection, keys, false);
    if (condition != null && anyMatch(connection, condition)) {
      throw new AppendConditionFailedException(condition);
    }
    AppendResult result = store.appendIn(connection, stream, ExpectedVersion.any(),
        events.stream().map(TaggedEvent::event).toList());
    try (PreparedStatement insert = connection.prepareStatement(TAGS.insert())) {
      for (int i = 0; i < events.size(); i++) {
        TagQueries.addTags(insert, events.get(i).tags(), events.get(i).event().type(), result.firstPosition() + i);
      }
      insert.executeBatch();
    }
    return result;
  }

  private static boolean anyMatch(Connection connection, AppendCondition condition) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(TAGS.exists(condition.failIfEventsMatch()))) {
      TagQueries.bind(query, condition.failIfEventsMatch(), condition.after());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void lock(Connection connection, TreeSet<Long> keys, boolean shared) throws SQLException {
    String sql = shared ? "SELECT pg_advisory_xact_lock_shared(?)" : "SELECT pg_advisory_xact_lock(?)";
    try (PreparedStatement lock = connection.prepareStatement(sql)) {
      for (long key : keys) {
        lock.setLong(1, key);
        lock.executeQuery().close();
      }
    }
  }
}
