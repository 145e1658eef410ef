// The last checks of this browser tab, kept in the browser (IndexedDB, on this computer only) so
// that Reload, Back or the language link show them again instead of asking for the files again.
// Each tab keeps its own record under an id in sessionStorage, which Reload and Back keep, and
// holds a Web Lock named after it while its page is open. Every page load first removes the
// records whose tab holds no lock (closed, or gone to another site) and any older than AGE;
// clear() removes them all at once. Where Web Locks are missing (a page not served from this
// computer or over https), only the age limit applies.
window.fzStore = (function () {
  "use strict";
  var NAME = "fzcheck", TABLE = "tabs", KEY = "fzcheck-tab", LOCK = "fzcheck-tab-";
  var AGE = 2 * 3600 * 1000; // a record not saved again for this long is removed

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

  function openTabs() {
    // the ids of the tabs whose page is open now (this one included), or null if unknown
    if (!navigator.locks) return Promise.resolve(null);
    return navigator.locks.query().then(function (state) {
      return state.held.filter(function (lock) { return lock.name.indexOf(LOCK) === 0; })
        .map(function (lock) { return lock.name.slice(LOCK.length); });
    }, function () { return null; });
  }

  function purge(open) {
    return transaction("readwrite", function (table) {
      var now = Date.now();
      table.openCursor().onsuccess = function (event) {
        var cursor = event.target.result;
        if (!cursor) return;
        var closed = open !== null && open.indexOf(cursor.value.id) < 0;
        if (closed || now - cursor.value.saved > AGE) cursor.delete();
        cursor.continue();
      };
    });
  }

  function held() {
    // this tab's lock, held until its page goes (the promise never settles); resolves once held
    if (!navigator.locks) return Promise.resolve();
    return new Promise(function (done) {
      navigator.locks.request(LOCK + tab(), function () {
        done();
        return new Promise(function () {});
      }).catch(done);
    });
  }

  var purged = quietly(held().then(openTabs).then(purge));

  return {
    purged: purged, // settles once this load has removed what closed tabs and old checks left
    save: function (state) {
      return purged.then(function () {
        return quietly(transaction("readwrite", function (table) {
          table.put({id: tab(), saved: Date.now(), state: state});
        }));
      });
    },
    load: function () {
      return purged.then(function () {
        return quietly(transaction("readonly", function (table) { return table.get(tab()); }));
      }).then(function (record) { return record ? record.state : null; });
    },
    clear: function () {
      // every tab's record, at the clerk's word
      return purged.then(function () {
        return quietly(transaction("readwrite", function (table) { table.clear(); }));
      });
    }
  };
})();
