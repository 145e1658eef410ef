// Data: reports[i] = {p: path, a: agency, y: year, s: status, sc: score, g: grade, ok: passed,
// r: is_report, nr: not-report reason, e: element statuses (0 present, 1 weak, 2 missing, -1 n/a),
// nf: number of findings, f: findings [severity, rule, message, excerpt, line, suggestion] or null
// (not embedded), err: error message};
// copies[i] = [kind name, part name, report index a, report index b, similarity, passages (null: not
// embedded, in the workbook)].
// The ranking table shows one page of rows at a time (never the whole corpus in the DOM);
// every column sorts; the detail panel sits beside the table.
// t: the page's words in the chosen language, "dash.*" catalogue templates without the prefix
// (checker/i18n.py); T fills them the way the catalogue's fill() does: {name}, {count|one|many}.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("audit-data").textContent);
  var R = D.reports, SVGNS = "http://www.w3.org/2000/svg";
  var pageSize = 50, page = 0, shown = [], sortKey = "rank", sortDir = 1, COPY_PAGE = 20;
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    for (var k in attrs || {}) n.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function svg(tag, attrs, text) {
    var n = document.createElementNS(SVGNS, tag);
    for (var k in attrs || {}) n.setAttribute(k, attrs[k]);
    if (text !== undefined) n.textContent = String(text);
    return n;
  }
  function T(key, values) {
    var v = values || {}, text = D.t[key] === undefined ? key : D.t[key];
    text = text.replace(/\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g, function (m, name, one, many) {
      return v[name] === undefined ? m : (Number(v[name]) === 1 ? one : many);
    });
    return text.replace(/\{(\w+)\}/g, function (m, name) { return v[name] === undefined ? m : String(v[name]); });
  }
  function statusName(s) { return D.statusNames[s] || s; }
  function verdict(r) { return r.sc === null ? "—" : (r.ok ? T("pass") : T("fail")); }
  R.forEach(function (r, i) { r.i = i; });
  var checked = R.filter(function (r) { return r.sc !== null; });
  checked.slice().sort(function (x, y) { return y.sc - x.sc || (x.p < y.p ? -1 : 1); })
    .forEach(function (r, k) { r.rank = k + 1; });
  R.forEach(function (r) { if (r.sc === null) r.rank = null; });

  // summary cards
  var avg = checked.length ? checked.reduce(function (s, r) { return s + r.sc; }, 0) / checked.length : 0;
  var trouble = R.filter(function (r) { return r.s !== "ok"; }).length;
  var failing = checked.filter(function (r) { return !r.ok; }).length;
  var copied = D.copies.length - (D.duplicates || 0);  // a report filed twice is no copy
  document.getElementById("subtitle").textContent = T("subtitle", {pack: D.pack, count: R.length});
  [[T("card.files"), R.length], [T("card.scored"), checked.length], [T("card.average"), avg.toFixed(1)],
   [T("pass"), checked.length - failing], [T("fail"), failing, failing > 0],
   [T("card.trouble"), trouble, trouble > 0], [T("card.copies"), copied, copied > 0]].concat(
   D.duplicates ? [[T("card.duplicates"), D.duplicates, true]] : []).forEach(function (c) {
    var card = el("div", {"class": "card" + (c[2] ? " bad" : "")});
    card.appendChild(el("b", {}, c[1])); card.appendChild(el("span", {}, c[0]));
    document.getElementById("cards").appendChild(card);
  });

  // score histogram: ten bins of 10 points, with axis titles and a count scale
  (function () {
    var bins = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    checked.forEach(function (r) { bins[Math.min(9, Math.floor(r.sc / 10))]++; });
    var W = 480, H = 260, left = 56, bottom = 48, top = 16, max = Math.max.apply(null, bins.concat([1]));
    var bw = (W - left - 10) / 10, plot = H - bottom - top;
    var s = svg("svg", {viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": T("histogram-label")});
    [0, 0.5, 1].forEach(function (f) {
      var y = H - bottom - plot * f;
      s.appendChild(svg("line", {x1: left, y1: y, x2: W - 10, y2: y, stroke: "#e4e7ec"}));
      s.appendChild(svg("text", {x: left - 6, y: y + 4, "text-anchor": "end"}, Math.round(max * f)));
    });
    bins.forEach(function (n, i) {
      var h = plot * n / max, x = left + i * bw, y = H - bottom - h;
      var color = i >= 9 ? "#12b76a" : i >= 7 ? "#84cc16" : i >= 6 ? "#fbbf24" : "#f04438";
      var rect = svg("rect", {x: x + 2, y: y, width: bw - 4, height: h, fill: color, "class": "bar"});
      rect.appendChild(svg("title", {}, T("bin", {low: i * 10, high: i * 10 + 10, count: n})));
      s.appendChild(rect);
      if (n) s.appendChild(svg("text", {x: x + bw / 2, y: y - 3, "text-anchor": "middle"}, n));
      s.appendChild(svg("text", {x: x, y: H - bottom + 14, "text-anchor": "middle"}, i * 10));
    });
    s.appendChild(svg("text", {x: left + 10 * bw, y: H - bottom + 14, "text-anchor": "middle"}, 100));
    s.appendChild(svg("line", {x1: left, y1: H - bottom, x2: W - 10, y2: H - bottom, stroke: "#98a2b3"}));
    s.appendChild(svg("text", {x: left + 5 * bw, y: H - 10, "text-anchor": "middle", "class": "axis"}, T("axis.score")));
    s.appendChild(svg("text", {x: 14, y: top + plot / 2, "text-anchor": "middle", "class": "axis",
      transform: "rotate(-90 14 " + (top + plot / 2) + ")"}, T("axis.reports")));
    document.getElementById("histogram").appendChild(s);
  })();

  // coverage heat map: rows = report years (and all), columns = elements with full names
  (function () {
    var reports = R.filter(function (r) { return r.r; });
    var years = {}; reports.forEach(function (r) { years[r.y || "未知"] = 1; });
    var rows = [[T("all"), reports]].concat(Object.keys(years).sort().map(function (y) {
      return [y === "未知" ? T("unknown-year") : T("year", {year: y}), reports.filter(function (r) { return String(r.y || "未知") === y; })];
    }));
    // label length in Han-character widths: Latin letters take about half of one
    function units(n) { return n.replace(/[\u0000-\u024f]/g, "").length + n.replace(/[^\u0000-\u024f]/g, "").length * 0.5; }
    var longest = Math.max.apply(null, D.elements.map(units).concat([2]));
    var cw = 64, ch = 24, left = 124, top = 26 + longest * 9;
    var reach = Math.max.apply(null, D.elements.map(function (n, j) {  // a slanted label's right end
      return j * cw + cw / 2 + units(n) * 9.5 - cw * D.elements.length;
    }).concat([16]));
    var W = left + cw * D.elements.length + Math.round(reach), H = top + ch * rows.length + 34;
    var s = svg("svg", {viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": T("heatmap-label")});
    D.elements.forEach(function (name, j) {
      var x = left + j * cw + cw / 2, y = top - 8;
      s.appendChild(svg("text", {x: x, y: y, "text-anchor": "start", transform: "rotate(-40 " + x + " " + y + ")"}, name));
    });
    s.appendChild(svg("text", {x: left + cw * D.elements.length / 2, y: H - 8, "text-anchor": "middle", "class": "axis"},
      T("axis.elements")));
    s.appendChild(svg("text", {x: 12, y: top + ch * rows.length / 2, "text-anchor": "middle", "class": "axis",
      transform: "rotate(-90 12 " + (top + ch * rows.length / 2) + ")"}, T("axis.year")));
    rows.forEach(function (row, i) {
      s.appendChild(svg("text", {x: left - 6, y: top + i * ch + ch / 2 + 4, "text-anchor": "end"},
        T("row", {label: row[0], count: row[1].length})));
      D.elements.forEach(function (name, j) {
        var n = row[1].length, present = row[1].filter(function (r) { return r.e[j] === 0; }).length;
        var share = n ? present / n : 0, hue = Math.round(120 * share);
        var cell = svg("rect", {x: left + j * cw, y: top + i * ch, width: cw - 2, height: ch - 2,
          fill: n ? "hsl(" + hue + ",65%,62%)" : "#eee", "class": "cell"});
        cell.appendChild(svg("title", {}, T("cell", {row: row[0], name: name, present: present, count: n})));
        s.appendChild(cell);
        s.appendChild(svg("text", {x: left + j * cw + cw / 2 - 1, y: top + i * ch + ch / 2 + 4, "text-anchor": "middle"},
          n ? Math.round(share * 100) + "%" : "–"));
      });
    });
    document.getElementById("heatmap").appendChild(s);
  })();

  // ranking table: filters, sortable columns, one page in the DOM
  var fText = document.getElementById("filter-text"), fGrade = document.getElementById("filter-grade"),
      fStatus = document.getElementById("filter-status"), fVerdict = document.getElementById("filter-verdict");
  function uniq(xs) { var seen = {}; return xs.filter(function (x) { if (seen[x]) return false; seen[x] = 1; return true; }).sort(); }
  uniq(R.map(function (r) { return r.g; })).forEach(function (g) { if (g) fGrade.appendChild(el("option", {value: g}, g)); });
  uniq(R.map(function (r) { return r.s; })).forEach(function (s) { fStatus.appendChild(el("option", {value: s}, statusName(s))); });
  function sortValue(r, key) {
    if (key === "ok") return r.sc === null ? null : (r.ok ? 1 : 0);
    var v = r[key];
    return v === undefined || v === "" ? null : v;
  }
  function compare(x, y) {
    var a = sortValue(x, sortKey), b = sortValue(y, sortKey);
    if (a === null && b === null) return x.i - y.i;
    if (a === null) return 1;  // blanks last, whatever the direction
    if (b === null) return -1;
    if (a < b) return -sortDir;
    if (a > b) return sortDir;
    return x.i - y.i;
  }
  function applyFilters() {
    var q = fText.value.trim().toLowerCase();
    shown = R.filter(function (r) {
      return (!q || (r.a + " " + r.p).toLowerCase().indexOf(q) >= 0) &&
        (!fGrade.value || r.g === fGrade.value) && (!fStatus.value || r.s === fStatus.value) &&
        (!fVerdict.value || (r.sc !== null && (fVerdict.value === "pass") === r.ok));
    });
    shown.sort(compare);
    page = 0; drawTable();
  }
  document.querySelectorAll("#ranking th").forEach(function (th) {
    th.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      sortDir = key === sortKey ? -sortDir : (key === "sc" || key === "nf" || key === "y" ? -1 : 1);
      sortKey = key;
      document.querySelectorAll("#ranking th").forEach(function (h) { h.classList.remove("asc", "desc"); });
      th.classList.add(sortDir > 0 ? "asc" : "desc");
      shown.sort(compare); page = 0; drawTable();
    });
    if (th.getAttribute("data-key") === sortKey) th.classList.add("asc");
  });
  function drawTable() {
    var body = document.querySelector("#ranking tbody"); body.textContent = "";
    var pages = Math.max(1, Math.ceil(shown.length / pageSize));
    page = Math.min(Math.max(page, 0), pages - 1);
    shown.slice(page * pageSize, (page + 1) * pageSize).forEach(function (r) {
      var tr = el("tr", {"data-index": r.i});
      [r.rank === null ? "—" : r.rank, r.a || T("unidentified"), r.y || "", r.sc === null ? "—" : r.sc, r.g,
       verdict(r), statusName(r.s), r.nf, r.p].forEach(function (v, c) {
        var td = el("td", {}, v);
        if (c === 0 || c === 2 || c === 3 || c === 7) td.className = "num";
        if (c === 4 && !r.ok && r.sc !== null) td.className = "g-fail";
        if (c === 5) td.className = r.sc === null ? "" : (r.ok ? "s-ok" : "s-bad");
        if (c === 6) td.className = r.s === "ok" ? "s-ok" : "s-bad";
        tr.appendChild(td);
      });
      tr.addEventListener("click", function () { showDetail(r, tr); });
      body.appendChild(tr);
    });
    document.getElementById("filter-count").textContent = T("filter-count", {shown: shown.length, total: R.length});
    drawPager(pages);
  }
  function drawPager(pages) {
    var pager = document.getElementById("pager"); pager.textContent = "";
    function button(label, target, disabled) {
      var b = el("button", disabled ? {disabled: "disabled"} : {}, label);
      b.addEventListener("click", function () { page = target; drawTable(); });
      pager.appendChild(b);
    }
    button(T("first"), 0, page === 0);
    button(T("prev"), page - 1, page === 0);
    var box = el("input", {type: "number", min: 1, max: pages, value: page + 1, "aria-label": T("page-number")});
    box.addEventListener("change", function () { page = (parseInt(box.value, 10) || 1) - 1; drawTable(); });
    pager.appendChild(el("span", {}, T("page-before"))); pager.appendChild(box);
    pager.appendChild(el("span", {}, T("page-after", {pages: pages})));
    button(T("next"), page + 1, page >= pages - 1);
    button(T("last"), pages - 1, page >= pages - 1);
    var size = el("select", {"aria-label": T("page-size-label")});
    [25, 50, 100, 200].forEach(function (n) {
      var o = el("option", {value: n}, T("page-size", {n: n})); if (n === pageSize) o.selected = true; size.appendChild(o);
    });
    size.addEventListener("change", function () { pageSize = parseInt(size.value, 10); page = 0; drawTable(); });
    pager.appendChild(size);
  }
  [fText, fGrade, fStatus, fVerdict].forEach(function (n) { n.addEventListener("input", applyFilters); });

  function markedExcerpt(text) {
    var box = el("div", {"class": "excerpt"});
    if (text) box.appendChild(el("mark", {}, text)); else box.appendChild(el("span", {"class": "hint"}, T("no-excerpt")));
    return box;
  }
  function showDetail(r, tr) {
    document.querySelectorAll("#ranking tr.sel").forEach(function (n) { n.classList.remove("sel"); });
    if (tr) tr.classList.add("sel");
    var box = document.getElementById("detail"); box.textContent = "";
    box.appendChild(el("h2", {}, T("detail-title", {name: r.a || r.p})));
    box.appendChild(el("p", {}, T("detail-line", {file: r.p, year: r.y || T("unknown"),
      score: r.sc === null ? "—" : r.sc, grade: r.g || statusName(r.s), verdict: verdict(r)})));
    if (r.err) box.appendChild(el("p", {"class": "s-bad"}, r.err));
    if (r.nr) box.appendChild(el("p", {"class": "s-bad"}, r.nr));
    var chips = el("p");
    D.elements.forEach(function (name, j) {
      chips.appendChild(el("span", {"class": ["s-ok", "sev-warning", "s-bad", "hint"][r.e[j] < 0 ? 3 : r.e[j]]},
        ["✓", "△", "✗", "·"][r.e[j] < 0 ? 3 : r.e[j]] + name + "　"));
    });
    box.appendChild(chips);
    if (r.f === null) {
      box.appendChild(el("p", {"class": "hint"}, T("not-embedded", {count: r.nf})));
      return;
    }
    if (!r.f.length && r.s === "ok") box.appendChild(el("p", {"class": "s-ok"}, T("no-findings")));
    r.f.forEach(function (f) {
      var item = el("div", {"class": "finding " + f[0]});
      item.appendChild(el("div", {"class": "sev-" + f[0]}, (f[4] ? T("line", {line: f[4]}) : "") + T("finding", {message: f[2], rule: f[1]})));
      item.appendChild(markedExcerpt(f[3]));
      item.appendChild(el("div", {"class": "sugg"}, T("suggestion", {text: f[5]})));
      box.appendChild(item);
    });
  }

  // copy pairs side by side, a page at a time
  (function () {
    var box = document.getElementById("copies"), drawn = 0;
    if (!D.copies.length) { box.appendChild(el("p", {"class": "hint"}, T("no-copies"))); return; }
    var more = el("button", {}, "");
    function drawMore() {
      D.copies.slice(drawn, drawn + COPY_PAGE).forEach(function (c) {
        var a = R[c[2]] || {}, b = R[c[3]] || {};
        var pair = el("div", {"class": "pair"});
        pair.appendChild(el("h3", {}, T("pair", {kind: c[0], part: c[1], share: Math.round(c[4] * 100)})));
        var cols = el("div", {"class": "cols"});
        [a, b].forEach(function (r) {
          var col = el("div");
          col.appendChild(el("b", {}, T("pair-side", {agency: r.a || T("unidentified-body"), year: r.y || "", file: r.p})));
          if (c[5] === null) col.appendChild(el("p", {"class": "hint"}, T("passages-not-embedded")));
          else c[5].forEach(function (t) { col.appendChild(markedExcerpt(t)); });
          cols.appendChild(col);
        });
        pair.appendChild(cols);
        box.insertBefore(pair, more);
      });
      drawn = Math.min(drawn + COPY_PAGE, D.copies.length);
      more.textContent = T("more", {n: Math.min(COPY_PAGE, D.copies.length - drawn), drawn: drawn, total: D.copies.length});
      more.style.display = drawn < D.copies.length ? "" : "none";
    }
    more.addEventListener("click", drawMore);
    box.appendChild(more);
    drawMore();
  })();

  applyFilters();
})();
