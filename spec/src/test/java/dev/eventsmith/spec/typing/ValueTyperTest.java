package dev.eventsmith.spec.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.Constraints;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecValue;
import dev.eventsmith.spec.model.TypeRef;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueTyperTest {
  private static final SourcePosition AT = new SourcePosition("t.yaml", 3, 7);
  private static final EventModel MODEL = ModelLoader.load(Path.of("src/test/resources/models/cart")).model().orElseThrow();

  private static SpecValue scalar(String text) {
    return new SpecValue.Scalar(text, AT);
  }

  private static TypeRef builtin(BuiltinType type) {
    return new TypeRef.Builtin(type);
  }

  private static TypedValue ok(SpecValue value, TypeRef type, Constraints constraints) {
    ValueTyper.Result result = ValueTyper.type(value, type, constraints, MODEL);
    assertEquals(List.of(), result.problems());
    return result.value().orElseThrow();
  }

  private static TypingProblem problem(SpecValue value, TypeRef type, Constraints constraints) {
    ValueTyper.Result result = ValueTyper.type(value, type, constraints, MODEL);
    assertTrue(result instanceof ValueTyper.Result.Failed, () -> "expected a problem, got " + result);
    TypingProblem p = result.problems().get(0);
    assertEquals(AT, p.position());
    assertEquals(TypingProblem.Kind.DOES_NOT_FIT, p.kind());
    return p;
  }

  private static Constraints min(String min) {
    return new Constraints(Optional.empty(), Optional.of(new BigDecimal(min)), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void builtins() {
    Constraints none = Constraints.none();
    assertEquals(new TypedValue.Text("ann"), ok(scalar("ann"), builtin(BuiltinType.STRING), none));
    assertEquals(new TypedValue.Int32(-7), ok(scalar("-7"), builtin(BuiltinType.INT), none));
    assertEquals(new TypedValue.Int64(9_000_000_000L), ok(scalar("9000000000"), builtin(BuiltinType.LONG), none));
    assertEquals(new TypedValue.Decimal(new BigDecimal("9.90")), ok(scalar("9.90"), builtin(BuiltinType.DECIMAL), none));
    assertEquals(new TypedValue.Bool(true), ok(scalar("true"), builtin(BuiltinType.BOOLEAN), none));
    assertEquals(new TypedValue.Uuid(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
        ok(scalar("123e4567-e89b-12d3-a456-426614174000"), builtin(BuiltinType.UUID), none));
    assertEquals(new TypedValue.InstantValue(Instant.parse("2026-01-01T10:00:00Z")),
        ok(scalar("2026-01-01T10:00:00Z"), builtin(BuiltinType.INSTANT), none));
    assertEquals(new TypedValue.DateValue(LocalDate.of(2026, 1, 1)), ok(scalar("2026-01-01"), builtin(BuiltinType.DATE), none));
  }

  @Test
  void literalsThatDoNotFit() {
    Constraints none = Constraints.none();
    assertTrue(problem(scalar("2147483648"), builtin(BuiltinType.INT), none).message().contains("out of the range of int"));
    assertTrue(problem(scalar("1.0"), builtin(BuiltinType.INT), none).message().contains("whole number"));
    assertTrue(problem(scalar("yes"), builtin(BuiltinType.BOOLEAN), none).message().contains("not a boolean"));
    assertTrue(problem(scalar("1-1-1-1-1"), builtin(BuiltinType.UUID), none).message().contains("not a uuid"));
    assertTrue(problem(scalar("2026-13-01"), builtin(BuiltinType.DATE), none).message().contains("not a date"));
    assertTrue(problem(scalar("2026-01-01"), builtin(BuiltinType.INSTANT), none).message().contains("not an instant"));
    assertTrue(problem(scalar("1e3"), builtin(BuiltinType.DECIMAL), none).message().contains("not a decimal"));
  }

  @Test
  void constraints() {
    assertTrue(problem(scalar("0"), builtin(BuiltinType.INT), min("1")).message().contains("below the minimum 1"));
    // Money: decimal, min 0, scale 2
    TypeRef money = new TypeRef.Named("Money");
    assertEquals(new TypedValue.Wrapped("Money", new TypedValue.Decimal(new BigDecimal("19.98"))),
        ok(scalar("19.98"), money, Constraints.none()));
    assertTrue(problem(scalar("1.999"), money, Constraints.none()).message().contains("more than 2 digits"));
    assertTrue(problem(scalar("-1"), money, Constraints.none()).message().contains("below the minimum 0"));
    // Sku: pattern [A-Z0-9-]{3,20}, maxLength 20
    TypeRef sku = new TypeRef.Named("Sku");
    assertTrue(problem(scalar("ab"), sku, Constraints.none()).message().contains("does not match"));
    assertTrue(problem(scalar("A".repeat(21)), sku, Constraints.none()).message().contains("longer than 20"));
    // Inline constraints add to the type's own.
    assertTrue(problem(scalar("0.5"), money, min("1")).message().contains("below the minimum 1"));
  }

  @Test
  void symbols() {
    assertEquals(new TypedValue.SymbolRef("cart", BuiltinType.UUID),
        ok(new SpecValue.Symbol("cart", AT), builtin(BuiltinType.UUID), Constraints.none()));
    assertEquals(new TypedValue.Wrapped("Sku", new TypedValue.SymbolRef("ABCD", BuiltinType.STRING)),
        ok(new SpecValue.Symbol("ABCD", AT), new TypeRef.Named("Sku"), Constraints.none()));
    // A string symbol stands for its own name, which must fit the type's constraints like a literal.
    assertTrue(problem(new SpecValue.Symbol("s", AT), new TypeRef.Named("Sku"), Constraints.none()).message()
        .contains("stands for the string 's'"));
    assertTrue(problem(new SpecValue.Symbol("p", AT), builtin(BuiltinType.DECIMAL), Constraints.none()).message()
        .contains("cannot stand for a decimal"));
    assertTrue(problem(new SpecValue.Symbol("s", AT), new TypeRef.Named("Status"), Constraints.none()).message()
        .contains("not a constant of Status"));
  }

  @Test
  void enumsListsAndOptionals() {
    assertEquals(new TypedValue.EnumConstant("Status", "OPEN"), ok(scalar("OPEN"), new TypeRef.Named("Status"), Constraints.none()));
    assertTrue(problem(scalar("OPNE"), new TypeRef.Named("Status"), Constraints.none()).message().contains("did you mean 'OPEN'?"));
    TypeRef ints = new TypeRef.ListOf(builtin(BuiltinType.INT));
    assertEquals(new TypedValue.ListOf(List.of(new TypedValue.Int32(1), new TypedValue.Int32(2))),
        ok(new SpecValue.ListValue(List.of(scalar("1"), scalar("2")), AT), ints, Constraints.none()));
    assertTrue(problem(scalar("1"), ints, Constraints.none()).message().contains("list is expected"));
    TypeRef optional = new TypeRef.OptionalOf(builtin(BuiltinType.STRING));
    assertEquals(new TypedValue.Absent(), ok(new SpecValue.Null(AT), optional, Constraints.none()));
    assertEquals(new TypedValue.Present(new TypedValue.Text("x")), ok(scalar("x"), optional, Constraints.none()));
    assertTrue(problem(new SpecValue.Null(AT), builtin(BuiltinType.STRING), Constraints.none()).message().contains("null"));
  }

  @Test
  void messagesComeBackInFieldOrderWithAbsentOptionals() {
    List<Field> fields = List.of(
        new Field("a", builtin(BuiltinType.INT), Constraints.none(), AT),
        new Field("b", new TypeRef.OptionalOf(builtin(BuiltinType.STRING)), Constraints.none(), AT),
        new Field("c", builtin(BuiltinType.BOOLEAN), Constraints.none(), AT));
    Map<String, SpecValue> values = new LinkedHashMap<>();
    values.put("c", scalar("false"));
    values.put("a", scalar("1"));
    ValueTyper.MessageResult result = ValueTyper.typeMessage(new Message("M", values, AT), fields, MODEL);
    assertEquals(List.of(new TypedValue.Int32(1), new TypedValue.Absent(), new TypedValue.Bool(false)), result.values());
    assertTrue(result.isTyped());
  }

  @Test
  void messageProblemsNameTheField() {
    List<Field> fields = List.of(
        new Field("quantity", builtin(BuiltinType.INT), Constraints.none(), AT),
        new Field("sku", builtin(BuiltinType.STRING), Constraints.none(), AT));
    Map<String, SpecValue> values = new LinkedHashMap<>();
    values.put("quantity", scalar("many"));
    values.put("skus", scalar("x"));
    ValueTyper.MessageResult result = ValueTyper.typeMessage(new Message("AddItem", values, AT), fields, MODEL);
    assertEquals(List.of(), result.values());
    List<TypingProblem.Kind> kinds = result.problems().stream().map(TypingProblem::kind).toList();
    assertEquals(List.of(TypingProblem.Kind.UNKNOWN_FIELD, TypingProblem.Kind.DOES_NOT_FIT, TypingProblem.Kind.MISSING_FIELD), kinds);
    assertTrue(result.problems().get(0).message().contains("did you mean 'sku'?"));
    assertTrue(result.problems().get(1).message().startsWith("field 'quantity' of 'AddItem': "));
  }
}
