// The sandbox's channel page. Everything Slack-authored is rendered through DOM text nodes,
// never innerHTML, so message text cannot inject markup.
"use strict";

const ui = {
  me: new URLSearchParams(location.search).get("user") || localStorage.getItem("sandbox.user"),
  channel: localStorage.getItem("sandbox.channel"),
  state: null,
  seen: {},
  modalKey: null,
  railKey: null,
};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
  return node;
}

function userName(id) {
  if (!ui.state) return id;
  if (id === ui.state.bot.user_id) return ui.state.bot.name;
  if (id === "USLACKBOT") return "Slackbot";
  const user = ui.state.users.find(u => u.id === id);
  return user ? user.real_name : id;
}

// Slack shows <#C…> as the channel's name, not its id.
function channelName(id) {
  const channel = ui.state && ui.state.channels.find(c => c.id === id);
  return channel ? channel.name : id;
}

// --- mrkdwn -------------------------------------------------------------------------------

function unescapeSlack(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function renderToken(body) {
  const [target, label] = splitOnce(body, "|");
  if (target.startsWith("@")) return el("span", { class: "mention" }, "@" + (label || userName(target.slice(1))));
  if (target.startsWith("#")) return el("span", { class: "mention" }, "#" + (label || channelName(target.slice(1))));
  if (target.startsWith("!subteam^")) return el("span", { class: "mention" }, label || "@group");
  if (target.startsWith("!date^")) return document.createTextNode(unescapeSlack(label || ""));
  if (target === "!here" || target === "!channel" || target === "!everyone") {
    return el("span", { class: "mention" }, "@" + target.slice(1));
  }
  if (/^(https?:|mailto:)/i.test(target)) {
    return el("a", { href: target, target: "_blank", rel: "noopener noreferrer" }, unescapeSlack(label || target));
  }
  return document.createTextNode("<" + unescapeSlack(body) + ">");
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 1)];
}

function renderMrkdwn(text) {
  // Angle-bracket tokens are set aside first so that "_" or "*" inside a link is not formatting.
  const tokens = [];
  const protectedText = String(text).replace(/<([^<>]*)>/g, (_, body) => {
    tokens.push(body);
    return "\u0000" + (tokens.length - 1) + "\u0000";
  });
  const container = el("span", { class: "mrkdwn" });
  // A line starting with ">" is a block quote; a ">" that users typed arrives escaped, so it is never one.
  const lines = protectedText.split("\n");
  lines.forEach((line, index) => {
    const quoted = line.startsWith(">");
    if (index > 0 && !quoted && !lines[index - 1].startsWith(">")) container.append(el("br"));
    const target = quoted ? el("span", { class: "quote" }) : container;
    renderInline(quoted ? line.slice(1) : line, tokens, target);
    if (quoted) container.append(target);
  });
  return container;
}

function renderInline(text, tokens, container) {
  // Like Slack, a marker only formats at word edges: "snake_case_name" stays as typed.
  const formatting = /(?<![\p{L}\p{N}])(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~)(?![\p{L}\p{N}])|(`[^`\n]+`)/u;
  for (const part of text.split(formatting)) {
    if (!part) continue;
    const styles = { "*": "strong", "_": "em", "~": "s", "`": "code" };
    const tag = part.length > 2 && styles[part[0]] && part[part.length - 1] === part[0] ? styles[part[0]] : null;
    const inner = tag ? part.slice(1, -1) : part;
    const target = tag ? el(tag) : container;
    for (const piece of inner.split(/(\u0000\d+\u0000)/)) {
      if (/^\u0000\d+\u0000$/.test(piece)) target.append(renderToken(tokens[Number(piece.slice(1, -1))]));
      else if (piece) target.append(document.createTextNode(emoji(unescapeSlack(piece))));
    }
    if (tag) container.append(target);
  }
}

const EMOJI = {
  white_check_mark: "✅", heavy_check_mark: "✔️", x: "❌", no_entry: "⛔", no_entry_sign: "🚫",
  hourglass: "⌛", hourglass_flowing_sand: "⏳", warning: "⚠️", lock: "🔒", bell: "🔔", clock3: "🕒",
  alarm_clock: "⏰", rotating_light: "🚨", thumbsup: "👍", "+1": "👍", thumbsdown: "👎", memo: "📝",
};

