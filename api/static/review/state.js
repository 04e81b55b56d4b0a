// The document being reviewed: the server's extraction and version, the reviewer's unsaved edits
// (JSON Patch against it, kept in localStorage until the server has them) and the draft they make.
// Every edit goes through `record`; whoever draws the page listens with `onChange`.

import { $, say } from "./dom.js";
import { applyOps, clone, compose, esc, getAt } from "./patch.js";

export const boot = JSON.parse($("#boot")?.textContent || "{}");
export const L = boot.labels || {};
export const LOW = boot.low ?? 0.8;
const storeKey = `docproc-review:${boot.id}`;

export const S = {
  base: null, // the extraction as the server has it
  version: null, // its version (the ETag)
  ops: [], // unsaved edits, JSON Patch against `base`
  draft: null, // base + ops
  warnings: boot.warnings || [], // the server's warnings of `base`, in Vietnamese
  accepted: new Set(), // pointers the reviewer confirmed
  errors: {}, // pointer -> message of a value refused here
  current: null, // the selected field's pointer
  layout: null,
  approvals: [],
  saving: false,
  pending: {}, // pointer -> text typed that is not a valid value yet
  words: {}, // page number -> its words
  conflict: null,
  focusAfter: null, // a field to focus once the panel is drawn again (a new item's first field)
};

let changed = () => {};
/** `fn` runs after every recorded edit (the page schedules a redraw). */
export function onChange(fn) {
  changed = fn;
}

/** The server's extraction at `version`: no unsaved edits left. */
export function setBase(extraction, version) {
  S.base = extraction;
  S.version = version;
  S.ops = [];
  S.draft = clone(S.base);
}

export function persist() {
  if (S.ops.length || S.accepted.size) {
    localStorage.setItem(
      storeKey,
      JSON.stringify({ baseVersion: S.version, ops: S.ops, accepted: [...S.accepted], at: Date.now() }),
    );
  } else {
    localStorage.removeItem(storeKey);
  }
}

export function loadStored() {
  try {
    return JSON.parse(localStorage.getItem(storeKey) || "null");
  } catch {
    return null;
  }
}

export function record(newOps) {
  S.ops = compose(S.ops, newOps);
  S.draft = applyOps(S.base, S.ops);
  persist();
  changed();
}

export function setValue(ptr, value) {
  const exists = getAt(S.draft, ptr) !== undefined;
  delete S.errors[ptr];
  if (exists && JSON.stringify(getAt(S.draft, ptr)) === JSON.stringify(value)) return changed();
  record([{ op: exists ? "replace" : "add", path: ptr, value }]);
}

export function evidenceShiftOps(doc, collPtr, index) {
  // keep evidence keyed to the same items when item `index` is removed from a list
  const ev = doc.evidence || {};
  const prefix = `${collPtr}/`;
  const ops = [];
  const keys = Object.keys(ev).filter((k) => /^\d+(\/|$)/.test(k.slice(prefix.length)) && k.startsWith(prefix));
  const idxOf = (k) => Number(k.slice(prefix.length).split("/")[0]);
  for (const k of keys) if (idxOf(k) === index) ops.push({ op: "remove", path: `/evidence/${esc(k)}` });
  const later = keys.filter((k) => idxOf(k) > index).sort((a, b) => idxOf(a) - idxOf(b));
  for (const k of later) {
    const rest = k.slice(prefix.length).split("/");
    rest[0] = String(idxOf(k) - 1);
    ops.push({ op: "move", from: `/evidence/${esc(k)}`, path: `/evidence/${esc(prefix + rest.join("/"))}` });
  }
  return ops;
}

// What refers to an item of a list, by its id: lists of ids, and objects keyed by id (shares)
const REFS = {
  "/parties": [["obligations", "obligors"], ["obligations", "obligees"], ["assets", "owners"], ["obligations", "shares"]],
  "/assets": [["obligations", "secured_by"], ["obligations", "assets_delivered"]],
};

/** One patch that removes an item, the references to it (a removed party or asset leaves no
 * dangling id, which the server would refuse), and re-keys the evidence of everything after it. */
export function removalOps(doc, collPtr, index) {
  const ops = [];
  const push = (more) => {
    ops.push(...more);
    doc = applyOps(doc, more);
  };
  const removal = (list, k) => [{ op: "remove", path: `${list}/${k}` }, ...evidenceShiftOps(doc, list, k)];
  const id = getAt(doc, `${collPtr}/${index}`)?.id;
  let links = 0;
  for (const [group, field] of REFS[collPtr] || []) {
    (doc[group] || []).forEach((item, i) => {
      const refs = item[field];
      if (Array.isArray(refs)) {
        for (let j = refs.length - 1; j >= 0; j--)
          if (refs[j] === id) {
            push(removal(`/${group}/${i}/${field}`, j));
            links++;
          }
      } else if (refs && typeof refs === "object" && id in refs) {
        push([{ op: "remove", path: `/${group}/${i}/${field}/${esc(id)}` }]);
        links++;
      }
    });
  }
  push(removal(collPtr, index));
  return { ops, id, links };
}

export function removeItem(collPtr, index) {
  const { ops, id, links } = removalOps(S.draft, collPtr, index);
  record(ops);
  if (id) say(`Đã xóa ${id}${links ? ` và ${links} liên kết tới ${id}` : ""} (chưa lưu).`);
}

export function nextId(prefix, list) {
  const used = new Set(list.map((x) => x.id));
  let n = list.length + 1;
  for (let k = 1; k <= list.length + 1; k++)
    if (!used.has(prefix + k)) {
      n = k;
      break;
    }
  while (used.has(prefix + n)) n++;
  return prefix + n;
}

const NEW = {
  parties: (d) => ({ id: nextId("P", d.parties), role: "other", kind: "person", name: "", birth_year: null, id_number: null, address: null, representatives: [] }),
  obligations: (d) => ({ id: nextId("O", d.obligations), kind: "pay_money", obligors: [], obligees: [], joint: false, amount_vnd: null, amount_words: null, components: {}, late_interest: false, secured_by: [], enforcement: "on_request", text: null }),
  assets: (d) => ({ id: nextId("A", d.assets), kind: "other", description: null, owners: [], plot_number: null, map_sheet: null, area_m2: null, address: null, certificate: null, plate: null, security_contract: null }),
};

export function addItem(group) {
  const item = NEW[group](S.draft);
  record([{ op: "add", path: `/${group}/-`, value: item }]);
  S.focusAfter = `/${group}/${S.draft[group].length - 1}/${group === "parties" ? "name" : "kind"}`;
}

/** The evidence (page, box, span, confidence) of one value of the draft, if the reading kept any. */
export function evidenceOf(ptr) {
  return (S.draft.evidence || {})[ptr] || null;
}
