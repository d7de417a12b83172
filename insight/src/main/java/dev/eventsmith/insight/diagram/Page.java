package dev.eventsmith.insight.diagram;

/**
 * The HTML page around an interactive board. Everything is inline and the page's content security
 * policy forbids any fetch, so it works from a file, offline, attached to an issue.
 */
final class Page {

  private static final String CSS = """
      * { box-sizing: border-box; }
      html, body { margin: 0; height: 100%%; }
      body { font-family: %s; color: #0f172a; background: #e2e8f0; display: flex; flex-direction: column; }
      header { padding: 10px 20px; background: #0f172a; color: #f8fafc; display: flex; align-items: baseline; gap: 16px; }
      header h1 { font-size: 17px; margin: 0; font-weight: 600; }
      header span { font-size: 13px; color: #cbd5e1; }
      main { flex: 1; display: flex; min-height: 0; }
      #board { flex: 1; overflow: auto; padding: 16px; }
      #board svg { display: block; background: #ffffff; border-radius: 8px; box-shadow: 0 1px 3px rgba(15, 23, 42, 0.15); }
      aside { width: 360px; flex: none; overflow: auto; background: #ffffff; border-left: 1px solid #cbd5e1; padding: 18px 20px; }
      aside h2 { font-size: 18px; margin: 0 0 2px; word-break: break-word; }
      aside .kind { display: inline-block; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
        padding: 2px 8px; border-radius: 9px; color: #ffffff; background: #64748b; }
      aside .kind.command { background: #3b82f6; } aside .kind.event { background: #f97316; }
      aside .kind.view { background: #16a34a; } aside .kind.automation { background: #475569; }
      aside .where { font-size: 12px; color: #64748b; margin: 6px 0 14px; font-family: ui-monospace, Menlo, Consolas, monospace; }
      aside h3 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; color: #64748b; margin: 18px 0 6px; }
      aside table { border-collapse: collapse; width: 100%%; font-size: 13px; }
      aside td { padding: 4px 6px; border-bottom: 1px solid #f1f5f9; vertical-align: top; }
      aside td:first-child { font-weight: 600; white-space: nowrap; }
      aside td.type { font-family: ui-monospace, Menlo, Consolas, monospace; color: #334155; }
      aside ul { list-style: none; margin: 0; padding: 0; font-size: 13px; }
      aside li { padding: 6px 0; border-bottom: 1px solid #f1f5f9; }
      aside li small { display: block; color: #64748b; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; }
      aside .dot { display: inline-block; width: 8px; height: 8px; border-radius: 4px; margin-right: 6px; background: #cbd5e1; }
      aside .dot.passing { background: #16a34a; } aside .dot.failing { background: #dc2626; }
      aside .dot.not-run { background: #64748b; } aside .dot.skipped { background: #a16207; }
      aside .empty { color: #64748b; font-size: 13px; }
      .el { cursor: pointer; outline: none; }
      .el:focus-visible .note, .el.selected .note { stroke-width: 3; }
      .el.selected .note { filter: drop-shadow(0 2px 4px rgba(15, 23, 42, 0.35)); }
      svg.focus .card:not(.selected):not(.related) { opacity: 0.35; }
      svg.focus .edge { opacity: 0.2; }
      svg.focus .edge.hot { opacity: 1; stroke: #0f172a; }
      """.formatted(Svg.FONT);

  private static final String SCRIPT = """
      (function () {
        'use strict';
        var data = JSON.parse(document.getElementById('model-data').textContent);
        var panel = document.getElementById('details');
        var svg = document.querySelector('#board svg');
        function add(parent, tag, text, cls) {
          var node = document.createElement(tag);
          if (text !== undefined) { node.textContent = text; }
          if (cls) { node.className = cls; }
          parent.appendChild(node);
          return node;
        }
        function table(rows, typed) {
          var t = document.createElement('table');
          rows.forEach(function (row) {
            var tr = add(t, 'tr');
            add(tr, 'td', row[0]);
            add(tr, 'td', row[1], typed ? 'type' : undefined);
          });
          return t;
        }
        function show(id) {
          var item = data[id];
          panel.textContent = '';
          if (!item) { return; }
          add(panel, 'span', item.kind, 'kind ' + item.kind);
          add(panel, 'h2', item.name);
          if (item.where) { add(panel, 'div', item.where, 'where'); }
          if (item.fields.length) {
            add(panel, 'h3', 'Fields');
            panel.appendChild(table(item.fields, true));
          } else if (item.kind !== 'slice' && item.kind !== 'automation') {
            add(panel, 'h3', 'Fields');
            add(panel, 'p', 'No fields.', 'empty');
          }
          if (item.facts.length) {
            add(panel, 'h3', 'Model');
            panel.appendChild(table(item.facts, false));
          }
          add(panel, 'h3', item.kind === 'slice' ? 'Specs' : 'Specs that mention it');
          if (!item.specs.length) {
            add(panel, 'p', 'None yet.', 'empty');
          } else {
            var list = add(panel, 'ul');
            item.specs.forEach(function (spec) {
              var li = add(list, 'li');
              var dot = add(li, 'span', undefined, 'dot ' + spec.outcome.replace(' ', '-'));
              dot.title = spec.outcome || 'no test report';
              add(li, 'span', spec.subject + ' \\u203a ' + spec.name);
              add(li, 'small', spec.where + (spec.outcome ? ' \\u00b7 ' + spec.outcome : ''));
            });
          }
        }
        function select(id) {
          var related = {};
          svg.querySelectorAll('.edge').forEach(function (edge) {
            var hot = edge.getAttribute('data-from') === id || edge.getAttribute('data-to') === id;
            edge.classList.toggle('hot', hot);
            if (hot) {
              related[edge.getAttribute('data-from')] = true;
              related[edge.getAttribute('data-to')] = true;
            }
          });
          svg.querySelectorAll('.el').forEach(function (el) {
            var own = el.getAttribute('data-element');
            el.classList.toggle('selected', own === id);
            el.classList.toggle('related', own !== id && related[own] === true);
          });
          svg.classList.toggle('focus', id.indexOf('slice:') !== 0);
          show(id);
        }
        svg.querySelectorAll('.el').forEach(function (el) {
          el.addEventListener('click', function () { select(el.getAttribute('data-element')); });
          el.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(el.getAttribute('data-element')); }
          });
        });
      })();
      """;

  private Page() {}

  static String render(String title, String svg, String json) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
        + " script-src 'unsafe-inline'; img-src data:\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + Xml.escape(title) + " \u00b7 event model</title>\n"
        + "<style>\n" + CSS + "</style>\n</head>\n<body>\n"
        + "<header><h1>" + Xml.escape(title) + "</h1><span>Event model \u00b7 click a command, event, view,"
        + " automation or slice for its details</span></header>\n"
        + "<main>\n<div id=\"board\">\n" + svg + "</div>\n"
        + "<aside id=\"details\"><p class=\"empty\">Click a command, event, view or automation to see its fields and"
        + " the specs that mention it; click a slice's title for its specs.</p></aside>\n</main>\n"
        + "<script type=\"application/json\" id=\"model-data\">" + json.replace("</", "<\\/") + "</script>\n"
        + "<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n";
  }
}
