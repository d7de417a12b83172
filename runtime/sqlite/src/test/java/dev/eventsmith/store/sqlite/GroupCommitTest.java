package dev.eventsmith.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends queued while the writer is busy commit together, each checked on its own. */
class GroupCommitTest {

  @TempDir
  Path directory;

  @Test
  void aRefusedAppendInABatchFailsAloneAndTakesNoPosition() throws Exception {
    SqliteFile file = new SqliteFile(directory.resolve("events.db"), SqliteEventStore.Sync.FULL);
    Connection connection = file.openWriter();
    SqliteSchema.migrate(connection, file.path());
    SqliteWriter writer = new SqliteWriter(file, connection, Clock.systemUTC());
    StreamId cart = StreamId.of("Cart", 1);
    StreamId other = StreamId.of("Cart", 2);
    // Queued before the writer thread runs, so all three land in one batch, in this order.
    PendingAppend first = new PendingAppend(cart, ExpectedVersion.noStream(), List.of(event("a"), event("b")));
    PendingAppend refused = new PendingAppend(cart, ExpectedVersion.noStream(), List.of(event("x")));
    PendingAppend third = new PendingAppend(other, ExpectedVersion.exactly(0), List.of(event("c")));
    writer.submit(first);
    writer.submit(refused);
    writer.submit(third);
    writer.stop();

    writer.run(); // commits what is queued, then returns because it was stopped

    assertEquals(new AppendResult(cart, 2, 1, 2), first.outcome().get());
    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> refused.outcome().get());
    WrongExpectedVersionException wrong = assertInstanceOf(WrongExpectedVersionException.class, failure.getCause());
    assertEquals(2, wrong.actual(), "checked against the batch's own earlier append");
    assertEquals(new AppendResult(other, 1, 3, 3), third.outcome().get());
    try (SqliteEventStore store = SqliteEventStore.open(file.path())) {
      assertEquals(3, store.readAll(0, 10).size());
      assertEquals(2, store.streamVersion(cart));
    }
  }

  private static NewEvent event(String data) {
    return new NewEvent(UUID.randomUUID(), "Happened", 1, data.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
