package dev.eventsmith.spec.model;

import java.util.List;
import java.util.Optional;

/**
 * A given/when/then specification of one slice of the model.
 *
 * @param subject the command, view or automation the spec is filed under in YAML
 * @param when the command, for command specs; empty for view and automation specs
 */
public record SpecDef(
    Reference subject,
    SubjectKind kind,
    String name,
    List<Message> given,
    Optional<Message> when,
    Outcome then,
    SourcePosition position) {

  /** What kind of element a spec is about. */
  public enum SubjectKind {
    COMMAND,
    VIEW,
    AUTOMATION,
    PROCESS
  }

  /**
   * The type of a step of a process spec that is time passing, {@code { after: PT1H }}, in
   * {@code given} or {@code when}: its one value, under the same key, is the ISO-8601 duration.
   */
  public static final String AFTER = "after";

  /** What a spec expects. */
  public sealed interface Outcome {
    SourcePosition position();
  }

  /** The command emits exactly these events, in order (an empty list: nothing happens). */
  public record ThenEvents(List<Message> events, SourcePosition position) implements Outcome {}

  /** The command is refused with this rejection; fields not written are not compared. */
  public record ThenRejected(Message rejection, SourcePosition position) implements Outcome {}

  /** After the given events, the view row with the expected row's key equals this. */
  public record ThenView(Message view, SourcePosition position) implements Outcome {}

  /**
   * After the given events, the view holds these rows, compared by key in any order: exactly these
   * rows and no other ({@code exactly}, written {@code then: [ ... ]}), or these among others
   * (written {@code then: { includes: [ ... ] }}).
   */
  public record ThenRows(List<Message> rows, boolean exactly, SourcePosition position) implements Outcome {}

  /** The automation issues exactly these commands, in order. */
  public record ThenCommands(List<Message> commands, SourcePosition position) implements Outcome {}

  /**
   * What a process does because of the spec's {@code when} (an event, time passing, or the
   * rejection of a command it issued): exactly these commands, in order, exactly these deadlines
   * scheduled (with how long after the moment of the {@code when}) and cancelled, and, when
   * {@code ended} is given, whether its instance has ended.
   *
   * @param rejection when {@code when} is a command the process issued: the rejection it got
   */
  public record ThenReaction(
      Optional<Message> rejection,
      List<Message> issues,
      List<ProcessDef.Deadline> schedules,
      List<Reference> cancels,
      Optional<Boolean> ended,
      SourcePosition position) implements Outcome {

    public ThenReaction {
      issues = List.copyOf(issues);
      schedules = List.copyOf(schedules);
      cancels = List.copyOf(cancels);
    }
  }
}
