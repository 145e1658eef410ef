(function () {
  "use strict";
  var body = document.body;
  var lang = body.dataset.lang;
  var failedText = body.dataset.failed;
  var unreachableText = body.dataset.unreachable;
  var statusText = body.dataset.status;
  var status = document.getElementById("status"); // a live region: screen readers say what it says
  var busyText = status.dataset.busy;
  var doneText = status.dataset.done;
  var current = null; // {html, json, name, file}
  var latest = 0; // the check whose answer the page shows; an earlier one answering late is dropped

  function show(id, on) { document.getElementById(id).hidden = !on; }

  function say(text) { status.textContent = text; }

  function fail(message) {
    say("");
    show("actions", false); // nothing to download after a failure
    var box = document.getElementById("failure");
    box.textContent = failedText.replace("{message}", message);
    show("failure", true);
  }

  function render(html, name, file) {
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var main = parsed.querySelector("main.fz-result");
    var data = parsed.getElementById("fz-json");
    var box = document.getElementById("result");
    box.textContent = "";
    if (main) box.appendChild(document.importNode(main, true));
    current = {html: html, json: data ? data.textContent : "{}", name: name, file: file};
    var heading = main && main.querySelector("h1");
    var verdict = main && main.querySelector(".fz-score, .fz-problem");
    say(doneText.replace("{name}", heading ? heading.textContent : name)
                .replace("{verdict}", verdict ? verdict.textContent : ""));
    show("actions", true);
    var docx = document.getElementById("download-docx");
    docx.hidden = !file; // a pasted text has no file to annotate
  }

  function send(form, name, file) {
    form.append("pack", document.getElementById("pack").value);
    form.append("lang", lang);
    // the previous report's result goes as soon as a new check starts: a failure below must
    // never stand above an old "通过" that the clerk could take for the new file's
    document.getElementById("result").textContent = "";
    current = null;
    show("failure", false);
    show("actions", false);
    say(busyText);
    var ticket = ++latest;
    function mine(step) { return function (value) { if (ticket === latest) step(value); }; }
    fetch("/api/check?format=html", {method: "POST", body: form})
      .then(mine(function (answer) {
        if (answer.ok) return answer.text().then(mine(function (html) { render(html, name, file); }));
        return answer.json().then(mine(function (problem) { fail(problem.error.message); }),
                                  mine(function () { fail(statusText.replace("{status}", answer.status)); }));
      }))
      .catch(mine(function () { fail(unreachableText); }));
  }

  function checkFile(file) {
    var form = new FormData();
    form.append("file", file, file.name);
    send(form, file.name, file);
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

  document.getElementById("download-html").addEventListener("click", function () {
    if (current) download(current.html, "text/html;charset=utf-8", stem(current.name) + ".fzcheck.html");
  });
  document.getElementById("download-json").addEventListener("click", function () {
    if (current) download(current.json, "application/json;charset=utf-8", stem(current.name) + ".fzcheck.json");
  });
  document.getElementById("download-docx").addEventListener("click", function () {
    if (!current || !current.file) return;
    var name = current.name; // the file asked for, even if another is chosen meanwhile
    var form = new FormData();
    form.append("file", current.file, current.file.name);
    form.append("pack", document.getElementById("pack").value);
    form.append("lang", lang);
    fetch("/api/annotate", {method: "POST", body: form})
      .then(function (answer) {
        if (!answer.ok) {
          return answer.json().then(function (p) { fail(p.error.message); },
                                    function () { fail(statusText.replace("{status}", answer.status)); });
        }
        return answer.blob().then(function (blob) {
          download(blob, blob.type, stem(name) + ".checked.docx");
        });
      })
      .catch(function () { fail(unreachableText); });
  });

  var input = document.getElementById("file"), drop = document.getElementById("drop");
  input.addEventListener("change", function () {
    if (input.files[0]) checkFile(input.files[0]);
    input.value = ""; // choosing the same file again, after editing it in Word, checks it again
  });
  drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (e) {
    e.preventDefault(); drop.classList.remove("over");
    if (e.dataTransfer.files[0]) checkFile(e.dataTransfer.files[0]);
  });
  document.getElementById("check-text").addEventListener("click", function () {
    var text = document.getElementById("text").value;
    if (!text.trim()) return;
    var form = new FormData();
    form.append("text", text);
    send(form, "", null);
  });
  var toggle = document.getElementById("lang-toggle");
  var pack = document.getElementById("pack");
  toggle.addEventListener("click", function () {
    toggle.href = "/?lang=" + encodeURIComponent(toggle.href.split("lang=")[1]) + "&pack=" + encodeURIComponent(pack.value);
  });
})();
