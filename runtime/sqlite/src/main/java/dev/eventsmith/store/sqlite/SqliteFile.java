package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Opens connections to one store file, configured the one way the store relies on. */
final class SqliteFile {

  /** How long a connection waits for another process's lock before giving up. */
  static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private final Path file;
  private final SqliteEventStore.Sync sync;
  /** The file's identity when the store opened it (inode and device where the system has them), null before. */
  private volatile Object identity;

  SqliteFile(Path file, SqliteEventStore.Sync sync) {
    this.file = file.toAbsolutePath();
    this.sync = sync;
  }

  Path path() {
    return file;
  }

  /** Makes sure the file's directory exists, so opening creates the file. */
  void prepareDirectory() {
    Path directory = file.getParent();
    if (Files.isDirectory(file)) {
      throw new EventStoreException("cannot open the event store at " + file
          + ": it is a directory; give the path of a file (it is created if missing)");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new EventStoreException("cannot create the directory " + directory + " for the event store: " + e
          + "; check the path and its permissions", e);
    }
  }

  /** Notes which file the path names now, so that {@link #checkIdentity} can tell if it is replaced. */
  void rememberIdentity() {
    identity = currentIdentity().orElseThrow(() -> new EventStoreException("cannot open the event store " + file
        + ": the file vanished while it was being opened; check what else deletes files in " + file.getParent()));
  }

  /**
   * Checks that the path still names the file the store opened. A file deleted or replaced while
   * open keeps taking writes through the open connections, and what they write is lost: nobody will
   * read that file again.
   *
   * @throws LostFileException if the file is gone or another file is in its place
   */
  void checkIdentity() {
    Object remembered = identity;
    if (remembered == null) {
      return;
    }
    Optional<Object> now = currentIdentity();
    if (now.isEmpty() || !now.get().equals(remembered)) {
      throw new LostFileException("the database file " + file + " was " + (now.isEmpty() ? "deleted" : "replaced by "
          + "another file") + " while the store had it open; what the store wrote since went to the old file and is "
          + "lost, and it writes nothing more. Restore the file (from a backup, or put the old one back), find what "
          + "deleted or replaced it, then open the store again");
    }
  }

  private Optional<Object> currentIdentity() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      // The inode on Unix; where the system has none, the creation time tells a new file from the old.
      Object key = attributes.fileKey();
      return Optional.of(key != null ? key : attributes.creationTime());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new EventStoreException("cannot check the database file " + file + ": " + e
          + "; check the file and its directory", e);
    }
  }

  Connection openWriter() {
    SQLiteConfig config = base();
    // Take the write lock when a transaction begins, not at its first write, so the checks a
    // batch makes (versions, next position) cannot be invalidated by another process mid-batch.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    // The writer touches the tail of the table and of the (stream, version) index on every batch;
    // 64 MiB of page cache keeps both in memory instead of the default 2 MiB.
    config.setCacheSize(-64 * 1024);
    return open(config, "write to");
  }

  Connection openReader() {
    Connection connection = open(base(), "read");
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA query_only = ON");
    } catch (SQLException e) {
      throw failure("read", e);
    }
    return connection;
  }

  private SQLiteConfig base() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(sync == SqliteEventStore.Sync.FULL
        ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return config;
  }

  private Connection open(SQLiteConfig config, String purpose) {
    try {
      return config.createConnection("jdbc:sqlite:" + file);
    } catch (SQLException e) {
      throw failure(purpose, e);
    }
  }

  /** Turns what SQLite says into what the user can do about it. */
  EventStoreException failure(String doing, SQLException e) {
    SQLiteErrorCode code = e instanceof SQLiteException ? ((SQLiteException) e).getResultCode() : null;
    // Extended result codes (SQLITE_BUSY_SNAPSHOT, ...) carry their primary code in the low byte.
    int primary = code == null ? -1 : code.code & 0xff;
    String advice;
    if (code == null) {
      advice = "see the cause";
    } else if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
      return new StoreUnavailableException("cannot " + doing + " the event store " + file + ": " + e.getMessage()
          + "; another process held the file locked for more than " + BUSY_TIMEOUT_MILLIS + " ms; stop it or retry "
          + "later", e);
    } else if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
      advice = "the file is not an SQLite database; give the path of an event store file or of a new file";
    } else if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code || primary == SQLiteErrorCode.SQLITE_READONLY.code
        || primary == SQLiteErrorCode.SQLITE_PERM.code) {
      advice = "check that the file and its directory exist and are writable";
    } else if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
      advice = "the disk is full; free space and retry";
    } else {
      advice = "see the cause";
    }
    return new EventStoreException("cannot " + doing + " the event store " + file + ": " + e.getMessage()
        + "; " + advice, e);
  }
}
