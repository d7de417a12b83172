package dev.eventsmith.runtime.model;

import java.util.List;
import java.util.Objects;

/**
 * One command of a model decided across streams (its {@code decides:} query) rather than by its
 * aggregate's decider.
 *
 * @param command the command's name in the model, e.g. {@code SubscribeStudent}
 * @param aggregate the aggregate whose stream its events are appended to, e.g. {@code Course}
 * @param decision the generated contract its logic implements, e.g. {@code SubscribeStudentDecision}
 * @param type the command's class, e.g. {@code SubscribeStudent}
 * @param decides the query it decides on, one item per element of {@code decides:}
 */
public record DecisionDescriptor(String command, String aggregate, Class<?> decision, Class<?> type,
    List<Item> decides) {

  public DecisionDescriptor {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(type, "type");
    decides = List.copyOf(decides);
  }

  /**
   * One item of the query: events of any of {@code types} (stored names) carrying the tags that
   * the command's fields {@code tags} make ({@code field:value}).
   */
  public record Item(List<String> types, List<String> tags) {

    public Item {
      types = List.copyOf(types);
      tags = List.copyOf(tags);
    }
  }
}
