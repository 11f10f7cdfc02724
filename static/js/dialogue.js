// Live thread. The server-rendered page works without this file; with it the
// same page goes live over ws/threads/<id>/ (see dialogue/PROTOCOL.md): new
// messages, typing, who has read what and who is online. After a drop it
// reconnects with backoff and asks for what it missed (?after=<last id>); a
// message not yet acknowledged is sent again with the same client_id, which
// the server stores once.
(function () {
  "use strict";
  var root = document.getElementById("thread");
  if (!root || !window.WebSocket || !window.JSON) return;

  var strings = JSON.parse(document.getElementById("dialogue-strings").textContent);
  var kinds = JSON.parse(document.getElementById("dialogue-kinds").textContent);
  var threadId = root.dataset.threadId;
  var me = Number(root.dataset.userId);
  var myName = root.dataset.userName;
  var myPrincipal = root.dataset.onBehalfOf || null;
  var canModerate = root.dataset.canModerate === "true";
  var isCitizen = root.dataset.citizen === "true";
  var lastId = Number(root.dataset.lastId) || 0;
  var list = document.getElementById("message-list");
  var statusLine = document.getElementById("live-status");
  var typingLine = document.getElementById("typing");
  var announcer = document.getElementById("announcer");
  var form = document.getElementById("message-form");
  var textarea = form.querySelector("textarea[name=body]");
  var template = document.getElementById("message-template");
  var participantList = document.getElementById("participant-list");

  var pending = {}; // client_id -> {frame, element}

  // The links in a message as Django's urlize draws them on the server (dialogue/includes/message.html): the
  // same words (http(s)://…, www.…, example.com, an e-mail address) become links with the same punctuation left
  // outside, so a live message and a reloaded one look alike. Built as nodes, never as HTML: a message's text
  // can hold no markup or script.
  var WRAPS = [["(", ")"], ["[", "]"]];
  function count(text, ch) { return text.split(ch).length - 1; }
  function trimPunctuation(word) {
    var lead = "", middle = word, trail = "", trimmed = true;
    while (trimmed) {
      trimmed = false;
      WRAPS.forEach(function (pair) {
        if (middle.charAt(0) === pair[0]) { middle = middle.slice(1); lead += pair[0]; trimmed = true; }
        if (middle.slice(-1) === pair[1] && count(middle, pair[1]) === count(middle, pair[0]) + 1) {
          middle = middle.slice(0, -1); trail = pair[1] + trail; trimmed = true;
        }
      });
      var stripped = middle.replace(/[.,:;!]+$/, "");
      if (stripped !== middle) { trail = middle.slice(stripped.length) + trail; middle = stripped; trimmed = true; }
    }
    return [lead, middle, trail];
  }
  function linkTarget(word) {
    if (/^https?:\/\/\[?\w/i.test(word)) return word;
    if (/^www\./i.test(word) || /^(?!http)\w[^@]+\.(com|edu|gov|int|mil|net|org)($|\/.*)$/i.test(word)) {
      return "http://" + word;
    }
    if (word.indexOf(":") < 0 && /^[^@\s]+@[^@\s.][^@\s]*\.[^@\s.]+$/.test(word)) return "mailto:" + word;
    return null;
  }
  function linkified(text) {
    var fragment = document.createDocumentFragment();
    text.split(/(\s+)/).forEach(function (word) {
      var parts = /[.@:]/.test(word) ? trimPunctuation(word) : null;
      var href = parts && parts[1] ? linkTarget(parts[1]) : null;
      if (!href) { fragment.appendChild(document.createTextNode(word)); return; }
      var link = document.createElement("a");
      link.href = href;
      if (href.indexOf("mailto:") !== 0) link.rel = "nofollow";  // as urlize: an address is no one's page
      link.textContent = parts[1];
      fragment.appendChild(document.createTextNode(parts[0]));
      fragment.appendChild(link);
      fragment.appendChild(document.createTextNode(parts[2]));
    });
    return fragment;
  }
  var readMarks = {}; // user id -> id of the last message she has read
  var names = {}; // user id -> name
  var typers = {}; // user id -> timer that ends "is typing"
  var socket = null;
  var delay = 1000;
  var lastTypingSent = 0;
  var readSent = 0;
  var readTimer = null;

  Array.prototype.forEach.call(participantList.querySelectorAll("li[data-user-id]"), function (item) {
    names[item.dataset.userId] = item.dataset.userName;
    readMarks[item.dataset.userId] = Number(item.dataset.lastRead) || 0;
  });

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }

  function setStatus(text) { statusLine.textContent = text; }

  function newClientId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  function formatTime(iso) {
    var lang = document.documentElement.lang === "en" ? "en-GB" : "da-DK";
    // The server's DATETIME_FORMAT (config/formats/): "3. december 2026 kl. 14.30", "3 December 2026 at 14:30".
    return new Date(iso).toLocaleString(lang, {
      day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
      timeZone: "Europe/Copenhagen"
    });
  }

  // Building a message from the page's own <template>, so it looks like the server's.
  function render(frame) {
    var item = template.content.firstElementChild.cloneNode(true);
    var own = frame.author === me;
    item.classList.add("message-" + frame.kind);
    if (own) item.classList.add("message-own");
    if (frame.id) {
      item.id = "message-" + frame.id;
      item.dataset.id = frame.id;
      item.dataset.author = frame.author;
      item.dataset.kind = frame.kind;
      item.querySelector(".message-meta").id = "message-" + frame.id + "-meta";
      item.querySelector("article").setAttribute("aria-labelledby", "message-" + frame.id + "-meta");
    }
    item.querySelector(".message-author").textContent = frame.author_name;
    if (frame.on_behalf_of_name) {
      var behalf = item.querySelector(".message-behalf");
      behalf.textContent = format(strings.onBehalfOf, { name: frame.on_behalf_of_name });
      behalf.hidden = false;
    }
    var time = item.querySelector("time");
    time.dateTime = frame.created_at;
    time.textContent = formatTime(frame.created_at);
    if (frame.kind !== "text") {
      var tag = item.querySelector(".message-kind");
      tag.textContent = kinds[frame.kind] || frame.kind;
      tag.hidden = false;
    }
    var body = item.querySelector(".message-body");
    if (frame.hidden) {
      body.classList.remove("prewrap");
      body.textContent = "";
      var reason = document.createElement("strong");
      reason.textContent = strings.hidden;
      body.appendChild(reason);
      body.appendChild(document.createTextNode(" " + frame.hidden_reason));
      if (canModerate && frame.body) {
        var details = document.createElement("details");
        var summary = document.createElement("summary");
        var text = document.createElement("p");
        summary.textContent = strings.hiddenText;
        text.className = "prewrap";
        text.textContent = frame.body;
        details.appendChild(summary);
        details.appendChild(text);
        body.parentNode.insertBefore(details, body.nextSibling);
      }
    } else {
      body.textContent = "";
      body.appendChild(linkified(frame.body));
    }
    if (frame.reply_to) {
      var reply = item.querySelector(".message-reply");
      reply.querySelector("a").href = "#message-" + frame.reply_to;
      reply.hidden = false;
    }
    if (frame.kind === "contact_summary") {
      var state = item.querySelector(".summary-status");
      if (isCitizen) {
        var link = document.createElement("a");
        link.href = window.location.pathname + "?svar=" + frame.id + "#message-" + frame.id;
        link.textContent = strings.answerLink;
        state.appendChild(link);
      } else {
        state.textContent = strings.awaiting;
      }
      state.hidden = false;
    }
    var hide = item.querySelector(".hide-message");
    if (hide) {
      if (!frame.id || frame.hidden) {
        hide.parentNode.removeChild(hide);
      } else {
        var hideForm = hide.querySelector("form");
        var field = hide.querySelector("textarea");
        var fieldId = "id_hide_" + frame.id + "_reason";
        hideForm.action = root.dataset.hideUrl.replace("/0/", "/" + frame.id + "/");
        hide.querySelector("label").htmlFor = fieldId;
        hide.querySelector(".form-hint").id = fieldId + "_helptext";
        field.id = fieldId;
        field.setAttribute("aria-describedby", fieldId + "_helptext");
      }
    }
    return item;
  }

  function place(item, id) {
    var items = list.children;
    for (var i = 0; i < items.length; i++) {
      var other = items[i];
      if (!other.dataset.id || Number(other.dataset.id) > id) {
        list.insertBefore(item, other);
        return;
      }
    }
    list.appendChild(item);
  }

  function answered(frame) {
    var summary = document.getElementById("message-" + frame.reply_to);
    if (!summary) return;
    var answer = summary.querySelector(".summary-answer");
    if (answer) answer.parentNode.removeChild(answer);
    var state = summary.querySelector(".summary-status");
    if (!state) return;
    state.textContent = frame.kind === "confirmation" ? strings.confirmed : strings.corrected;
    state.hidden = false;
  }

  function onMessage(frame) {
    names[frame.author] = names[frame.author] || frame.author_name;
    // Writing a message means having read the thread up to it (the server moves her read mark there).
    if (frame.author in readMarks) readMarks[frame.author] = Math.max(readMarks[frame.author], frame.id);
    var item = render(frame);
    var existing = document.getElementById("message-" + frame.id);
    var waiting = frame.author === me && pending[frame.client_id];
    if (existing) {
      list.replaceChild(item, existing); // an update: the message was hidden
    } else if (waiting) {
      list.removeChild(waiting.element);
      place(item, frame.id);
    } else {
      place(item, frame.id);
    }
    delete pending[frame.client_id];
    var empty = document.getElementById("no-messages");
    if (empty) empty.parentNode.removeChild(empty);
    if (frame.id > lastId) lastId = frame.id;
    if (frame.kind === "confirmation" || frame.kind === "correction") answered(frame);
    if (!existing && frame.author !== me) {
      stopTyping(frame.author);
      announcer.textContent = format(strings.newMessage, { name: frame.author_name }) + " " +
        (frame.hidden ? strings.hidden + " " + frame.hidden_reason : frame.body);
      scheduleRead();
    }
    renderReadMarks();
  }

  function renderReadMarks() {
    var marks = {};
    Object.keys(readMarks).forEach(function (user) {
      if (Number(user) === me) return;
      var items = list.querySelectorAll("li[data-id]");
      for (var i = items.length - 1; i >= 0; i--) {
        // Under the last message she has read that someone else wrote: nobody has "read" her own message.
        if (items[i].dataset.author === user) continue;
        if (Number(items[i].dataset.id) <= readMarks[user]) {
          (marks[items[i].dataset.id] = marks[items[i].dataset.id] || []).push(names[user]);
          return;
        }
      }
    });
    Array.prototype.forEach.call(list.querySelectorAll("li[data-id]"), function (item) {
      var line = item.querySelector(".read-by");
      if (!line) return;
      var readers = marks[item.dataset.id];
      line.hidden = !readers;
      line.textContent = readers ? strings.readBy + " " + readers.join(", ") : "";
    });
  }

  function onRead(frame) {
    if (!(frame.user in names)) return; // only participants keep read marks
    readMarks[frame.user] = Math.max(readMarks[frame.user] || 0, frame.up_to);
    renderReadMarks();
  }

  function onPresence(frame) {
    names[frame.user] = names[frame.user] || frame.user_name;
    var item = participantList.querySelector('li[data-user-id="' + frame.user + '"]');
    if (!item) {
      if (!frame.online) return;
      item = document.createElement("li");
      item.dataset.userId = frame.user;
      var name = document.createElement("span");
      name.className = "participant-name";
      name.textContent = frame.user_name;
      var tag = document.createElement("span");
      tag.className = "badge presence";
      item.appendChild(name);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(tag);
      participantList.appendChild(item);
    }
    var presence = item.querySelector(".presence");
    presence.textContent = frame.online ? strings.online : strings.offlineTag;
    presence.classList.toggle("presence-online", frame.online);
    presence.hidden = false;
  }

  function renderTyping() {
    var who = Object.keys(typers).map(function (user) { return names[user]; });
    typingLine.textContent = who.length ? format(strings.typing, { name: who.join(", ") }) : "";
  }

  function onTyping(frame) {
    names[frame.user] = names[frame.user] || frame.user_name;
    clearTimeout(typers[frame.user]);
    typers[frame.user] = setTimeout(function () { stopTyping(frame.user); }, 5000);
    renderTyping();
  }

  function stopTyping(user) {
    clearTimeout(typers[user]);
    delete typers[user];
    renderTyping();
  }

  function onError(frame) {
    var waiting = frame.client_id && pending[frame.client_id];
    if (!waiting) {
      setStatus(frame.detail);
      return;
    }
    delete pending[frame.client_id];
    var state = waiting.element.querySelector(".message-state");
    state.textContent = strings.failed + " " + frame.detail;
    state.hidden = false;
    if (!textarea.value) textarea.value = waiting.frame.body;
    setStatus(strings.failed + " " + frame.detail);
  }

  function send(frame) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  function scheduleRead() {
    clearTimeout(readTimer);
    readTimer = setTimeout(function () {
      if (document.visibilityState === "visible" && lastId > readSent && send({ type: "read", up_to: lastId })) {
        readSent = lastId;
      }
    }, 300);
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    setStatus(strings.connecting);
    socket = new WebSocket(scheme + window.location.host + "/ws/threads/" + threadId + "/?after=" + lastId);
    socket.onopen = function () {
      delay = 1000;
      setStatus(strings.live);
      // Everyone is offline until the server's list of who is online says otherwise.
      Array.prototype.forEach.call(participantList.querySelectorAll(".presence"), function (tag) {
        tag.textContent = strings.offlineTag;
        tag.classList.remove("presence-online");
        tag.hidden = false;
      });
      Object.keys(pending).forEach(function (clientId) { send(pending[clientId].frame); });
      scheduleRead();
    };
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === "message") onMessage(frame);
      else if (frame.type === "read") onRead(frame);
      else if (frame.type === "presence") onPresence(frame);
      else if (frame.type === "typing") onTyping(frame);
      else if (frame.type === "error") onError(frame);
    };
    socket.onclose = function (event) {
      socket = null;
      if (event.code === 4401 || event.code === 4403) {
        setStatus(strings.refused);
        return;
      }
      Object.keys(typers).forEach(stopTyping);
      Array.prototype.forEach.call(participantList.querySelectorAll(".presence"), function (tag) { tag.hidden = true; });
      if (event.code === 4429) {
        setStatus(strings.flooding);
        setTimeout(connect, 10000);
        return;
      }
      setStatus(strings.offline);
      setTimeout(connect, delay + Math.random() * 500);
      delay = Math.min(delay * 2, 30000);
    };
  }

  form.addEventListener("submit", function (event) {
    var body = textarea.value.trim();
    // Without a socket, or for an empty or special message, the form posts as it does without JavaScript.
    if (!body || form.elements.kind.value !== "text" || !socket || socket.readyState !== WebSocket.OPEN) return;
    event.preventDefault();
    var frame = { type: "message", client_id: newClientId(), body: body };
    var item = render({
      author: me, author_name: myName, on_behalf_of_name: myPrincipal, kind: "text", body: body,
      created_at: new Date().toISOString()
    });
    item.classList.add("message-pending");
    var state = item.querySelector(".message-state");
    state.textContent = strings.sending;
    state.hidden = false;
    list.appendChild(item);
    pending[frame.client_id] = { frame: frame, element: item };
    textarea.value = "";
    textarea.focus();
    send(frame);
  });

  textarea.addEventListener("input", function () {
    var now = Date.now();
    if (now - lastTypingSent > 2000 && send({ type: "typing" })) lastTypingSent = now;
  });

  document.addEventListener("visibilitychange", scheduleRead);
  connect();
})();
