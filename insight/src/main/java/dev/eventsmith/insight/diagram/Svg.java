package dev.eventsmith.insight.diagram;

import dev.eventsmith.insight.diagram.Board.Card;
import dev.eventsmith.insight.diagram.Board.CardKind;
import dev.eventsmith.insight.diagram.Board.Column;
import dev.eventsmith.insight.diagram.Board.Edge;
import dev.eventsmith.insight.diagram.Board.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Draws a {@link Board} as SVG text: cards, lanes, slice headers and arrows, styled by classes. */
final class Svg {

  static final String FONT = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

  static final String STYLE = """
      .bg { fill: #ffffff; }
      text { font-family: %s; }
      .title { font-size: 22px; font-weight: 700; fill: #0f172a; }
      .meta { font-size: 13px; fill: #64748b; }
      .lane { fill: #f8fafc; }
      .lane.alt { fill: #f1f5f9; }
      .lane-label { font-size: 13px; font-weight: 600; fill: #334155; }
      .lane-sub { font-size: 11px; fill: #94a3b8; }
      .separator { stroke: #e2e8f0; stroke-width: 1; stroke-dasharray: 4 4; }
      .slice-title { font-size: 13px; font-weight: 600; fill: #0f172a; }
      .badge text { font-size: 11px; font-weight: 600; fill: #ffffff; }
      .badge.none rect { fill: #94a3b8; }
      .badge.passing rect { fill: #16a34a; }
      .badge.failing rect { fill: #dc2626; }
      .badge.not-run rect { fill: #64748b; }
      .badge.skipped rect { fill: #a16207; }
      .badge.no-specs rect { fill: #d97706; }
      .badge.not-implemented rect { fill: #7c3aed; }
      .card .note { stroke-width: 1.5; }
      .card .name { font-size: 13px; font-weight: 600; fill: #0f172a; }
      .card .kind { font-size: 11px; fill: #475569; }
      .command .note { fill: #dbeafe; stroke: #3b82f6; }
      .command .stripe { fill: #3b82f6; }
      .event .note { fill: #ffedd5; stroke: #f97316; }
      .event .stripe { fill: #f97316; }
      .view .note { fill: #dcfce7; stroke: #22c55e; }
      .view .stripe { fill: #22c55e; }
      .automation .note { fill: #f1f5f9; stroke: #64748b; }
      .automation .stripe { fill: #64748b; }
      .gear { fill: #475569; fill-rule: evenodd; }
      .edge { fill: none; stroke: #94a3b8; stroke-width: 1.5; }
      .legend text { font-size: 12px; fill: #334155; }
      """.formatted(FONT);

  private static final String GEAR = gear();

  private final Board board;
  private final String title;
  private final String meta;
  private final Map<String, Badge> badges;
  private final boolean interactive;

  /** What a slice header says about its specs: {@code text} in the colours of {@code state}. */
  record Badge(String text, String state) {}

