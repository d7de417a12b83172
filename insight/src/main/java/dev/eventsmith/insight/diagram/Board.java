package dev.eventsmith.insight.diagram;

import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event model laid out as an Event Modeling board: one column per slice, left to right along
 * the model's timeline; a lane for automations at the top, one for commands and views, and one
 * lane per aggregate for its events. Pure arithmetic on the model: integers only, no fonts
 * measured, so the same model gives the same board on every machine.
 */
final class Board {

  static final int MARGIN = 24;
  static final int GUTTER = 168;
  static final int TITLE_HEIGHT = 76;
  static final int HEADER_HEIGHT = 58;
  static final int CARD_HEIGHT = 58;
  static final int LANE_PADDING = 22;
  static final int COLUMN_PADDING = 22;
  static final int CARD_GAP = 16;
  static final int CHAR_WIDTH = 8;

  /** A kind of lane, top to bottom. */
  enum LaneKind {
    AUTOMATIONS,
    COMMANDS_AND_VIEWS,
    AGGREGATE
  }

  /** A horizontal band of the board. */
  record Lane(LaneKind kind, String label, String sublabel, int y, int height) {}

  /** What a card shows. */
  enum CardKind {
    COMMAND,
    EVENT,
    VIEW,
    AUTOMATION
  }

  /** One sticky note; {@code id} is unique on the board, {@code element} is the model element it shows. */
  record Card(String id, CardKind kind, String element, String subtitle, int x, int y, int width, int column) {
    int height() {
      return CARD_HEIGHT;
    }

    int centerX() {
      return x + width / 2;
    }

    int middleY() {
      return y + CARD_HEIGHT / 2;
    }

    int right() {
      return x + width;
    }

    int bottom() {
      return y + CARD_HEIGHT;
    }
  }

  /** A slice's column: {@code subject} is the command, view or automation whose specs it shows, if any. */
  record Column(String title, Optional<String> subject, int x, int width) {}

  /** An arrow between two cards. */
  record Edge(Card from, Card to) {}

  final List<Column> columns = new ArrayList<>();
  final List<Lane> lanes = new ArrayList<>();
  final List<Card> cards = new ArrayList<>();
  final List<Edge> edges = new ArrayList<>();
  final int width;
  final int height;

  /** A slice before it has a place: what it holds, lane by lane. */
  private record Slice(String title, Optional<String> subject, CardKind topKind, String top, String topSubtitle,
      CardKind middleKind, String middle, String middleSubtitle, String aggregate, List<EventDef> events) {}

