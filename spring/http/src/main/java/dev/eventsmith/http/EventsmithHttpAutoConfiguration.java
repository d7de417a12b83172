package dev.eventsmith.http;

import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.spring.boot.EventsmithModels;
import dev.eventsmith.spring.boot.Projections;
import dev.eventsmith.spring.boot.autoconfigure.EventsmithAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The HTTP API of the service's models on Spring MVC, under {@code eventsmith.http.base-path}
 * ({@code /api} unless set): {@code POST /commands/<Command>}, {@code GET /views/<View>/<key>},
 * {@code GET /views/<View>?<lookup>=<value>} and {@code GET /openapi.json}, every model's. Off with {@code eventsmith.http.enabled=false}.
 */
@AutoConfiguration(after = EventsmithAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "eventsmith.http.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventsmithHttpProperties.class)
public class EventsmithHttpAutoConfiguration {

  @Bean
  RouterFunction<ServerResponse> eventsmithRoutes(EventsmithModels models, CommandBus bus, Projections projections,
      EventsmithHttpProperties properties) {
    return new Routes(models.all(), bus, projections, properties).build();
  }
}
