// The last checks of this browser tab, kept in the browser (IndexedDB, on this computer only) so
// that Reload, Back or the language link show them again instead of asking for the files again.
// Each tab keeps its own (an id in sessionStorage); what a tab left more than a day ago is removed.
window.fzStore = (function () {
  "use strict";
  var NAME = "fzcheck", TABLE = "tabs", KEY = "fzcheck-tab", DAY = 24 * 3600 * 1000;

  function tab() {
    var id = sessionStorage.getItem(KEY);
    if (!id) {
      id = Date.now().toString(36) + Math.random().toString(36).slice(2);
      sessionStorage.setItem(KEY, id);
    }
    return id;
  }

  function open() {
    return new Promise(function (done, failed) {
      var request = indexedDB.open(NAME, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(TABLE, {keyPath: "id"}); };
      request.onsuccess = function () { done(request.result); };
      request.onerror = function () { failed(request.error); };
    });
  }

  function transaction(mode, work) {
    // resolves with what ``work(table)`` asked for once the transaction is over
    return open().then(function (db) {
      return new Promise(function (done, failed) {
        var tx = db.transaction(TABLE, mode), asked = work(tx.objectStore(TABLE));
        tx.oncomplete = function () { db.close(); done(asked && asked.result); };
        tx.onerror = tx.onabort = function () { db.close(); failed(tx.error); };
      });
    });
  }

  function quietly(promise) {
    // a browser that keeps nothing (storage off, disk full) still checks: it only forgets
    return promise.catch(function () { return null; });
  }

  return {
    save: function (state) {
      return quietly(transaction("readwrite", function (table) {
        var now = Date.now();
        table.openCursor().onsuccess = function (event) {
          var cursor = event.target.result;
          if (!cursor) return;
          if (now - cursor.value.saved > DAY) cursor.delete();
          cursor.continue();
        };
        table.put({id: tab(), saved: now, state: state});
      }));
    },
    load: function () {
      return quietly(transaction("readonly", function (table) { return table.get(tab()); }))
        .then(function (record) { return record ? record.state : null; });
    }
  };
})();
