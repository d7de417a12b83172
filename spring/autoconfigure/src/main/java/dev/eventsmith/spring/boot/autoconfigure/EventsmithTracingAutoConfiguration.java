package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.opentelemetry.TracingObserver;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * OpenTelemetry spans of commands, decisions, appends and projection pages ({@link TracingObserver})
 * when eventsmith-opentelemetry is on the class path and the application has an
 * {@link OpenTelemetry} bean (Spring Boot's spring-boot-starter-opentelemetry makes one).
 */
@AutoConfiguration(afterName = "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
@ConditionalOnClass({OpenTelemetry.class, TracingObserver.class})
@ConditionalOnBean(OpenTelemetry.class)
public class EventsmithTracingAutoConfiguration {

  /** Outermost: the command's span is current while the other observers and the handler run. */
  @Bean
  @Order(0)
  @ConditionalOnMissingBean
  TracingObserver eventsmithTracing(OpenTelemetry openTelemetry) {
    return new TracingObserver(openTelemetry);
  }
}
