"use strict";
(function () {
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  document.getElementById("tz").textContent = tz;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function meetingCard(m) {
    const card = el("div", "card");
    card.appendChild(el("div", "topic", m.topic));
    card.appendChild(el("div", "when", m.when + " · " + m.duration + " min · #" + m.id));
    const actions = el("div", "actions");
    const join = el("a", "join", "Join");
    join.href = m.join_url; join.target = "_blank"; join.rel = "noopener";
    actions.appendChild(join);
    const cancel = el("button", "choice secondary", "Cancel…");
    cancel.type = "button";
    cancel.addEventListener("click", function () {
      send("cancel " + m.topic, "confirm_cancel:" + m.id);
    });
    actions.appendChild(cancel);
    card.appendChild(actions);
    return card;
  }

  function show(response) {
    const item = el("li", "bot" + (response.type === "error" ? " error" : ""));
    item.dataset.type = response.type;
    item.appendChild(el("div", "text", response.text));
    if (response.meeting) item.appendChild(meetingCard(response.meeting));
    (response.meetings || []).forEach(function (m) { item.appendChild(meetingCard(m)); });
    if (response.oauth_url) {
      const a = el("a", "join connect", "Connect Zoom");
      a.href = response.oauth_url; a.target = "_blank"; a.rel = "noopener";
      const actions = el("div", "actions"); actions.appendChild(a); item.appendChild(actions);
    }
    if (response.choices && response.choices.length) {
      const actions = el("div", "actions");
      response.choices.forEach(function (c, i) {
        const b = el("button", "choice" + (i ? " secondary" : ""), c.label);
        b.type = "button";
        b.addEventListener("click", function () { send(c.label, c.value); });
        actions.appendChild(b);
      });
      item.appendChild(actions);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
  }

  async function send(text, action) {
    log.appendChild(el("li", "me", text));
    const body = { command: text, context: { timezone: tz }, request_id: crypto.randomUUID() };
    if (action) body.action = action;
    try {
      const res = await fetch("/api/zoom/enhanced/chat/commands", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      const data = await res.json();
      show(data.response || { type: "error", text: (data.error && data.error.message) || "Something went wrong." });
    } catch (err) {
      show({ type: "error", text: "I couldn't reach the server. Check your connection and try again." });
    }
  }

  async function poll() {
    try {
      const res = await fetch("/api/zoom/enhanced/chat/updates", { credentials: "same-origin" });
      if (res.ok) (await res.json()).updates.forEach(show);
    } catch (err) { /* offline: try again on the next tick */ }
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
  setInterval(poll, 2000);
})();
