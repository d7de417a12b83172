package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.micrometer.MicrometerObserver;
import dev.eventsmith.spring.boot.Projections;
import dev.eventsmith.spring.boot.RunningView;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Micrometer metrics of commands, appends and projections ({@link MicrometerObserver}) when
 * eventsmith-micrometer is on the class path and the application has a {@link MeterRegistry}
 * (Spring Boot's actuator makes one).
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, MicrometerObserver.class})
@ConditionalOnBean(MeterRegistry.class)
public class EventsmithMetricsAutoConfiguration {

  /** Inside the tracing observer, so a command's span covers the recording of its metrics. */
  @Bean
  @Order(100)
  @ConditionalOnMissingBean
  MicrometerObserver eventsmithMetrics(MeterRegistry registry) {
    return new MicrometerObserver(registry);
  }

  /** The gauges of each view's projection: lag, checkpoint, retries, running. */
  @Bean
  SmartInitializingSingleton eventsmithProjectionMeters(MicrometerObserver metrics,
      ObjectProvider<Projections> projections) {
    return () -> projections.ifAvailable(running -> {
      for (RunningView<?, ?> view : running.all()) {
        metrics.watchProjection(view.name(), () -> lagOrNull(view), view::checkpoint, view::retries, view::isRunning);
      }
    });
  }

  /** No value rather than a failed scrape when the store cannot be read: the gauge shows NaN. */
  private static Duration lagOrNull(RunningView<?, ?> view) {
    try {
      return view.lag();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
