// The server's warnings, as it words them: those of the saved extraction (the checks run again
// after every correction, PATCH .../extraction). The page runs no checks of its own.

import { api } from "../api.js";
import { el } from "../dom.js";
import { boot, S } from "../state.js";

/** The text of one warning (the server's Vietnamese wording). */
export const warningText = (w) => w.text ?? w.message ?? String(w);

/** The warnings about one field. */
export const warningsAt = (ptr) => S.warnings.filter((w) => w.pointer === ptr);

/** Fetch the warnings the server holds now (after a save). */
export async function refreshWarnings() {
  const r = await api(`/documents/${boot.id}/warnings`);
  if (r.ok) S.warnings = await r.json();
}

/** The warnings panel; `onPick(pointer)` for the ones about a field. */
export function warningsPanel(onPick, pointerLabel) {
  const warns = S.warnings;
  if (!warns.length) return null;
  return el("section", { class: "warnings", "aria-labelledby": "g-warn" },
    el("h2", { id: "g-warn", text: `Cảnh báo (${warns.length})` }),
    el("ul", {}, warns.map((w) =>
      el("li", {}, w.pointer
        ? el("button", { type: "button", class: "linkish", onclick: () => onPick(w.pointer), text: `${pointerLabel(w.pointer)}: ${warningText(w)}` })
        : warningText(w)))));
}
