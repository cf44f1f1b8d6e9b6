/* Relais web chat: sends messages to /api/chat, polls /api/updates for late replies.
   Untrusted text is never parsed as HTML: every node is built with the DOM API. */
(function () {
  "use strict";

  const KEYS = { session: "relais.session", lastId: "relais.lastId", greeted: "relais.greeted" };
  const POLL_MS = 4000;
  const SESSION_RE = /^[A-Za-z0-9-]{8,64}$/;
  const URL_RE = /\bhttps?:\/\/[^\s<>"]+/gi;
  const TRAILING_PUNCT = /[.,;:!?'"»)\]}]+$/;
  const TEXT = {
    welcome:
      "Bienvenue 👋 Emploi, formation, logement, argent, santé…\n" +
      "Écris-moi ta question en bas, je suis là pour t'aider.",
    welcomeBack: "Re ! 👋 Tu peux reprendre quand tu veux : écris-moi ton message en bas.",
    offline:
      "Pas de connexion pour l'instant. Ton message n'est pas parti : il t'attend dans la zone de texte, réessaie dans un moment.",
    offlineChoice: "Pas de connexion pour l'instant. Ton choix n'est pas parti : réessaie dans un moment.",
    serverDown: "Ton message t'attend dans la zone de texte : renvoie-le dans un petit moment.",
    empty: "Écris ton message avant d'envoyer 🙂",
    failed: "Pas envoyé",
    erased: "Tes données sont effacées. Tu peux recommencer une nouvelle conversation quand tu veux.",
    you: "Toi : ",
    bot: "Relais : ",
  };

  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const input = document.getElementById("input");
  const typing = document.getElementById("typing");
  const status = document.getElementById("status");
  const erase = document.getElementById("erase");

  /* Storage: localStorage when allowed, memory otherwise (private modes, blocked storage). */
  const memory = {};
  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
    }
  }
  function save(key, value) {
    memory[key] = String(value);
    try {
      window.localStorage.setItem(key, String(value));
    } catch (e) {
      /* memory copy is enough for this visit */
    }
  }

  function newSessionId() {
    const c = window.crypto;
    if (c && typeof c.randomUUID === "function") {
      return c.randomUUID();
    }
    const bytes = new Uint8Array(16);
    if (c && typeof c.getRandomValues === "function") {
      c.getRandomValues(bytes);
    } else {
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  let session = load(KEYS.session);
  const isNewSession = !session || !SESSION_RE.test(session);
  if (isNewSession) {
    session = newSessionId();
    save(KEYS.session, session);
    save(KEYS.lastId, 0);
  }
  let lastId = parseInt(load(KEYS.lastId) || "0", 10) || 0;

  /* Rendering */
  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function safeHref(raw) {
    try {
      const url = new URL(raw);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function appendLinkified(parent, text) {
    let last = 0;
    let match;
    URL_RE.lastIndex = 0;
    while ((match = URL_RE.exec(text)) !== null) {
      let url = match[0];
      const trail = url.match(TRAILING_PUNCT);
      if (trail && !(trail[0].startsWith(")") && url.includes("("))) {
        url = url.slice(0, url.length - trail[0].length);
      }
      const start = match.index;
      const href = safeHref(url);
      if (!url || !href) continue;
      parent.appendChild(document.createTextNode(text.slice(last, start)));
      const link = document.createElement("a");
      link.href = href;
      link.textContent = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer nofollow";
      parent.appendChild(link);
      last = start + url.length;
      URL_RE.lastIndex = last;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function bubble(kind, text) {
    const node = document.createElement("div");
    node.className = "msg msg--" + kind;
    if (kind === "bot" || kind === "user") {
      const who = document.createElement("span");
      who.className = "sr-only";
      who.textContent = kind === "bot" ? TEXT.bot : TEXT.you;
      node.appendChild(who);
    }
    if (kind === "bot") {
      appendLinkified(node, text);
    } else {
      node.appendChild(document.createTextNode(text));
    }
    log.appendChild(node);
    scrollToEnd();
    return node;
  }

  function addBotReply(reply) {
    if (!reply || typeof reply !== "object") return;
    if (typeof reply.text === "string" && reply.text.trim()) bubble("bot", reply.text);
    const buttons = Array.isArray(reply.buttons) ? reply.buttons : [];
    const usable = buttons.filter((b) => b && typeof b.title === "string" && typeof b.payload === "string");
    if (!usable.length) return;
    const group = document.createElement("div");
    group.className = "choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Réponses possibles");
    usable.forEach((b) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "choice";
      button.textContent = b.title;
      button.addEventListener("click", () => {
        choose(b.title, b.payload);
      });
      group.appendChild(button);
    });
    log.appendChild(group);
    scrollToEnd();
  }

  /* Shows replies; late ones carry an outbox id and are shown only once. */
  function showReplies(data) {
    const replies = data && Array.isArray(data.replies) ? data.replies : [];
    replies.forEach((reply) => {
      if (reply && typeof reply.id === "number") {
        if (reply.id <= lastId) return;
        lastId = reply.id;
      }
      addBotReply(reply);
    });
    if (data && typeof data.last_id === "number" && data.last_id > lastId) lastId = data.last_id;
    save(KEYS.lastId, lastId);
  }

  function setStatus(message) {
    status.textContent = message || "";
    scrollToEnd();
  }

  function setTyping(on) {
    typing.hidden = !on;
    if (on) scrollToEnd();
  }

  function markFailed(node) {
    if (!node) return;
    node.classList.add("msg--failed");
    const note = document.createElement("span");
    note.className = "msg__failed-note";
    note.textContent = TEXT.failed;
    node.appendChild(note);
    scrollToEnd();
  }

  /* After "Effacer mes données": a fresh session, nothing of the old one left on screen. */
  function startOver(data) {
    session = newSessionId();
    save(KEYS.session, session);
    save(KEYS.greeted, session);
    lastId = 0;
    save(KEYS.lastId, 0);
    log.textContent = "";
    (data.replies || []).forEach(addBotReply);
    bubble("info", TEXT.erased);
  }

  /* Sending: one message at a time, in order; a failure gives every unsent text back. */
  const queue = [];
  let sending = false;

  async function post(item) {
    const body = { session: session, text: item.text || "", after: lastId };
    if (item.payload) body.payload = item.payload;
    let response;
    try {
      response = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        cache: "no-store",
      });
    } catch (e) {
      return { ok: false, message: item.typed ? TEXT.offline : TEXT.offlineChoice };
    }
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (response.ok && data) {
      if (data.erased) startOver(data);
      else showReplies(data);
      return { ok: true };
    }
    if (data && Array.isArray(data.replies)) {
      data.replies.forEach(addBotReply); // the server's apology
      return { ok: false, message: item.typed ? TEXT.serverDown : "" };
    }
    if (data && typeof data.message === "string") return { ok: false, message: data.message };
    return { ok: false, message: item.typed ? TEXT.offline : TEXT.offlineChoice };
  }

  async function pump() {
    if (sending) return;
    sending = true;
    setTyping(true);
    while (queue.length) {
      const item = queue[0];
      const result = await post(item);
      if (result.ok) {
        queue.shift();
        if (item.onSent) item.onSent();
        continue;
      }
      const failed = queue.splice(0, queue.length);
      failed.forEach((f) => markFailed(f.node));
      const unsent = failed.filter((f) => f.typed).map((f) => f.text);
      if (unsent.length) {
        const current = input.value.trim();
        input.value = unsent.concat(current ? [current] : []).join(" ");
      }
      const message = item.silent ? (unsent.length ? TEXT.offline : "") : result.message;
      if (message) setStatus(message);
    }
    setTyping(false);
    sending = false;
  }

  function enqueue(item) {
    queue.push(item);
    pump();
  }

  function choose(title, payload) {
    setStatus("");
    enqueue({ text: title, payload: payload, node: bubble("user", title) });
    input.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      setStatus(TEXT.empty);
      input.focus();
      return;
    }
    setStatus("");
    input.value = "";
    enqueue({ text: text, typed: true, node: bubble("user", text) });
    input.focus();
  });

  erase.addEventListener("click", () => {
    choose(erase.textContent.trim(), erase.getAttribute("data-payload"));
  });

  /* Late replies (answers given after an outage). */
  async function poll() {
    if (!document.hidden && !sending) {
      try {
        const url = "/api/updates?session=" + encodeURIComponent(session) + "&after=" + lastId;
        const response = await fetch(url, { cache: "no-store" });
        if (response.ok) showReplies(await response.json());
      } catch (e) {
        /* offline: try again at the next round */
      }
    }
    window.setTimeout(poll, POLL_MS);
  }

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && !sending) {
      fetch("/api/updates?session=" + encodeURIComponent(session) + "&after=" + lastId, { cache: "no-store" })
        .then((r) => (r.ok ? r.json() : null))
        .then((data) => data && showReplies(data))
        .catch(() => {});
    }
  });

  /* Keep the latest message in view when the on-screen keyboard resizes the page. */
  let nearEnd = true;
  log.addEventListener("scroll", () => {
    nearEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  });
  window.addEventListener("resize", () => {
    if (nearEnd) scrollToEnd();
  });

  /* Start: a welcome line, then the bot's greeting (and privacy notice) for a new session. */
  const greeted = load(KEYS.greeted) === session;
  bubble("bot", greeted ? TEXT.welcomeBack : TEXT.welcome);
  if (!greeted) {
    enqueue({ payload: "/greet", silent: true, onSent: () => save(KEYS.greeted, session) });
  }
  window.setTimeout(poll, POLL_MS);
  if (window.matchMedia && window.matchMedia("(pointer: fine)").matches) input.focus();
})();
