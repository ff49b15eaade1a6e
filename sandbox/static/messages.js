// A chat's messages as Telegram shows them: bubbles (the bot's on one side, the person's on the
// other), the bot's HTML as the server made it safe, inline keyboards under their bubble,
// documents as cards, photos, albums together, a chip where the day changes.

import { formatDay, formatSize, formatTime, lang, t } from "./texts.js";

export function el(tag, className, attrs = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function bubble(message, hooks) {
  const node = el("div", "bubble", {
    "data-testid": "bubble", "data-message-id": String(message.id), dir: "auto",
  });
  if (message.photo) {
    const img = el("img", "photo", { src: message.photo.url, alt: t("sandbox-page-photo"),
      "data-testid": "photo" });
    img.addEventListener("load", () => hooks.onImageLoad());
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

function keyboard(message, hooks) {
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
        key.addEventListener("click", () => hooks.onPress(message.id, r, c, key));
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
      out.push({ kind: "album", album: message.album, messages: [message],
        key: `album:${message.id}` });
    } else {
      out.push({ kind: "message", messages: [message], key: `message:${message.id}` });
    }
  }
  return out;
}

function groupNode(group, hooks) {
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
    album.append(...group.messages.map((message) => bubble(message, hooks)));
    li.append(album);
  } else {
    li.append(bubble(first, hooks));
  }
  for (const message of group.messages) {
    const grid = keyboard(message, hooks);
    if (grid) {
      li.append(grid);
      li.classList.add("has-keyboard");
    }
  }
  return li;
}

// Draws a chat into a list element and keeps it in step with each new answer: a message that
// did not change keeps its node (and focus), edits replace it in place, deletions drop it.
export class MessageList {
  // hooks: onPress(messageId, row, column, keyElement), onImageLoad()
  constructor(list, hooks) {
    this.list = list;
    this.hooks = hooks;
    this.nodes = new Map(); // group key -> {sig, node}
  }

  clear() {
    this.nodes.clear();
    this.list.replaceChildren();
  }

  render(messages) {
    const fresh = new Map();
    const nodes = groups(messages).map((group) => {
      const sig = lang() + JSON.stringify(group);
      const old = this.nodes.get(group.key);
      const node = old && old.sig === sig ? old.node : groupNode(group, this.hooks);
      fresh.set(group.key, { sig, node });
      return node;
    });
    this.nodes = fresh;
    const children = this.list.children;
    const same = nodes.length === children.length && nodes.every((node, i) => children[i] === node);
    if (!same) this.list.replaceChildren(...nodes);
  }
}
