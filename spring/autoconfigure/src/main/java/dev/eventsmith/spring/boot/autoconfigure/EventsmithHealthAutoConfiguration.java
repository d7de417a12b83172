package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.spring.boot.Automations;
import dev.eventsmith.spring.boot.Projections;
import dev.eventsmith.spring.boot.RunningAutomation;
import dev.eventsmith.spring.boot.RunningView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Health of a service's store (it can write), views and automations (they follow the log, how far
 * behind), as the actuator's {@code eventsmithStore}, {@code eventsmithProjections} and
 * {@code eventsmithAutomations}.
 */
@AutoConfiguration(after = EventsmithAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Projections.class)
public class EventsmithHealthAutoConfiguration {

  /** Down when a test write does not commit (SQLite, PostgreSQL); says where the store is. */
  @Bean
  @ConditionalOnMissingBean(name = "eventsmithStoreHealthIndicator")
  HealthIndicator eventsmithStoreHealthIndicator(StoreDescription store) {
    return () -> {
      Health.Builder health = Health.up();
      try {
        store.checkWritable().run();
      } catch (RuntimeException e) {
        health = Health.down(e);
      }
      health.withDetail("type", store.type());
      if (!store.location().isEmpty()) {
        health.withDetail("location", store.location());
      }
      return health.build();
    };
  }

  /** One component per view: down once its projection stopped on a fault, or lags past eventsmith.health.max-projection-lag. */
  @Bean
  @ConditionalOnMissingBean(name = "eventsmithProjectionsHealthContributor")
  CompositeHealthContributor eventsmithProjectionsHealthContributor(Projections projections,
      EventsmithProperties properties) {
    Duration maxLag = properties.getHealth().getMaxProjectionLag();
    Map<String, HealthIndicator> views = new LinkedHashMap<>();
    for (RunningView<?, ?> view : projections.all()) {
      views.put(view.name(), () -> health(view, maxLag));
    }
    return CompositeHealthContributor.fromMap(views);
  }

  private static Health health(RunningView<?, ?> view, Duration maxLag) {
    if (view.failure().isPresent()) {
      return Health.down().withDetail("stopped", String.valueOf(view.failure().get().getMessage()))
          .withDetail("checkpoint", view.checkpoint()).build();
    }
    Health.Builder health = view.isRunning() ? Health.up() : Health.unknown().withDetail("running", false);
    health.withDetail("checkpoint", view.checkpoint()).withDetail("retries", view.retries());
    view.lastRetry().ifPresent(retry -> health.withDetail("lastRetry", String.valueOf(retry.getMessage())));
    try {
      Duration lag = view.lag();
      health.withDetail("lag", lag.toString());
      if (maxLag != null && lag.compareTo(maxLag) > 0) {
        health.down().withDetail("maxLag", maxLag.toString());
      }
    } catch (RuntimeException e) {
      health.down(e);
    }
    return health.build();
  }

  /** One component per automation: down once it stopped on a fault. */
  @Bean
  @ConditionalOnMissingBean(name = "eventsmithAutomationsHealthContributor")
  @ConditionalOnBean(Automations.class)
  CompositeHealthContributor eventsmithAutomationsHealthContributor(Automations automations) {
    Map<String, HealthIndicator> runners = new LinkedHashMap<>();
    for (RunningAutomation automation : automations.all()) {
      runners.put(automation.name(), () -> health(automation));
    }
    return CompositeHealthContributor.fromMap(runners);
  }

  private static Health health(RunningAutomation automation) {
    if (automation.failure().isPresent()) {
      return Health.down().withDetail("stopped", String.valueOf(automation.failure().get().getMessage()))
          .withDetail("checkpoint", automation.checkpoint()).build();
    }
    Health.Builder health = automation.isRunning() ? Health.up() : Health.unknown().withDetail("running", false);
    health.withDetail("retries", automation.retries()).withDetail("issued", automation.issued());
    try {
      health.withDetail("checkpoint", automation.checkpoint()).withDetail("lag", automation.lag().toString());
    } catch (RuntimeException e) {
      health.down(e);
    }
    return health.build();
  }
}
