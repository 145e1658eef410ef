// What the clerk chose or dropped, as reports read into memory at once: a folder stands for the
// reports in it, and a file read now is the version checked (Word saving it later, or the file
// being moved, can no longer turn the annotated download into a "cannot reach the service").
window.fzFiles = (function () {
  "use strict";
  var LIMIT = 20; // reports taken from one choice; the rest are named as not checked

  function suffixes() {
    return document.getElementById("file").accept.split(",");
  }

  function isReport(name) {
    var dot = name.lastIndexOf(".");
    return dot > 0 && suffixes().indexOf(name.slice(dot).toLowerCase()) >= 0;
  }

  function children(folder) {
    // readEntries gives a folder's entries in batches until it gives an empty one
    var reader = folder.createReader(), all = [];
    return new Promise(function (done) {
      (function more() {
        reader.readEntries(function (batch) {
          if (!batch.length) { done(all); return; }
          all = all.concat(batch);
          more();
        }, function () { done(all); });
      })();
    });
  }

  function walk(entry) {
    // a folder's reports (in its subfolders too), sorted by name; a non-report inside is skipped
    if (entry.isFile) {
      return new Promise(function (done) {
        entry.file(function (file) { done(isReport(file.name) ? [file] : []); }, function () { done([]); });
      });
    }
    return children(entry).then(function (entries) {
      entries.sort(function (a, b) { return a.name.localeCompare(b.name); });
      return Promise.all(entries.map(walk)).then(function (lists) { return [].concat.apply([], lists); });
    });
  }

  function dropped(transfer) {
    // items must be asked for during the drop event; their entries can be read afterwards
    var items = Array.prototype.filter.call(transfer.items || [], function (item) { return item.kind === "file"; });
    var pairs = items.length
      ? items.map(function (item) {
        return {file: item.getAsFile(), entry: item.webkitGetAsEntry ? item.webkitGetAsEntry() : null};
      })
      : Array.prototype.map.call(transfer.files, function (file) { return {file: file, entry: null}; });
    return Promise.all(pairs.map(function (pair) {
      if (!pair.entry || !pair.entry.isDirectory) return {file: pair.file};
      return walk(pair.entry).then(function (inside) { return {folder: pair.entry.name, files: inside}; });
    }));
  }

  function read(file) {
    return file.arrayBuffer().then(
      function (bytes) { return {name: file.name, blob: new Blob([bytes], {type: file.type})}; },
      function () { return {name: file.name, unreadable: true}; });
  }

  function gather(parts) {
    // {reports: [{name, blob}], unreadable: [names], emptyFolders: [names], left: count over LIMIT}
    var files = [], emptyFolders = [];
    parts.forEach(function (part) {
      if (part.file) files.push(part.file);
      else if (part.files.length) files = files.concat(part.files);
      else emptyFolders.push(part.folder);
    });
    var left = Math.max(0, files.length - LIMIT);
    return Promise.all(files.slice(0, LIMIT).map(read)).then(function (read) {
      return {
        reports: read.filter(function (r) { return !r.unreadable; }),
        unreadable: read.filter(function (r) { return r.unreadable; }).map(function (r) { return r.name; }),
        emptyFolders: emptyFolders,
        left: left
      };
    });
  }

  return {
    fromInput: function (input) {
      return gather(Array.prototype.map.call(input.files, function (file) { return {file: file}; }));
    },
    fromDrop: function (transfer) { return dropped(transfer).then(gather); },
    LIMIT: LIMIT
  };
})();
