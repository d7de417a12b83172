package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.QueryItem;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The SQL of queries over tagged events, the same in SQLite and PostgreSQL: an event matches an
 * item if it has one of the item's types (any, if none) and every one of its tags, counted in the
 * tags table (one row per event and tag).
 */
public final class TagQueries {

  private final String events;
  private final String tags;

  /** Queries over the events table {@code events} and its tags table {@code tags}. */
  public TagQueries(String events, String tags) {
    this.events = events;
    this.tags = tags;
  }

  /** The positions after the first parameter of events matching {@code query}: a sub-select. */
  private String positions(EventQuery query) {
    StringJoiner union = new StringJoiner(" UNION ");
    for (QueryItem item : query.items()) {
      String sql = "SELECT position FROM " + tags + " WHERE tag IN (" + marks(item.tags().size()) + ")"
          + (item.types().isEmpty() ? "" : " AND type IN (" + marks(item.types().size()) + ")")
          + " AND position > ? GROUP BY position HAVING count(*) = " + item.tags().size();
      union.add(sql);
    }
    return union.toString();
  }

  /** Selects {@link EventRows#COLUMNS} of the matching events, in position order, with a limit. */
  public String read(EventQuery query) {
    return "SELECT " + EventRows.COLUMNS + " FROM " + events + " WHERE position IN (" + positions(query)
        + ") ORDER BY position LIMIT ?";
  }

  /** Selects one row if an event matches. */
  public String exists(EventQuery query) {
    return "SELECT 1 FROM (" + positions(query) + ") matching LIMIT 1";
  }

  /** Binds the parameters of {@link #read} or {@link #exists} from index 1; answers the next index. */
  public static int bind(PreparedStatement statement, EventQuery query, long afterPosition) throws SQLException {
    int index = 1;
    for (QueryItem item : query.items()) {
      for (String tag : item.tags()) {
        statement.setString(index++, tag);
      }
      for (String type : item.types()) {
        statement.setString(index++, type);
      }
      statement.setLong(index++, afterPosition);
    }
    return index;
  }

  /** Inserts one row per tag: parameters tag, type, position. */
  public String insert() {
    return "INSERT INTO " + tags + " (tag, type, position) VALUES (?, ?, ?)";
  }

  /** Adds the rows of one event's tags to a batch of {@link #insert}. */
  public static void addTags(PreparedStatement insert, Set<String> tags, String type, long position)
      throws SQLException {
    for (String tag : tags) {
      insert.setString(1, tag);
      insert.setString(2, type);
      insert.setLong(3, position);
      insert.addBatch();
    }
  }

  private static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