  Svg(Board board, String title, String meta, Map<String, Badge> badges, boolean interactive) {
    this.board = board;
    this.title = title;
    this.meta = meta;
    this.badges = badges;
    this.interactive = interactive;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(board.width).append("\" height=\"")
        .append(board.height).append("\" viewBox=\"0 0 ").append(board.width).append(' ').append(board.height)
        .append("\" role=\"img\" aria-label=\"").append(Xml.escape("Event model " + title)).append("\">\n");
    out.append("<title>").append(Xml.escape("Event model " + title)).append("</title>\n");
    out.append("<style>\n").append(STYLE).append("</style>\n");
    out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
        + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"#94a3b8\"/>"
        + "</marker></defs>\n");
    out.append("<rect class=\"bg\" width=\"100%\" height=\"100%\"/>\n");
    out.append(text("title", Board.MARGIN, 36, title));
    out.append(text("meta", Board.MARGIN, 58, meta));
    legend(out);
    lanes(out);
    columns(out);
    for (Edge edge : board.edges) {
      out.append(edge(edge));
    }
    for (Card card : board.cards) {
      card(out, card);
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private void legend(StringBuilder out) {
    String[][] entries = {{"command", "Command"}, {"event", "Event"}, {"view", "View"}, {"automation", "Automation"}};
    int x = Math.max(Board.MARGIN + 420, board.width - Board.MARGIN - entries.length * 104);
    out.append("<g class=\"legend\">");
    for (String[] entry : entries) {
      out.append("<g class=\"").append(entry[0]).append("\"><rect class=\"note\" x=\"").append(x).append("\" y=\"24\""
          + " width=\"16\" height=\"16\" rx=\"3\"/></g>");
      out.append(text("", x + 22, 37, entry[1]).strip());
      x += 104;
    }
    out.append("</g>\n");
  }

  private void lanes(StringBuilder out) {
    for (int i = 0; i < board.lanes.size(); i++) {
      Lane lane = board.lanes.get(i);
      out.append("<rect class=\"lane").append(i % 2 == 1 ? " alt" : "").append("\" x=\"").append(Board.MARGIN)
          .append("\" y=\"").append(lane.y()).append("\" width=\"").append(board.width - 2 * Board.MARGIN)
          .append("\" height=\"").append(lane.height()).append("\" rx=\"4\"/>\n");
      int middle = lane.y() + lane.height() / 2;
      out.append(text("lane-label", Board.MARGIN + 14, middle - 2, lane.label()));
      out.append(text("lane-sub", Board.MARGIN + 14, middle + 15, lane.sublabel()));
    }
  }

  private void columns(StringBuilder out) {
    int top = Board.TITLE_HEIGHT;
    int bottom = board.height - Board.MARGIN;
    for (int i = 0; i < board.columns.size(); i++) {
      Column column = board.columns.get(i);
      if (i > 0) {
        out.append("<line class=\"separator\" x1=\"").append(column.x()).append("\" y1=\"").append(top)
            .append("\" x2=\"").append(column.x()).append("\" y2=\"").append(bottom).append("\"/>\n");
      }
      int center = column.x() + column.width() / 2;
      String attributes = interactive && column.subject().isPresent()
          ? " class=\"slice el\" tabindex=\"0\" data-element=\"slice:" + Xml.escape(column.subject().get()) + "\""
          : " class=\"slice\"";
      out.append("<g").append(attributes).append(">");
      out.append(anchored("slice-title", center, top + 20, column.title()).strip());
      Badge badge = column.subject().map(badges::get).orElse(null);
      if (badge != null) {
        int w = badge.text().length() * 7 + 16;
        out.append("<g class=\"badge ").append(badge.state()).append("\"><rect x=\"").append(center - w / 2)
            .append("\" y=\"").append(top + 30).append("\" width=\"").append(w).append("\" height=\"18\" rx=\"9\"/>")
            .append(anchored("", center, top + 43, badge.text()).strip()).append("</g>");
      }
      out.append("</g>\n");
    }
  }

  private void card(StringBuilder out, Card card) {
    String kind = card.kind().name().toLowerCase(Locale.ROOT);
    out.append("<g class=\"card ").append(kind);
    if (interactive) {
      out.append(" el\" tabindex=\"0\" data-element=\"").append(kind).append(':').append(Xml.escape(card.element()));
    }
    out.append("\">");
    out.append("<rect class=\"note\" x=\"").append(card.x()).append("\" y=\"").append(card.y()).append("\" width=\"")
        .append(card.width()).append("\" height=\"").append(card.height()).append("\" rx=\"6\"/>");
    out.append("<rect class=\"stripe\" x=\"").append(card.x()).append("\" y=\"").append(card.y() + 6)
        .append("\" width=\"4\" height=\"").append(card.height() - 12).append("\" rx=\"2\"/>");
    int textX = card.x() + 14;
    if (card.kind() == CardKind.AUTOMATION) {
      out.append("<path class=\"gear\" transform=\"translate(").append(card.x() + 24).append(' ')
          .append(card.middleY()).append(")\" d=\"").append(GEAR).append("\"/>");
      textX = card.x() + 42;
    }
    out.append(text("name", textX, card.y() + 25, card.element()).strip());
    out.append(text("kind", textX, card.y() + 44, card.subtitle()).strip());
    out.append("</g>\n");
  }

  /**
   * An arrow as a rounded polyline that keeps off the cards: straight down within a column, else
   * out of the card's top or bottom into the gap between lanes, along that gap to the target's
   * column, and into the target. Arrows that share a gap merge into one rail, as on a board.
   */
  private String edge(Edge edge) {
    Card from = edge.from();
    Card to = edge.to();
    List<int[]> points = new ArrayList<>();
    boolean up = to.y() < from.y();
    if (from.column() == to.column()) {
      points.add(new int[] {from.centerX(), up ? from.y() : from.bottom()});
      points.add(new int[] {to.centerX(), up ? to.bottom() : to.y()});
    } else if (!up && to.y() > from.bottom()) {
      // Down to a later lane (an automation issuing a command): out of the side, then down.
      int sx = to.column() > from.column() ? from.right() : from.x();
      points.add(new int[] {sx, from.middleY()});
      points.add(new int[] {to.centerX(), from.middleY()});
      points.add(new int[] {to.centerX(), to.y()});
    } else {
      boolean right = to.column() > from.column();
      int sx = right ? from.right() - 18 : from.x() + 18;
      int rail = up ? from.y() - Board.LANE_PADDING : from.bottom() + Board.LANE_PADDING;
      points.add(new int[] {sx, up ? from.y() : from.bottom()});
      points.add(new int[] {sx, rail});
      points.add(new int[] {to.centerX(), rail});
      points.add(new int[] {to.centerX(), up ? to.bottom() : to.y()});
    }
    String d = rounded(points, 10);
    StringBuilder out = new StringBuilder("<path class=\"edge\"");
    if (interactive) {
      out.append(" data-from=\"").append(Xml.escape(elementId(from))).append("\" data-to=\"")
          .append(Xml.escape(elementId(to))).append('"');
    }
    return out.append(" d=\"").append(d).append("\" marker-end=\"url(#arrow)\"/>\n").toString();
  }

  /** Path data through {@code points}, each inner corner rounded with radius {@code r} (less where segments are short). */
  private static String rounded(List<int[]> points, int r) {
    StringBuilder d = new StringBuilder("M").append(points.get(0)[0]).append(' ').append(points.get(0)[1]);
    for (int i = 1; i < points.size() - 1; i++) {
      int[] a = points.get(i - 1);
      int[] b = points.get(i);
      int[] c = points.get(i + 1);
      int in = Math.min(r, Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])) / 2);
      int out = Math.min(r, Math.max(Math.abs(c[0] - b[0]), Math.abs(c[1] - b[1])) / 2);
      int k = Math.min(in, out);
      d.append('L').append(b[0] - Integer.signum(b[0] - a[0]) * k).append(' ')
          .append(b[1] - Integer.signum(b[1] - a[1]) * k);
      d.append('Q').append(b[0]).append(' ').append(b[1]).append(' ')
          .append(b[0] + Integer.signum(c[0] - b[0]) * k).append(' ').append(b[1] + Integer.signum(c[1] - b[1]) * k);
    }
    int[] last = points.get(points.size() - 1);
    return d.append('L').append(last[0]).append(' ').append(last[1]).toString();
  }

  static String elementId(Card card) {
    return card.kind().name().toLowerCase(Locale.ROOT) + ":" + card.element();
  }

  private static String text(String cssClass, int x, int y, String value) {
    return "<text" + (cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"") + " x=\"" + x + "\" y=\"" + y + "\">"
        + Xml.escape(value) + "</text>\n";
  }

  private static String anchored(String cssClass, int x, int y, String value) {
    return "<text" + (cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"") + " x=\"" + x + "\" y=\"" + y
        + "\" text-anchor=\"middle\">" + Xml.escape(value) + "</text>\n";
  }

  /** A gear of eight teeth around the origin, as path data with one decimal: StrictMath gives the same digits on every JDK. */
  private static String gear() {
    StringBuilder d = new StringBuilder();
    int teeth = 8;
    for (int i = 0; i < teeth * 4; i++) {
      double angle = StrictMath.PI * 2 * i / (teeth * 4) - StrictMath.PI / (teeth * 4);
      double radius = (i % 4 == 1 || i % 4 == 2) ? 10 : 7.5;
      d.append(i == 0 ? "M" : "L").append(decimal(radius * StrictMath.cos(angle))).append(' ')
          .append(decimal(radius * StrictMath.sin(angle)));
    }
    d.append("Z M3 0A3 3 0 1 0 -3 0A3 3 0 1 0 3 0Z");
    return d.toString();
  }

  private static String decimal(double value) {
    long tenths = Math.round(value * 10);
    String sign = tenths < 0 ? "-" : "";
    long abs = Math.abs(tenths);
    return sign + (abs / 10) + (abs % 10 == 0 ? "" : "." + (abs % 10));
  }
}
