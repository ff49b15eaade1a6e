// The sandbox's phone: one person's chat with the bot at a time, everything through the JSON API.
// The server owns every chat; this page only shows the latest answer of a long poll and sends
// what the person does. The bot's HTML comes already made safe by the server.
"use strict";

(() => {
  const INTL_LOCALES = { ar: "ar-EG", en: "en-GB" };
  const LONG_POLL_SECONDS = 25;
  const OTHERS_EVERY_MS = 4000;
  const TOAST_MS = 3500;

  const $ = (id) => document.getElementById(id);
  const state = {
    lang: null, // language of the chrome right now
    strings: {},
    stringsByLang: new Map(),
    people: [],
    bot: null,
    current: null, // person id
    chats: new Map(), // id -> {version, messages, sig, seenSig, loaded}
    shownToasts: new Set(),
    clock: null, // {server: ms, local: ms} to tick the badge between answers
    poll: null, // AbortController of the current person's long poll
    nodes: new Map(), // render key -> {sig, node}
  };

  // ---- strings and direction -------------------------------------------------------------

  function t(id) {
    const text = state.strings[id];
    if (text === undefined) {
      console.warn("sandbox: no string", id);
      return id;
    }
    return text;
  }

  async function loadStrings(lang) {
    if (state.stringsByLang.has(lang || "")) return state.stringsByLang.get(lang || "");
    const url = lang ? `/api/strings?lang=${encodeURIComponent(lang)}` : "/api/strings";
    const response = await fetch(url);
    if (!response.ok) {
      if (!lang) return loadStrings("ar");
      throw new Error(`strings ${lang}: ${response.status}`);
    }
    const body = await response.json();
    const entry = { lang: lang || body.lang || (body.dir === "ltr" ? "en" : "ar"), ...body };
    state.stringsByLang.set(lang || "", entry);
    return entry;
  }

  function applyStrings(entry) {
    state.lang = entry.lang;
    state.strings = entry.strings || {};
    const root = document.documentElement;
    root.lang = entry.lang;
    root.dir = entry.dir === "ltr" ? "ltr" : "rtl";
    for (const el of document.querySelectorAll("[data-i18n]")) {
      el.textContent = t(el.dataset.i18n);
    }
    for (const el of document.querySelectorAll("[data-i18n-label]")) {
      el.setAttribute("aria-label", t(el.dataset.i18nLabel));
      el.title = t(el.dataset.i18nLabel);
    }
    for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    }
  }

  const intlLocale = () => INTL_LOCALES[state.lang] || state.lang || "ar-EG";

  function formatTime(iso) {
    return new Intl.DateTimeFormat(intlLocale(), { hour: "2-digit", minute: "2-digit" })
      .format(new Date(iso));
  }

  function formatDay(iso) {
    return new Intl.DateTimeFormat(intlLocale(), { day: "numeric", month: "long", year: "numeric" })
      .format(new Date(iso));
  }

  function formatClock(ms) {
    return new Intl.DateTimeFormat(intlLocale(), {
      weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
    }).format(new Date(ms));
  }

  function formatSize(bytes) {
    const units = [["megabyte", 1024 * 1024], ["kilobyte", 1024], ["byte", 1]];
    const [unit, size] = units.find(([, size]) => bytes >= size) || units[2];
    return new Intl.NumberFormat(intlLocale(), {
      style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1,
    }).format(bytes / size);
  }

  // ---- talking to the server -------------------------------------------------------------

  async function post(path, body) {
    const init = body instanceof FormData
      ? { method: "POST", body }
      : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
    let response;
    try {
      response = await fetch(path, init);
    } catch (error) {
      toast(t("sandbox-page-offline"));
      throw error;
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      toast(`${t("sandbox-page-error")} ${answer.error || response.status}`);
      throw new Error(answer.error || String(response.status));
    }
    return answer;
  }

  function chatOf(id) {
    if (!state.chats.has(id)) {
      state.chats.set(id, { version: 0, messages: [], sig: "", seenSig: undefined, loaded: false });
    }
    return state.chats.get(id);
  }

  // One answer of GET /api/chats/<id>: remember it, show it if it is the person on screen.
  function absorb(id, body) {
    const chat = chatOf(id);
    if (typeof body.version === "number") chat.version = body.version;
    if (body.clock) setClock(body.clock);
    if (Array.isArray(body.messages)) {
      chat.messages = body.messages;
      chat.sig = JSON.stringify(body.messages);
      chat.loaded = true;
    }
    if (chat.seenSig === undefined) chat.seenSig = chat.sig; // what was there before we looked
    const toasts = Array.isArray(body.toasts) ? body.toasts : [];
    if (id === state.current) {
      chat.seenSig = chat.sig;
      renderChat();
      for (const item of toasts) {
        if (state.shownToasts.has(item.id)) continue;
        state.shownToasts.add(item.id);
        if (item.alert) showAlert(item.text); else toast(item.text);
      }
    } else {
      for (const item of toasts) state.shownToasts.add(item.id); // pressed elsewhere, not news
    }
    renderDots();
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function longPoll(id, controller) {
    let fresh = true; // what another poll saw may be old: the first answer comes at once
    while (!controller.signal.aborted) {
      const chat = chatOf(id);
      const started = Date.now();
      const before = chat.version;
      const after = fresh ? 0 : chat.version;
      fresh = false;
      try {
        const response = await fetch(
          `/api/chats/${id}?after=${after}&wait=${LONG_POLL_SECONDS}`,
          { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = await response.json();
        if (controller.signal.aborted) return;
        banner(null);
        absorb(id, body);
        // a server that answers at once without news must not make this spin
        if (after && chat.version === before && Date.now() - started < 1000) await sleep(1000);
      } catch (error) {
        if (controller.signal.aborted) return;
        banner(t("sandbox-page-offline"));
        await sleep(2000);
      }
    }
  }

  // The people not on screen are asked now and then, only to light their unread dot.
  async function pollOthers() {
    for (const person of state.people) {
      if (person.id === state.current) continue;
      try {
        const chat = chatOf(person.id);
        const response = await fetch(`/api/chats/${person.id}?after=${chat.version}&wait=0`);
        if (response.ok) absorb(person.id, await response.json());
      } catch (error) {
        return; // the long poll reports the lost connection
      }
    }
  }

  async function othersLoop() {
    for (;;) {
      await pollOthers();
      await sleep(OTHERS_EVERY_MS);
    }
  }

  // ---- the clock -------------------------------------------------------------------------

  function setClock(iso) {
    state.clock = { server: Date.parse(iso), local: Date.now() };
    renderClock();
  }

  function renderClock() {
    if (!state.clock) return;
    const now = state.clock.server + (Date.now() - state.clock.local);
    const time = $("clock-time");
    time.dateTime = new Date(now).toISOString();
    time.textContent = formatClock(now);
  }

  async function advanceClock(hours, button) {
    const buttons = document.querySelectorAll("[data-hours]");
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const answer = await post("/api/clock", { hours });
      if (answer.clock) setClock(answer.clock);
      button.classList.add("done");
      setTimeout(() => button.classList.remove("done"), 600);
    } catch (error) {
      // post() showed it
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  // ---- people ----------------------------------------------------------------------------

  function roleLabel(person) {
    const role = {
      secretariat: t("sandbox-page-role-secretariat"),
      focal_point: t("sandbox-page-role-focal-point"),
      newcomer: t("sandbox-page-role-newcomer"),
    }[person.role] || person.role;
    return person.state ? `${role} · ${person.state.name}` : role;
  }

  function renderPeople() {
    const nav = $("people");
    const buttons = state.people.map((person) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = `person role-${person.role}`;
      button.dataset.testid = "person";
      button.dataset.personId = String(person.id);
      const avatar = document.createElement("span");
      avatar.className = "person-avatar";
      avatar.setAttribute("aria-hidden", "true");
      avatar.textContent = (person.name || "?").trim().charAt(0);
      const text = document.createElement("span");
      text.className = "person-text";
      const name = document.createElement("bdi");
      name.className = "person-name";
      name.textContent = person.name;
      const role = document.createElement("span");
      role.className = "person-role";
      role.dir = "auto";
      role.textContent = roleLabel(person);
      text.append(name, role);
      const dot = document.createElement("span");
      dot.className = "dot";
      dot.dataset.testid = "unread";
      dot.hidden = true;
      dot.setAttribute("role", "img");
      button.append(avatar, text, dot);
      button.addEventListener("click", () => selectPerson(person.id));
      return button;
    });
    nav.replaceChildren(...buttons);
    renderDots();
  }

  function renderDots() {
    for (const button of document.querySelectorAll("#people [data-person-id]")) {
      const id = Number(button.dataset.personId);
      const chat = state.chats.get(id);
      const unread = id !== state.current && chat && chat.seenSig !== undefined
        && chat.seenSig !== chat.sig;
      const dot = button.querySelector(".dot");
      dot.hidden = !unread;
      dot.setAttribute("aria-label", t("sandbox-page-unread"));
      button.classList.toggle("unread", Boolean(unread));
      button.setAttribute("aria-pressed", String(id === state.current));
    }
  }

  const personById = (id) => state.people.find((p) => p.id === id);

  async function selectPerson(id) {
    const person = personById(id);
    if (!person) return;
    if (state.poll) state.poll.abort();
    state.current = id;
    history.replaceState(null, "", `#${id}`);
    applyStrings(await loadStrings(person.language));
    if (state.current !== id) return; // another click came first
    const pickerHadFocus = $("people").contains(document.activeElement);
    renderPeople();
    renderHeader();
    renderClock();
    state.nodes.clear();
    $("messages").replaceChildren();
    const chat = chatOf(id);
    chat.seenSig = chat.sig;
    renderChat({ jump: true });
    const selected = document.querySelector(`#people [data-person-id="${id}"]`);
    if (selected) {
      selected.scrollIntoView({ block: "nearest", inline: "nearest" });
      if (pickerHadFocus) selected.focus();
    }
    state.poll = new AbortController();
    longPoll(id, state.poll);
  }

  function renderHeader() {
    const person = personById(state.current);
    const who = $("who");
    who.replaceChildren();
    document.body.classList.toggle("chosen", Boolean(person));
    if (!person) {
      who.textContent = t("sandbox-title");
      return;
    }
    const name = document.createElement("bdi");
    name.textContent = person.name;
    who.append(`${t("sandbox-page-you-are")} `, name, ` · ${roleLabel(person)}`);
    document.title = `${state.bot ? state.bot.name : "ARCP"} · ${person.name}`;
  }

  // ---- the chat --------------------------------------------------------------------------

  function el(tag, className, attrs = {}) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    return node;
  }

  function bubble(message) {
    const node = el("div", "bubble", {
      "data-testid": "bubble", "data-message-id": String(message.id), dir: "auto",
    });
    if (message.photo) {
      const img = el("img", "photo", { src: message.photo.url, alt: t("sandbox-page-photo"),
        "data-testid": "photo" });
      img.addEventListener("load", keepAtBottom);
      node.append(img);
    }
    if (message.document) {
      const doc = message.document;
      const card = el("div", "document", { "data-testid": "document" });
      const icon = el("span", "document-icon", { "aria-hidden": "true" });
      icon.textContent = "📄";
      const info = el("span", "document-info");
      const name = el("bdi", "document-name");
      name.textContent = doc.name;
      const size = el("span", "document-size");
      size.textContent = formatSize(doc.size || 0);
      info.append(name, size);
      const link = el("a", "document-download", { href: doc.url, download: doc.name || "",
        "data-testid": "download" });
      link.textContent = t("sandbox-page-download");
      card.append(icon, info, link);
      node.append(card);
    }
    if (message.html) {
      const text = el("div", "text", { dir: "auto" });
      text.innerHTML = message.html; // made safe by the server from text and entities
      for (const link of text.querySelectorAll("a[href]")) {
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      }
      for (const spoiler of text.querySelectorAll(".spoiler")) {
        spoiler.addEventListener("click", () => spoiler.classList.add("revealed"));
      }
      node.append(text);
    }
    const meta = el("span", "meta");
    if (message.edited) {
      const edited = el("span", "edited", { "data-testid": "edited" });
      edited.textContent = t("sandbox-page-edited");
      meta.append(edited);
    }
    const time = el("time", "", { datetime: message.date });
    time.textContent = formatTime(message.date);
    meta.append(time);
    node.append(meta);
    return node;
  }

  function keyboard(message) {
    const rows = message.buttons || [];
    if (!rows.length) return null;
    const grid = el("div", "keyboard", { role: "group", "data-testid": "keyboard",
      "data-message-id": String(message.id) });
    rows.forEach((row, r) => {
      const line = el("div", "keyboard-row");
      row.forEach((button, c) => {
        let key;
        if (button.url) {
          key = el("a", "key url", { href: button.url, target: "_blank", rel: "noopener noreferrer",
            "data-testid": "keyboard-button", dir: "auto" });
        } else {
          key = el("button", "key", { type: "button", "data-testid": "keyboard-button", dir: "auto",
            "data-row": String(r), "data-column": String(c) });
          key.addEventListener("click", () => press(message.id, r, c, key));
        }
        key.textContent = button.text;
        line.append(key);
      });
      grid.append(line);
    });
    return grid;
  }

  // Messages in order, an album's consecutive members together, a chip where the day changes.
  function groups(messages) {
    const out = [];
    let day = null;
    for (const message of messages) {
      const thisDay = formatDay(message.date);
      if (thisDay !== day) {
        day = thisDay;
        out.push({ kind: "day", key: `day:${thisDay}`, text: thisDay });
      }
      const last = out[out.length - 1];
      if (message.album && last.kind === "album" && last.album === message.album) {
        last.messages.push(message);
      } else if (message.album) {
        out.push({ kind: "album", album: message.album, messages: [message], key: `album:${message.id}` });
      } else {
        out.push({ kind: "message", messages: [message], key: `message:${message.id}` });
      }
    }
    return out;
  }

  function groupNode(group) {
    if (group.kind === "day") {
      const li = el("li", "day");
      const chip = el("span", "day-chip");
      chip.textContent = group.text;
      li.append(chip);
      return li;
    }
    const first = group.messages[0];
    const li = el("li", `message ${first.from_bot ? "from-bot" : "from-user"}`);
    if (group.kind === "album") {
      const album = el("div", "album", { "data-testid": "album" });
      album.append(...group.messages.map(bubble));
      li.append(album);
    } else {
      li.append(bubble(first));
    }
    for (const message of group.messages) {
      const grid = keyboard(message);
      if (grid) {
        li.append(grid);
        li.classList.add("has-keyboard");
      }
    }
    return li;
  }

  function isAtBottom() {
    const chat = $("chat");
    return chat.scrollHeight - chat.scrollTop - chat.clientHeight < 48;
  }

  let stickToBottom = true;

  function keepAtBottom() {
    if (stickToBottom) $("chat").scrollTop = $("chat").scrollHeight;
  }

  function renderChat({ jump = false } = {}) {
    const person = personById(state.current);
    const chat = person ? chatOf(person.id) : null;
    $("empty").hidden = Boolean(person);
    const empty = Boolean(chat && chat.loaded && chat.messages.length === 0);
    $("start-bar").hidden = !empty;
    $("empty-chat").hidden = !empty;
    $("composer").hidden = !person || empty;
    if (!chat) return;
    stickToBottom = jump || isAtBottom();
    const list = $("messages");
    const fresh = new Map();
    const nodes = groups(chat.messages).map((group) => {
      const sig = state.lang + JSON.stringify(group);
      const old = state.nodes.get(group.key);
      const node = old && old.sig === sig ? old.node : groupNode(group);
      fresh.set(group.key, { sig, node });
      return node;
    });
    state.nodes = fresh;
    const same = nodes.length === list.children.length
      && nodes.every((node, i) => list.children[i] === node);
    if (!same) list.replaceChildren(...nodes);
    keepAtBottom();
  }

  // ---- what the person does --------------------------------------------------------------

  async function press(messageId, row, column, key) {
    key.classList.add("pressed");
    try {
      await post(`/api/chats/${state.current}/press`, { message_id: messageId, row, column });
    } catch (error) {
      key.classList.remove("pressed");
    }
  }

  async function sendText(text) {
    await post(`/api/chats/${state.current}/messages`, { text });
  }

  async function onSubmit(event) {
    event.preventDefault();
    const box = $("text");
    const text = box.value;
    if (!text.trim() || state.current === null) return;
    const send = $("send");
    send.disabled = true;
    try {
      await sendText(text);
      box.value = "";
      fitTextBox();
    } catch (error) {
      // kept in the box to try again; post() said why
    } finally {
      send.disabled = false;
      box.focus();
    }
  }

  function onKey(event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  }

  function fitTextBox() {
    const box = $("text");
    box.style.height = "auto";
    box.style.height = `${Math.min(box.scrollHeight, 140)}px`;
  }

  async function onStart() {
    const person = personById(state.current);
    if (!person) return;
    const button = $("start");
    button.disabled = true;
    try {
      await sendText(person.start ? `/start ${person.start}` : "/start");
    } catch (error) {
      // post() said why
    } finally {
      button.disabled = false;
    }
  }

  async function onFile() {
    const input = $("attach-input");
    const file = input.files && input.files[0];
    if (!file || state.current === null) return;
    const form = new FormData();
    form.append("file", file, file.name);
    try {
      await post(`/api/chats/${state.current}/documents`, form);
    } catch (error) {
      // post() said why
    } finally {
      input.value = "";
    }
  }

  // ---- toasts, alerts, banner ------------------------------------------------------------

  function toast(text) {
    const item = el("div", "toast", { "data-testid": "toast", role: "status", dir: "auto" });
    item.textContent = text;
    $("toasts").append(item);
    setTimeout(() => item.classList.add("leaving"), TOAST_MS - 300);
    setTimeout(() => item.remove(), TOAST_MS);
  }

  const alerts = [];

  function showAlert(text) {
    const dialog = $("alert");
    if (dialog.open) {
      alerts.push(text);
      return;
    }
    $("alert-text").textContent = text;
    dialog.showModal();
  }

  function banner(text) {
    const node = $("banner");
    node.hidden = !text;
    node.textContent = text || "";
  }

  // ---- start -----------------------------------------------------------------------------

  async function main() {
    applyStrings(await loadStrings(null));
    $("composer").addEventListener("submit", onSubmit);
    $("text").addEventListener("keydown", onKey);
    $("text").addEventListener("input", fitTextBox);
    $("start").addEventListener("click", onStart);
    $("attach").addEventListener("click", () => $("attach-input").click());
    $("attach-input").addEventListener("change", onFile);
    $("chat").addEventListener("scroll", () => { stickToBottom = isAtBottom(); });
    $("alert").addEventListener("close", () => {
      if (alerts.length) showAlert(alerts.shift());
    });
    for (const button of document.querySelectorAll("[data-hours]")) {
      button.addEventListener("click", () => advanceClock(Number(button.dataset.hours), button));
    }
    setInterval(renderClock, 15000);

    let people;
    for (;;) {
      try {
        const response = await fetch("/api/people");
        if (!response.ok) throw new Error(String(response.status));
        people = await response.json();
        break;
      } catch (error) {
        banner(t("sandbox-page-offline"));
        await sleep(2000);
      }
    }
    banner(null);
    state.people = people.people || [];
    state.bot = people.bot || null;
    if (state.bot) {
      $("bot-name").textContent = state.bot.name;
      $("bot-avatar").textContent = state.bot.name.trim().charAt(0);
      $("empty-chat-bot").textContent = state.bot.name;
    }
    if (people.clock) setClock(people.clock);
    renderPeople();
    renderHeader();
    window.addEventListener("hashchange", () => {
      const id = Number(location.hash.slice(1));
      if (id && id !== state.current) selectPerson(id);
    });
    const wanted = Number(location.hash.slice(1));
    if (personById(wanted)) await selectPerson(wanted);
    document.body.dataset.ready = "true"; // tests wait for this
    othersLoop();
  }

  main();
})();
