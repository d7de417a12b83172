package dev.eventsmith.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the {@code eventsmith} entry of the actuator's info says about a service: its store and its models. */
class InfoContributionTest {

  @TempDir
  Path folder;

  /** A service of the Tick model, with the info auto-configuration. */
  private static ApplicationContextRunner service() {
    return TickModel.running()
        .withConfiguration(AutoConfigurations.of(EventsmithInfoAutoConfiguration.class));
  }

  @Test
  void describesTheStoreAndEachModelsAggregatesViewsAutomationsEventsAndCommands() {
    Path file = folder.resolve("data/events.db");
    service()
        .withPropertyValues("eventsmith.sqlite.path=" + file)
        .run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(app).hasBean("eventsmithInfoContributor");
          Info.Builder builder = new Info.Builder();
          app.getBean("eventsmithInfoContributor", InfoContributor.class).contribute(builder);
          Map<String, Object> details = builder.build().getDetails();

          assertThat(details).containsOnlyKeys("eventsmith");
          @SuppressWarnings("unchecked")
          Map<String, Object> eventsmith = (Map<String, Object>) details.get("eventsmith");
          // The version comes from the jar's manifest: absent when the classes are a folder, as here.
          assertThat(eventsmith).containsKeys("store", "models");
          assertThat(eventsmith.keySet()).isSubsetOf("version", "store", "models");
          assertThat(eventsmith.get("store")).isEqualTo(Map.of("type", "sqlite", "location",
              file.toAbsolutePath().toString()));
          assertThat(eventsmith.get("models")).isEqualTo(List.of(Map.of(
              "name", "Tick",
              "aggregates", List.of(),
              "views", List.of(Map.of("name", "TickCount", "storedAs", "tick_count")),
              "automations", List.of("NoticeTicks"),
              "events", List.of("Ticked"),
              "commands", List.of())));
        });
  }

  @Test
  void anApplicationsOwnContributorWins() {
    InfoContributor own = builder -> builder.withDetail("eventsmith", "own");
    service()
        .withBean("eventsmithInfoContributor", InfoContributor.class, () -> own)
        .withPropertyValues("eventsmith.sqlite.path=" + folder.resolve("events.db"))
        .run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(app.getBean("eventsmithInfoContributor")).isSameAs(own);
        });
  }
}
