/* sphinx-awserrors: filter, status-class toggles, sorting and landing for aws-error-table.
 *
 * Plain JavaScript, no dependency. Without it (or in print) every row stays visible: this
 * script only hides rows. Labels come from <script type="application/json"
 * id="awserr-table-labels"> (translated by the extension); the English ones below are the
 * fallback. A table (or a grouped table's container) with the class awserr-no-filter is left
 * alone, as is the aws-error-compat matrix. The filter of each table is kept in the page's URL (?<table id>=text&<id>-status=4xx).
 */
(function () {
  "use strict";

  var labels = {
    filter: "Filter codes",
    placeholder: "Code or description",
    classes: "Status classes",
    count: "{shown} of {total} codes shown",
    toggle: "Show {class} codes ({count} match)",
    sort: "Sort by {column}",
    empty: "No code matches the filter.",
  };

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? String(values[name]) : all;
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  var CLASS = /\bawserr-(?:row|status)-(\dxx)\b/;

  function rowClass(row) {
    var match = CLASS.exec(row.className);
    var cell = match ? null : row.querySelector("td[class*='awserr-status-']");
    if (!match && cell) match = CLASS.exec(cell.className);
    return match ? match[1] : "";
  }

  function rowText(row) {
    var copy = row.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) {
      link.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim().toLowerCase();
  }

  // The height of the fixed or sticky header a landed row must stay below.
  function headerHeight() {
    var bottom = 0;
    var width = window.innerWidth;
    var candidates = document.querySelectorAll(
      "body > *, body > * > *, body > * > * > *, header, nav, [class*='header']"
    );
    candidates.forEach(function (node) {
      var style = getComputedStyle(node);
      if (style.position !== "fixed" && style.position !== "sticky") return;
      if (style.display === "none" || style.visibility === "hidden") return;
      var rect = node.getBoundingClientRect();
      var top = parseFloat(style.top);
      if (isNaN(top) || top > 50 || rect.height === 0) return;
      if (rect.width < width / 2 || rect.height > window.innerHeight / 3) return;
      if (style.position === "fixed" && rect.top > 1) return;
      bottom = Math.max(bottom, top + rect.height);
    });
    return Math.ceil(bottom);
  }

  function measure() {
    document.documentElement.style.setProperty("--awserr-sticky-header", headerHeight() + "px");
  }

  // On load, once the header is measured and the filter bars are in: the row a link names is
  // scrolled in again, at once (a theme's smooth scrolling would crawl there).
  function land() {
    measure();
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.closest("table.awserr-table")) {
      target.scrollIntoView({ behavior: "instant", block: "start" });
    }
  }

  // The outermost element that holds only *node*: the theme's scrolling wrapper of a table
  // (Furo's div.table-wrapper, Read the Docs' div.wy-table-responsive), or *node* itself.
  function box(node) {
    var parent = node.parentElement;
    while (parent && parent.tagName === "DIV" && parent.children.length === 1) {
      node = parent;
      parent = node.parentElement;
    }
    return node;
  }

  function Unit(root, index) {
    var self = this;
    self.root = root;
    self.key = root.id || "awserr-" + index;
    self.tables = root.matches("table") ? [root] : Array.from(root.querySelectorAll("table"));
    self.rows = [];
    self.tables.forEach(function (table) {
      Array.from(table.tBodies).forEach(function (body) {
        Array.from(body.rows).forEach(function (row, position) {
          self.rows.push({
            row: row,
            body: body,
            table: table,
            position: position,
            klass: rowClass(row),
            text: rowText(row),
          });
        });
      });
    });
    self.classes = [];
    self.rows.forEach(function (item) {
      if (item.klass && self.classes.indexOf(item.klass) < 0) self.classes.push(item.klass);
    });
    self.classes.sort();
    self.hidden = {};
    self.sort = "";
    self.build();
  }

  Unit.prototype.build = function () {
    var self = this;
    var bar = el("div", { class: "awserr-filter", role: "search" });
    var inputId = self.key + "-filter";
    bar.appendChild(el("label", { for: inputId, class: "awserr-filter-label" }, labels.filter));
    self.input = el("input", {
      type: "search",
      id: inputId,
      class: "awserr-filter-input",
      placeholder: labels.placeholder,
      autocomplete: "off",
      spellcheck: "false",
    });
    self.input.addEventListener("input", function () {
      self.update(true);
    });
    bar.appendChild(self.input);
    self.toggles = {};
    if (self.classes.length > 1) {
      var group = el("span", { class: "awserr-filter-classes", role: "group" });
      group.setAttribute("aria-label", labels.classes);
      self.classes.forEach(function (klass) {
        var button = el("button", {
          type: "button",
          class: "awserr-toggle awserr-toggle-" + klass,
          "aria-pressed": "true",
          "data-class": klass,
        });
        button.addEventListener("click", function () {
          self.hidden[klass] = !self.hidden[klass];
          self.update(true);
        });
        self.toggles[klass] = button;
        group.appendChild(button);
      });
      bar.appendChild(group);
    }
    self.count = el("output", { class: "awserr-filter-count", "aria-live": "polite" });
    bar.appendChild(self.count);
    self.empty = el("p", { class: "awserr-filter-empty", hidden: "" }, labels.empty);
    var outer = box(self.root);
    outer.parentNode.insertBefore(bar, outer);
    outer.parentNode.insertBefore(self.empty, outer);
    self.tables.forEach(function (table) {
      self.sortable(table);
    });
  };

  // Buttons in the headers of the code and status columns.
  Unit.prototype.sortable = function (table) {
    var self = this;
    var first = table.tBodies[0] && table.tBodies[0].rows[0];
    var head = table.tHead && table.tHead.rows[0];
    if (!first || !head) return;
    Array.from(first.cells).forEach(function (cell, column) {
      var name = /\bawserr-(code|status)\b/.exec(cell.className);
      var th = head.cells[column];
      if (!name || !th || th.querySelector("button")) return;
      var button = el("button", { type: "button", class: "awserr-sort", "data-sort": name[1] });
      button.setAttribute("aria-label", format(labels.sort, { column: th.textContent.trim() }));
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        self.sort = self.sort === name[1] ? "-" + name[1] : name[1];
        self.update(true);
      });
      self.cells = self.cells || [];
      self.cells.push({ th: th, column: column, name: name[1] });
    });
  };

  Unit.prototype.keyOf = function (item, name) {
    if (!item.keys) {
      var cells = item.row.cells;
      item.keys = {};
      (this.cells || []).forEach(function (spec) {
        var cell = cells[spec.column];
        var shown = cell && (cell.querySelector("code") || cell);
        var text = shown ? shown.textContent.trim() : "";
        item.keys[spec.name] = spec.name === "status" ? parseInt(text, 10) || 0 : text;
      });
    }
    return item.keys[name];
  };

  Unit.prototype.order = function () {
    var self = this;
    var descending = self.sort.charAt(0) === "-";
    var name = self.sort.replace("-", "");
    var items = self.rows.slice();
    items.sort(function (a, b) {
      var result = 0;
      if (name) {
        var x = self.keyOf(a, name);
        var y = self.keyOf(b, name);
        result = typeof x === "number" ? x - y : x.localeCompare(y, undefined, { sensitivity: "base" });
        if (descending) result = -result;
      }
      return result || a.position - b.position;
    });
    items.forEach(function (item) {
      item.body.appendChild(item.row);
    });
    (self.cells || []).forEach(function (spec) {
      var state = spec.name !== name ? "none" : descending ? "descending" : "ascending";
      spec.th.setAttribute("aria-sort", state);
    });
  };

  Unit.prototype.update = function (remember) {
    var self = this;
    var terms = self.input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var shown = 0;
    var matching = {};
    var visible = new Map();
    self.rows.forEach(function (item) {
      var match = terms.every(function (term) {
        return item.text.indexOf(term) >= 0;
      });
      if (match) matching[item.klass] = (matching[item.klass] || 0) + 1;
      var show = (match && !self.hidden[item.klass]) || (target && item.row.contains(target));
      item.row.classList.toggle("awserr-hidden", !show);
      if (show) shown += 1;
      visible.set(item.table, (visible.get(item.table) || 0) + (show ? 1 : 0));
    });
    if (self.tables.length > 1) {
      visible.forEach(function (count, table) {
        box(table).classList.toggle("awserr-hidden", count === 0);
      });
    }
    self.classes.forEach(function (klass) {
      var button = self.toggles[klass];
      if (!button) return;
      var count = matching[klass] || 0;
      button.setAttribute("aria-pressed", self.hidden[klass] ? "false" : "true");
      button.textContent = klass + " (" + count + ")";
      button.title = format(labels.toggle, { class: klass, count: count });
    });
    self.count.textContent = format(labels.count, { shown: shown, total: self.rows.length });
    self.empty.hidden = shown > 0;
    if (self.sorted !== self.sort) self.order();
    self.sorted = self.sort;
    if (remember) self.save();
  };

  Unit.prototype.save = function () {
    var params = new URLSearchParams(location.search);
    var self = this;
    var hidden = self.classes.filter(function (klass) {
      return self.hidden[klass];
    });
    var shownClasses = self.classes.filter(function (klass) {
      return !self.hidden[klass];
    });
    var values = {};
    values[self.key] = self.input.value;
    values[self.key + "-status"] = hidden.length ? shownClasses.join(",") || "none" : "";
    values[self.key + "-sort"] = self.sort;
    Object.keys(values).forEach(function (name) {
      if (values[name]) params.set(name, values[name]);
      else params.delete(name);
    });
    var search = params.toString();
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
  };

  Unit.prototype.restore = function () {
    var params = new URLSearchParams(location.search);
    var self = this;
    self.input.value = params.get(self.key) || "";
    var status = params.get(self.key + "-status");
    if (status) {
      var shown = status.split(",");
      self.classes.forEach(function (klass) {
        self.hidden[klass] = shown.indexOf(klass) < 0;
      });
    }
    var sort = params.get(self.key + "-sort") || "";
    if (/^-?(code|status)$/.test(sort)) self.sort = sort;
    self.update(false);
  };

  function init() {
    var node = document.getElementById("awserr-table-labels");
    if (node) {
      try {
        var given = JSON.parse(node.textContent);
        Object.keys(given).forEach(function (name) {
          if (typeof given[name] === "string") labels[name] = given[name];
        });
      } catch (error) {
        /* keep the English labels */
      }
    }
    var roots = [];
    document.querySelectorAll("table.awserr-table").forEach(function (table) {
      var root = table.closest(".awserr-groups") || table;
      if (roots.indexOf(root) < 0) roots.push(root);
    });
    roots.forEach(function (root, index) {
      if (root.closest(".awserr-no-filter, .awserr-compat")) return;
      new Unit(root, index).restore();
    });
    land();
    var resized = 0;
    window.addEventListener("resize", function () {
      clearTimeout(resized);
      resized = setTimeout(measure, 200);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
