package dev.eventsmith.spec.codegen;

/**
 * A top-level type the generator writes besides the records and enums named like model elements:
 * its name is the owner's name plus a suffix, e.g. {@code CartDecider}. The validator refuses model
 * names that equal one of them; the generator names its output with {@link #of}.
 */
public enum GeneratedName {
  /** {@code CartEvent}: the sealed interface of an aggregate's events. */
  AGGREGATE_EVENT(Owner.AGGREGATE, "Event", "the sealed interface of the events"),
  /** {@code CartCommand}: the sealed interface of an aggregate's commands. */
  AGGREGATE_COMMAND(Owner.AGGREGATE, "Command", "the sealed interface of the commands"),
  /** {@code CartRejection}: the interface of an aggregate's rejections. */
  AGGREGATE_REJECTION(Owner.AGGREGATE, "Rejection", "the interface of the rejections"),
  /** {@code CartDecider}: the contract of an aggregate's hand-written logic. */
  DECIDER(Owner.AGGREGATE, "Decider", "the decider contract"),
  /** {@code CartSummaryProjector}: the contract of a view's hand-written logic. */
  PROJECTOR(Owner.VIEW, "Projector", "the projector contract"),
  /** {@code CartSummaryRowCodec}: a view's rows as JSON, for durable view stores. */
  ROW_CODEC(Owner.VIEW, "RowCodec", "the row codec"),
  /** {@code RequestPaymentAutomation}: the contract of an automation's hand-written logic. */
  AUTOMATION(Owner.AUTOMATION, "Automation", "the automation contract"),
  /** {@code TransferProcess}: the contract of a process's hand-written logic. */
  PROCESS(Owner.PROCESS, "Process", "the process contract"),
  /** {@code TransferState}: the record of one process instance's state. */
  PROCESS_STATE(Owner.PROCESS, "State", "the process state record"),
  /** {@code AddItemSpecTest}: the JUnit class of a command's, view's or automation's specs. */
  SPEC_TEST(Owner.SPEC_SUBJECT, "SpecTest", "the spec test class"),
  /** {@code ShoppingCartCodec}: the model's JSON codec of events. */
  CODEC(Owner.MODEL, "Codec", "the event codec"),
  /** {@code ShoppingCartEventTypes}: the model's registry of stored event type names. */
  EVENT_TYPES(Owner.MODEL, "EventTypes", "the event type registry"),
  /** {@code ShoppingCartCommandCodec}: the model's JSON codec of commands and rejections. */
  COMMAND_CODEC(Owner.MODEL, "CommandCodec", "the command codec"),
  /** {@code ShoppingCartModel}: the model's description, for code that runs any model. */
  MODEL_DESCRIPTOR(Owner.MODEL, "Model", "the model descriptor"),
  /** {@code EnrolCourseDecision}: the contract of a command decided across streams. */
  DECISION(Owner.COMMAND, "Decision", "the decision contract"),
  /** {@code SchoolTags}: the tags of the model's events, for decisions across streams. */
  TAGS(Owner.MODEL, "Tags", "the event tags");

  /** Types the generator nests in a generated record or contract, e.g. {@code AddItem.Emits}. */
  public enum Nested {
    /** {@code AddItem.Emits}: the events a command may emit, nested in the command's record. */
    EMITS("Emits", Owner.COMMAND),
    /** {@code AddItem.Rejects}: the rejections a command may give, nested in the command's record. */
    REJECTS("Rejects", Owner.COMMAND),
    /** {@code RequestPaymentAutomation.Issues}: the commands an automation may issue. */
    ISSUES("Issues", Owner.AUTOMATION);

    private final String simpleName;
    private final Owner owner;

    Nested(String simpleName, Owner owner) {
      this.simpleName = simpleName;
      this.owner = owner;
    }

    /** The nested type's simple name; a model type of this name would be hidden inside its owner. */
    public String simpleName() {
      return simpleName;
    }

    /** The kind of element whose generated type holds it. */
    public Owner owner() {
      return owner;
    }
  }

  /** The kind of model element a generated name is derived from. */
  public enum Owner {
    MODEL("model"),
    AGGREGATE("aggregate"),
    COMMAND("command"),
    VIEW("view"),
    AUTOMATION("automation"),
    PROCESS("process"),
    /** A command, view or automation that has specs. */
    SPEC_SUBJECT("spec subject");

    private final String label;

    Owner(String label) {
      this.label = label;
    }

    /** How messages name the owner's kind, e.g. {@code aggregate}. */
    public String label() {
      return label;
    }
  }

  private final Owner owner;
  private final String suffix;
  private final String description;

  GeneratedName(Owner owner, String suffix, String description) {
    this.owner = owner;
    this.suffix = suffix;
    this.description = description;
  }

  /** The generated name for the element named {@code ownerName}, e.g. {@code Cart} gives {@code CartDecider}. */
  public String of(String ownerName) {
    return ownerName + suffix;
  }

  /** The kind of element it is derived from. */
  public Owner owner() {
    return owner;
  }

  /** What is appended to the owner's name, e.g. {@code Decider}. */
  public String suffix() {
    return suffix;
  }

  /** What the type is, for messages, e.g. "the decider contract". */
  public String description() {
    return description;
  }
}
