package dev.eventsmith.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The settings of the Eventsmith starter, under {@code eventsmith.*}. */
@ConfigurationProperties("eventsmith")
public class EventsmithProperties {

  private final Store store = new Store();
  private final Sqlite sqlite = new Sqlite();
  private final Commands commands = new Commands();
  private final Projections projections = new Projections();
  private final Automations automations = new Automations();
  private final Health health = new Health();

  public Store getStore() {
    return store;
  }

  public Sqlite getSqlite() {
    return sqlite;
  }

  public Commands getCommands() {
    return commands;
  }

  public Projections getProjections() {
    return projections;
  }

  public Automations getAutomations() {
    return automations;
  }

  public Health getHealth() {
    return health;
  }

  /** Where a service keeps its events, views and checkpoints. */
  public enum StoreType {
    /** PostgreSQL when the application has a DataSource and eventsmith-store-postgres is on the class path; SQLite otherwise. */
    AUTO,
    /** PostgreSQL, through the application's DataSource. */
    POSTGRES,
    /** One SQLite file, eventsmith.sqlite.path. */
    SQLITE,
    /** Memory: everything is lost when the service stops. For tests. */
    IN_MEMORY
  }

  /** Which store the service uses. */
  public static class Store {

    /** Where events, views and checkpoints are kept: auto, postgres, sqlite or in-memory. */
    private StoreType type = StoreType.AUTO;

    public StoreType getType() {
      return type;
    }

    public void setType(StoreType type) {
      this.type = type;
    }
  }

  /** The SQLite store. */
  public static class Sqlite {

    /** The SQLite database file of events, views and checkpoints; created when missing. */
    private Path path = Path.of("eventsmith.db");

    /** Whether each commit is flushed to disk (full) or only at WAL checkpoints (normal: faster, a power cut may lose the last commits). */
    private Sync sync = Sync.FULL;

    /** How long an append waits for its commit before it fails. */
    private Duration appendTimeout = Duration.ofSeconds(30);

    public Path getPath() {
      return path;
    }

    public void setPath(Path path) {
      this.path = path;
    }

    public Sync getSync() {
      return sync;
    }

    public void setSync(Sync sync) {
      this.sync = sync;
    }

    public Duration getAppendTimeout() {
      return appendTimeout;
    }

    public void setAppendTimeout(Duration appendTimeout) {
      this.appendTimeout = appendTimeout;
    }

    /** When SQLite flushes commits to disk. */
    public enum Sync {
      /** On every commit: an acknowledged append survives a power cut. */
      FULL,
      /** At WAL checkpoints only: faster; a power cut (not a crash) may lose the last commits. */
      NORMAL
    }
  }

  /** Command handling. */
  public static class Commands {

    /** How often an aggregate's command is decided again when other writers appended to its stream in between. */
    private int maxAttempts = 3;

    /**
     * How often a command decided across streams is decided again when another writer appended an
     * event matching its query in between. Its query spans many streams (every seat of a course,
     * say), so it loses such races far more often than one aggregate's command does.
     */
    private int decisionMaxAttempts = 50;

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public int getDecisionMaxAttempts() {
      return decisionMaxAttempts;
    }

    public void setDecisionMaxAttempts(int decisionMaxAttempts) {
      this.decisionMaxAttempts = decisionMaxAttempts;
    }
  }

  /** What the live projections and the automations share: whether they run here, how often they poll. */
  public abstract static class Runners {

    /** Whether this instance runs them (false: views are only read here, automations and processes run elsewhere). */
    private boolean enabled = true;

    /** How often each reads the log when no append woke it; a process also fires its due deadlines then. */
    private Duration pollInterval = Duration.ofSeconds(1);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getPollInterval() {
      return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }
  }

  /** The live projections of the views. */
  public static class Projections extends Runners {

    /** How many events a projection reads and applies per transaction. */
    private int pageSize = 500;

    public int getPageSize() {
      return pageSize;
    }

    public void setPageSize(int pageSize) {
      this.pageSize = pageSize;
    }
  }

  /** The automations and the processes ({@code Workflow} beans). */
  public static class Automations extends Runners {}

  /** The actuator's health of the store, views and automations. */
  public static class Health {

    /** A view whose oldest unapplied event waited longer than this is reported down; unset: lag never makes a view down. */
    private Duration maxProjectionLag;

    public Duration getMaxProjectionLag() {
      return maxProjectionLag;
    }

    public void setMaxProjectionLag(Duration maxProjectionLag) {
      this.maxProjectionLag = maxProjectionLag;
    }
  }
}
