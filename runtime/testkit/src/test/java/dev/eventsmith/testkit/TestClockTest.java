package dev.eventsmith.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestClockTest {

  @Test
  void stands_still_until_advanced() {
    TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    assertEquals(Instant.parse("2026-03-02T09:00:00Z"), clock.instant());
    assertEquals(clock.instant(), clock.instant());

    assertEquals(Instant.parse("2026-03-02T10:00:01Z"), clock.advance(Duration.ofHours(1).plusSeconds(1)));
    assertEquals(Instant.parse("2026-03-02T10:00:01Z"), clock.instant());
    assertEquals(clock.instant().toEpochMilli(), clock.millis());
  }

  @Test
  void never_goes_back_and_stays_in_utc() {
    TestClock clock = TestClock.at(Instant.EPOCH);
    IllegalArgumentException back = assertThrows(IllegalArgumentException.class,
        () -> clock.advance(Duration.ofSeconds(-1)));
    assertEquals("a test clock only moves forward, not by PT-1S", back.getMessage());
    assertEquals(Instant.EPOCH, clock.instant());
    assertEquals(ZoneOffset.UTC, clock.getZone());
    assertSame(clock, clock.withZone(ZoneOffset.UTC));
    assertThrows(UnsupportedOperationException.class, () -> clock.withZone(ZoneId.of("Europe/Paris")));
  }
}
