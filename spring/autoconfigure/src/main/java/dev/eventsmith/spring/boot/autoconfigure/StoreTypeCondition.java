package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.spring.boot.autoconfigure.EventsmithProperties.StoreType;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code eventsmith.store.type} is one of the types a store configuration serves. */
abstract class StoreTypeCondition implements Condition {

  private final Set<StoreType> types;

  StoreTypeCondition(Set<StoreType> types) {
    this.types = types;
  }

  static StoreType configured(ConditionContext context) {
    return Binder.get(context.getEnvironment()).bind("eventsmith.store.type", StoreType.class).orElse(StoreType.AUTO);
  }

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return types.contains(configured(context));
  }

  /** {@code auto} or {@code postgres}. */
  static final class Postgres extends StoreTypeCondition {
    Postgres() {
      super(Set.of(StoreType.AUTO, StoreType.POSTGRES));
    }
  }

  /** {@code auto} or {@code sqlite}. */
  static final class Sqlite extends StoreTypeCondition {
    Sqlite() {
      super(Set.of(StoreType.AUTO, StoreType.SQLITE));
    }
  }

  /** {@code in-memory}. */
  static final class InMemory extends StoreTypeCondition {
    InMemory() {
      super(Set.of(StoreType.IN_MEMORY));
    }
  }
}
