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
    AUTOMATION
  }

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
}
