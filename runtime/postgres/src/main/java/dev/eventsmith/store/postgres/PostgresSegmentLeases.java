package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.segment.FairShare;
import dev.eventsmith.runtime.segment.Lease;
import dev.eventsmith.runtime.segment.Segment;
import dev.eventsmith.runtime.segment.SegmentLeases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One instance's leases on the segments of one runner, in eventsmith_segments. Every time is the
 * database's clock, so instances on machines whose clocks disagree still agree on when a lease ends.
 */
final class PostgresSegmentLeases implements SegmentLeases {

  private static final String ANNOUNCE = "INSERT INTO eventsmith_segment_instances (name, owner, expires_at)"
      + " VALUES (?, ?, clock_timestamp() + ? * interval '1 millisecond') ON CONFLICT (name, owner)"
      + " DO UPDATE SET expires_at = excluded.expires_at";

  private static final String FORGET_GONE = "DELETE FROM eventsmith_segment_instances"
      + " WHERE name = ? AND expires_at < clock_timestamp()";

  private static final String INSTANCES = "SELECT owner FROM eventsmith_segment_instances WHERE name = ? ORDER BY owner";

  private static final String SEGMENTS = "SELECT count(*) FROM eventsmith_segments WHERE name = ?";

  private static final String RENEW = "UPDATE eventsmith_segments SET expires_at = clock_timestamp() + ? * interval"
      + " '1 millisecond' WHERE name = ? AND owner = ? RETURNING segment, segment_count, token";

  // SKIP LOCKED: instances claiming at once take different segments, and a segment whose page is
  // being committed (locked FOR SHARE) is left for the next round.
  private static final String CLAIM = "WITH free AS (SELECT segment FROM eventsmith_segments"
      + " WHERE name = ? AND (owner IS NULL OR expires_at < clock_timestamp())"
      + " ORDER BY segment LIMIT ? FOR UPDATE SKIP LOCKED),"
      + " claimed AS (UPDATE eventsmith_segments s SET owner = ?, token = nextval('eventsmith_segment_tokens'),"
      + " expires_at = clock_timestamp() + ? * interval '1 millisecond' FROM free"
      + " WHERE s.name = ? AND s.segment = free.segment RETURNING s.segment, s.segment_count, s.token),"
      + " logged AS (INSERT INTO eventsmith_segment_claims (token, name, segment, segment_count, owner)"
      + " SELECT token, ?, segment, segment_count, ? FROM claimed)"
      + " SELECT segment, segment_count, token FROM claimed";

  private static final String HAND_BACK = "UPDATE eventsmith_segments SET owner = NULL, expires_at = NULL"
      + " WHERE name = ? AND owner = ? AND segment = ANY(?)";

  private static final String HAND_BACK_ALL = "UPDATE eventsmith_segments SET owner = NULL, expires_at = NULL"
      + " WHERE name = ? AND owner = ?";

  private static final String LEAVE = "DELETE FROM eventsmith_segment_instances WHERE name = ? AND owner = ?";

  private static final String RECORD_ERROR = "UPDATE eventsmith_segments SET last_error = ?,"
      + " last_error_at = clock_timestamp() WHERE name = ? AND segment = ? AND token = ?";

  private static final int LONGEST_ERROR = 4_000;

  private final PostgresDatabase database;
  private final String name;
  private final int initialSegments;
  private final String owner;
  private final long leaseMillis;
  private boolean laidOut;

  PostgresSegmentLeases(PostgresDatabase database, String name, int initialSegments, String owner, Duration lease) {
    this.database = database;
    this.name = name;
    this.initialSegments = initialSegments;
    this.owner = owner;
    this.leaseMillis = lease.toMillis();
  }

  @Override
  public String owner() {
    return owner;
  }

  @Override
  public Duration renewInterval() {
    return Duration.ofMillis(leaseMillis / 3);
  }

