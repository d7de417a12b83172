package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import dev.eventsmith.spec.model.EventModel;

/**
 * The names of everything generated for one model. One place, so that the validator's list of
 * reserved names, the emitters and the generated tests agree.
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

  /** {@code CartEvent}: the sealed interface of an aggregate's events. */
  public ClassName aggregateEvent(String aggregate) {
    return ClassName.get(packageName, aggregate + "Event");
  }

  /** {@code CartCommand}: the sealed interface of an aggregate's commands. */
  public ClassName aggregateCommand(String aggregate) {
    return ClassName.get(packageName, aggregate + "Command");
  }

  /** {@code CartRejection}: the interface of an aggregate's rejections. */
  public ClassName aggregateRejection(String aggregate) {
    return ClassName.get(packageName, aggregate + "Rejection");
  }

  /** {@code CartDecider}: the contract the hand-written aggregate logic implements. */
  public ClassName decider(String aggregate) {
    return ClassName.get(packageName, aggregate + "Decider");
  }

  /** {@code AddItem.Emits}: the events one command may emit. */
  public ClassName emits(String command) {
    return element(command).nestedClass("Emits");
  }

  /** {@code AddItem.Rejects}: the rejections one command may give. */
  public ClassName rejects(String command) {
    return element(command).nestedClass("Rejects");
  }

  /** {@code CartSummaryProjector}: the contract the hand-written view logic implements. */
  public ClassName projector(String view) {
    return ClassName.get(packageName, view + "Projector");
  }

  /** {@code CartSummaryRowCodec}: a view's rows as JSON, for durable view stores. */
  public ClassName rowCodec(String view) {
    return ClassName.get(packageName, view + "RowCodec");
  }

  /** {@code RequestPaymentOnSubmitAutomation}: the contract the hand-written automation implements. */
  public ClassName automation(String automation) {
    return ClassName.get(packageName, automation + "Automation");
  }

  /** {@code RequestPaymentOnSubmitAutomation.Issues}: the commands one automation may issue. */
  public ClassName issues(String automation) {
    return automation(automation).nestedClass("Issues");
  }

  /** {@code ShoppingCartCodec}: the model's JSON codec. */
  public ClassName codec() {
    return ClassName.get(packageName, modelName + "Codec");
  }

  /** {@code ShoppingCartEventTypes}: the model's registry of stored event type names. */
  public ClassName eventTypes() {
    return ClassName.get(packageName, modelName + "EventTypes");
  }

  /** {@code AddItemSpecTest}: the generated JUnit class of one slice. */
  public ClassName specTest(String subject) {
    return ClassName.get(packageName, subject + "SpecTest");
  }
}