function emoji(text) {
  return text.replace(/:([a-z0-9_+-]+):/g, (all, name) => EMOJI[name] || all);
}

function renderText(obj) {
  if (!obj) return null;
  return obj.type === "mrkdwn" ? renderMrkdwn(obj.text || "") : el("span", {}, emoji(String(obj.text || "")));
}

// --- blocks -------------------------------------------------------------------------------

function renderButton(element, onClick) {
  const classes = "block-button" + (element.style ? " " + element.style : "");
  return el("button", {
    class: classes, type: "button", "data-testid": "button",
    "data-action-id": element.action_id, "data-value": element.value, onclick: onClick,
  }, (element.text && element.text.text) || "");
}

function renderElement(element, context) {
  if (element.type === "button") return renderButton(element, () => context.click(element.action_id));
  if (element.type === "image") return el("span", { class: "context" }, "[image: " + (element.alt_text || "") + "]");
  if (element.type === "mrkdwn" || element.type === "plain_text") return renderText(element);
  return el("span", { class: "context" }, "[" + element.type + "]");
}

function renderBlock(block, context) {
  const attrs = { "data-block-id": block.block_id, "data-block-type": block.type };
  switch (block.type) {
    case "section": {
      const body = el("div", {}, renderText(block.text));
      if (Array.isArray(block.fields)) body.append(el("div", { class: "fields" }, block.fields.map(renderText)));
      const section = el("div", { ...attrs, class: "section" + (block.accessory ? " with-accessory" : "") }, body);
      if (block.accessory) section.append(renderElement(block.accessory, context));
      return section;
    }
    case "header": return el("h3", attrs, (block.text && block.text.text) || "");
    case "divider": return el("hr", attrs);
    case "context": return el("div", { ...attrs, class: "context" }, (block.elements || []).map(e => renderElement(e, context)));
    case "actions": return el("div", { ...attrs, class: "actions" }, (block.elements || []).map(e => renderElement(e, context)));
    case "image": return el("div", { ...attrs, class: "context" }, "[image: " + (block.alt_text || "") + "]");
    case "input": return context.input ? context.input(block) : null;
    case "rich_text": return el("div", { ...attrs, class: "section" }, richText(block));
    default: return el("div", { ...attrs, class: "context" }, "[unsupported block: " + block.type + "]");
  }
}

function richText(node) {
  if (typeof node.text === "string") return node.text;
  return (node.elements || []).map(richText).join("");
}

// --- messages -----------------------------------------------------------------------------

function renderMessage(message, key) {
  const time = new Date(Number(message.ts) * 1000).toLocaleTimeString();
  const meta = el("div", { class: "meta" },
    el("span", { class: "author", "data-testid": "author" }, userName(message.user)),
    message.bot_id ? el("span", { class: "tag" }, "APP") : null,
    time,
    message.edited ? " (edited)" : null,
    message.thread_ts ? " · in thread" : null,
    message.ephemeral_to ? " · Only visible to you" : null);
  const context = {
    click: actionId => act("click", { channel: ui.channel, ts: message.ts, action_id: actionId }),
  };
  const body = Array.isArray(message.blocks) && message.blocks.length > 0
    ? message.blocks.map(b => renderBlock(b, context))
    : [el("div", { class: "section" }, renderMrkdwn(message.text || ""))];
  return el("li", {
    class: "message" + (message.ephemeral_to ? " ephemeral" : ""),
    "data-testid": "message", "data-ts": message.ts, "data-user": message.user, "data-key": key,
    "data-ephemeral": message.ephemeral_to ? "true" : "false",
  }, meta, body);
}

// --- modal --------------------------------------------------------------------------------

