package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import dev.eventsmith.spec.codegen.GeneratedName;
import dev.eventsmith.spec.model.EventModel;

/**
 * The names of everything generated for one model, derived as the spec module's
 * {@link GeneratedName} says, so that the validator's reserved names and the emitters agree.
 */
public final class Names {

  private final String packageName;
  private final String modelName;

  public Names(EventModel model) {
    this.packageName = model.packageName();
    this.modelName = model.name();
  }

  public String packageName() {
    return packageName;
  }

  /** A record, enum or interface named after a model element: events, commands, rejections, views, types. */
  public ClassName element(String name) {
    return ClassName.get(packageName, name);
  }

  private ClassName generated(GeneratedName kind, String owner) {
    return ClassName.get(packageName, kind.of(owner));
  }

  /** {@code CartEvent}: the sealed interface of an aggregate's events. */
  public ClassName aggregateEvent(String aggregate) {
    return generated(GeneratedName.AGGREGATE_EVENT, aggregate);
  }

  /** {@code CartCommand}: the sealed interface of an aggregate's commands. */
  public ClassName aggregateCommand(String aggregate) {
    return generated(GeneratedName.AGGREGATE_COMMAND, aggregate);
  }

  /** {@code CartRejection}: the interface of an aggregate's rejections. */
  public ClassName aggregateRejection(String aggregate) {
    return generated(GeneratedName.AGGREGATE_REJECTION, aggregate);
  }

  /** {@code CartDecider}: the contract the hand-written aggregate logic implements. */
  public ClassName decider(String aggregate) {
    return generated(GeneratedName.DECIDER, aggregate);
  }

  /** {@code AddItem.Emits}: the events one command may emit. */
  public ClassName emits(String command) {
    return element(command).nestedClass(GeneratedName.Nested.EMITS.simpleName());
  }

  /** {@code AddItem.Rejects}: the rejections one command may give. */
  public ClassName rejects(String command) {
    return element(command).nestedClass(GeneratedName.Nested.REJECTS.simpleName());
  }

  /** {@code EnrolCourseDecision}: the contract of a command decided across streams. */
  public ClassName decision(String command) {
    return generated(GeneratedName.DECISION, command);
  }

  /** The tags of the model's events. */
  public ClassName tags() {
    return generated(GeneratedName.TAGS, modelName);
  }

  /** The contract of {@code view}'s hand-written projector. */
  public ClassName projector(String view) {
    return generated(GeneratedName.PROJECTOR, view);
  }

  /** {@code CartSummaryRowCodec}: a view's rows as JSON, for durable view stores. */
  public ClassName rowCodec(String view) {
    return generated(GeneratedName.ROW_CODEC, view);
  }

  /** {@code RequestPaymentOnSubmitAutomation}: the contract the hand-written automation implements. */
  public ClassName automation(String automation) {
    return generated(GeneratedName.AUTOMATION, automation);
  }

  /** {@code RequestPaymentOnSubmitAutomation.Issues}: the commands one automation may issue. */
  public ClassName issues(String automation) {
    return automation(automation).nestedClass(GeneratedName.Nested.ISSUES.simpleName());
  }

  /** {@code MoneyTransferProcess}: the contract the hand-written process logic implements. */
  public ClassName process(String process) {
    return generated(GeneratedName.PROCESS, process);
  }

  /** {@code MoneyTransferState}: the record of one process instance's state. */
  public ClassName processState(String process) {
    return generated(GeneratedName.PROCESS_STATE, process);
  }

  /** {@code ShoppingCartCodec}: the model's JSON codec. */
  public ClassName codec() {
    return generated(GeneratedName.CODEC, modelName);
  }

  /** {@code ShoppingCartCommandCodec}: the model's JSON codec of commands and rejections. */
  public ClassName commandCodec() {
    return generated(GeneratedName.COMMAND_CODEC, modelName);
  }

  /** {@code ShoppingCartModel}: the model's description for code that runs any model. */
  public ClassName modelDescriptor() {
    return generated(GeneratedName.MODEL_DESCRIPTOR, modelName);
  }

  /** {@code ShoppingCartEventTypes}: the model's registry of stored event type names. */
  public ClassName eventTypes() {
    return generated(GeneratedName.EVENT_TYPES, modelName);
  }

  /** {@code AddItemSpecTest}: the generated JUnit class of one slice. */
  public ClassName specTest(String subject) {
    return generated(GeneratedName.SPEC_TEST, subject);
  }
}
