package com.example.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.InvalidCommandException;
import dev.eventsmith.runtime.codec.JsonValue;
import dev.eventsmith.runtime.codec.Upcaster;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the generated codec does with stored events of this model, old and new. */
class StoredEventsTest {

  private static final UUID CART = UUID.fromString("00000000-0000-4000-8000-00000000a001");

  @Test
  void anItemAddedStoredAtVersionOneIsReadWithQuantityOne() {
    byte[] v1 = ("{\"cartId\":\"" + CART + "\",\"sku\":\"BOOK-42\",\"price\":12.5}").getBytes(StandardCharsets.UTF_8);
    assertEquals(new ItemAdded(CART, new Sku("BOOK-42"), new Money(new BigDecimal("12.50")), 1),
        ShoppingCartCodec.INSTANCE.decode("ItemAdded", 1, v1));
  }

  @Test
  void anUpcasterWrittenInJavaReplacesTheDeclaredStep() {
    // A v1 line that was bought by the dozen, known from its SKU: more than a default can say.
    ShoppingCartCodec codec = ShoppingCartCodec.INSTANCE.withUpcasters(Upcaster.of("ItemAdded", 1,
        json -> json.with("quantity", JsonValue.ofNumber(json.get("sku").string().startsWith("DOZEN-") ? 12 : 1))));
    byte[] v1 = ("{\"cartId\":\"" + CART + "\",\"sku\":\"DOZEN-EGGS\",\"price\":3}").getBytes(StandardCharsets.UTF_8);
    assertEquals(12, ((ItemAdded) codec.decode("ItemAdded", 1, v1)).quantity());
  }

  @Test
  void anUpcasterForAStepTheModelDoesNotHaveIsRefused() {
    IllegalArgumentException unknownType = assertThrows(IllegalArgumentException.class,
        () -> ShoppingCartCodec.INSTANCE.withUpcasters(Upcaster.of("ItemAddd", 1, json -> json)));
    assertTrue(unknownType.getMessage().contains("known types"), unknownType.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ShoppingCartCodec.INSTANCE.withUpcasters(Upcaster.of("ItemAdded", 2, json -> json)));
  }

  @Test
  void eventsAreWrittenAtTheCurrentVersionAndReadBack() {
    ItemAdded added = new ItemAdded(CART, new Sku("BOOK-42"), new Money(new BigDecimal("12.50")), 3);
    EncodedEvent encoded = ShoppingCartCodec.INSTANCE.encode(added);
    assertEquals("ItemAdded", encoded.type());
    assertEquals(2, encoded.schemaVersion());
    assertEquals(added, ShoppingCartCodec.INSTANCE.decode(encoded.type(), encoded.schemaVersion(), encoded.data()));
  }