  Board(EventModel model) {
    List<Slice> slices = order(model);
    List<String> aggregates = new ArrayList<>();
    model.aggregates().forEach(a -> aggregates.add(a.name()));
    for (Slice slice : slices) {
      if (!slice.aggregate().isEmpty() && !aggregates.contains(slice.aggregate())) {
        aggregates.add(slice.aggregate());
      }
    }
    boolean anyAutomation = !model.automations().isEmpty();
    int y = TITLE_HEIGHT + HEADER_HEIGHT;
    Map<String, Lane> laneOf = new LinkedHashMap<>();
    if (anyAutomation) {
      lanes.add(new Lane(LaneKind.AUTOMATIONS, "Automations", "react and issue commands", y, laneHeight()));
      y += laneHeight();
    }
    lanes.add(new Lane(LaneKind.COMMANDS_AND_VIEWS, "Commands & views", "what users ask and see", y, laneHeight()));
    y += laneHeight();
    for (String aggregate : aggregates) {
      Lane lane = new Lane(LaneKind.AGGREGATE, aggregate, "events of the aggregate", y, laneHeight());
      laneOf.put(aggregate, lane);
      lanes.add(lane);
      y += laneHeight();
    }
    this.height = y + MARGIN;

    int x = MARGIN + GUTTER;
    Map<String, List<Card>> eventCards = new LinkedHashMap<>();
    Map<String, Card> commandCards = new LinkedHashMap<>();
    Map<String, Card> viewCards = new LinkedHashMap<>();
    Map<String, Card> automationCards = new LinkedHashMap<>();
    for (int c = 0; c < slices.size(); c++) {
      Slice slice = slices.get(c);
      int eventsWidth = slice.events().stream().mapToInt(e -> cardWidth(e.name(), subtitle(e))).sum()
          + CARD_GAP * Math.max(0, slice.events().size() - 1);
      int inner = Math.max(eventsWidth, Math.max(automationWidth(slice.top(), slice.topSubtitle()),
          cardWidth(slice.middle(), slice.middleSubtitle())));
      inner = Math.max(inner, slice.title().length() * CHAR_WIDTH + 12);
      int columnWidth = inner + 2 * COLUMN_PADDING;
      columns.add(new Column(slice.title(), slice.subject(), x, columnWidth));
      int center = x + columnWidth / 2;
      if (slice.top() != null) {
        Card card = centered("automation:" + slice.top(), CardKind.AUTOMATION, slice.top(), slice.topSubtitle(),
            center, lane(LaneKind.AUTOMATIONS).y() + LANE_PADDING, c);
        automationCards.put(slice.top(), card);
      }
      if (slice.middle() != null) {
        String prefix = slice.middleKind() == CardKind.COMMAND ? "command:" : "view:";
        Card card = centered(prefix + slice.middle(), slice.middleKind(), slice.middle(), slice.middleSubtitle(),
            center, lane(LaneKind.COMMANDS_AND_VIEWS).y() + LANE_PADDING, c);
        (slice.middleKind() == CardKind.COMMAND ? commandCards : viewCards).put(slice.middle(), card);
      }
      int ex = center - eventsWidth / 2;
      for (EventDef event : slice.events()) {
        int w = cardWidth(event.name(), subtitle(event));
        Card card = new Card("event:" + event.name() + "@" + c, CardKind.EVENT, event.name(), subtitle(event), ex,
            laneOf.get(event.aggregate()).y() + LANE_PADDING, w, c);
        cards.add(card);
        eventCards.computeIfAbsent(event.name(), n -> new ArrayList<>()).add(card);
        ex += w + CARD_GAP;
      }
      x += columnWidth;
    }
    this.width = x + MARGIN;

    for (CommandDef command : model.commands()) {
      Card from = commandCards.get(command.name());
      for (Reference emitted : command.emits()) {
        eventCards.getOrDefault(emitted.name(), List.of()).stream().filter(e -> e.column() == from.column())
            .forEach(e -> edges.add(new Edge(from, e)));
      }
    }
    for (ViewDef view : model.views()) {
      Card to = viewCards.get(view.name());
      for (Reference source : view.from()) {
        nearestBefore(eventCards.getOrDefault(source.name(), List.of()), to.column())
            .ifPresent(e -> edges.add(new Edge(e, to)));
      }
    }
    for (AutomationDef automation : model.automations()) {
      Card card = automationCards.get(automation.name());
      Card trigger = viewCards.get(automation.on().name());
      if (trigger != null) {
        edges.add(new Edge(trigger, card));
      } else {
        nearestBefore(eventCards.getOrDefault(automation.on().name(), List.of()), card.column())
            .ifPresent(e -> edges.add(new Edge(e, card)));
      }
      for (Reference issued : automation.issues()) {
        Card command = commandCards.get(issued.name());
        if (command != null) {
          edges.add(new Edge(card, command));
        }
      }
    }
  }

  private static int laneHeight() {
    return CARD_HEIGHT + 2 * LANE_PADDING;
  }

  Lane lane(LaneKind kind) {
    return lanes.stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
  }

  private Card centered(String id, CardKind kind, String name, String subtitle, int center, int y, int column) {
    int w = kind == CardKind.AUTOMATION ? automationWidth(name, subtitle) : cardWidth(name, subtitle);
    Card card = new Card(id, kind, name, subtitle, center - w / 2, y, w, column);
    cards.add(card);
    return card;
  }

