// Live inbox: when a task arrives on the user's event socket, fetch the
// server-rendered task table again. The page works fully without this.
(function () {
  "use strict";
  var list = document.getElementById("task-list");
  if (!list || !window.WebSocket) return;
  var status = document.getElementById("live-status");
  var delay = 1000;

  function taskIds() {
    return Array.prototype.map.call(list.querySelectorAll("tr[data-task-id]"), function (row) {
      return row.dataset.taskId;
    });
  }

  // Redraw the rows; "Ny opgave modtaget" is said only when a task is there that was not (never on a load, a
  // reconnect with nothing new, or a task that went to someone else).
  function refresh() {
    var before = taskIds();
    fetch(list.dataset.fragmentUrl, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        list.innerHTML = html;
        var arrived = taskIds().some(function (id) { return before.indexOf(id) === -1; });
        if (status && arrived) status.textContent = list.dataset.newTaskText;
      })
      .catch(function () { /* the next event or a reload shows the same rows */ });
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + "/ws/events/");
    // On (re)connecting, catch up with what came while the socket was away.
    socket.onopen = function () { delay = 1000; refresh(); };
    socket.onmessage = function (message) {
      var event = JSON.parse(message.data);
      // A task that arrived, moved or went (a withdrawn complaint) redraws the rows.
      if (event.kind === "task" || event.kind === "complaint") refresh();
    };
    socket.onclose = function (close) {
      if (close.code === 4401) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
