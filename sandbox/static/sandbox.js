// The sandbox's phone: one person's chat with the bot at a time, everything through the JSON API.
// The server owns every chat; this page only shows the latest answer of a long poll and sends
// what the person does. The bot's HTML comes already made safe by the server.

import { el, MessageList } from "./messages.js";
import { applyStrings, formatClock, lang, loadStrings, t } from "./texts.js";

const LONG_POLL_SECONDS = 25;
const OTHERS_EVERY_MS = 4000;
const TOAST_MS = 3500;
const MAX_UPLOAD_BYTES = 63 * 1024 * 1024; // under the emulator's 64 MB request limit

const $ = (id) => document.getElementById(id);
const state = {
  people: [],
  bot: null,
  current: null, // person id
  chats: new Map(), // id -> {version, messages, sig, seenSig, loaded}
  shownToasts: new Set(),
  clock: null, // {server: ms, local: ms} to tick the badge between answers
  poll: null, // AbortController of the current person's long poll
};

// ---- talking to the server -------------------------------------------------------------

async function post(path, body) {
  const init = body instanceof FormData
    ? { method: "POST", body }
    : { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body) };
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

// A newcomer who has joined is labelled as what they are now.
async function refreshPeople() {
  try {
    const response = await fetch("/api/people");
    if (!response.ok) return;
    const now = new Map(((await response.json()).people || []).map((p) => [p.id, p]));
    let changed = false;
    state.people = state.people.map((person) => {
      const fresh = now.get(person.id);
      if (!fresh || fresh.role === person.role) return person;
      changed = true;
      return { ...person, role: fresh.role };
    });
    if (changed) {
      renderPeople();
      renderHeader();
    }
  } catch (error) {
    // the long poll reports the lost connection
  }
}

async function othersLoop() {
  for (;;) {
    await pollOthers();
    await refreshPeople();
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
  if (!person.state) return role;
  // the state in the page's language, whoever the person is
  return `${role} · ${(person.state.names || {})[lang()] || person.state.name}`;
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
  messageList.clear();
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
  messageList.render(chat.messages);
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
  if (file.size > MAX_UPLOAD_BYTES) { // said here, not after sending it all to be refused
    toast(t("sandbox-page-too-big"));
    input.value = "";
    return;
  }
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

const messageList = new MessageList($("messages"), {
  onPress: (messageId, row, column, key) => press(messageId, row, column, key),
  onImageLoad: () => keepAtBottom(),
});

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
