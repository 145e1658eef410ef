// The self-check page: the reports chosen, dropped or pasted are checked one after another and
// listed; one result is shown at a time. The checks are kept (fzStore) and shown again after
// Reload or Back; on the other language's page they are checked again in that language.
(function () {
  "use strict";
  var body = document.body;
  var lang = body.dataset.lang;
  var text = body.dataset; // the page's messages, in its language
  var status = document.getElementById("status"); // a live region: screen readers say what it says
  var list = document.getElementById("batch");
  var pack = document.getElementById("pack");
  var items = []; // {name, blob, pasted, state: waiting|checking|done|failed, html, json, failure}
  var shown = -1; // the item whose result the page shows
  var latest = 0; // the batch the page runs; an earlier one answering late is dropped
  var pending = null; // the AbortController of the check under way: aborting it calls the check off
  var previous = null; // {name, blob}: last year's report, sent with every check and annotation

  function show(id, on) { document.getElementById(id).hidden = !on; }

  function say(words) { status.textContent = words; }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function label(item) { return item.pasted ? text.pasted : item.name; }

  function verdictOf(html) {
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var main = parsed.querySelector("main.fz-result");
    var data = parsed.getElementById("fz-json");
    var verdict = main && main.querySelector(".fz-score, .fz-problem");
    return {main: main, json: data ? data.textContent : "{}", verdict: verdict ? verdict.textContent : ""};
  }

  function clear() {
    document.getElementById("result").textContent = "";
    show("failure", false);
    show("actions", false);
  }

  function failure(message) {
    // a failure stands alone: no earlier result, nothing to download, no "done" beside it
    clear();
    say("");
    var box = document.getElementById("failure");
    box.textContent = message;
    show("failure", true);
  }

  function showItem(index) {
    var item = items[index];
    shown = index;
    drawList();
    if (item.state === "failed") { failure(fill(text.failed, {message: item.failure})); return; }
    clear();
    var parsed = verdictOf(item.html);
    if (parsed.main) document.getElementById("result").appendChild(document.importNode(parsed.main, true));
    item.json = parsed.json;
    var heading = parsed.main && parsed.main.querySelector("h1");
    say(fill(status.dataset.done, {name: heading ? heading.textContent : label(item), verdict: parsed.verdict}));
    show("actions", true);
    show("download-docx", !item.pasted); // a pasted text has no file to annotate
  }

  function drawList() {
    // the list is shown for two reports or more; each row says its state and shows its result
    list.textContent = "";
    show("batch", items.length > 1);
    items.forEach(function (item, index) {
      var row = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fz-item " + item.state;
      var outcome = item.state === "done" ? item.verdict
        : item.state === "failed" ? fill(text.failed, {message: item.failure})
        : item.state === "checking" ? text.checking : text.waiting;
      button.textContent = label(item) + " — " + outcome;
      button.disabled = item.state === "waiting" || item.state === "checking";
      if (index === shown) button.setAttribute("aria-current", "true");
      button.addEventListener("click", function () { showItem(index); });
      row.appendChild(button);
      list.appendChild(row);
    });
  }

  function drawPrevious() {
    // the chosen file's name (the input is emptied so that choosing it again reads it again)
    var state = document.getElementById("previous-state");
    state.textContent = previous ? fill(text.previousChosen, {name: previous.name}) : state.dataset.hint;
    show("previous-clear", !!previous);
  }

  function withPrevious(form) {
    if (previous) form.append("previous", previous.blob, previous.name);
    return form;
  }

  function checkAgain() {
    // last year's report changed: every report is checked again against it
    if (!items.length) { save(); return; }
    run(items.map(function (item) {
      return {name: item.name, blob: item.blob, pasted: item.pasted, state: "waiting"};
    }), []);
  }

  function save() {
    fzStore.save({lang: lang, pack: pack.value, shown: shown, previous: previous, items: items.map(function (item) {
      return {name: item.name, blob: item.blob, pasted: item.pasted, state: item.state,
              html: item.html, verdict: item.verdict, failure: item.failure};
    })});
  }

  function answerOf(response) {
    // the result page, or why there is none, in the clerk's words
    if (response.ok) return response.text().then(function (html) { return {html: html}; });
    return response.json().then(function (problem) { return {failure: problem.error.message}; },
                                function () { return {failure: fill(text.status, {status: response.status})}; });
  }

  function stop() {
    // the batch under way ends here: its answers are dropped and its check called off (the
    // service stops it when the request goes, and its worker is free for the next file)
    latest += 1;
    if (pending) pending.abort();
    pending = null;
    showCancel(false);
  }

  function showCancel(on) {
    var button = document.getElementById("cancel");
    if (!on && document.activeElement === button) document.getElementById("file").focus();
    button.hidden = !on;
  }

  function checkOne(item) {
    var form = new FormData();
    if (item.pasted) form.append("text", item.blob);
    else form.append("file", item.blob, item.name);
    form.append("pack", pack.value);
    form.append("lang", lang);
    withPrevious(form);
    pending = new AbortController();
    return fetch("/api/check?format=html", {method: "POST", body: form, signal: pending.signal})
      .then(answerOf, function () { return {failure: text.unreachable}; });
  }

  function runFrom(index, batch) {
    if (batch !== latest) return; // another choice came since: its checks run instead
    if (index >= items.length) {
      pending = null;
      showCancel(false);
      if (items.length > 1) say(fill(text.batchDone, {total: items.length}));
      save();
      return;
    }
    var item = items[index];
    if (item.state === "done" || item.state === "failed") { runFrom(index + 1, batch); return; }
    item.state = "checking";
    drawList();
    showCancel(true);
    if (shown < 0) {
      say(items.length > 1 ? fill(text.busyBatch, {n: index + 1, total: items.length, name: label(item)})
                           : fill(status.dataset.busy, {name: label(item)}));
    }
    checkOne(item).then(function (answer) {
      if (batch !== latest) return;
      if (answer.html) {
        item.state = "done";
        item.html = answer.html;
        item.verdict = verdictOf(answer.html).verdict;
      } else {
        item.state = "failed";
        item.failure = answer.failure;
      }
      if (shown < 0) showItem(index); else drawList();
      save();
      runFrom(index + 1, batch);
    });
  }

  function run(newItems, notes) {
    // a new choice: the previous results go at once, so that a failure below never stands
    // above an old "通过" that the clerk could take for the new file's
    stop();
    items = newItems;
    shown = -1;
    clear();
    drawList();
    show("skipped", false);
    if (!items.length) { failure(notes.join(" ")); save(); return; }
    var skipped = document.getElementById("skipped");
    skipped.textContent = notes.join(" ");
    skipped.hidden = !notes.length;
    runFrom(0, latest);
  }

  function checkReports(found) {
    var notes = [];
    found.unreadable.forEach(function (name) { notes.push(fill(text.unreadable, {name: name})); });
    found.emptyFolders.forEach(function (name) { notes.push(fill(text.emptyFolder, {name: name})); });
    if (found.left) notes.push(fill(text.tooMany, {limit: fzFiles.LIMIT, left: found.left}));
    run(found.reports.map(function (report) {
      return {name: report.name, blob: report.blob, pasted: false, state: "waiting"};
    }), notes);
  }

  function stem(name) { return (name || "report").replace(/\.[^.]*$/, "") || "report"; }

  function download(content, type, filename) {
    var url = URL.createObjectURL(new Blob([content], {type: type}));
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function current() { return shown >= 0 && items[shown].state === "done" ? items[shown] : null; }

  document.getElementById("download-html").addEventListener("click", function () {
    var item = current();
    if (item) download(item.html, "text/html;charset=utf-8", stem(item.name) + ".fzcheck.html");
  });
  document.getElementById("download-json").addEventListener("click", function () {
    var item = current();
    if (item) download(item.json, "application/json;charset=utf-8", stem(item.name) + ".fzcheck.json");
  });
  document.getElementById("download-docx").addEventListener("click", function () {
    var item = current();
    if (!item || item.pasted) return;
    var form = new FormData();
    form.append("file", item.blob, item.name); // the bytes checked, even if the file changed since
    form.append("pack", pack.value);
    form.append("lang", lang);
    withPrevious(form);
    fetch("/api/annotate", {method: "POST", body: form})
      .then(function (response) {
        if (!response.ok) return answerOf(response).then(function (answer) {
          failure(fill(text.failed, {message: answer.failure}));
        });
        return response.blob().then(function (blob) {
          download(blob, blob.type, stem(item.name) + ".checked.docx");
        });
      }, function () { failure(fill(text.failed, {message: text.unreachable})); });
  });

  var input = document.getElementById("file"), drop = document.getElementById("drop");
  input.addEventListener("change", function () {
    if (!input.files.length) return; // the chooser was cancelled: the result stays
    fzFiles.fromInput(input).then(checkReports);
    input.value = ""; // choosing the same file again, after editing it in Word, checks it again
  });
  drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (e) {
    e.preventDefault(); drop.classList.remove("over");
    fzFiles.fromDrop(e.dataTransfer).then(checkReports);
  });
  var previousInput = document.getElementById("previous");
  previousInput.addEventListener("change", function () {
    var file = previousInput.files[0];
    if (!file) return; // the chooser was cancelled: the choice stays
    previousInput.value = "";
    file.arrayBuffer().then(function (bytes) {
      previous = {name: file.name, blob: new Blob([bytes], {type: file.type})};
      drawPrevious();
      checkAgain();
    }, function () { failure(fill(text.unreadable, {name: file.name})); });
  });
  document.getElementById("previous-clear").addEventListener("click", function () {
    previous = null;
    drawPrevious();
    previousInput.focus();
    checkAgain();
  });
  document.getElementById("check-text").addEventListener("click", function () {
    var pasted = document.getElementById("text").value;
    if (!pasted.trim()) return;
    run([{name: "", blob: pasted, pasted: true, state: "waiting"}], []);
  });
  document.getElementById("cancel").addEventListener("click", function () {
    // what is checked stays; the file under way and those after it are not checked
    var current = items.filter(function (item) { return item.state === "checking"; })[0];
    var kept = items[shown];
    stop();
    items = items.filter(function (item) { return item.state === "done" || item.state === "failed"; });
    shown = items.indexOf(kept);
    if (shown < 0) clear();
    drawList();
    if (current) say(fill(text.cancelled, {name: label(current)}));
    save();
  });
  document.getElementById("forget").addEventListener("click", function (event) {
    // a shared computer: nothing checked here stays in the browser, nor on the screen
    var done = event.target.dataset.done;
    stop();
    items = [];
    shown = -1;
    previous = null;
    drawPrevious();
    clear();
    drawList();
    show("skipped", false);
    fzStore.clear().then(function () { say(done); });
  });
  var toggle = document.getElementById("lang-toggle");
  toggle.addEventListener("click", function () {
    toggle.href = "/?lang=" + encodeURIComponent(toggle.href.split("lang=")[1]) + "&pack=" + encodeURIComponent(pack.value);
  });

  fzStore.load().then(function (state) {
    // after Reload or Back: the kept checks; in another language they are checked again
    if (!state || latest) return;
    previous = state.previous || null;
    drawPrevious();
    if (!state.items.length) return;
    if (Array.prototype.some.call(pack.options, function (o) { return o.value === state.pack; })) pack.value = state.pack;
    items = state.items;
    items.forEach(function (item) {
      // checked again: what another language asked for, what failed (Reload is how one retries)
      if (state.lang !== lang || item.state === "failed") { item.state = "waiting"; item.html = null; }
    });
    latest += 1;
    if (state.shown >= 0 && items[state.shown].state === "done") showItem(state.shown);
    else drawList();
    runFrom(0, latest);
  });
})();
