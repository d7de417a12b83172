package dev.eventsmith.store.contract;

import static dev.eventsmith.store.contract.Events.event;
import static dev.eventsmith.store.contract.Events.events;
import static dev.eventsmith.store.contract.Events.readWholeLog;
import static dev.eventsmith.store.contract.Events.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StoredText;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventStore} must have. Subclass it, implement {@link #newStore()}, and
 * JUnit runs the whole contract against your store, concurrency cases included.
 */
public abstract class EventStoreContract {

  /** A fresh, empty store; the contract closes it after each test. */
  protected abstract EventStore newStore();

  protected EventStore store;

  private final StreamId cart = StreamId.of("Cart", UUID.randomUUID());
  private final StreamId other = StreamId.of("Cart", UUID.randomUUID());

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aNewStreamCanBeAppendedToWhenNoStreamIsExpected() {
    AppendResult result = store.append(cart, ExpectedVersion.noStream(), events("a", 3));

    assertEquals(cart, result.stream());
    assertEquals(3, result.nextExpectedVersion());
    assertTrue(result.firstPosition() >= 1, "positions start at 1");
    assertTrue(result.lastPosition() > result.firstPosition());
    List<RecordedEvent> read = store.readStream(cart, 1, 10);
    assertEquals(List.of(1L, 2L, 3L), read.stream().map(RecordedEvent::streamVersion).collect(Collectors.toList()));
    assertEquals(List.of("a1", "a2", "a3"), read.stream().map(Events::text).collect(Collectors.toList()));
    assertEquals(result.firstPosition(), read.get(0).globalPosition());
    assertEquals(result.lastPosition(), read.get(2).globalPosition());
  }

  @Test
  void anyVersionAppendsToMissingAndExistingStreams() {
    assertEquals(1, store.append(cart, ExpectedVersion.any(), events("a", 1)).nextExpectedVersion());
    assertEquals(3, store.append(cart, ExpectedVersion.any(), events("b", 2)).nextExpectedVersion());

    assertEquals(List.of("a1", "b1", "b2"), texts(store.readStream(cart, 1, 10)));
  }

  @Test
  void exactVersionAppendsAfterThatVersion() {
    store.append(cart, ExpectedVersion.noStream(), events("a", 2));

    AppendResult result = store.append(cart, ExpectedVersion.exactly(2), events("b", 1));

    assertEquals(3, result.nextExpectedVersion());
    assertEquals(3, store.streamVersion(cart));
    assertEquals("b1", text(store.readStream(cart, 3, 1).get(0)));
  }

  @Test
  void exactlyZeroMeansTheStreamMustNotExist() {
    store.append(cart, new ExpectedVersion.Exactly(0), events("a", 1));

    assertThrows(WrongExpectedVersionException.class,
        () -> store.append(cart, new ExpectedVersion.Exactly(0), events("b", 1)));
  }

  @Test
  void noStreamIsRefusedForAnExistingStreamAndNothingIsWritten() {
    store.append(cart, ExpectedVersion.noStream(), events("a", 2));
    List<RecordedEvent> logBefore = readWholeLog(store);

    WrongExpectedVersionException refused = assertThrows(WrongExpectedVersionException.class,
        () -> store.append(cart, ExpectedVersion.noStream(), events("b", 3)));

    assertEquals(2, refused.actual());
    assertEquals(cart, refused.stream());
    assertNothingChanged(logBefore, 2);
  }

  @Test
  void aWrongExactVersionIsRefusedAndNothingIsWritten() {
    store.append(cart, ExpectedVersion.noStream(), events("a", 2));
    List<RecordedEvent> logBefore = readWholeLog(store);

    WrongExpectedVersionException tooLow = assertThrows(WrongExpectedVersionException.class,
        () -> store.append(cart, ExpectedVersion.exactly(1), events("b", 1)));
    WrongExpectedVersionException tooHigh = assertThrows(WrongExpectedVersionException.class,
        () -> store.append(cart, ExpectedVersion.exactly(3), events("c", 1)));

    assertEquals(2, tooLow.actual());
    assertEquals(2, tooHigh.actual());
    assertNothingChanged(logBefore, 2);
  }

  @Test
  void anExactVersionOnAMissingStreamIsRefused() {
    WrongExpectedVersionException refused = assertThrows(WrongExpectedVersionException.class,
        () -> store.append(cart, ExpectedVersion.exactly(4), events("a", 1)));

    assertEquals(0, refused.actual());
    assertEquals(0, store.streamVersion(cart));
    assertEquals(List.of(), readWholeLog(store));
  }

  @Test
  void anEmptyAppendIsRejectedAndWritesNothing() {
    assertThrows(IllegalArgumentException.class, () -> store.append(cart, ExpectedVersion.any(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> store.append(cart, ExpectedVersion.noStream(), List.of()));

    assertEquals(0, store.streamVersion(cart));
    assertEquals(List.of(), readWholeLog(store));
  }

  @Test
  void aStreamIsReadForwardsFromAVersionUpToMaxCount() {
    store.append(cart, ExpectedVersion.noStream(), events("a", 10));

    assertEquals(List.of("a4", "a5", "a6"), texts(store.readStream(cart, 4, 3)));
    assertEquals(List.of("a9", "a10"), texts(store.readStream(cart, 9, 100)));
    assertEquals(List.of(), store.readStream(cart, 11, 5));
    assertEquals(List.of("a1"), texts(store.readStream(cart, 1, 1)));
  }

  @Test
  void aMissingStreamReadsAsEmptyAtVersionZero() {
    store.append(other, ExpectedVersion.noStream(), events("x", 1));

    assertEquals(List.of(), store.readStream(cart, 1, 10));
    assertEquals(0, store.streamVersion(cart));
    assertEquals(1, store.streamVersion(other));
  }

  @Test
  void streamsDoNotSeeEachOthersEvents() {
    store.append(cart, ExpectedVersion.noStream(), events("c", 2));
    store.append(other, ExpectedVersion.noStream(), events("o", 3));
    store.append(cart, ExpectedVersion.exactly(2), events("d", 1));

    assertEquals(List.of("c1", "c2", "d1"), texts(store.readStream(cart, 1, 10)));
    assertEquals(List.of("o1", "o2", "o3"), texts(store.readStream(other, 1, 10)));
    assertEquals(3, store.streamVersion(cart));
    assertEquals(3, store.streamVersion(other));
  }

  @Test
  void theGlobalLogIsReadInAppendOrderAfterAPosition() {
    AppendResult first = store.append(cart, ExpectedVersion.noStream(), events("c", 2));
    AppendResult second = store.append(other, ExpectedVersion.noStream(), events("o", 2));
    AppendResult third = store.append(cart, ExpectedVersion.exactly(2), events("d", 1));

    List<RecordedEvent> all = store.readAll(0, 100);
    assertEquals(List.of("c1", "c2", "o1", "o2", "d1"), texts(all));
    assertStrictlyIncreasing(all);
    assertEquals(List.of(cart, cart, other, other, cart),
        all.stream().map(RecordedEvent::stream).collect(Collectors.toList()));
    assertEquals(first.lastPosition(), all.get(1).globalPosition());
    assertEquals(second.firstPosition(), all.get(2).globalPosition());
    assertEquals(third.firstPosition(), all.get(4).globalPosition());

    assertEquals(List.of("o1", "o2", "d1"), texts(store.readAll(first.lastPosition(), 100)));
    assertEquals(List.of("o2"), texts(store.readAll(second.firstPosition(), 1)));
    assertEquals(List.of(), store.readAll(third.lastPosition(), 100));
  }

  @Test
  void everyStoredFieldRoundTrips() {
    UUID id = UUID.randomUUID();
    byte[] data = {0, 1, 2, (byte) 0xff, '{', '}'};
    NewEvent sent = new NewEvent(id, "ItemAdded", 7, data, Map.of("correlationId", "c-1", "user", "ann"));

    store.append(cart, ExpectedVersion.noStream(), List.of(sent));

    RecordedEvent read = store.readStream(cart, 1, 1).get(0);
    assertEquals(cart, read.stream());
    assertEquals(1, read.streamVersion());
    assertEquals(id, read.eventId());
    assertEquals("ItemAdded", read.type());
    assertEquals(7, read.schemaVersion());
    assertArrayEquals(data, read.data());
    assertEquals(Map.of("correlationId", "c-1", "user", "ann"), read.metadata());
    assertNotNull(read.recordedAt());
    assertEquals(read, store.readAll(0, 1).get(0), "a stream read and a log read give the same event");
  }

  @Test
  void emptyMetadataAndEmptyDataRoundTrip() {
    store.append(cart, ExpectedVersion.noStream(), List.of(event("Nothing", "")));

    RecordedEvent read = store.readStream(cart, 1, 1).get(0);
    assertEquals(Map.of(), read.metadata());
    assertEquals(0, read.data().length);
  }

  @Test
  void unicodeSurvivesInStreamIdsTypesDataAndMetadata() {
    StreamId stream = StreamId.of("Korb", "été-日本-😀");
    Map<String, String> metadata = new HashMap<>();
    metadata.put("naïve-key-ключ", "值 \"quoted\" \\ back\nslash 😀");
    metadata.put("rtl", "שָׁלוֹם");
    String data = "{\"name\":\"Zoë 🍕 𝄞 ﷽ e\u0301\"}";

    store.append(stream, ExpectedVersion.noStream(), List.of(event("Artikel\u00A0hinzugefügt✓", data, metadata)));

    RecordedEvent read = store.readStream(stream, 1, 1).get(0);
    assertEquals(stream, read.stream());
    assertEquals("Artikel\u00A0hinzugefügt✓", read.type());
    assertEquals(data, text(read));
    assertEquals(metadata, read.metadata());
    assertEquals(1, store.streamVersion(stream));
    assertEquals(0, store.streamVersion(StreamId.of("Korb", "ete-日本-😀")), "ids compare exactly, not folded");
  }

  @Test
  @Tag("reliability")
  void idsAStoreWouldMangleAreRefusedBeforeAnyStoreSeesThemAndNearAlikeIdsStayApart() {
    for (String bad : List.of("\uD800", "\uDFFF", "a\uD800b", "\uDC00\uD800", "nul\u0000")) {
      assertThrows(IllegalArgumentException.class, () -> StreamId.of("Cart", bad), bad);
      assertThrows(IllegalArgumentException.class, () -> StreamId.of("Ca" + bad, "1"), bad);
    }
    String longestId = "x".repeat(StoredText.MAX_LENGTH - "Cart-".length());
    assertThrows(IllegalArgumentException.class, () -> StreamId.of("Cart", longestId + "x"));
    assertThrows(IllegalArgumentException.class, () -> event("Nul\u0000Type", "{}"));
    assertThrows(IllegalArgumentException.class, () -> event("Happened", "{}", Map.of("user", "\uD800")));

    List<StreamId> nearAlike = List.of(StreamId.of("Cart", "\uD83D\uDE00"), StreamId.of("Cart", "?"),
        StreamId.of("Cart", "\uFFFD"), StreamId.of("Cart", "\uD83D\uDE01"), StreamId.of("Cart", longestId));
    for (StreamId stream : nearAlike) {
      store.append(stream, ExpectedVersion.noStream(), List.of(event("Happened", stream.id())));
    }
    for (StreamId stream : nearAlike) {
      List<RecordedEvent> read = store.readStream(stream, 1, 10);
      assertEquals(List.of(stream.id()), texts(read), "each stream reads only its own event");
      assertEquals(stream, read.get(0).stream());
      assertEquals(1, store.streamVersion(stream));
    }
  }

  @Test
  @Tag("reliability")
  void anEventIdAlreadyStoredInAnotherStreamIsRefusedWithWhereItIsAndNothingIsWritten() {
    NewEvent first = event("Happened", "first");
    AppendResult stored = store.append(cart, ExpectedVersion.noStream(), List.of(first));
    List<RecordedEvent> logBefore = readWholeLog(store);
    NewEvent again = new NewEvent(first.eventId(), "Happened", 1, new byte[0], Map.of());

    DuplicateEventIdException refused = assertThrows(DuplicateEventIdException.class,
        () -> store.append(other, ExpectedVersion.noStream(), List.of(event("Happened", "fresh"), again)));

    assertEquals(first.eventId(), refused.eventId());
    assertEquals("the append to " + other + " was refused: its event id " + first.eventId() + " is already the id of "
        + "the Happened event at " + cart + "@1 (global position " + stored.firstPosition() + "); event ids are unique "
        + "in a store: give each new event a new id, or, to repeat a command safely, send it with the same command id",
        refused.getMessage());
    assertEquals(logBefore, readWholeLog(store));
    assertEquals(0, store.streamVersion(other));
  }

  @Test
  @Tag("reliability")
  void anAppendThatHoldsOneEventIdTwiceIsRefusedAndWritesNothing() {
    NewEvent one = event("Happened", "one");

    DuplicateEventIdException refused = assertThrows(DuplicateEventIdException.class,
        () -> store.append(cart, ExpectedVersion.any(), List.of(one, event("Happened", "two"), one)));

    assertEquals(one.eventId(), refused.eventId());
    assertTrue(refused.getMessage().contains("holds two events with the id " + one.eventId()), refused.getMessage());
    assertEquals(List.of(), readWholeLog(store));
  }

  @Test
  void anEventIsFoundByItsId() {
    store.append(other, ExpectedVersion.noStream(), events("o", 2));
    NewEvent wanted = event("Wanted", "w");
    store.append(cart, ExpectedVersion.noStream(), List.of(event("Happened", "before"), wanted));

    RecordedEvent found = store.readEvent(wanted.eventId()).orElseThrow();

    assertEquals(cart, found.stream());
    assertEquals(2, found.streamVersion());
    assertEquals("w", text(found));
    assertEquals(found, store.readStream(cart, 2, 1).get(0));
    assertEquals(Optional.empty(), store.readEvent(UUID.randomUUID()));
  }

  @Test
  void aOneMebibyteEventRoundTrips() {
    byte[] data = new byte[1024 * 1024];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + (i >>> 8));
    }
    NewEvent big = new NewEvent(UUID.randomUUID(), "Big", 1, data, Map.of("size", "1MiB"));

    store.append(cart, ExpectedVersion.noStream(), List.of(big, event("Small", "after")));

    List<RecordedEvent> read = store.readStream(cart, 1, 2);
    assertArrayEquals(data, read.get(0).data());
    assertEquals("after", text(read.get(1)));
  }

  @Test
  void streamVersionFollowsAppends() {
    assertEquals(0, store.streamVersion(cart));
    store.append(cart, ExpectedVersion.any(), events("a", 4));
    assertEquals(4, store.streamVersion(cart));
    store.append(cart, ExpectedVersion.exactly(4), events("b", 1));
    assertEquals(5, store.streamVersion(cart));
  }

  @Test
  void racingWritersOnOneStreamGetExactlyOneWinnerPerVersion() throws Exception {
    Race race = new Race(store, cart, 16, 60);
    List<RaceWin> wins = race.run();

    List<RecordedEvent> stream = store.readStream(cart, 1, Integer.MAX_VALUE);
    assertEquals(120, stream.size(), "every won append wrote its 2 events");
    assertEquals(60, wins.size(), "one winner per expected version");
    assertEquals(60, wins.stream().map(RaceWin::expected).distinct().count(), "no version won twice");
    assertEquals(60 * 15, race.refused(), "every loser of a round was refused");
    for (int i = 0; i < stream.size(); i++) {
      assertEquals(i + 1, stream.get(i).streamVersion(), "no duplicate or missing versions");
    }
    for (RaceWin win : wins) {
      RecordedEvent first = stream.get((int) win.expected());
      RecordedEvent second = stream.get((int) win.expected() + 1);
      assertEquals(win.tag() + "/1", text(first), "the event at a version is the winner's");
      assertEquals(win.tag() + "/2", text(second), "a won append is written whole");
      assertEquals(win.result().firstPosition(), first.globalPosition());
      assertEquals(win.result().lastPosition(), second.globalPosition());
    }
    List<RecordedEvent> log = readWholeLog(store);
    assertEquals(texts(stream), texts(log), "global order is stream order");
    assertStrictlyIncreasing(log);
  }

  @Test
  void concurrentWritersOnManyStreamsGetDistinctIncreasingPositions() throws Exception {
    Map<StreamId, List<AppendResult>> results = new ParallelWriters(store, 8, 40).run();

    List<RecordedEvent> log = readWholeLog(store);
    assertEquals(8 * 40 * 2, log.size());
    assertStrictlyIncreasing(log);
    List<Long> acknowledged = new ArrayList<>();
    for (Map.Entry<StreamId, List<AppendResult>> entry : results.entrySet()) {
      List<RecordedEvent> stream = store.readStream(entry.getKey(), 1, Integer.MAX_VALUE);
      assertEquals(80, stream.size());
      for (int i = 0; i < stream.size(); i++) {
        assertEquals(i + 1, stream.get(i).streamVersion());
      }
      assertStrictlyIncreasing(stream);
      for (AppendResult result : entry.getValue()) {
        acknowledged.add(result.firstPosition());
        acknowledged.add(result.lastPosition());
      }
    }
    List<Long> logged = log.stream().map(RecordedEvent::globalPosition).collect(Collectors.toList());
    assertEquals(logged, acknowledged.stream().sorted().collect(Collectors.toList()),
        "each acknowledged position is in the log once, and the log holds nothing else");
  }

  private void assertNothingChanged(List<RecordedEvent> logBefore, long version) {
    assertEquals(version, store.streamVersion(cart));
    assertEquals(logBefore, readWholeLog(store));
    assertEquals(version, store.readStream(cart, 1, 100).size());
  }

  static List<String> texts(List<RecordedEvent> events) {
    List<String> texts = new ArrayList<>();
    for (RecordedEvent event : events) {
      texts.add(text(event));
    }
    return texts;
  }

  static void assertStrictlyIncreasing(List<RecordedEvent> log) {
    for (int i = 1; i < log.size(); i++) {
      assertTrue(log.get(i - 1).globalPosition() < log.get(i).globalPosition(),
          "global positions must strictly increase: " + log.get(i - 1) + " then " + log.get(i));
    }
  }
}
