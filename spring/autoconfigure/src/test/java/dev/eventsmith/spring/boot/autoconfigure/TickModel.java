package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.CommandCodec;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.model.AggregateDescriptor;
import dev.eventsmith.runtime.model.AutomationDescriptor;
import dev.eventsmith.runtime.model.ModelDescriptor;
import dev.eventsmith.runtime.model.ViewDescriptor;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A hand-written model for the starter's tests: one event ({@code Ticked}, numbered), one view
 * ({@code TickCount}, the number of ticks under the key {@code all}) and one automation
 * ({@code NoticeTicks}, which issues no command). What the generator would emit, kept small.
 */
final class TickModel implements ModelDescriptor {

  static final TickModel INSTANCE = new TickModel();
  static final StreamId STREAM = StreamId.of("Tick", "all");

  /** The {@code n}th tick of the stream. */
  record Ticked(StreamId streamId, int n) implements Event {}

  /** The view's contract: its logic is a bean of the application. */
  interface TickCountProjector extends Projector<String, Integer> {}

  /** The automation's contract. */
  interface NoticeTicksAutomation extends Automation {}

  /** The starter's auto-configurations, in the order Spring Boot sorts them, running this model. */
  static ApplicationContextRunner starter() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(EventsmithStoreAutoConfiguration.class,
            EventsmithSqliteStoreAutoConfiguration.class, EventsmithStoreFallbackAutoConfiguration.class,
            EventsmithAutoConfiguration.class))
        .withBean(ModelDescriptor.class, () -> INSTANCE);
  }

  /** The starter running this model with its logic: the counting projector, an automation that issues nothing. */
  static ApplicationContextRunner running() {
    return starter()
        .withBean(TickCountProjector.class, TickModel::counting)
        .withBean(NoticeTicksAutomation.class, () -> event -> List.of());
  }

  /** A projector that counts the ticks. */
  static TickCountProjector counting() {
    return new TickCountProjector() {
      @Override
      public Integer initial(String key) {
        return 0;
      }

      @Override
      public Optional<String> keyOf(Event event) {
        return Optional.of("all");
      }

      @Override
      public Integer project(Integer count, Event event) {
        return count + 1;
      }
    };
  }

  /** Ticks {@code from} to {@code to}, inclusive, ready to append. */
  static List<NewEvent> ticks(int from, int to) {
    List<NewEvent> events = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      EncodedEvent encoded = INSTANCE.events().encode(new Ticked(STREAM, n));
      events.add(new NewEvent(UUID.randomUUID(), encoded.type(), encoded.schemaVersion(), encoded.data(), Map.of()));
    }
    return events;
  }

  static final RowCodec<String, Integer> ROWS = new RowCodec<>() {
    @Override
    public String encodeKey(String key) {
      return key;
    }

    @Override
    public String decodeKey(String text) {
      return text;
    }

    @Override
    public String encodeRow(Integer row) {
      return row.toString();
    }

    @Override
    public Integer decodeRow(String json) {
      return Integer.valueOf(json);
    }
  };

  @Override
  public String name() {
    return "Tick";
  }

  @Override
  public EventCodec events() {
    return new EventCodec() {
      @Override
      public EncodedEvent encode(Event event) {
        return new EncodedEvent("Ticked", 1, Integer.toString(((Ticked) event).n()).getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public Event decode(String type, int schemaVersion, byte[] data) {
        if (!type.equals("Ticked")) {
          throw new IllegalArgumentException("not an event of the Tick model: " + type);
        }
        return new Ticked(STREAM, Integer.parseInt(new String(data, StandardCharsets.UTF_8)));
      }

      @Override
      public Set<String> types() {
        return Set.of("Ticked");
      }
    };
  }

  @Override
  public CommandCodec commands() {
    return new CommandCodec() {
      @Override
      public Set<String> commands() {
        return Set.of();
      }

      @Override
      public Command decode(String command, byte[] json) {
        throw new IllegalArgumentException("no commands");
      }

      @Override
      public byte[] encode(Command command) {
        throw new IllegalArgumentException("no commands");
      }

      @Override
      public String rejectionName(Rejection rejection) {
        throw new IllegalArgumentException("no rejections");
      }

      @Override
      public byte[] encodeRejection(Rejection rejection) {
        throw new IllegalArgumentException("no rejections");
      }
    };
  }

  @Override
  public List<AggregateDescriptor> aggregates() {
    return List.of();
  }

  @Override
  public List<ViewDescriptor<?, ?>> views() {
    return List.of(new ViewDescriptor<>("TickCount", TickCountProjector.class, ROWS, "all"));
  }

  @Override
  public List<AutomationDescriptor> automations() {
    return List.of(new AutomationDescriptor("NoticeTicks", NoticeTicksAutomation.class, Optional.empty()));
  }

  @Override
  public String openApi() {
    return "{}";
  }
}
