package dev.eventsmith.bench.cart;

import com.example.cart.Cart;
import com.example.cart.Money;
import com.example.cart.Sku;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.eventsmith.runtime.snapshot.StateCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shopping cart's state as snapshot bytes, written by hand as a user of {@code withSnapshots}
 * would (the example has no snapshots): {@code {"flags":[created,submitted,abandoned],"lines":[[sku,price,quantity],...]}}.
 */
public final class CartStateCodec implements StateCodec<Cart.State> {

  /** The state's schema version, as {@code withSnapshots} wants it. */
  public static final int VERSION = 1;

  public static final CartStateCodec INSTANCE = new CartStateCodec();

  private static final JsonFactory JSON = new JsonFactory();

  private CartStateCodec() {}

  @Override
  public byte[] encode(Cart.State state) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 32 * state.lines().size());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("flags");
      json.writeBoolean(state.created());
      json.writeBoolean(state.submitted());
      json.writeBoolean(state.abandoned());
      json.writeEndArray();
      json.writeArrayFieldStart("lines");
      for (Map.Entry<Sku, Cart.Line> line : state.lines().entrySet()) {
        json.writeStartArray();
        json.writeString(line.getKey().value());
        json.writeString(line.getValue().price().value().toPlainString());
        json.writeNumber(line.getValue().quantity());
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public Cart.State decode(byte[] data) {
    try (JsonParser json = JSON.createParser(data)) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      expectField(json, "flags");
      expect(json.nextToken(), JsonToken.START_ARRAY);
      boolean created = json.nextBooleanValue();
      boolean submitted = json.nextBooleanValue();
      boolean abandoned = json.nextBooleanValue();
      expect(json.nextToken(), JsonToken.END_ARRAY);
      expectField(json, "lines");
      expect(json.nextToken(), JsonToken.START_ARRAY);
      Map<Sku, Cart.Line> lines = new LinkedHashMap<>();
      while (json.nextToken() == JsonToken.START_ARRAY) {
        Sku sku = new Sku(json.nextTextValue());
        Money price = new Money(new BigDecimal(json.nextTextValue()));
        int quantity = json.nextIntValue(0);
        expect(json.nextToken(), JsonToken.END_ARRAY);
        lines.put(sku, new Cart.Line(price, quantity));
      }
      return new Cart.State(created, submitted, abandoned, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void expectField(JsonParser json, String name) throws IOException {
    expect(json.nextToken(), JsonToken.FIELD_NAME);
    if (!name.equals(json.currentName())) {
      throw new IllegalArgumentException("expected field " + name + ", found " + json.currentName());
    }
  }

  private static void expect(JsonToken found, JsonToken expected) {
    if (found != expected) {
      throw new IllegalArgumentException("expected " + expected + ", found " + found);
    }
  }
}
