// Data: reports[i] = {p: path, a: agency, y: year, s: status, sc: score, g: grade, ok: passed,
// r: is_report, nr: not-report reason, e: element statuses (0 present, 1 weak, 2 missing, -1 n/a),
// f: findings [severity, rule, message, excerpt, line, suggestion], err: error message};
// copies[i] = [kind name, part name, report index a, report index b, similarity, passages].
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("audit-data").textContent);
  var R = D.reports, PAGE = 500, page = 0, shown = [], SVGNS = "http://www.w3.org/2000/svg";
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
  function statusName(s) { return D.statusNames[s] || s; }
  var checked = R.filter(function (r) { return r.sc !== null; });
  var ranked = checked.slice().sort(function (x, y) { return y.sc - x.sc || (x.p < y.p ? -1 : 1); })
    .concat(R.filter(function (r) { return r.sc === null; }));

  // summary cards
  var avg = checked.length ? checked.reduce(function (s, r) { return s + r.sc; }, 0) / checked.length : 0;
  var failed = R.filter(function (r) { return r.s !== "ok"; }).length;
  document.getElementById("subtitle").textContent = "规则包 " + D.pack + " · 共 " + R.length + " 个文件";
  [["文件", R.length], ["已评分", checked.length], ["平均分", avg.toFixed(1)],
   ["未通过", checked.filter(function (r) { return !r.ok; }).length], ["异常文件", failed],
   ["雷同对", D.copies.length]].forEach(function (c) {
    var card = el("div", {"class": "card"}); card.appendChild(el("b", {}, c[1])); card.appendChild(el("span", {}, c[0]));
    document.getElementById("cards").appendChild(card);
  });

  // score histogram: ten bins of 10 points
  (function () {
    var bins = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    checked.forEach(function (r) { bins[Math.min(9, Math.floor(r.sc / 10))]++; });
    var W = 460, H = 220, max = Math.max.apply(null, bins.concat([1])), bw = (W - 40) / 10;
    var s = svg("svg", {width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "得分分布直方图"});
    bins.forEach(function (n, i) {
      var h = (H - 50) * n / max, x = 30 + i * bw, y = H - 30 - h;
      var color = i >= 9 ? "#12b76a" : i >= 7 ? "#84cc16" : i >= 6 ? "#fbbf24" : "#f04438";
      var rect = svg("rect", {x: x + 2, y: y, width: bw - 4, height: h, fill: color, "class": "bar"});
      rect.appendChild(svg("title", {}, (i * 10) + "–" + (i * 10 + 10) + " 分：" + n + " 份"));
      s.appendChild(rect);
      s.appendChild(svg("text", {x: x + bw / 2, y: y - 4, "text-anchor": "middle"}, n));
      s.appendChild(svg("text", {x: x + bw / 2, y: H - 14, "text-anchor": "middle"}, i * 10));
    });
    s.appendChild(svg("line", {x1: 30, y1: H - 30, x2: W - 10, y2: H - 30, stroke: "#98a2b3"}));
    document.getElementById("histogram").appendChild(s);
  })();

  // coverage heat map: rows = report years (and all), columns = elements, cell = share present
  (function () {
    var reports = R.filter(function (r) { return r.r; });
    var years = {}; reports.forEach(function (r) { years[r.y || "未知"] = 1; });
    var rows = [["全部", reports]].concat(Object.keys(years).sort().map(function (y) {
      return [y + "年", reports.filter(function (r) { return String(r.y || "未知") === y; })];
    }));
    var cw = 62, ch = 26, left = 70, top = 60, W = left + cw * D.elements.length + 10, H = top + ch * rows.length + 10;
    var s = svg("svg", {width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "要素覆盖热力图"});
    D.elements.forEach(function (name, j) {
      s.appendChild(svg("text", {x: left + j * cw + cw / 2, y: top - 8, "text-anchor": "middle",
        transform: "rotate(-25 " + (left + j * cw + cw / 2) + " " + (top - 8) + ")"}, name.length > 7 ? name.slice(0, 7) + "…" : name));
    });
    rows.forEach(function (row, i) {
      s.appendChild(svg("text", {x: left - 6, y: top + i * ch + ch / 2 + 4, "text-anchor": "end"}, row[0]));
      D.elements.forEach(function (name, j) {
        var n = row[1].length, present = row[1].filter(function (r) { return r.e[j] === 0; }).length;
        var share = n ? present / n : 0, hue = Math.round(120 * share);
        var cell = svg("rect", {x: left + j * cw, y: top + i * ch, width: cw - 2, height: ch - 2,
          fill: n ? "hsl(" + hue + ",65%,55%)" : "#eee", "class": "cell"});
        cell.appendChild(svg("title", {}, row[0] + " · " + name + "：" + present + "/" + n));
        s.appendChild(cell);
        s.appendChild(svg("text", {x: left + j * cw + cw / 2 - 1, y: top + i * ch + ch / 2 + 4, "text-anchor": "middle"},
          n ? Math.round(share * 100) + "%" : "–"));
      });
    });
    document.getElementById("heatmap").appendChild(s);
  })();

  // ranking table with filters
  var fText = document.getElementById("filter-text"), fGrade = document.getElementById("filter-grade"),
      fStatus = document.getElementById("filter-status");
  uniq(R.map(function (r) { return r.g; })).forEach(function (g) { if (g) fGrade.appendChild(el("option", {value: g}, g)); });
  uniq(R.map(function (r) { return r.s; })).forEach(function (s) { fStatus.appendChild(el("option", {value: s}, statusName(s))); });
  function uniq(xs) { var seen = {}; return xs.filter(function (x) { if (seen[x]) return false; seen[x] = 1; return true; }).sort(); }
  function applyFilters() {
    var q = fText.value.trim().toLowerCase();
    shown = ranked.filter(function (r) {
      return (!q || (r.a + " " + r.p).toLowerCase().indexOf(q) >= 0) &&
        (!fGrade.value || r.g === fGrade.value) && (!fStatus.value || r.s === fStatus.value);
    });
    page = 0; drawTable();
  }
  function drawTable() {
    var body = document.querySelector("#ranking tbody"); body.textContent = "";
    shown.slice(page * PAGE, (page + 1) * PAGE).forEach(function (r, k) {
      var tr = el("tr", {"data-index": R.indexOf(r)});
      var rank = r.sc === null ? "—" : page * PAGE + k + 1;
      [rank, r.a || "（未识别）", r.y || "", r.sc === null ? "—" : r.sc, r.g, statusName(r.s), r.nf, r.p]
        .forEach(function (v, c) {
          var td = el("td", {}, v);
          if (c === 4 && !r.ok && r.sc !== null) td.className = "g-fail";
          if (c === 5) td.className = r.s === "ok" ? "s-ok" : "s-bad";
          tr.appendChild(td);
        });
      tr.addEventListener("click", function () { showDetail(r, tr); });
      body.appendChild(tr);
    });
    document.getElementById("filter-count").textContent = "显示 " + shown.length + " / " + R.length;
    var pager = document.getElementById("pager"); pager.textContent = "";
    var pages = Math.ceil(shown.length / PAGE);
    for (var i = 0; pages > 1 && i < pages; i++) {
      var b = el("button", {}, "第 " + (i + 1) + " 页");
      b.addEventListener("click", (function (n) { return function () { page = n; drawTable(); }; })(i));
      pager.appendChild(b);
    }
  }
  [fText, fGrade, fStatus].forEach(function (n) { n.addEventListener("input", applyFilters); });

  function markedExcerpt(text) {
    var box = el("div", {"class": "excerpt"});
    if (text) box.appendChild(el("mark", {}, text)); else box.appendChild(el("span", {"class": "hint"}, "（无原文摘录）"));
    return box;
  }
  function showDetail(r, tr) {
    document.querySelectorAll("#ranking tr.sel").forEach(function (n) { n.classList.remove("sel"); });
    if (tr) tr.classList.add("sel");
    var box = document.getElementById("detail"); box.textContent = "";
    box.appendChild(el("h2", {}, "报告详情：" + (r.a || r.p)));
    box.appendChild(el("p", {}, "文件 " + r.p + " · 年度 " + (r.y || "未知") + " · 得分 " +
      (r.sc === null ? "—" : r.sc) + " · " + (r.g || statusName(r.s))));
    if (r.err) box.appendChild(el("p", {"class": "s-bad"}, r.err));
    if (r.nr) box.appendChild(el("p", {"class": "s-bad"}, r.nr));
    var chips = el("p");
    D.elements.forEach(function (name, j) {
      chips.appendChild(el("span", {"class": ["s-ok", "sev-warning", "s-bad", "hint"][r.e[j] < 0 ? 3 : r.e[j]]},
        ["✓", "△", "✗", "·"][r.e[j] < 0 ? 3 : r.e[j]] + name + "　"));
    });
    box.appendChild(chips);
    if (r.f === null) {
      box.appendChild(el("p", {"class": "hint"}, "共 " + r.nf + " 个问题；报告较多时看板只收录得分最低报告的明细，全部问题见 audit.xlsx 的“问题清单”。"));
      return;
    }
    if (!r.f.length && r.s === "ok") box.appendChild(el("p", {"class": "s-ok"}, "未发现问题。"));
    r.f.forEach(function (f) {
      var item = el("div", {"class": "finding " + f[0]});
      item.appendChild(el("div", {"class": "sev-" + f[0]}, (f[4] ? "第 " + f[4] + " 行 · " : "") + f[2] + "（" + f[1] + "）"));
      item.appendChild(markedExcerpt(f[3]));
      item.appendChild(el("div", {"class": "sugg"}, "建议：" + f[5]));
      box.appendChild(item);
    });
    box.scrollIntoView({block: "nearest"});
  }

  // copy pairs side by side
  (function () {
    var box = document.getElementById("copies");
    if (!D.copies.length) { box.appendChild(el("p", {"class": "hint"}, "未发现雷同。")); return; }
    D.copies.forEach(function (c) {
      var a = R[c[2]] || {}, b = R[c[3]] || {};
      var pair = el("div", {"class": "pair"});
      pair.appendChild(el("h3", {}, c[0] + " · " + c[1] + " · 相同比例 " + Math.round(c[4] * 100) + "%"));
      var cols = el("div", {"class": "cols"});
      [a, b].forEach(function (r) {
        var col = el("div");
        col.appendChild(el("b", {}, (r.a || "（未识别机关）") + " " + (r.y || "") + "年 · " + r.p));
        c[5].forEach(function (t) { col.appendChild(markedExcerpt(t)); });
        cols.appendChild(col);
      });
      pair.appendChild(cols);
      box.appendChild(pair);
    });
  })();

  applyFilters();
})();
