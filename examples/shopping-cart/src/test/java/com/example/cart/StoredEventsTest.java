package com.example.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.JsonValue;
import dev.eventsmith.runtime.codec.Upcaster;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
}
