package dev.eventsmith.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The settings of the HTTP API, under {@code eventsmith.http.*}. */
@ConfigurationProperties("eventsmith.http")
public class EventsmithHttpProperties {

  /** Whether to serve the models' commands and views over HTTP. */
  private boolean enabled = true;

  /** The path the API's paths (those of the OpenAPI document) are relative to. */
  private String basePath = "/api";

  /** How long a view read with ?position=N waits for the view to reach N before it answers 503. */
  private Duration readTimeout = Duration.ofSeconds(5);

  /** The largest command body accepted; a larger one is answered 413. */
  private DataSize maxBodySize = DataSize.ofMegabytes(1);

  /** How many rows a view lookup answers when the request gives no ?limit=. */
  private int pageSize = 100;

  /** The most rows a view lookup answers: a larger ?limit= is refused. */
  private int maxPageSize = 1000;

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

  public int getPageSize() {
    return pageSize;
  }

  public void setPageSize(int pageSize) {
    this.pageSize = pageSize;
  }

  public int getMaxPageSize() {
    return maxPageSize;
  }

  public void setMaxPageSize(int maxPageSize) {
    this.maxPageSize = maxPageSize;
  }

  public DataSize getMaxBodySize() {
    return maxBodySize;
  }

  public void setMaxBodySize(DataSize maxBodySize) {
    this.maxBodySize = maxBodySize;
  }
}
