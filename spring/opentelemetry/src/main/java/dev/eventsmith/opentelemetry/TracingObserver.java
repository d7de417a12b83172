package dev.eventsmith.opentelemetry;

import dev.eventsmith.observation.AppliedPage;
import dev.eventsmith.observation.RuntimeObserver;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.AppendConditionFailedException;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Traces what a running service does as OpenTelemetry spans: {@code command <Type>} around each
 * command dispatched through the bus (a child of the caller's span, an HTTP request's say), with
 * {@code decide <Type>} and {@code append <Aggregate>} inside it; and {@code project <View>} for
 * each page a projection applied, linked to the traces of the commands that recorded its events.
 *
 * <p>The link travels in the events: the command's span context is written into the metadata of
 * every event it records, by the configured propagator (W3C {@code traceparent} by default), and
 * read back from each event of a page. So a projection in another process, hours later, still
 * links to the command.
 */
public final class TracingObserver implements RuntimeObserver {

  /** The instrumentation scope's name. */
  static final String SCOPE = "dev.eventsmith";

  static final AttributeKey<String> COMMAND = AttributeKey.stringKey("eventsmith.command");
  static final AttributeKey<String> STREAM = AttributeKey.stringKey("eventsmith.stream");
  static final AttributeKey<String> AGGREGATE = AttributeKey.stringKey("eventsmith.aggregate");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("eventsmith.outcome");
  static final AttributeKey<String> REJECTION = AttributeKey.stringKey("eventsmith.rejection");
  static final AttributeKey<Long> EVENTS = AttributeKey.longKey("eventsmith.events");
  static final AttributeKey<String> VIEW = AttributeKey.stringKey("eventsmith.view");
  static final AttributeKey<Long> FIRST_POSITION = AttributeKey.longKey("eventsmith.position.first");
  static final AttributeKey<Long> LAST_POSITION = AttributeKey.longKey("eventsmith.position.last");

  /** At most this many links per projection span: OpenTelemetry SDKs drop links past 128 by default. */
  static final int MAX_LINKS = 128;

  private static final TextMapGetter<Map<String, String>> METADATA = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  public TracingObserver(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    this.tracer = openTelemetry.getTracer(SCOPE);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  @Override
  public CommandResult intercept(Command command, Map<String, String> metadata, Next next) {
    String type = command.getClass().getSimpleName();
    Span span = tracer.spanBuilder("command " + type)
        .setAttribute(COMMAND, type)
        .setAttribute(STREAM, command.streamId().value())
        .startSpan();
    try (Scope scope = span.makeCurrent()) {
      Map<String, String> carried = new HashMap<>(metadata);
      propagator.inject(Context.current(), carried, (carrier, key, value) -> carrier.put(key, value));
      CommandResult result = next.handle(carried);
      if (result instanceof CommandResult.Rejected rejected) {
        span.setAttribute(OUTCOME, "rejected");
        span.setAttribute(REJECTION, rejected.rejection().getClass().getSimpleName());
      } else {
        span.setAttribute(OUTCOME, "accepted");
        span.setAttribute(EVENTS, ((CommandResult.Accepted) result).events().size());
      }
      return result;
    } catch (WrongExpectedVersionException | AppendConditionFailedException conflict) {
      span.setAttribute(OUTCOME, "conflict");
      failed(span, conflict);
      throw conflict;
    } catch (RuntimeException | Error e) {
      span.setAttribute(OUTCOME, "error");
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  @Override
  public <T> T decide(String aggregate, Command command, Supplier<T> decision) {
    Span span = tracer.spanBuilder("decide " + command.getClass().getSimpleName())
        .setAttribute(AGGREGATE, aggregate)
        .startSpan();
    try (Scope scope = span.makeCurrent()) {
      T decided = decision.get();
      span.setAttribute(OUTCOME, decided instanceof Decision.Rejected<?, ?> ? "rejected" : "accepted");
      return decided;
    } catch (RuntimeException | Error e) {
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  @Override
  public AppendResult append(StreamId stream, List<NewEvent> events, Supplier<AppendResult> append) {
    Span span = tracer.spanBuilder("append " + stream.category())
        .setAttribute(STREAM, stream.value())
        .setAttribute(EVENTS, events.size())
        .startSpan();
    try (Scope scope = span.makeCurrent()) {
      AppendResult result = append.get();
      span.setAttribute(OUTCOME, "appended");
      span.setAttribute(FIRST_POSITION, result.firstPosition());
      span.setAttribute(LAST_POSITION, result.lastPosition());
      return result;
    } catch (WrongExpectedVersionException | AppendConditionFailedException | DuplicateEventIdException expected) {
      // Expected under concurrency: the handler decides again or answers the earlier handling.
      span.setAttribute(OUTCOME, expected instanceof DuplicateEventIdException ? "duplicate" : "conflict");
      span.recordException(expected);
      throw expected;
    } catch (RuntimeException | Error e) {
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  @Override
  public void applied(AppliedPage page) {
    List<RecordedEvent> events = page.events();
    SpanBuilder builder = tracer.spanBuilder("project " + page.view())
        .setNoParent()
        .setStartTimestamp(page.readAt())
        .setAttribute(VIEW, page.view())
        .setAttribute(EVENTS, events.size());
    if (!events.isEmpty()) {
      builder.setAttribute(FIRST_POSITION, events.get(0).globalPosition())
          .setAttribute(LAST_POSITION, events.get(events.size() - 1).globalPosition());
    }
    for (SpanContext command : commandsOf(events)) {
      builder.addLink(command);
    }
    builder.startSpan().end(page.readAt().plus(page.took()));
  }

  /** The distinct span contexts the events' metadata carry, at most {@link #MAX_LINKS}. */
  private Set<SpanContext> commandsOf(List<RecordedEvent> events) {
    Set<SpanContext> commands = new LinkedHashSet<>();
    for (RecordedEvent event : events) {
      if (commands.size() == MAX_LINKS) {
        break;
      }
      if (event.metadata().isEmpty()) {
        continue;
      }
      SpanContext context = Span.fromContext(propagator.extract(Context.root(), event.metadata(), METADATA))
          .getSpanContext();
      if (context.isValid()) {
        commands.add(context);
      }
    }
    return commands;
  }

  private static void failed(Span span, Throwable e) {
    span.recordException(e);
    span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
  }
}
