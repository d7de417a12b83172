package dev.eventsmith.generator.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.eventsmith.runtime.projection.Lookup;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowCodecEmitterTest {

  @Test
  void a_lookups_version_changes_with_its_fields_type_or_values_code_and_is_a_valid_version() {
    String scalar = RowCodecEmitter.fingerprint("string row -> List.of(row.holder())");
    assertEquals(scalar, RowCodecEmitter.fingerprint("string row -> List.of(row.holder())"), "the same model, the same version");
    assertNotEquals(scalar, RowCodecEmitter.fingerprint("list<string> row -> List.of(row.holder())"));
    assertNotEquals(scalar, RowCodecEmitter.fingerprint("string row -> List.of(row.holder().strip())"));
    assertEquals(12, scalar.length());
    assertEquals(scalar, new Lookup<String>("holder", row -> List.of(row), scalar).version());
  }
}
