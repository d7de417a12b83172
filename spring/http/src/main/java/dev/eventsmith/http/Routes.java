package dev.eventsmith.http;

import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.model.ModelDescriptor;
import dev.eventsmith.spring.boot.Projections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** The routes of the HTTP API, relative to the base path. */
final class Routes {

  private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*/?");

  private final List<ModelDescriptor> models;
  private final CommandEndpoint commands;
  private final ViewEndpoint views;
  private final PageLimits pages;
  private final String basePath;

  Routes(List<ModelDescriptor> models, CommandBus bus, Projections projections, EventsmithHttpProperties properties) {
    this.models = models;
    long maxBody = properties.getMaxBodySize().toBytes();
    if (maxBody < 1 || maxBody > Integer.MAX_VALUE - 1) {
      throw new IllegalArgumentException("eventsmith.http.max-body-size is " + properties.getMaxBodySize()
          + ": it is at least 1B and less than 2GB");
    }
    this.commands = new CommandEndpoint(models, bus, (int) maxBody);
    this.pages = new PageLimits(properties.getPageSize(), properties.getMaxPageSize());
    this.views = new ViewEndpoint(projections, properties.getReadTimeout(), pages);
    String base = properties.getBasePath();
    if (!BASE_PATH.matcher(base).matches()) {
      throw new IllegalArgumentException("eventsmith.http.base-path is '" + base + "': it is empty or a path of "
          + "segments of letters, digits and . _ ~ -, each after a /, such as /api or /v1/cards");
    }
    this.basePath = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  RouterFunction<ServerResponse> build() {
    byte[] openApi = openApi();
    return RouterFunctions.route()
        .POST(basePath + "/commands/{command}", commands::handle)
        .GET(basePath + "/views/{view}/{key}", views::byKey)
        .GET(basePath + "/views/{view}", views::byLookup)
        .GET(basePath + "/openapi.json", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
            .body(openApi))
        .build();
  }

  /** Every model's document in one (see {@link OpenApiDocument}), its server the base path. */
  private byte[] openApi() {
    return OpenApiDocument.of(models, basePath, pages);
  }
}