  @Test
  void aVersionNewerThanTheCodeIsRefusedWithAReason() {
    CodecException thrown = assertThrows(CodecException.class,
        () -> ShoppingCartCodec.INSTANCE.decode("ItemAdded", 3, "{}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(thrown.getMessage().contains("schema version 3"), thrown.getMessage());
  }

  @Test
  void aStoredValueThatBreaksAConstraintIsRefused() {
    byte[] negative = ("{\"cartId\":\"" + CART + "\",\"sku\":\"BOOK-42\",\"price\":-1,\"quantity\":1}")
        .getBytes(StandardCharsets.UTF_8);
    CodecException thrown =
        assertThrows(CodecException.class, () -> ShoppingCartCodec.INSTANCE.decode("ItemAdded", 2, negative));
    assertTrue(thrown.getMessage().contains("Money.value must be at least 0"), thrown.getMessage());
  }

  private static byte[] itemAdded(String fields) {
    return ("{\"cartId\":\"" + CART + "\"," + fields + "}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCorruptStoredEventIsRefusedHoweverOftenItsNeighboursWereRead() {
    // Decoding stored events skips what costs and proves nothing (Jackson's per-object name sets, the
    // source in error locations, matching a pattern again for a value it already matched), not a check.
    byte[] valid = itemAdded("\"sku\":\"BOOK-42\",\"price\":12.50,\"quantity\":1");
    for (int i = 0; i < 3; i++) {
      ShoppingCartCodec.INSTANCE.decode("ItemAdded", 2, valid);
    }
    String[][] corrupt = {
        {"\"sku\":\"book-42\",\"price\":12.50,\"quantity\":1", "Sku.value must match [A-Z0-9-]{3,20}, was 'book-42'"},
        {"\"sku\":\"BOOK-42\",\"sku\":\"BOOK-43\",\"price\":12.50,\"quantity\":1", "Duplicate field 'sku'"},
        {"\"sku\":\"BOOK-42\",\"price\":\"12.50\",\"quantity\":1", "$.price: expected a number"},
        {"\"sku\":\"BOOK-42\",\"price\":12.501,\"quantity\":1", "at most 2 decimal places"},
        {"\"sku\":\"BOOK-42\",\"price\":12.50,\"quantity\":1.5", "$.quantity: expected an int, but found the fraction 1.5"},
        {"\"sku\":\"BOOK-42\",\"price\":12.50", "$.quantity: missing"},
        {"\"sku\":\"BOOK-42\",\"price\":12.50,\"quantity\":0", "ItemAdded.quantity must be at least 1"},
    };
    for (String[] stored : corrupt) {
      CodecException thrown = assertThrows(CodecException.class,
          () -> ShoppingCartCodec.INSTANCE.decode("ItemAdded", 2, itemAdded(stored[0])), stored[0]);
      assertTrue(thrown.getMessage().contains(stored[1]), thrown.getMessage());
    }
  }

  @Test
  void aCorruptStoredEventIsRefusedWithWhereItIsStored() {
    byte[] wrongType = itemAdded("\"sku\":42,\"price\":12.50,\"quantity\":1");
    RecordedEvent recorded = new RecordedEvent(StreamId.of("Cart", CART), 7, 1234, UUID.randomUUID(), "ItemAdded", 2,
        wrongType, Map.of(), Instant.parse("2026-01-31T12:00:00Z"));
    EventStoreException thrown = assertThrows(EventStoreException.class, () -> ShoppingCartCodec.INSTANCE.decode(recorded));
    assertTrue(thrown.getMessage().startsWith("cannot decode the ItemAdded v2 event at Cart-" + CART
        + "@7 (global position 1234): "), thrown.getMessage());
    assertTrue(thrown.getMessage().endsWith("$.sku: expected a string, but found the number 42"), thrown.getMessage());
  }

  @Test
  void aCommandFromAUserIsStillReadStrictly() {
    byte[] twice = ("{\"cartId\":\"" + CART + "\",\"sku\":\"BOOK-42\",\"sku\":\"BOOK-43\",\"price\":1,\"quantity\":1}")
        .getBytes(StandardCharsets.UTF_8);
    InvalidCommandException thrown =
        assertThrows(InvalidCommandException.class, () -> ShoppingCartCommandCodec.INSTANCE.decode("AddItem", twice));
    assertTrue(thrown.getMessage().contains("Duplicate field 'sku'"), thrown.getMessage());
    byte[] lower = ("{\"cartId\":\"" + CART + "\",\"sku\":\"book-42\",\"price\":1,\"quantity\":1}")
        .getBytes(StandardCharsets.UTF_8);
    ShoppingCartCommandCodec.INSTANCE.decode("AddItem", ("{\"cartId\":\"" + CART
        + "\",\"sku\":\"BOOK-42\",\"price\":1,\"quantity\":1}").getBytes(StandardCharsets.UTF_8));
    InvalidCommandException pattern =
        assertThrows(InvalidCommandException.class, () -> ShoppingCartCommandCodec.INSTANCE.decode("AddItem", lower));
    assertTrue(pattern.getMessage().contains("must match"), pattern.getMessage());
  }
}
