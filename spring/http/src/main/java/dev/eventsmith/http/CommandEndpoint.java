package dev.eventsmith.http;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.InvalidCommandException;
import dev.eventsmith.runtime.codec.JsonWriter;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.dcb.AppendConditionFailedException;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.model.ModelDescriptor;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code POST /commands/<Command>}: reads the command from the JSON body with the model's command
 * codec, dispatches it, and answers the events it recorded (200), its rejection (409, with the
 * rejection's fields), a conflict (409 {@code conflict}: concurrent writers won every attempt, for
 * a command of an aggregate and one decided across streams alike), or what is wrong with the body
 * (400, naming the field; 413 past {@code eventsmith.http.max-body-size}). An
 * {@code Idempotency-Key} header makes a retry answered with what the first request recorded.
 */
final class CommandEndpoint {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Map<String, ModelDescriptor> models = new LinkedHashMap<>();
  private final CommandBus bus;
  private final int maxBodySize;

  CommandEndpoint(Iterable<ModelDescriptor> models, CommandBus bus, int maxBodySize) {
    for (ModelDescriptor model : models) {
      for (String command : model.commands().commands()) {
        ModelDescriptor other = this.models.putIfAbsent(command, model);
        if (other != null) {
          throw new IllegalStateException("models " + other.name() + " and " + model.name() + " both have a command "
              + command + ": POST /commands/" + command + " would be ambiguous; rename one of them");
        }
      }
    }
    this.bus = bus;
    this.maxBodySize = maxBodySize;
  }

  ServerResponse handle(ServerRequest request) throws IOException {
    String name = request.pathVariable("command");
    ModelDescriptor model = models.get(name);
    if (model == null) {
      return new Problem(HttpStatus.NOT_FOUND, "unknown-command", "No such command",
          "no model of this service has a command " + name + "; the commands are " + String.join(", ", models.keySet()),
          request.path()).response();
    }
    // Read no more than the limit plus one byte, whatever Content-Length says (or does not).
    byte[] body = request.servletRequest().getInputStream().readNBytes(maxBodySize + 1);
    if (body.length > maxBodySize) {
      return new Problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large", "a command's body has at "
          + "most " + maxBodySize + " bytes (eventsmith.http.max-body-size)", request.path()).response();
    }
    Command command;
    StreamId stream;
    try {
      command = model.commands().decode(name, body);
      stream = command.streamId();
    } catch (InvalidCommandException invalid) {
      return invalid(request, invalid);
    } catch (IllegalArgumentException badId) {
      // The aggregate id does not make a stream name (too long, say): refused before any store sees it.
      return invalid(request, new InvalidCommandException(name, null, badId.getMessage(), badId));
    }
    Optional<String> key = Optional.ofNullable(request.headers().firstHeader(IDEMPOTENCY_KEY));
    if (key.isPresent() && (key.get().isEmpty() || key.get().length() > 200)) {
      return new Problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
          "an Idempotency-Key has 1 to 200 characters", request.path()).response();
    }
    Map<String, String> metadata = key.map(k -> Map.of(CommandHandler.COMMAND_ID, "http:" + name + ":" + k))
        .orElse(Map.of());
    CommandResult result;
    try {
      result = bus.dispatch(command, metadata);
    } catch (WrongExpectedVersionException conflict) {
      return new Problem(HttpStatus.CONFLICT, "conflict", "Concurrent changes",
          "other writers kept changing " + stream + " while " + name + " was decided; send it again", request.path())
          .response();
    } catch (AppendConditionFailedException conflict) {
      return new Problem(HttpStatus.CONFLICT, "conflict", "Concurrent changes",
          "other writers kept appending events " + name + " decides on while it was decided; send it again",
          request.path()).response();
    } catch (StoreUnavailableException unavailable) {
      return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
          "the event store is unavailable for now; " + name + " was not recorded, send it again later",
          request.path()).retryAfter(1).response();
    }
    if (result instanceof CommandResult.Rejected rejected) {
      String rejection = model.commands().rejectionName(rejected.rejection());
      byte[] fields = model.commands().encodeRejection(rejected.rejection());
      return new Problem(HttpStatus.CONFLICT, "rejection:" + rejection, rejection,
          name + " was rejected: " + rejection, request.path())
          .with(json -> {
            json.field("rejection").string(rejection);
            json.field("fields");
            Problem.raw(json, fields);
          })
          .response();
    }
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
        .body(accepted(model, (CommandResult.Accepted) result));
  }

  private static byte[] accepted(ModelDescriptor model, CommandResult.Accepted accepted) {
    JsonWriter json = JsonWriter.object();
    json.field("stream").string(accepted.stream().value());
    json.field("streamVersion").int64(accepted.streamVersion());
    json.field("position").int64(accepted.lastPosition());
    json.field("events").startArray();
    for (Event event : accepted.events()) {
      EncodedEvent encoded = model.events().encode(event);
      json.startObject();
      json.field("type").string(encoded.type());
      json.field("data");
      Problem.raw(json, encoded.data());
      json.endObject();
    }
    json.endArray();
    return json.toBytes();
  }

  private static ServerResponse invalid(ServerRequest request, InvalidCommandException invalid) {
    return new Problem(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid command", invalid.getMessage(),
        request.path())
        .with(json -> {
          json.field("command").string(invalid.command());
          json.field("errors").startArray().startObject();
          invalid.field().ifPresent(field -> {
            json.field("field").string(field);
            json.field("pointer").string("#/" + field.replace("~", "~0").replace("/", "~1"));
          });
          json.field("detail").string(invalid.problem());
          json.endObject().endArray();
        })
        .response();
  }
}
