(function () {
  "use strict";
  var MARKS = {present: "✓", weak: "△", missing: "✗"};
  var STATUS = {present: "具备", weak: "薄弱", missing: "缺失"};
  var SEVERITY = {error: "错误", warning: "警告", info: "提示"};
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function render(result) {
    var box = document.getElementById("result"); box.textContent = "";
    var card = el("div", "card");
    card.appendChild(el("h2", "", result.path));
    if (result.status === "error") {
      card.appendChild(el("p", "fail", "无法检查：" + result.error.message)); box.appendChild(card); return;
    }
    if (!result.is_report) {
      card.appendChild(el("p", "fail", "不是法治政府建设年度报告：" + result.not_report_reason)); box.appendChild(card); return;
    }
    var m = result.meta;
    card.appendChild(el("p", "meta", "机关：" + (m.agency || "未识别") + "　年度：" + (m.year || "未识别") +
      "　成文日期：" + (m.date || "未识别")));
    card.appendChild(el("div", "score " + (result.passed ? "pass" : "fail"),
      result.score + " 分 · " + result.grade + " · " + (result.passed ? "通过" : "未通过")));
    box.appendChild(card);
    var list = el("div", "card"); list.appendChild(el("h3", "", "要素检查"));
    result.elements.forEach(function (e) {
      var row = el("div", "el");
      row.appendChild(el("span", "mark " + e.status, MARKS[e.status]));
      row.appendChild(el("span", "", e.name + "：" + STATUS[e.status] + (e.line ? "（第" + e.line + "行）" : "")));
      list.appendChild(row);
    });
    box.appendChild(list);
    var found = el("div", "card");
    found.appendChild(el("h3", "", "问题与建议（" + result.findings.length + "）"));
    if (!result.findings.length) found.appendChild(el("p", "pass", "未发现问题。"));
    result.findings.forEach(function (f) {
      var item = el("div", "finding " + f.severity);
      var where = f.line ? "第" + f.line + "行" + (f.column ? "第" + f.column + "列" : "") + (f.location ? "（" + f.location + "）" : "") + " · " : "";
      item.appendChild(el("div", "", "[" + SEVERITY[f.severity] + "] " + where + f.message));
      if (f.excerpt) { var p = el("div", ""); p.appendChild(el("span", "excerpt", f.excerpt)); item.appendChild(p); }
      item.appendChild(el("div", "sugg", "建议：" + f.suggestion));
      item.appendChild(el("div", "basis", "依据：" + f.basis + "（规则 " + f.rule + "）"));
      found.appendChild(item);
    });
    box.appendChild(found);
  }
  function check(file) {
    var reader = new FileReader();
    document.getElementById("busy").hidden = false;
    reader.onload = function () {
      var data = String(reader.result).split(",")[1] || "";
      fetch("/check", {method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify({name: file.name, data: data})})
        .then(function (r) { return r.json(); })
        .then(function (doc) { document.getElementById("busy").hidden = true; render(doc.results[0]); })
        .catch(function () { document.getElementById("busy").hidden = true; alert("检查失败，请重试。"); });
    };
    reader.readAsDataURL(file);
  }
  var input = document.getElementById("file"), drop = document.getElementById("drop");
  input.addEventListener("change", function () { if (input.files[0]) check(input.files[0]); });
  drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (e) {
    e.preventDefault(); drop.classList.remove("over");
    if (e.dataTransfer.files[0]) check(e.dataTransfer.files[0]);
  });
})();
