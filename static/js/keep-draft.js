// Keep what is typed in the browser until the server has it: a form with data-keep-draft="<name>" saves its
// text fields in localStorage as they are typed, and puts them back when the form is shown empty again (after
// a 503 while the database was away, a lost connection, a closed tab). A page with data-draft-done="<name>"
// (the receipt) removes the saved text. Saved text is forgotten after a day. The form works fully without this.
(function () {
  "use strict";
  var PREFIX = "borgerdialog-draft:";
  var MAX_AGE_MS = 24 * 60 * 60 * 1000;
  var store;
  try {
    store = window.localStorage;
    store.setItem(PREFIX + "probe", "1");
    store.removeItem(PREFIX + "probe");
  } catch (error) {
    return; // no storage (private mode, blocked): the form works as before
  }

  function forget(name) {
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX + name + ":") === 0) store.removeItem(key);
    }
  }

  function saved(key) {
    try {
      var entry = JSON.parse(store.getItem(key));
      if (entry && typeof entry.value === "string" && Date.now() - entry.time < MAX_AGE_MS) return entry.value;
    } catch (error) { /* not ours, or damaged: ignore */ }
    store.removeItem(key);
    return null;
  }

  document.querySelectorAll("[data-draft-done]").forEach(function (element) {
    forget(element.getAttribute("data-draft-done"));
  });

  document.querySelectorAll("form[data-keep-draft]").forEach(function (form) {
    var name = form.getAttribute("data-keep-draft");
    var fields = form.querySelectorAll("textarea, input[type=text], input[type=tel], input[type=email], input:not([type])");
    fields.forEach(function (field) {
      if (!field.name) return;
      var key = PREFIX + name + ":" + field.name;
      var value = saved(key);
      if (value !== null && field.value === "") field.value = value;
      field.addEventListener("input", function () {
        try {
          store.setItem(key, JSON.stringify({ value: field.value, time: Date.now() }));
        } catch (error) { /* storage full: the server's draft still holds what was saved */ }
      });
    });
  });
})();
