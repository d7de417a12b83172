package dev.eventsmith.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsmith.runtime.codec.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IDEs complete eventsmith.* from the metadata the configuration processor writes, with each setting's description. */
class ConfigurationMetadataTest {

  @Test
  void everySettingIsDescribed() throws Exception {
    JsonValue metadata;
    try (InputStream in = EventsmithProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the configuration processor's output").isNotNull();
      metadata = JsonValue.parse(in.readAllBytes());
    }
    List<String> names = new ArrayList<>();
    for (JsonValue property : metadata.get("properties").elements()) {
      String name = property.get("name").string();
      names.add(name);
      assertThat(property.find("description").map(JsonValue::string).orElse("")).as(name + " has a description")
          .isNotBlank();
    }
    assertThat(names).contains("eventsmith.store.type", "eventsmith.sqlite.path", "eventsmith.commands.max-attempts", "eventsmith.commands.decision-max-attempts",
        "eventsmith.projections.page-size", "eventsmith.automations.poll-interval",
        "eventsmith.health.max-projection-lag");
  }
}
