// The keyboard: Alt+↓/↑ or j/k move between fields, Alt+Enter or a confirms one, Ctrl+S saves.

import { say } from "./dom.js";
import { pointerLabel } from "./labels.js";
import { fieldControls, render, select } from "./render/fields.js";
import { save } from "./save.js";
import { S, persist } from "./state.js";

function moveField(step) {
  const list = fieldControls();
  if (!list.length) return;
  const at = list.findIndex((c) => c.dataset.pointer === S.current);
  const next = list[Math.max(0, Math.min(list.length - 1, at < 0 ? 0 : at + step))];
  next.focus();
  next.scrollIntoView({ block: "nearest" });
  select(next.dataset.pointer);
}

function accept() {
  if (!S.current) return;
  S.accepted.add(S.current);
  persist();
  const ptr = S.current;
  render();
  say(`Đã xác nhận: ${pointerLabel(ptr)}`, "ok");
  moveField(1);
}

export function onKey(e) {
  const typing = e.target.matches?.("input, textarea, select");
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
    e.preventDefault();
    document.activeElement?.dispatchEvent?.(new Event("change", { bubbles: true }));
    save();
  } else if (e.altKey && e.key === "ArrowDown") {
    e.preventDefault();
    if (typing) e.target.dispatchEvent(new Event("change", { bubbles: true }));
    moveField(1);
  } else if (e.altKey && e.key === "ArrowUp") {
    e.preventDefault();
    if (typing) e.target.dispatchEvent(new Event("change", { bubbles: true }));
    moveField(-1);
  } else if (e.altKey && e.key === "Enter") {
    e.preventDefault();
    accept();
  } else if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    if (e.key === "j") moveField(1);
    else if (e.key === "k") moveField(-1);
    else if (e.key === "a") accept();
    else return;
    e.preventDefault();
  }
}