  static int cardWidth(String name, String subtitle) {
    if (name == null) {
      return 0;
    }
    int text = Math.max(name.length() * CHAR_WIDTH, (subtitle == null ? 0 : subtitle.length()) * 6);
    return Math.max(132, text + 30);
  }

  /** An automation's card also holds its gear. */
  private static int automationWidth(String name, String subtitle) {
    return name == null ? 0 : cardWidth(name, subtitle) + 28;
  }

  /** The card in the latest column at or before {@code column}, else the first one. */
  private static Optional<Card> nearestBefore(List<Card> candidates, int column) {
    Card best = null;
    for (Card card : candidates) {
      if (card.column() <= column && (best == null || card.column() > best.column())) {
        best = card;
      }
    }
    return Optional.ofNullable(best != null ? best : candidates.isEmpty() ? null : candidates.get(0));
  }

  static String subtitle(EventDef event) {
    return event.version() > 1 ? "event \u00b7 v" + event.version() : "event";
  }

  /**
   * The slices along the timeline: commands in model order; each view right after the last command
   * that emits an event it reads; each automation right after what triggers it, or right before the
   * first command it issues when that comes later; events no command emits at the end.
   */
  private static List<Slice> order(EventModel model) {
    List<Slice> slices = new ArrayList<>();
    for (CommandDef command : model.commands()) {
      List<EventDef> events = command.emits().stream().map(r -> model.event(r.name()))
          .flatMap(Optional::stream).toList();
      slices.add(new Slice(command.name(), Optional.of(command.name()), null, null, null, CardKind.COMMAND,
          command.name(), "command \u00b7 " + command.aggregate(), command.aggregate(), events));
    }
    for (ViewDef view : model.views()) {
      int after = -1;
      for (int i = 0; i < slices.size(); i++) {
        Slice slice = slices.get(i);
        if (slice.events().stream().anyMatch(e -> view.from().stream().anyMatch(r -> r.name().equals(e.name())))) {
          after = i;
        }
      }
      slices.add(after + 1 == 0 ? slices.size() : after + 1, new Slice(view.name(), Optional.of(view.name()), null,
          null, null, CardKind.VIEW, view.name(),
          view.key().isEmpty() ? "view \u00b7 one row" : "view \u00b7 by " + view.key(), "", List.of()));
    }
    for (AutomationDef automation : model.automations()) {
      int trigger = -1;
      int firstIssued = -1;
      for (int i = 0; i < slices.size(); i++) {
        Slice slice = slices.get(i);
        boolean triggers = automation.on().name().equals(slice.middle())
            || slice.events().stream().anyMatch(e -> e.name().equals(automation.on().name()));
        if (triggers && trigger < 0) {
          trigger = i;
        }
        boolean issued = slice.middleKind() == CardKind.COMMAND
            && automation.issues().stream().anyMatch(r -> r.name().equals(slice.middle()));
        if (issued && firstIssued < 0) {
          firstIssued = i;
        }
      }
      int at = firstIssued > trigger ? firstIssued : trigger + 1;
      if (trigger < 0 && firstIssued < 0) {
        at = slices.size();
      }
      slices.add(at, new Slice(automation.name(), Optional.of(automation.name()), CardKind.AUTOMATION,
          automation.name(), "automation \u00b7 on " + automation.on().name(), null, null, null, "", List.of()));
    }
    List<EventDef> orphans = model.events().stream()
        .filter(e -> model.commands().stream().noneMatch(c -> c.emits().stream().anyMatch(r -> r.name().equals(e.name()))))
        .toList();
    for (EventDef orphan : orphans) {
      slices.add(new Slice(orphan.name(), Optional.empty(), null, null, null, null, null, null, orphan.aggregate(),
          List.of(orphan)));
    }
    return slices;
  }
}
