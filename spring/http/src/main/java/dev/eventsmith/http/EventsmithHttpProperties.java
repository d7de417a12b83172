package dev.eventsmith.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The settings of the HTTP API, under {@code eventsmith.http.*}. */
@ConfigurationProperties("eventsmith.http")
public class EventsmithHttpProperties {

  /** Whether to serve the models' commands and views over HTTP. */
  private boolean enabled = true;

  /** The path the API's paths (those of the OpenAPI document) are relative to. */
  private String basePath = "/api";

  /** How long a view read with ?position=N waits for the view to reach N before it answers 503. */
  private Duration readTimeout = Duration.ofSeconds(5);

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getBasePath() {
    return basePath;
  }

  public void setBasePath(String basePath) {
    this.basePath = basePath;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }
}
