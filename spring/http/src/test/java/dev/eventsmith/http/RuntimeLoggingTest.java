package dev.eventsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.eventsmith.http.library.AddBook;
import dev.eventsmith.http.library.BookCommand;
import dev.eventsmith.http.library.BookDecider;
import dev.eventsmith.http.library.BookEvent;
import dev.eventsmith.http.library.LibraryModel;
import dev.eventsmith.http.library.Name;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.snapshot.Snapshot;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.snapshot.StateCodec;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import dev.eventsmith.runtime.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The runtime logs through {@code System.Logger}; in a Spring Boot application that reaches
 * Logback with nothing to add: the JDK's default logger finder writes to java.util.logging, which
 * Spring Boot bridges to SLF4J (jul-to-slf4j). A command handler's snapshot warnings are the log
 * lines here.
 */
@SpringBootTest(classes = HttpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"eventsmith.store.type=in-memory", "logging.level.dev.eventsmith.runtime.command=DEBUG"})
class RuntimeLoggingTest {

  @Autowired
  EventStore store;

  @Autowired
  BookDecider<?> books;

  /** A snapshot store that is down: the handler warns and replays the stream instead. */
  private static final SnapshotStore DOWN = new SnapshotStore() {
    @Override
    public Optional<Snapshot> latest(StreamId stream) {
      throw new StoreUnavailableException("the snapshot store is down", null);
    }

    @Override
    public void save(Snapshot snapshot) {
      throw new StoreUnavailableException("the snapshot store is still down", null);
    }
  };

  @Test
  void aRuntimeWarningArrivesInLogbackWithItsLoggerLevelAndCause() {
    CommandResult[] result = new CommandResult[1];
    List<ILoggingEvent> logged = logged(() -> result[0] = handler(books).handle(new AddBook("9780000000001",
        new Name("Logged"), List.of())));

    assertThat(result[0]).isInstanceOf(CommandResult.Accepted.class);
    List<ILoggingEvent> warnings = logged.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertThat(warnings).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "cannot read the snapshot of Book-9780000000001; replaying the stream instead",
        "cannot save a snapshot of Book-9780000000001@1; the command succeeded, loads replay more events until a "
            + "snapshot is saved");
    assertThat(warnings.get(0).getThrowableProxy().getMessage()).isEqualTo("the snapshot store is down");
  }

  @Test
  void aDebugLineArrivesWhenSpringBootsLevelAsksForIt() {
    SnapshotStore older = new SnapshotStore() {
      @Override
      public Optional<Snapshot> latest(StreamId stream) {
        return Optional.of(new Snapshot(stream, 1, 1, 7, new byte[] {'x'}));
      }

      @Override
      public void save(Snapshot snapshot) {}
    };
    List<ILoggingEvent> logged = logged(() -> handler(books, older).handle(new AddBook("9780000000002",
        new Name("Debugged"), List.of())));

    assertThat(logged).filteredOn(e -> e.getLevel() == Level.DEBUG).extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(line -> line.startsWith("ignoring ") && line.endsWith("this handler folds state v1"));
  }

  private static List<ILoggingEvent> logged(Runnable action) {
    Logger logger = (Logger) LoggerFactory.getLogger(CommandHandler.class.getName());
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      action.run();
    } finally {
      logger.detachAppender(appender);
    }
    return appender.list;
  }

  private CommandHandler<Object, BookCommand, BookEvent> handler(BookDecider<?> decider) {
    return handler(decider, DOWN);
  }

  @SuppressWarnings("unchecked")
  private CommandHandler<Object, BookCommand, BookEvent> handler(BookDecider<?> decider, SnapshotStore snapshots) {
    StateCodec<Object> codec = new StateCodec<>() {
      @Override
      public byte[] encode(Object state) {
        return state.toString().getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public Object decode(byte[] data) {
        throw new UnsupportedOperationException("never loaded: the store is down");
      }
    };
    return new CommandHandler<>(store, LibraryModel.INSTANCE.events(), (BookDecider<Object>) decider)
        .withSnapshots(snapshots, codec, 1, 1);
  }
}