function renderModal(entry) {
  const root = document.getElementById("modal-root");
  const key = entry ? entry.id + ":" + entry.view.hash + ":" + JSON.stringify(entry.errors) : null;
  if (key === ui.modalKey) return;
  ui.modalKey = key;
  // Slack keeps what the user typed when the app answers with errors; so does the re-render.
  const typed = {};
  for (const input of root.querySelectorAll("[data-testid=input]")) typed[input.name] = input.value;
  const sameView = root.firstChild && root.querySelector("[data-view-id]")?.dataset.viewId === entry?.id;
  root.replaceChildren();
  if (!entry) return;

  const view = entry.view;
  const errors = entry.errors || {};
  const context = {
    click: () => {},
    input: block => {
      const element = block.element || {};
      const attrs = {
        "data-testid": "input", "data-block-id": block.block_id, "data-action-id": element.action_id,
        name: block.block_id,
      };
      let control;
      if (element.type === "static_select" || element.type === "radio_buttons") {
        control = el("select", attrs, el("option", { value: "" }, "Choose…"),
          (element.options || []).map(o => el("option", { value: o.value }, (o.text && o.text.text) || o.value)));
      } else if (element.multiline) {
        control = el("textarea", { ...attrs, rows: 4 }, element.initial_value || "");
      } else {
        control = el("input", { ...attrs, value: element.initial_value || "" });
      }
      return el("div", { "data-block-id": block.block_id },
        el("label", {}, (block.label && block.label.text) || "", block.optional ? " (optional)" : "", control),
        errors[block.block_id] ? el("div", { class: "error", "data-testid": "input-error" }, errors[block.block_id]) : null);
    },
  };
  const values = () => {
    const collected = {};
    for (const input of root.querySelectorAll("[data-testid=input]")) collected[input.name] = input.value;
    return collected;
  };
  const modal = el("div", { class: "modal", "data-testid": "modal", "data-view-id": entry.id, role: "dialog" },
    el("h2", {}, (view.title && view.title.text) || ""),
    errors[""] ? el("div", { class: "error", "data-testid": "modal-error" }, errors[""]) : null,
    (view.blocks || []).map(b => renderBlock(b, context)),
    el("footer", {},
      el("button", { type: "button", "data-testid": "modal-close",
        onclick: () => act("close", { view_id: entry.id }) }, (view.close && view.close.text) || "Cancel"),
      view.submit ? el("button", { type: "button", class: "block-button primary", "data-testid": "modal-submit",
        onclick: () => act("submit", { view_id: entry.id, values: values() }) }, view.submit.text) : null));
  root.append(el("div", { class: "overlay" }, modal));
  if (sameView) {
    for (const input of root.querySelectorAll("[data-testid=input]")) {
      if (input.name in typed) input.value = typed[input.name];
    }
  }
}

// --- layout -------------------------------------------------------------------------------

function renderPicker(state) {
  const picker = document.getElementById("user-picker");
  if (picker.options.length !== state.users.length) {
    picker.replaceChildren(...state.users.map(u => el("option", { value: u.id },
      u.real_name + (u.is_approver ? " (approver)" : ""))));
  }
  picker.value = ui.me;
  document.getElementById("rate-limit-toggle").checked = state.rate_limits_enforced;
}

// The rail is rebuilt only when the shared channels change; the DM entry, highlights and unread
// counts are updated in place so that a click in flight still lands on the same element.
function renderRail(state) {
  const me = state.users.find(u => u.id === ui.me);
  const items = state.channels.filter(c => c.kind !== "direct")
    .map(c => ({ id: c.id, label: "# " + c.name, private: c.kind === "private" }));
  const rail = document.getElementById("channel-list");
  const key = items.map(i => i.id + ":" + i.label).join("|");
  if (key !== ui.railKey) {
    ui.railKey = key;
    rail.replaceChildren(el("h2", {}, "Channels"), ...items.map(railButton),
      el("h2", {}, "Direct messages"), railButton({ id: "", label: state.bot.name, dm: true }));
  }
  const dm = rail.querySelector("[data-dm]");
  dm.dataset.channelId = me ? me.dm_channel_id : "";
  for (const button of rail.querySelectorAll("[data-testid=channel]")) {
    const id = button.dataset.channelId;
    const messages = state.messages[id] || [];
    if (id === ui.channel && messages.length) ui.seen[id] = messages[messages.length - 1].ts;
    const unread = messages.filter(m => !ui.seen[id] || Number(m.ts) > Number(ui.seen[id])).length;
    button.classList.toggle("active", id === ui.channel);
    const badge = button.querySelector(".badge");
    badge.textContent = String(unread);
    badge.hidden = unread === 0 || id === ui.channel;
  }
}