  @Override
  public List<Lease> maintain() {
    if (!laidOut) {
      SegmentLayout.create(database, name, initialSegments);
      laidOut = true;
    }
    return database.inTransaction("renew and claim the segments of " + name + " in", connection -> {
      List<String> instances = announce(connection);
      List<Lease> held = renew(connection);
      int share = FairShare.of(count(connection), instances, owner);
      if (held.size() > share) {
        // Hand back the highest segments: another instance is waiting for its share.
        List<Lease> extra = held.subList(share, held.size());
        try (PreparedStatement handBack = connection.prepareStatement(HAND_BACK)) {
          handBack.setString(1, name);
          handBack.setString(2, owner);
          handBack.setArray(3, connection.createArrayOf("int4",
              extra.stream().map(l -> l.segment().index()).toArray(Integer[]::new)));
          handBack.executeUpdate();
        }
        return List.copyOf(held.subList(0, share));
      }
      if (held.size() < share) {
        List<Lease> all = new ArrayList<>(held);
        all.addAll(leases(connection, CLAIM, name, share - held.size(), owner, leaseMillis, name, name, owner));
        all.sort(Comparator.comparingInt(l -> l.segment().index()));
        return List.copyOf(all);
      }
      return held;
    });
  }

  @Override
  public List<Lease> renew() {
    return database.inTransaction("renew the leases on the segments of " + name + " in", connection -> {
      announce(connection);
      return renew(connection);
    });
  }

  private List<Lease> renew(Connection connection) throws SQLException {
    return leases(connection, RENEW, leaseMillis, name, owner);
  }

  /** Says this instance takes part, forgets those that stopped saying so; answers who takes part, by name. */
  private List<String> announce(Connection connection) throws SQLException {
    try (PreparedStatement announce = connection.prepareStatement(ANNOUNCE);
        PreparedStatement forget = connection.prepareStatement(FORGET_GONE);
        PreparedStatement query = connection.prepareStatement(INSTANCES)) {
      announce.setString(1, name);
      announce.setString(2, owner);
      announce.setLong(3, leaseMillis);
      announce.executeUpdate();
      forget.setString(1, name);
      forget.executeUpdate();
      query.setString(1, name);
      List<String> instances = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          instances.add(rows.getString(1));
        }
      }
      return instances;
    }
  }

  private int count(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(SEGMENTS)) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Runs {@code sql}, which answers (segment, segment_count, token) rows, as leases by segment. */
  private static List<Lease> leases(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Lease> leases = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          leases.add(new Lease(new Segment(rows.getInt(1), rows.getInt(2)), rows.getLong(3)));
        }
      }
      leases.sort(Comparator.comparingInt(l -> l.segment().index()));
      return leases;
    }
  }

  @Override
  public void recordError(List<Lease> held, Throwable error) {
    String text = String.valueOf(error);
    String cut = text.length() > LONGEST_ERROR ? text.substring(0, LONGEST_ERROR) : text;
    database.inTransaction("record the failure of " + name + " in", connection -> {
      try (PreparedStatement record = connection.prepareStatement(RECORD_ERROR)) {
        for (Lease lease : held) {
          record.setString(1, cut.replace('\u0000', '?'));
          record.setString(2, name);
          record.setInt(3, lease.segment().index());
          record.setLong(4, lease.token());
          record.addBatch();
        }
        record.executeBatch();
      }
      return null;
    });
  }

  @Override
  public void release() {
    database.inTransaction("hand back the segments of " + name + " in", connection -> {
      try (PreparedStatement handBack = connection.prepareStatement(HAND_BACK_ALL);
          PreparedStatement leave = connection.prepareStatement(LEAVE)) {
        handBack.setString(1, name);
        handBack.setString(2, owner);
        handBack.executeUpdate();
        leave.setString(1, name);
        leave.setString(2, owner);
        leave.executeUpdate();
      }
      return null;
    });
  }
}
