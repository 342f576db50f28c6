/*
 * Contact Center web chat widget. Embed on any page of an allowed origin:
 *   <script src="https://<messaging host>/widget/cc-chat.js" data-queue="chat" data-title="Chat with us" async></script>
 * Optional: data-api (messaging-service base URL; default: where this script came from), data-region (for national
 * phone numbers, e.g. DE), data-open ("true": open at once). Everything lives in a shadow root, so the host page's
 * styles and ours never mix. The chat survives reloads (localStorage) and reconnects its stream with backoff.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var opts = script ? script.dataset : {};
  var api = (opts.api || new URL(script.src).origin).replace(/\/$/, "");
  var base = api + "/messaging/chat/conversations";
  var storeKey = "cc-chat:" + api;
  var state = { id: null, token: null, seq: 0, status: null, messages: {}, typingTimer: null, typingSent: false,
    abort: null, backoff: 500 };

  var host = document.createElement("div");
  host.id = "cc-chat";
  var root = host.attachShadow({ mode: "open" });
  // a constructed style sheet: a host page whose CSP forbids inline styles still styles the widget
  var css =
    ':host{all:initial}*{box-sizing:border-box;font:14px/1.4 system-ui,sans-serif}' +
    '.launch{position:fixed;inset-block-end:20px;inset-inline-end:20px;background:#1d4ed8;color:#fff;border:0;' +
    'border-radius:24px;padding:12px 18px;cursor:pointer;box-shadow:0 2px 8px #0004}' +
    '.panel{position:fixed;inset-block-end:20px;inset-inline-end:20px;width:340px;max-width:calc(100vw - 40px);' +
    'height:480px;max-height:calc(100vh - 40px);background:#fff;color:#111;border-radius:12px;' +
    'box-shadow:0 4px 24px #0005;display:flex;flex-direction:column;overflow:hidden}' +
    'header{background:#1d4ed8;color:#fff;padding:10px 12px;display:flex;justify-content:space-between;align-items:center}' +
    'header button{background:none;border:0;color:#fff;font-size:18px;cursor:pointer}' +
    '.status{padding:6px 12px;background:#eef2ff;color:#1e3a8a;font-size:13px}' +
    '.log{flex:1;overflow-y:auto;padding:10px 12px;display:flex;flex-direction:column;gap:6px}' +
    '.m{max-width:80%;padding:6px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}' +
    '.IN{align-self:flex-end;background:#1d4ed8;color:#fff}.OUT{align-self:flex-start;background:#f1f5f9}' +
    '.SYSTEM{align-self:center;color:#475569;font-size:12px}' +
    '.typing{padding:0 12px;color:#475569;font-size:12px;min-height:18px}' +
    'form{display:flex;flex-direction:column;gap:8px;padding:12px}' +
    'label{display:flex;flex-direction:column;gap:2px;color:#334155}' +
    'input,textarea{border:1px solid #94a3b8;border-radius:6px;padding:6px 8px;color:#111;background:#fff}' +
    '.send{flex-direction:row;border-top:1px solid #e2e8f0;padding:8px}.send textarea{flex:1;resize:none;height:40px}' +
    'button.primary{background:#1d4ed8;color:#fff;border:0;border-radius:6px;padding:8px 12px;cursor:pointer}' +
    '.actions{display:flex;gap:8px;padding:0 8px 8px}.actions button{background:none;border:1px solid #94a3b8;' +
    'border-radius:6px;padding:4px 8px;cursor:pointer;color:#1e293b;font-size:12px}' +
    '.error{color:#b91c1c;font-size:13px}[hidden]{display:none!important}' +
    '.chat{display:flex;flex-direction:column;flex:1;min-height:0}.send label{flex:1}';
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    var styleEl = document.createElement("style");
    styleEl.textContent = css;
    root.appendChild(styleEl);
  }
  root.innerHTML +=
    '<button class="launch" part="launcher" aria-haspopup="dialog">' + esc(opts.title || "Chat with us") + '</button>' +
    '<section class="panel" role="dialog" aria-label="' + esc(opts.title || "Chat with us") + '" hidden>' +
    '<header><strong>' + esc(opts.title || "Chat with us") + '</strong><button class="close" aria-label="Minimise chat">–</button></header>' +
    '<form class="prechat" novalidate>' +
    '<label>Your name<input name="name" autocomplete="name" required maxlength="100"></label>' +
    '<label>E-mail<input name="email" type="email" autocomplete="email" maxlength="320"></label>' +
    '<label>Phone<input name="phone" type="tel" autocomplete="tel" maxlength="32"></label>' +
    '<label>How can we help?<textarea name="text" rows="3" maxlength="4000"></textarea></label>' +
    '<div class="error" role="alert"></div>' +
    '<button class="primary" type="submit">Start chat</button></form>' +
    '<div class="chat" hidden>' +
    '<div class="status" aria-live="polite"></div>' +
    '<div class="log" role="log" aria-live="polite"></div>' +
    '<div class="typing" aria-live="polite"></div>' +
    '<form class="send"><label><textarea name="text" aria-label="Message" maxlength="4000"></textarea></label>' +
    '<button class="primary" type="submit">Send</button></form>' +
    '<div class="actions"><button class="callme" type="button">Call me instead</button>' +
    '<button class="transcript" type="button">E-mail me the transcript</button>' +
    '<button class="leave" type="button">End chat</button></div>' +
    '<div class="error chat-error" role="alert"></div></div></section>';

  var $ = function (sel) { return root.querySelector(sel); };
  var panel = $(".panel"), launch = $(".launch"), prechat = $(".prechat"), chat = $(".chat"), log = $(".log");

  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }
  function save() { localStorage.setItem(storeKey, JSON.stringify({ id: state.id, token: state.token })); }
  function clientId() { return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/[^A-Za-z0-9-]/g, ""); }

  function request(path, body) {
    var headers = { "content-type": "application/json" };
    if (state.token) headers["x-chat-token"] = state.token;
    return fetch(base + path, { method: body === undefined ? "GET" : "POST", headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (r) {
      if (r.status === 204) return null;
      return r.json().then(function (j) {
        if (!r.ok) { var e = new Error(j.detail || j.title || ("HTTP " + r.status)); e.status = r.status; throw e; }
        return j;
      });
    });
  }

  function show(open) {
    panel.hidden = !open; launch.hidden = open;
    if (open) (state.id ? $(".send textarea") : $(".prechat input")).focus();
  }

  function renderStatus(s) {
    state.status = s;
    var text;
    if (s.status === "QUEUED") {
      text = "Waiting for an agent" + (s.position ? " — you are number " + s.position + " in line" : "") +
        (s.estimatedWaitSeconds != null ? ", about " + Math.max(1, Math.round(s.estimatedWaitSeconds / 60)) + " min" : "") + ".";
    } else if (s.status === "ASSIGNED") {
      text = "You are chatting with " + (s.agent || "an agent") + ".";
    } else {
      text = s.closeReason === "IDLE" ? "This chat was closed after a quiet while. Write to open it again."
        : "This chat has ended. Write to open it again.";
    }
    $(".status").textContent = text;
    chat.dataset.status = s.status;
  }

  function addMessage(m) {
    if (state.messages[m.seq]) return;
    state.messages[m.seq] = m;
    state.seq = Math.max(state.seq, m.seq);
    var el = document.createElement("div");
    el.className = "m " + m.direction;
    el.dataset.seq = m.seq;
    el.textContent = m.text;
    // keep the log in seq order even if a live message overtook the catch-up
    var after = null;
    Array.prototype.forEach.call(log.children, function (c) { if (!after && Number(c.dataset.seq) > m.seq) after = c; });
    log.insertBefore(el, after);
    log.scrollTop = log.scrollHeight;
  }

  function onEvent(e) {
    if (e.type === "message") { addMessage(e.message); if (e.message.direction === "OUT") $(".typing").textContent = ""; }
    else if (e.type === "status") renderStatus(e.status);
    else if (e.type === "typing") $(".typing").textContent = e.on ? "The agent is typing…" : "";
  }

  // EventSource cannot send the token header: read the SSE stream with fetch and parse its frames.
  function connect() {
    if (state.abort) state.abort.abort();
    var ctl = new AbortController();
    state.abort = ctl;
    fetch(base + "/" + state.id + "/stream?after=" + state.seq, { headers: { "x-chat-token": state.token, accept: "text/event-stream" },
      signal: ctl.signal }).then(function (r) {
      if (r.status === 404) { forget(); return; }
      if (!r.ok || !r.body) throw new Error("stream " + r.status);
      state.backoff = 500;
      var reader = r.body.getReader(), decoder = new TextDecoder(), buf = "";
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) throw new Error("stream ended");
          buf += decoder.decode(chunk.value, { stream: true });
          var frames = buf.split(/\r?\n\r?\n/);
          buf = frames.pop();
          frames.forEach(function (f) {
            var data = f.split(/\r?\n/).filter(function (l) { return l.indexOf("data:") === 0; })
              .map(function (l) { return l.slice(5).replace(/^ /, ""); }).join("\n");
            if (data) { try { onEvent(JSON.parse(data)); } catch (ignored) { /* a frame we do not know */ } }
          });
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      if (ctl.signal.aborted || !state.id) return;
      setTimeout(connect, state.backoff);
      state.backoff = Math.min(state.backoff * 2, 15000);
    });
  }

  function forget() {
    state.id = state.token = null; state.seq = 0; state.messages = {};
    localStorage.removeItem(storeKey);
    log.textContent = ""; chat.hidden = true; prechat.hidden = false;
  }

  function enterChat() { prechat.hidden = true; chat.hidden = false; connect(); }

  prechat.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = new FormData(prechat), err = $(".prechat .error");
    err.textContent = "";
    var body = { name: f.get("name"), email: f.get("email") || null, phone: f.get("phone") || null,
      queue: opts.queue || null, text: f.get("text") || null, clientId: clientId() };
    if (!body.name) { err.textContent = "Please tell us your name."; return; }
    if (!body.email && !body.phone) { err.textContent = "Please give an e-mail address or a phone number."; return; }
    request("", body).then(function (started) {
      state.id = started.conversationId; state.token = started.token; save();
      renderStatus(started.status); enterChat();
    }).catch(function (e) { err.textContent = e.message; });
  });

  function send(text, id) {
    return request("/" + state.id + "/messages", { text: text, clientId: id }).then(addMessage);
  }

  $(".send").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var box = $(".send textarea"), text = box.value.trim(), err = $(".chat-error");
    if (!text) return;
    box.value = ""; err.textContent = "";
    var id = clientId();
    // one retry with the same clientId: a post whose answer was lost is stored once
    send(text, id).catch(function () { return send(text, id); }).catch(function (e) {
      err.textContent = "Not sent: " + e.message; box.value = text;
    });
    typing(false);
  });

  function typing(on) {
    if (!state.id || state.typingSent === on) return;
    state.typingSent = on;
    request("/" + state.id + "/typing", { typing: on }).catch(function () {});
  }
  $(".send textarea").addEventListener("input", function () {
    typing(true);
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(function () { typing(false); }, 3000);
  });
  $(".send textarea").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); $(".send").requestSubmit(); }
  });

  $(".callme").addEventListener("click", function () {
    var phone = window.prompt("Which number should we call?", "");
    if (!phone) return;
    request("/" + state.id + "/callback", { phone: phone }).then(addMessage)
      .catch(function (e) { $(".chat-error").textContent = e.message; });
  });
  $(".transcript").addEventListener("click", function () {
    request("/" + state.id + "/transcript", {}).then(addMessage)
      .catch(function (e) { $(".chat-error").textContent = e.message; });
  });
  $(".leave").addEventListener("click", function () {
    request("/" + state.id + "/leave", {}).then(renderStatus).then(function () {
      if (state.abort) state.abort.abort();
      forget();
    }).catch(function (e) { $(".chat-error").textContent = e.message; });
  });
  launch.addEventListener("click", function () { show(true); });
  $(".close").addEventListener("click", function () { show(false); });

  function mount() {
    document.body.appendChild(host);
    try {
      var saved = JSON.parse(localStorage.getItem(storeKey) || "null");
      if (saved && saved.id && saved.token) { state.id = saved.id; state.token = saved.token; enterChat(); show(true); return; }
    } catch (ignored) { /* nothing saved */ }
    if (opts.open === "true") show(true);
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
  window.ccChat = { open: function () { show(true); }, close: function () { show(false); } };
})();
