package dev.eventsmith.bench.axon;

import java.util.List;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.inspection.AggregateModel;

/**
 * One Axon Framework 4 application for the cart, wired by hand as Axon's Configurer would: an
 * EmbeddedEventStore on a storage engine, an EventSourcingRepository (optionally caching, optionally
 * snapshotting), an AggregateAnnotationCommandHandler, and a SimpleCommandBus that runs each command
 * in a unit of work (and database transaction) of its own.
 */
final class AxonWorld implements AutoCloseable {

  private final AxonEventLog log;
  private final AggregateSnapshotter snapshotter; // null without snapshots
  private final SimpleCommandBus commandBus;

  /**
   * @param cache the caching repository's cache; null for a plain EventSourcingRepository
   * @param snapshotEvery EventCountSnapshotTriggerDefinition's threshold; 0 for no snapshots
   */
  AxonWorld(AxonEventLog log, AggregateModel<AxonCart> model, Cache cache, int snapshotEvery) {
    this.log = log;
    if (!model.type().equals(AxonCarts.AGGREGATE_TYPE)) {
      throw new IllegalStateException("Axon names the cart's aggregate type " + model.type());
    }
    EmbeddedEventStore eventStore = log.store();
    TransactionManager transactions = log.transactions();
    EventSourcingRepository.Builder<AxonCart> repository =
        EventSourcingRepository.builder(AxonCart.class).aggregateModel(model).eventStore(eventStore);
    if (cache != null) {
      repository.cache(cache);
    }
    if (snapshotEvery > 0) {
      // The snapshotter's default executor runs in the committing thread, like Eventsmith's handler;
      // the benchmarks never cross the threshold in a measured command anyway.
      snapshotter = AggregateSnapshotter.builder()
          .eventStore(eventStore)
          .aggregateFactories(new GenericAggregateFactory<>(model))
          .transactionManager(transactions)
          .build();
      repository.snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(snapshotter, snapshotEvery));
    } else {
      snapshotter = null;
    }
    commandBus = SimpleCommandBus.builder().transactionManager(transactions).build();
    AggregateAnnotationCommandHandler.<AxonCart>builder()
        .aggregateType(AxonCart.class)
        .aggregateModel(model)
        .repository(repository.build())
        .build()
        .subscribe(commandBus);
  }

  /** Sends {@code command} through the command bus and returns its result, exceptional or not. */
  CommandResultMessage<?> dispatch(Object command) {
    Result result = new Result();
    commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), result);
    return result.message;
  }

  /** Appends {@code events} at once. */
  void append(List<DomainEventMessage<?>> events) {
    log.append(events);
  }

  /** Takes a snapshot of cart {@code id} now, and checks that one was stored. */
  void snapshot(String id) {
    snapshotter.scheduleSnapshot(AxonCart.class, id);
    if (log.transactions().fetchInTransaction(() -> log.engine().readSnapshot(id)).isEmpty()) {
      throw new IllegalStateException("Axon stored no snapshot of " + id + "; see the snapshotter's warning");
    }
  }

  @Override
  public void close() {
    log.close();
  }

  private static final class Result implements org.axonframework.commandhandling.CommandCallback<Object, Object> {
    CommandResultMessage<?> message;

    @Override
    public void onResult(org.axonframework.commandhandling.CommandMessage<?> command,
        CommandResultMessage<?> resultMessage) {
      message = resultMessage;
    }
  }
}
