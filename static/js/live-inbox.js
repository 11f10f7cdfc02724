// Live inbox: when a task arrives on the user's event socket, fetch the
// server-rendered task table again. The page works fully without this.
(function () {
  "use strict";
  var list = document.getElementById("task-list");
  if (!list || !window.WebSocket) return;
  var status = document.getElementById("live-status");
  var delay = 1000;

  function refresh(announce) {
    fetch(list.dataset.fragmentUrl, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        list.innerHTML = html;
        if (status && announce) status.textContent = list.dataset.newTaskText;
      })
      .catch(function () { /* the next event or a reload shows the same rows */ });
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + "/ws/events/");
    socket.onopen = function () { delay = 1000; refresh(true); };
    socket.onmessage = function (message) {
      var event = JSON.parse(message.data);
      // A task arriving is announced; a complaint that changed (withdrawn: its task goes) only redraws the rows.
      if (event.kind === "task" || event.kind === "complaint") refresh(event.kind === "task");
    };
    socket.onclose = function (close) {
      if (close.code === 4401) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