function railButton(item) {
  const button = el("button", {
    type: "button", "data-testid": "channel", "data-channel-id": item.id, "data-dm": item.dm ? "true" : null,
    onclick: () => {
      ui.channel = button.dataset.channelId;
      localStorage.setItem("sandbox.channel", ui.channel);
      render();
    },
  }, el("span", {}, item.label, item.private ? el("span", { class: "private", title: "private channel" }, " private") : null),
    el("span", { class: "badge", "data-testid": "unread" }));
  return button;
}

// Unchanged messages keep their DOM nodes, so a click or a test holding an element is never
// pulled out from under it by a refresh.
function renderMessages(messages) {
  const list = document.getElementById("messages");
  const keys = messages.map(m => [ui.channel, m.ts, m.edit_count, m.ephemeral_to || ""].join("|"));
  const existing = new Map([...list.children].map(li => [li.dataset.key, li]));
  if (keys.join("\n") === [...existing.keys()].join("\n")) return;
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren(...messages.map((m, i) => existing.get(keys[i]) || renderMessage(m, keys[i])));
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function render() {
  const state = ui.state;
  if (!state) return;
  const me = state.users.find(u => u.id === ui.me);
  const known = state.channels.some(c => c.id === ui.channel) || (me && me.dm_channel_id === ui.channel);
  if (!known) ui.channel = state.general_channel_id;
  renderPicker(state);
  renderRail(state);
  const channel = state.channels.find(c => c.id === ui.channel);
  document.getElementById("channel-title").textContent =
    channel && channel.kind !== "direct" ? "# " + channel.name : state.bot.name;
  renderMessages(state.messages[ui.channel] || []);
  renderModal(state.views[state.views.length - 1] || null);
}

// --- talking to the sandbox ---------------------------------------------------------------

async function refresh() {
  const response = await fetch("/sandbox/state?user=" + encodeURIComponent(ui.me || ""));
  ui.state = await response.json();
  if (!ui.me || !ui.state.users.some(u => u.id === ui.me)) {
    ui.me = ui.state.users[0].id;
    return refresh();
  }
  render();
}

async function act(kind, body) {
  const status = document.getElementById("status");
  status.textContent = "";
  const response = await fetch("/sandbox/act/" + kind, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ user: ui.me, ...body }),
  });
  const reply = await response.json();
  if (!response.ok) status.textContent = "⚠ " + reply.error;
  else if (reply.status_code === 0 && reply.error && !/^(plain_message|unknown_command|notify_on_close_false)$/.test(reply.error)) {
    status.textContent = "⚠ not delivered to the app: " + reply.error;
  } else if (reply.status_code && reply.status_code !== 200) {
    status.textContent = "⚠ the app answered HTTP " + reply.status_code;
  }
  await refresh();
  return reply;
}

function listen() {
  const connection = document.getElementById("connection");
  if (!window.EventSource) {
    connection.textContent = "polling";
    setInterval(refresh, 500);
    return;
  }
  const events = new EventSource("/sandbox/events");
  events.onopen = () => { connection.textContent = "live"; };
  events.onmessage = () => refresh();
  events.onerror = () => { connection.textContent = "reconnecting…"; };
}

document.getElementById("user-picker").addEventListener("change", event => {
  ui.me = event.target.value;
  localStorage.setItem("sandbox.user", ui.me);
  ui.modalKey = null;
  refresh();
});

document.getElementById("rate-limit-toggle").addEventListener("change", async event => {
  await fetch("/sandbox/rate-limits", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ enforce: event.target.checked }),
  });
  refresh();
});

document.getElementById("composer-form").addEventListener("submit", async event => {
  event.preventDefault();
  const composer = document.getElementById("composer");
  const text = composer.value.trim();
  if (!text) return;
  composer.value = "";
  await act("message", { channel: ui.channel, text });
});

refresh().then(listen);
