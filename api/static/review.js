// The review page. Plain ES module, no build step. It only calls the service's API:
// GET /documents/{id} (extraction + ETag), PATCH /documents/{id}/extraction (JSON Patch, If-Match),
// page images and words, corrections (audit trail), approvals, drafts.
// Edits are JSON Patch operations kept in localStorage until the server has them.

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k === "style") node.style.cssText = v; // through the CSSOM: the CSP forbids style attributes
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
};

// --- formatting and parsing --------------------------------------------------------------------------

export const formatVnd = (n) =>
  n === null || n === undefined || n === "" ? "" : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

export function parseVnd(text) {
  const t = String(text).trim().replace(/\s*(đồng|đ|VND|vnđ)$/i, "");
  if (t === "") return { value: null };
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(t)) return { error: "Số tiền phải là số nguyên đồng, ví dụ 1.250.000.000" };
  const v = Number(t.replace(/\./g, ""));
  if (!Number.isSafeInteger(v)) return { error: "Số tiền quá lớn" };
  return { value: v };
}

function parseArea(text) {
  const t = String(text).trim().replace(/\s*m2$|\s*m²$/i, "");
  if (t === "") return { value: null };
  if (!/^\d+([.,]\d+)?$/.test(t)) return { error: "Diện tích là một số, ví dụ 86,5" };
  return { value: Number(t.replace(",", ".")) };
}

function parseYear(text) {
  const t = String(text).trim();
  if (t === "") return { value: null };
  if (!/^\d{4}$/.test(t) || +t < 1880 || +t > 2100) return { error: "Năm sinh gồm 4 chữ số, ví dụ 1972" };
  return { value: Number(t) };
}

function parseDate(text) {
  const t = String(text).trim();
  if (t === "") return { value: null };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || Number.isNaN(Date.parse(t))) return { error: "Ngày không hợp lệ" };
  return { value: t };
}

const esc = (key) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const unesc = (tok) => tok.replace(/~1/g, "/").replace(/~0/g, "~");
const tokens = (ptr) => (ptr === "" ? [] : ptr.slice(1).split("/").map(unesc));
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

// --- a small JSON Patch (RFC 6902) for the local draft ----------------------------------------------------

function getAt(doc, ptr) {
  let cur = doc;
  for (const t of tokens(ptr)) {
    if (cur === null || typeof cur !== "object" || !(t in cur)) return undefined;
    cur = cur[t];
  }
  return cur;
}

function applyOp(doc, op) {
  const toks = tokens(op.path);
  const last = toks.pop();
  let parent = doc;
  for (const t of toks) {
    if (parent === null || typeof parent !== "object" || !(t in parent)) throw new Error(`không có ${op.path}`);
    parent = parent[t];
  }
  const isArr = Array.isArray(parent);
  const idx = isArr ? (last === "-" ? parent.length : Number(last)) : last;
  if (isArr && (!Number.isInteger(idx) || idx < 0 || idx > parent.length)) throw new Error(`không có ${op.path}`);
  if (op.op === "add") {
    if (isArr) parent.splice(idx, 0, clone(op.value));
    else parent[idx] = clone(op.value);
  } else if (op.op === "replace") {
    if (!(idx in parent) || (isArr && idx >= parent.length)) throw new Error(`không có ${op.path}`);
    parent[idx] = clone(op.value);
  } else if (op.op === "remove") {
    if (!(idx in parent) || (isArr && idx >= parent.length)) throw new Error(`không có ${op.path}`);
    if (isArr) parent.splice(idx, 1);
    else delete parent[idx];
  } else if (op.op === "move") {
    const value = getAt(doc, op.from);
    if (value === undefined) throw new Error(`không có ${op.from}`);
    applyOp(doc, { op: "remove", path: op.from });
    applyOp(doc, { op: "add", path: op.path, value });
  } else {
    throw new Error(`thao tác ${op.op} không hỗ trợ`);
  }
  return doc;
}

export function applyOps(doc, ops) {
  const out = clone(doc);
  for (const op of ops) applyOp(out, op);
  return out;
}

// --- state ---------------------------------------------------------------------------------------------

const boot = JSON.parse($("#boot")?.textContent || "{}");
const L = boot.labels || {};
const LOW = boot.low ?? 0.8;
const storeKey = `docproc-review:${boot.id}`;
const S = {
  base: null, // the extraction as the server has it
  version: null, // its version (the ETag)
  ops: [], // unsaved edits, JSON Patch against `base`
  draft: null, // base + ops
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

function persist() {
  if (S.ops.length || S.accepted.size) {
    localStorage.setItem(
      storeKey,
      JSON.stringify({ baseVersion: S.version, ops: S.ops, accepted: [...S.accepted], at: Date.now() }),
    );
  } else {
    localStorage.removeItem(storeKey);
  }
}

function loadStored() {
  try {
    return JSON.parse(localStorage.getItem(storeKey) || "null");
  } catch {
    return null;
  }
}

let sayTimer = null;
function say(text, kind = "info") {
  const s = $("#status");
  s.textContent = text;
  s.className = `status ${kind}`;
  clearTimeout(sayTimer);
  if (kind !== "error") sayTimer = setTimeout(() => (s.textContent = ""), 8000);
}

async function api(path, opts = {}) {
  const r = await fetch(path, { credentials: "same-origin", ...opts });
  if (r.status === 401) {
    persist();
    location.href = `/review/login?next=${encodeURIComponent(location.pathname)}`;
    throw new Error("chưa đăng nhập");
  }
  return r;
}

// --- labels -----------------------------------------------------------------------------------------------

const F = (name) => (L.field && L.field[name]) || name;
const GROUP_VI = { case: "Vụ án", parties: "Đương sự", obligations: "Nghĩa vụ", assets: "Tài sản" };

function partyName(id) {
  if (id === "STATE") return "Nhà nước (ngân sách)";
  const p = (S.draft?.parties || []).find((x) => x.id === id);
  return p ? `${p.id} — ${p.name || "(chưa có tên)"}` : `${id} (không có trong danh sách)`;
}

function assetName(id) {
  const a = (S.draft?.assets || []).find((x) => x.id === id);
  if (!a) return `${id} (không có trong danh sách)`;
  return `${a.id} — ${(L.asset_kind || {})[a.kind] || a.kind}${a.plate ? " " + a.plate : ""}${a.plot_number ? " thửa " + a.plot_number : ""}`;
}

export function pointerLabel(ptr, doc = S.draft) {
  const t = tokens(ptr);
  if (!t.length) return "toàn bộ";
  const [group, i, field, j] = t;
  if (group === "case") return `${GROUP_VI.case} › ${F(i)}`;
  if (!(group in GROUP_VI)) return ptr;
  const item = doc?.[group]?.[i];
  let label = `${GROUP_VI[group]} ${item?.id || "#" + (Number(i) + 1)}`;
  if (field !== undefined) label += ` › ${group === "obligations" && field === "components" && j ? (L.component || {})[j] || j : F(field)}`;
  if (field === "representatives" && j !== undefined) label += ` ${Number(j) + 1}${t[4] ? " › " + F(t[4]) : ""}`;
  else if (j !== undefined && field !== "components") label += ` ${Number(j) + 1}`;
  return label;
}

function showValue(ptr, v) {
  if (v === null || v === undefined || v === "") return "(trống)";
  const last = tokens(ptr).pop();
  if (typeof v === "number" && (last === "amount_vnd" || tokens(ptr).includes("components"))) return `${formatVnd(v)} đ`;
  if (typeof v === "boolean") return v ? "có" : "không";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === "object" ? x.id || x.name || JSON.stringify(x) : x)).join(", ") || "(trống)";
  if (typeof v === "object") return v.id ? `${v.id}${v.name ? " " + v.name : ""}` : JSON.stringify(v);
  return String(v);
}

// --- edits -------------------------------------------------------------------------------------------------

function structural(op) {
  return op.op !== "replace";
}

function record(newOps) {
  for (const op of newOps) {
    if (op.op === "replace") {
      // a later value of the same field replaces an earlier one, unless structure changed since
      for (let k = S.ops.length - 1; k >= 0; k--) {
        const prev = S.ops[k];
        if (structural(prev)) break;
        if (prev.path === op.path) {
          S.ops.splice(k, 1);
          break;
        }
      }
    }
    S.ops.push(op);
  }
  S.draft = applyOps(S.base, S.ops);
  persist();
  scheduleRender();
}

// Re-render after the event that changed a value has finished: the focus has then moved where the
// reviewer sent it (Tab, a click), and a button being clicked is not replaced under the pointer.
let pointerDown = false;
let renderQueued = false;
document.addEventListener("pointerdown", () => (pointerDown = true), true);
document.addEventListener(
  "pointerup",
  () => {
    pointerDown = false;
    if (renderQueued) setTimeout(flushRender, 0);
  },
  true,
);
function scheduleRender() {
  renderQueued = true;
  if (!pointerDown) setTimeout(flushRender, 0);
}
function flushRender() {
  if (!renderQueued || pointerDown) return;
  renderQueued = false;
  render();
}

function setValue(ptr, value) {
  const exists = getAt(S.draft, ptr) !== undefined;
  delete S.errors[ptr];
  if (exists && JSON.stringify(getAt(S.draft, ptr)) === JSON.stringify(value)) return scheduleRender();
  record([{ op: exists ? "replace" : "add", path: ptr, value }]);
}

function evidenceShiftOps(doc, collPtr, index) {
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

const REFS = {
  "/parties": [["obligations", "obligors"], ["obligations", "obligees"], ["assets", "owners"]],
  "/assets": [["obligations", "secured_by"]],
};

function removeItem(collPtr, index) {
  // one patch: the item, the references to it (a removed party or asset leaves no dangling id),
  // and the evidence of everything after it in its list, re-keyed
  let doc = S.draft;
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
      const refs = item[field] || [];
      for (let j = refs.length - 1; j >= 0; j--)
        if (refs[j] === id) {
          push(removal(`/${group}/${i}/${field}`, j));
          links++;
        }
    });
  }
  push(removal(collPtr, index));
  record(ops);
  if (id) say(`Đã xóa ${id}${links ? ` và ${links} liên kết tới ${id}` : ""} (chưa lưu).`);
}

function nextId(prefix, list) {
  const used = new Set(list.map((x) => x.id));
  let n = list.length + 1;
  for (let k = 1; k <= list.length + 1; k++) if (!used.has(prefix + k)) { n = k; break; }
  while (used.has(prefix + n)) n++;
  return prefix + n;
}

const NEW = {
  parties: (d) => ({ id: nextId("P", d.parties), role: "other", kind: "person", name: "", birth_year: null, id_number: null, address: null, representatives: [] }),
  obligations: (d) => ({ id: nextId("O", d.obligations), kind: "pay_money", obligors: [], obligees: [], joint: false, amount_vnd: null, amount_words: null, components: {}, late_interest: false, secured_by: [], enforcement: "on_request", text: null }),
  assets: (d) => ({ id: nextId("A", d.assets), kind: "other", description: null, owners: [], plot_number: null, map_sheet: null, area_m2: null, address: null, certificate: null, plate: null, security_contract: null }),
};

function addItem(group) {
  const item = NEW[group](S.draft);
  record([{ op: "add", path: `/${group}/-`, value: item }]);
  S.focusAfter = `/${group}/${S.draft[group].length - 1}/${group === "parties" ? "name" : "kind"}`;
}

// --- validation as the schema requires ---------------------------------------------------------------------

function validate(doc) {
  const out = {};
  (doc.parties || []).forEach((p, i) => {
    if (!p.name || !p.name.trim()) out[`/parties/${i}/name`] = "Tên đương sự không được để trống";
    if (!/^P[0-9]+$/.test(p.id)) out[`/parties/${i}/id`] = "Mã đương sự có dạng P1, P2…";
    (p.representatives || []).forEach((r, j) => {
      if (!r.name || !r.name.trim()) out[`/parties/${i}/representatives/${j}/name`] = "Tên người đại diện không được để trống";
    });
  });
  const partyIds = new Set((doc.parties || []).map((p) => p.id));
  const assetIds = new Set((doc.assets || []).map((a) => a.id));
  (doc.obligations || []).forEach((o, i) => {
    for (const role of ["obligors", "obligees"])
      (o[role] || []).forEach((id, j) => {
        if (id !== "STATE" && !partyIds.has(id)) out[`/obligations/${i}/${role}/${j}`] = `${id} không còn là đương sự`;
      });
    (o.secured_by || []).forEach((id, j) => {
      if (!assetIds.has(id)) out[`/obligations/${i}/secured_by/${j}`] = `${id} không còn là tài sản`;
    });
  });
  (doc.assets || []).forEach((a, i) => {
    (a.owners || []).forEach((id, j) => {
      if (!partyIds.has(id)) out[`/assets/${i}/owners/${j}`] = `${id} không còn là đương sự`;
    });
  });
  return out;
}

function liveWarnings(doc) {
  // the checks a reviewer can be told at once, as values change
  const out = [];
  (doc.obligations || []).forEach((o, i) => {
    const comps = Object.values(o.components || {});
    if (comps.length && o.amount_vnd !== null && o.amount_vnd !== undefined) {
      const total = comps.reduce((a, b) => a + b, 0);
      if (total !== o.amount_vnd)
        out.push({ pointer: `/obligations/${i}/amount_vnd`, message: `Các khoản cộng lại ${formatVnd(total)} đ, khác tổng ${formatVnd(o.amount_vnd)} đ (đang sửa)` });
    }
  });
  return out;
}

// --- rendering of the fields -----------------------------------------------------------------------------------

function evidenceOf(ptr) {
  return (S.draft.evidence || {})[ptr] || null;
}

function allWarnings() {
  return [...(boot.warnings || []), ...liveWarnings(S.draft)];
}

function confBadge(ev) {
  if (!ev || typeof ev.confidence !== "number") return null;
  const pct = Math.round(ev.confidence * 100);
  const low = ev.confidence < LOW;
  return el("span", { class: `conf${low ? " low" : ""}`, title: "Độ tin cậy của giá trị trích xuất", text: low ? `⚠ ${pct}%` : `${pct}%` });
}

let uid = 0;
function fieldRow(ptr, label, control, { hint = null } = {}) {
  const ev = evidenceOf(ptr);
  const id = control.id || `f${++uid}`;
  control.id = id;
  control.dataset.pointer = ptr;
  const errId = `${id}-err`;
  const err = S.errors[ptr] || validation[ptr];
  const warns = (allWarnings() || []).filter((w) => w.pointer === ptr);
  const low = ev && typeof ev.confidence === "number" && ev.confidence < LOW;
  const edited = S.ops.some((op) => op.path === ptr);
  const cls = ["field", low && "low", warns.length && "warned", edited && "edited", S.accepted.has(ptr) && "accepted", err && "invalid", S.current === ptr && "current", ev && "has-ev"]
    .filter(Boolean)
    .join(" ");
  if (err) {
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", errId);
  }
  return el(
    "div",
    { class: cls, dataset: { pointer: ptr } },
    el("label", { for: id }, label),
    el("div", { class: "ctl" }, control, confBadge(ev), S.accepted.has(ptr) ? el("span", { class: "ok", title: "Đã xác nhận", text: "✓" }) : null),
    err ? el("p", { class: "error", id: errId, text: err }) : null,
    ...warns.map((w) => el("p", { class: "warnline", text: `⚠ ${w.message}` })),
    hint ? el("p", { class: "hint", text: hint }) : null,
  );
}

function textInput(ptr, { nullable = true, multiline = false } = {}) {
  const v = getAt(S.draft, ptr);
  const c = multiline ? el("textarea", { rows: 3 }) : el("input", { type: "text" });
  c.value = v ?? "";
  c.disabled = !boot.canEdit;
  c.addEventListener("change", () => {
    const t = c.value.normalize("NFC").trim();
    setValue(ptr, t === "" && nullable ? null : t);
  });
  return c;
}

function parsedInput(ptr, parse, fmt = (v) => (v ?? "") + "", attrs = {}) {
  const v = getAt(S.draft, ptr);
  const c = el("input", { type: "text", ...attrs });
  c.value = S.pending[ptr] ?? fmt(v);
  c.disabled = !boot.canEdit;
  c.addEventListener("change", () => {
    const r = parse(c.value);
    if (r.error) {
      S.errors[ptr] = r.error;
      S.pending[ptr] = c.value;
      scheduleRender();
      return;
    }
    delete S.pending[ptr];
    setValue(ptr, r.value);
  });
  return c;
}

const amountInput = (ptr) => parsedInput(ptr, parseVnd, formatVnd, { inputmode: "numeric", class: "amount", autocomplete: "off" });

function dateInput(ptr) {
  const c = el("input", { type: "date" });
  c.value = getAt(S.draft, ptr) ?? "";
  c.disabled = !boot.canEdit;
  c.addEventListener("change", () => {
    const r = parseDate(c.value);
    if (r.error) {
      S.errors[ptr] = r.error;
      return scheduleRender();
    }
    setValue(ptr, r.value);
  });
  return c;
}

function enumSelect(ptr, labels, { nullable = true } = {}) {
  const v = getAt(S.draft, ptr);
  const c = el("select", {});
  if (nullable) c.append(el("option", { value: "" , text: "(trống)" }));
  for (const [k, text] of Object.entries(labels)) c.append(el("option", { value: k, text: `${text}` }));
  if (v && !(v in labels)) c.append(el("option", { value: v, text: v }));
  c.value = v ?? "";
  c.disabled = !boot.canEdit;
  c.addEventListener("change", () => setValue(ptr, c.value === "" ? null : c.value));
  return c;
}

function checkbox(ptr) {
  const c = el("input", { type: "checkbox" });
  c.checked = !!getAt(S.draft, ptr);
  c.disabled = !boot.canEdit;
  c.addEventListener("change", () => setValue(ptr, c.checked));
  return c;
}

function refSelect(ptr, options) {
  const v = getAt(S.draft, ptr);
  const c = el("select", {});
  for (const [id, text] of options) c.append(el("option", { value: id, text }));
  if (!options.some(([id]) => id === v)) c.append(el("option", { value: v, text: `${v} (không tồn tại)` }));
  c.value = v;
  c.disabled = !boot.canEdit;
  c.addEventListener("change", () => setValue(ptr, c.value));
  return c;
}

function refList(listPtr, label, options, what) {
  // a list of references (party ids, asset ids), one select per reference
  const values = getAt(S.draft, listPtr) || [];
  const rows = values.map((_, j) => {
    const ptr = `${listPtr}/${j}`;
    const row = fieldRow(ptr, `${label} ${j + 1}`, refSelect(ptr, options));
    if (boot.canEdit)
      $(".ctl", row).append(
        el("button", { type: "button", class: "btn icon", "aria-label": `Bỏ ${label.toLowerCase()} ${j + 1}`, title: "Bỏ", onclick: () => removeItem(listPtr, j), text: "✕" }),
      );
    return row;
  });
  const free = options.filter(([id]) => !values.includes(id));
  const add = boot.canEdit && free.length
    ? el("button", {
        type: "button",
        class: "btn small",
        "aria-label": `Thêm ${what}`,
        onclick: () =>
          record([getAt(S.draft, listPtr) ? { op: "add", path: `${listPtr}/-`, value: free[0][0] } : { op: "add", path: listPtr, value: [free[0][0]] }]),
        text: `+ ${what}`,
      })
    : null;
  return el("fieldset", { class: "refs" }, el("legend", { text: label }), rows, values.length ? null : el("p", { class: "muted", text: "(chưa có)" }), add);
}

const partyOptions = (withState) => [
  ...(S.draft.parties || []).map((p) => [p.id, partyName(p.id)]),
  ...(withState ? [["STATE", partyName("STATE")]] : []),
];
const assetOptions = () => (S.draft.assets || []).map((a) => [a.id, assetName(a.id)]);

function card(group, i, title, body) {
  const ptr = `/${group}/${i}`;
  const ev = evidenceOf(ptr);
  const head = el(
    "div",
    { class: "card-head" },
    el("h3", { class: ev ? "has-ev" : null, dataset: { pointer: ptr }, tabindex: ev ? "0" : null, text: title }),
    boot.canEdit
      ? el("button", { type: "button", class: "btn small danger", "aria-label": `Xóa ${title}`, onclick: () => removeItem(`/${group}`, i), text: "Xóa" })
      : null,
  );
  return el("article", { class: "card", "aria-label": title }, head, body);
}

function renderCase() {
  const c = "/case";
  return [
    fieldRow(`${c}/court`, F("court"), textInput(`${c}/court`)),
    fieldRow(`${c}/number`, F("number"), textInput(`${c}/number`)),
    fieldRow(`${c}/date`, F("date"), dateInput(`${c}/date`)),
    fieldRow(`${c}/type_code`, F("type_code"), enumSelect(`${c}/type_code`, L.type_code)),
    fieldRow(`${c}/instance`, F("instance"), enumSelect(`${c}/instance`, L.instance)),
    fieldRow(`${c}/subject`, F("subject"), textInput(`${c}/subject`)),
  ];
}

function renderParty(p, i) {
  const b = `/parties/${i}`;
  const reps = (p.representatives || []).map((r, j) => {
    const rp = `${b}/representatives/${j}`;
    return el(
      "div",
      { class: "rep" },
      fieldRow(`${rp}/name`, `${F("representatives")} ${j + 1}`, textInput(`${rp}/name`, { nullable: false })),
      fieldRow(`${rp}/capacity`, F("capacity"), enumSelect(`${rp}/capacity`, L.capacity)),
      boot.canEdit
        ? el("button", { type: "button", class: "btn small", "aria-label": `Bỏ người đại diện ${j + 1}`, onclick: () => removeItem(`${b}/representatives`, j), text: "Bỏ người đại diện" })
        : null,
    );
  });
  const title = `${p.id} · ${(L.role || {})[p.role] || p.role} · ${p.name || "(chưa có tên)"}`;
  return card("parties", i, title, el(
    "div",
    {},
    fieldRow(`${b}/name`, F("name"), textInput(`${b}/name`, { nullable: false })),
    fieldRow(`${b}/role`, F("role"), enumSelect(`${b}/role`, L.role, { nullable: false })),
    fieldRow(`${b}/kind`, F("kind"), enumSelect(`${b}/kind`, L.party_kind, { nullable: false })),
    fieldRow(`${b}/birth_year`, F("birth_year"), parsedInput(`${b}/birth_year`, parseYear, undefined, { inputmode: "numeric" })),
    fieldRow(`${b}/id_number`, F("id_number"), textInput(`${b}/id_number`)),
    fieldRow(`${b}/address`, F("address"), textInput(`${b}/address`)),
    el("fieldset", { class: "refs" }, el("legend", { text: F("representatives") }), reps,
      boot.canEdit
        ? el("button", { type: "button", class: "btn small", "aria-label": `Thêm người đại diện cho ${p.id}`,
            onclick: () =>
              record([p.representatives
                ? { op: "add", path: `${b}/representatives/-`, value: { name: "", capacity: "authorized" } }
                : { op: "add", path: `${b}/representatives`, value: [{ name: "", capacity: "authorized" }] }]),
            text: "+ người đại diện" })
        : null),
  ));
}

function renderObligation(o, i) {
  const b = `/obligations/${i}`;
  const comps = Object.keys(o.components || {}).map((k) =>
    el(
      "div",
      { class: "comp" },
      fieldRow(`${b}/components/${esc(k)}`, (L.component || {})[k] || k, amountInput(`${b}/components/${esc(k)}`)),
      boot.canEdit
        ? el("button", { type: "button", class: "btn icon", "aria-label": `Bỏ khoản ${(L.component || {})[k] || k}`, onclick: () => record([{ op: "remove", path: `${b}/components/${esc(k)}` }]), text: "✕" })
        : null,
    ),
  );
  const freeComps = Object.entries(L.component || {}).filter(([k]) => !(k in (o.components || {})));
  const addComp = boot.canEdit && freeComps.length
    ? el("div", { class: "row" },
        el("label", { for: `addcomp-${i}`, class: "sr-only", text: `Loại khoản cần thêm cho ${o.id}` }),
        el("select", { id: `addcomp-${i}` }, freeComps.map(([k, t]) => el("option", { value: k, text: t }))),
        el("button", { type: "button", class: "btn small", "aria-label": `Thêm khoản cho ${o.id}`,
          onclick: () => {
            const k = $(`#addcomp-${i}`).value;
            record([{ op: "add", path: o.components ? `${b}/components/${esc(k)}` : `${b}/components`, value: o.components ? 0 : { [k]: 0 } }]);
          }, text: "+ khoản" }))
    : null;
  const title = `${o.id} · ${(L.obligation_kind || {})[o.kind] || o.kind}${o.amount_vnd !== null && o.amount_vnd !== undefined ? " · " + formatVnd(o.amount_vnd) + " đ" : ""}`;
  return card("obligations", i, title, el(
    "div",
    {},
    fieldRow(`${b}/kind`, F("kind"), enumSelect(`${b}/kind`, L.obligation_kind, { nullable: false })),
    refList(`${b}/obligors`, F("obligors"), partyOptions(true), "người phải thi hành"),
    refList(`${b}/obligees`, F("obligees"), partyOptions(true), "người được thi hành"),
    fieldRow(`${b}/joint`, F("joint"), checkbox(`${b}/joint`)),
    fieldRow(`${b}/amount_vnd`, F("amount_vnd"), amountInput(`${b}/amount_vnd`)),
    fieldRow(`${b}/amount_words`, F("amount_words"), textInput(`${b}/amount_words`, { multiline: true })),
    el("fieldset", { class: "refs" }, el("legend", { text: F("components") }), comps, addComp),
    fieldRow(`${b}/late_interest`, F("late_interest"), checkbox(`${b}/late_interest`)),
    refList(`${b}/secured_by`, F("secured_by"), assetOptions(), "tài sản bảo đảm"),
    fieldRow(`${b}/enforcement`, F("enforcement"), enumSelect(`${b}/enforcement`, L.enforcement)),
    fieldRow(`${b}/text`, F("text"), textInput(`${b}/text`, { multiline: true })),
  ));
}

function renderAsset(a, i) {
  const b = `/assets/${i}`;
  const securing = (S.draft.obligations || []).filter((o) => (o.secured_by || []).includes(a.id)).map((o) => o.id);
  const title = `${a.id} · ${(L.asset_kind || {})[a.kind] || a.kind}`;
  return card("assets", i, title, el(
    "div",
    {},
    fieldRow(`${b}/kind`, F("kind"), enumSelect(`${b}/kind`, L.asset_kind, { nullable: false })),
    fieldRow(`${b}/description`, F("description"), textInput(`${b}/description`, { multiline: true })),
    refList(`${b}/owners`, F("owners"), partyOptions(false), "chủ sở hữu"),
    fieldRow(`${b}/plot_number`, F("plot_number"), textInput(`${b}/plot_number`)),
    fieldRow(`${b}/map_sheet`, F("map_sheet"), textInput(`${b}/map_sheet`)),
    fieldRow(`${b}/area_m2`, F("area_m2"), parsedInput(`${b}/area_m2`, parseArea, (v) => (v === null || v === undefined ? "" : String(v).replace(".", ",")), { inputmode: "decimal" })),
    fieldRow(`${b}/address`, F("address"), textInput(`${b}/address`)),
    fieldRow(`${b}/certificate`, F("certificate"), textInput(`${b}/certificate`)),
    fieldRow(`${b}/plate`, F("plate"), textInput(`${b}/plate`)),
    fieldRow(`${b}/security_contract`, F("security_contract"), textInput(`${b}/security_contract`)),
    el("p", { class: "links", text: securing.length ? `Bảo đảm cho nghĩa vụ: ${securing.join(", ")}` : "Chưa bảo đảm cho nghĩa vụ nào" }),
  ));
}

function section(group, title, items, renderItem, addLabel) {
  return el(
    "section",
    { class: "group", "aria-labelledby": `g-${group}` },
    el("h2", { id: `g-${group}`, text: items ? `${title} (${items.length})` : title }),
    items ? items.map(renderItem) : renderCase(),
    boot.canEdit && addLabel
      ? el("button", { type: "button", class: "btn small add", id: `add-${group}`, "aria-label": addLabel, onclick: () => addItem(group), text: `+ ${addLabel}` })
      : null,
  );
}

let validation = {};

function render() {
  if (!S.draft) return;
  const active = document.activeElement;
  const keep = active?.dataset?.pointer;
  const keepId = active?.id;
  const scroll = $("#fields").scrollTop;
  validation = validate(S.draft);
  const warns = allWarnings();
  const panel = el(
    "div",
    {},
    warns.length
      ? el("section", { class: "warnings", "aria-labelledby": "g-warn" },
          el("h2", { id: "g-warn", text: `Cảnh báo (${warns.length})` }),
          el("ul", {}, warns.map((w) =>
            el("li", {}, w.pointer
              ? el("button", { type: "button", class: "linkish", onclick: () => focusField(w.pointer, true), text: `${pointerLabel(w.pointer)}: ${w.message}` })
              : w.message))))
      : null,
    section("case", "Vụ án", null, null, null),
    section("parties", "Đương sự", S.draft.parties || [], renderParty, "Thêm đương sự"),
    section("obligations", "Nghĩa vụ thi hành", S.draft.obligations || [], renderObligation, "Thêm nghĩa vụ"),
    section("assets", "Tài sản", S.draft.assets || [], renderAsset, "Thêm tài sản"),
  );
  const fields = $("#fields");
  fields.replaceChildren(panel);
  fields.scrollTop = scroll;
  if (keep) {
    const target = fields.querySelector(`[data-pointer="${CSS.escape(keep)}"]:is(input,select,textarea,h3)`);
    target?.focus({ preventScroll: true });
  } else if (keepId) document.getElementById(keepId)?.focus({ preventScroll: true });
  renderHeader();
  drawEvidenceBoxes();
  if (S.focusAfter) {
    const ptr = S.focusAfter;
    S.focusAfter = null;
    focusField(ptr);
  }
}

function renderHeader() {
  const n = S.ops.length;
  $("#version").textContent = `Phiên bản ${S.version}${n ? ` · ${n} thay đổi chưa lưu` : ""}`;
  const approved = S.approvals.length && S.approvals[S.approvals.length - 1].version === S.version;
  const state = $("#doc-state");
  if (n) {
    state.textContent = "Có thay đổi chưa lưu";
    state.className = "badge s-dirty";
  } else if (approved) {
    const a = S.approvals[S.approvals.length - 1];
    state.textContent = `Đã duyệt bởi ${a.reviewer}`;
    state.className = "badge s-approved";
  } else {
    state.textContent = "Chờ duyệt";
    state.className = "badge s-done";
  }
  $("#save").disabled = !boot.canEdit || S.saving;
  $("#approve").disabled = !boot.canEdit || S.saving;
}

// --- selection: field <-> evidence box ----------------------------------------------------------------------------

function fieldControls() {
  return [...document.querySelectorAll("#fields .field [data-pointer]:is(input,select,textarea), #fields h3.has-ev")];
}

function focusField(ptr, scroll = true) {
  const c = document.querySelector(`#fields [data-pointer="${CSS.escape(ptr)}"]:is(input,select,textarea,h3)`);
  if (c) {
    c.focus({ preventScroll: !scroll });
    if (scroll) c.scrollIntoView({ block: "center" });
  }
  select(ptr);
}

function select(ptr) {
  if (S.current === ptr) return showEvidence(ptr);
  S.current = ptr;
  document.querySelectorAll("#fields .current").forEach((n) => n.classList.remove("current"));
  const row = document.querySelector(`#fields .field[data-pointer="${CSS.escape(ptr)}"]`);
  row?.classList.add("current");
  showEvidence(ptr);
}

function evidenceWithFallback(ptr) {
  // a list element or a component without its own evidence shows its parent's
  let p = ptr;
  while (p) {
    const ev = evidenceOf(p);
    if (ev) return { ev, ptr: p };
    p = p.slice(0, p.lastIndexOf("/"));
    if (/^\/(case|parties|obligations|assets)$/.test(p)) break;
  }
  return null;
}

function showEvidence(ptr) {
  document.querySelectorAll(".ebox.active").forEach((n) => n.classList.remove("active"));
  $("#hl-box")?.remove();
  const found = evidenceWithFallback(ptr);
  const info = $("#evidence-info");
  if (!found) {
    if (info) info.textContent = `${pointerLabel(ptr)}: không có vị trí trong văn bản`;
    return;
  }
  const { ev } = found;
  if (info)
    info.textContent = `${pointerLabel(ptr)} — đọc từ: “${(ev.text || "").trim().slice(0, 160)}”${typeof ev.confidence === "number" ? ` (độ tin cậy ${Math.round(ev.confidence * 100)}%)` : ""}`;
  if (ev.page && ev.bbox) {
    const page = document.querySelector(`.page[data-page="${ev.page}"]`);
    if (!page) return;
    const box = boxEl(ev.bbox, page, "hl");
    box.id = "hl-box";
    box.dataset.pointer = found.ptr;
    box.setAttribute("aria-label", `Vị trí của ${pointerLabel(ptr)}`);
    $(".overlay", page).append(box);
    box.scrollIntoView({ block: "center", inline: "nearest" });
  } else if (ev.span && S.layout?.text != null) {
    markSpan(ev.span);
  }
}

function boxEl(bbox, page, cls) {
  const w = Number(page.dataset.width);
  const h = Number(page.dataset.height);
  const [x0, y0, x1, y1] = bbox;
  return el("div", {
    class: cls,
    style: `left:${(x0 / w) * 100}%;top:${(y0 / h) * 100}%;width:${((x1 - x0) / w) * 100}%;height:${((y1 - y0) / h) * 100}%`,
  });
}

function drawEvidenceBoxes() {
  document.querySelectorAll(".overlay .ebox").forEach((n) => n.remove());
  if (!S.draft) return;
  for (const [ptr, ev] of Object.entries(S.draft.evidence || {})) {
    if (!ev.page || !ev.bbox) continue;
    const page = document.querySelector(`.page[data-page="${ev.page}"]`);
    if (!page) continue;
    const b = boxEl(ev.bbox, page, `ebox${typeof ev.confidence === "number" && ev.confidence < LOW ? " low" : ""}`);
    b.dataset.pointer = ptr;
    $(".overlay", page).append(b);
  }
  if (S.current) showEvidence(S.current);
}

function fieldsAt(pageNo, x, y) {
  // the fields whose evidence box holds this point, smallest box first
  const hits = [];
  for (const [ptr, ev] of Object.entries(S.draft.evidence || {})) {
    if (ev.page !== pageNo || !ev.bbox) continue;
    const [x0, y0, x1, y1] = ev.bbox;
    if (x >= x0 - 1 && x <= x1 + 1 && y >= y0 - 1 && y <= y1 + 1) hits.push([ptr, (x1 - x0) * (y1 - y0)]);
  }
  return hits.sort((a, b) => a[1] - b[1]).map((h) => h[0]); // stable: evidence order among equals
}

function onPageClick(ev, page) {
  const r = $(".overlay", page).getBoundingClientRect();
  const x = ((ev.clientX - r.left) / r.width) * Number(page.dataset.width);
  const y = ((ev.clientY - r.top) / r.height) * Number(page.dataset.height);
  const pageNo = Number(page.dataset.page);
  const word = (S.words[pageNo] || []).find((w) => x >= w.bbox[0] && x <= w.bbox[2] && y >= w.bbox[1] && y <= w.bbox[3]);
  showFeeds(fieldsAt(pageNo, x, y), word ? `Từ “${word.text}” (độ tin cậy OCR ${Math.round(word.confidence * 100)}%)` : "Vùng này");
}

function showFeeds(ptrs, what) {
  const info = $("#evidence-info");
  if (!ptrs.length) {
    info.textContent = `${what} không thuộc trường nào.`;
    return;
  }
  info.replaceChildren(
    `${what} thuộc: `,
    ...ptrs.slice(0, 6).flatMap((p, k) => [
      k ? ", " : "",
      el("button", { type: "button", class: "linkish", onclick: () => focusField(p), text: pointerLabel(p) }),
    ]),
  );
  focusField(ptrs[0]);
  info.dataset.feeds = ptrs.join(" ");
}

// --- the page viewer ------------------------------------------------------------------------------------------------

async function loadPages() {
  const viewer = $("#viewer");
  const r = await api(`/documents/${boot.id}/layout`);
  if (!r.ok) {
    viewer.replaceChildren(el("p", { class: "error", text: "Không tải được các trang của văn bản." }));
    return;
  }
  S.layout = await r.json();
  const info = el("p", { id: "evidence-info", class: "evinfo", "aria-live": "polite", text: "Chọn một trường để xem vị trí của nó trên trang; bấm vào trang để xem chữ đó thuộc trường nào." });
  if (!S.layout.pages.length) {
    const pre = el("pre", { class: "doctext", id: "doctext", tabindex: "0", "aria-label": "Nội dung văn bản (bản tải lên dạng chữ)" });
    pre.textContent = S.layout.text || "";
    pre.addEventListener("click", onTextClick);
    viewer.replaceChildren(info, pre);
    if (S.current) showEvidence(S.current);
    return;
  }
  const figs = S.layout.pages.map((p) => {
    const img = el("img", { src: `/documents/${boot.id}/pages/${p.number}`, alt: `Ảnh trang ${p.number}`, loading: p.number <= 2 ? "eager" : "lazy" });
    const turn = ((p.rotation || 0) % 360 + 360) % 360;
    if (turn) {
      // the image is the scan as stored; boxes are of the page read upright: turn the image as OCR did
      const side = turn === 90 || turn === 270;
      img.className = "turned";
      img.style.width = side ? `${(p.height / p.width) * 100}%` : "100%";
      img.style.height = side ? `${(p.width / p.height) * 100}%` : "100%";
      img.style.transform = `translate(-50%, -50%) rotate(${turn}deg)`;
    }
    const overlay = el("div", { class: "overlay" });
    const fig = el("figure", { class: "page", dataset: { page: p.number, width: p.width, height: p.height } },
      el("div", { class: "sheet", style: `aspect-ratio:${p.width}/${p.height}` }, img, overlay),
      el("figcaption", { text: `Trang ${p.number}${p.source === "ocr" ? " · OCR" : ""}${p.words_missing ? " · không có vị trí chữ (văn bản nhập từ lô cũ, chưa đọc lại)" : ""}` }));
    overlay.addEventListener("click", (e) => onPageClick(e, fig));
    return fig;
  });
  viewer.replaceChildren(info, ...figs);
  drawEvidenceBoxes();
  await Promise.all(
    S.layout.pages.map(async (p) => {
      const wr = await api(`/documents/${boot.id}/pages/${p.number}/words`);
      if (!wr.ok) return;
      const data = await wr.json();
      S.words[p.number] = data.words;
      const fig = document.querySelector(`.page[data-page="${p.number}"]`);
      const frag = document.createDocumentFragment();
      for (const w of data.words) {
        const b = boxEl(w.bbox, fig, `wbox${w.confidence < LOW ? " low" : ""}`);
        b.title = `${w.text} (${Math.round(w.confidence * 100)}%)`;
        frag.append(b);
      }
      $(".overlay", fig).prepend(frag);
    }),
  );
  document.body.dataset.wordsLoaded = "1";
}

function markSpan([s, e]) {
  const pre = $("#doctext");
  if (!pre) return;
  const text = S.layout.text || "";
  const mark = el("mark", { id: "hl-box", text: text.slice(s, e) });
  pre.replaceChildren(text.slice(0, s), mark, text.slice(e));
  mark.scrollIntoView({ block: "center" });
}

function onTextClick(ev) {
  const range = document.caretRangeFromPoint ? document.caretRangeFromPoint(ev.clientX, ev.clientY) : null;
  if (!range) return;
  let offset = 0;
  for (const n of $("#doctext").childNodes) {
    if (n === range.startContainer || n.contains(range.startContainer)) {
      offset += range.startOffset;
      break;
    }
    offset += n.textContent.length;
  }
  const hits = Object.entries(S.draft.evidence || {})
    .filter(([, e]) => e.span && offset >= e.span[0] && offset < e.span[1])
    .sort((a, b) => a[1].span[1] - a[1].span[0] - (b[1].span[1] - b[1].span[0]))
    .map(([p]) => p);
  showFeeds(hits, "Đoạn này");
}

// --- saving, conflicts ----------------------------------------------------------------------------------------------

function compactOps(ops) {
  return ops.map((op) => ({ ...op }));
}

async function save() {
  if (!boot.canEdit || S.saving) return;
  if (!S.ops.length) return say("Không có thay đổi nào cần lưu.");
  const errs = { ...validate(S.draft), ...S.errors };
  if (Object.keys(errs).length) {
    const [ptr, msg] = Object.entries(errs)[0];
    focusField(ptr);
    return say(`Chưa lưu: ${pointerLabel(ptr)} — ${msg}`, "error");
  }
  S.saving = true;
  renderHeader();
  say("Đang lưu…");
  try {
    const r = await api(`/documents/${boot.id}/extraction`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json-patch+json", "If-Match": `"${S.version}"` },
      body: JSON.stringify(compactOps(S.ops)),
    });
    const body = await r.json();
    if (r.ok) {
      S.base = body.extraction;
      S.version = body.version;
      S.ops = [];
      S.draft = clone(S.base);
      persist();
      render();
      say(`Đã lưu. Phiên bản ${S.version}.`, "ok");
    } else if (r.status === 409 && body.error === "version_conflict") {
      await showConflict(body.version, body.extraction);
    } else if (r.status === 422) {
      const d = body.detail || {};
      const first = (d.errors || [])[0];
      say(`Máy chủ từ chối thay đổi: ${first ? pointerLabel(first.path) + " — " + first.msg : d.message || ""}`, "error");
      if (first?.path) focusField(first.path);
    } else {
      say(`Không lưu được (lỗi ${r.status}). Thay đổi vẫn được giữ trên máy này.`, "error");
    }
  } catch (e) {
    say(`Không lưu được: ${e.message}. Thay đổi vẫn được giữ trên máy này.`, "error");
  } finally {
    S.saving = false;
    renderHeader();
  }
}

async function showConflict(theirVersion, theirExtraction) {
  const box = $("#conflict");
  const r = await api(`/documents/${boot.id}/corrections`);
  const trail = r.ok ? await r.json() : [];
  const mine = S.ops;
  const theirs = trail.filter((c) => c.base_version >= S.version);
  const theirPaths = new Set(theirs.map((c) => c.pointer));
  $("#conflict-intro").textContent =
    `Bạn sửa trên phiên bản ${S.version}; văn bản đã ở phiên bản ${theirVersion}. Không thay đổi nào bị mất: chọn các thay đổi của bạn để áp dụng lại trên bản mới.`;
  $("#conflict-theirs").replaceChildren(
    ...(theirs.length
      ? theirs.map((c) =>
          el("li", { class: theirPaths.has(c.pointer) && mine.some((o) => o.path === c.pointer) ? "clash" : null },
            el("strong", { text: c.reviewer }), ` — ${pointerLabel(c.pointer, theirExtraction)}: `,
            el("del", { text: showValue(c.pointer, c.old) }), " → ", el("ins", { text: showValue(c.pointer, c.new) })))
      : [el("li", { text: "(không đọc được lịch sử)" })]),
  );
  const visible = mine.map((op, k) => [op, k]).filter(([op]) => !op.path.startsWith("/evidence/"));
  $("#conflict-mine").replaceChildren(
    ...visible.map(([op, k]) => {
      const id = `mine-${k}`;
      const clash = theirPaths.has(op.path);
      return el("li", { class: clash ? "clash" : null },
        el("input", { type: "checkbox", id, checked: true, dataset: { k } }),
        el("label", { for: id }, `${pointerLabel(op.path, S.draft)}: `,
          op.op === "remove" ? el("em", { text: "xóa" }) : el("ins", { text: showValue(op.path, op.value) }),
          clash ? el("span", { class: "tag", text: " (cùng trường với người khác)" }) : ""));
    }),
  );
  box.hidden = false;
  box.dataset.theirVersion = theirVersion;
  S.conflict = { version: theirVersion, extraction: theirExtraction };
  $("#reapply").focus();
  say("Có xung đột: người khác đã lưu trước. Xem bên trên.", "error");
}

function rebase(keepSelected) {
  const { version, extraction } = S.conflict;
  const chosen = new Set([...document.querySelectorAll("#conflict-mine input:checked")].map((c) => Number(c.dataset.k)));
  let ops = keepSelected ? S.ops.filter((op, k) => chosen.has(k) || op.path.startsWith("/evidence/")) : [];
  const applied = [];
  const dropped = [];
  let doc = clone(extraction);
  for (const op of ops) {
    try {
      doc = applyOps(doc, [op]);
      applied.push(op);
    } catch {
      dropped.push(op);
    }
  }
  S.base = extraction;
  S.version = version;
  S.ops = applied;
  S.draft = doc;
  S.conflict = null;
  $("#conflict").hidden = true;
  persist();
  render();
  if (keepSelected)
    say(
      `Đã áp dụng lại ${applied.filter((o) => !o.path.startsWith("/evidence/")).length} thay đổi của bạn trên phiên bản ${version}` +
        (dropped.length ? `; ${dropped.length} thay đổi không còn chỗ áp dụng` : "") +
        ". Kiểm tra rồi bấm Lưu.",
      "ok",
    );
  else say(`Đã bỏ thay đổi của bạn; đang xem phiên bản ${version}.`);
}

// --- approve, drafts, audit trail ---------------------------------------------------------------------------------------

async function loadApprovals() {
  const r = await api(`/documents/${boot.id}/approvals`);
  S.approvals = r.ok ? await r.json() : [];
}

async function approve() {
  if (S.ops.length) return say("Hãy lưu các thay đổi trước khi duyệt.", "error");
  const r = await api(`/documents/${boot.id}/approve`, { method: "POST", headers: { "If-Match": `"${S.version}"` } });
  if (r.ok) {
    await loadApprovals();
    renderHeader();
    say(`Đã duyệt phiên bản ${S.version}.`, "ok");
  } else if (r.status === 409) {
    say("Văn bản vừa được người khác sửa; hãy tải lại trang trước khi duyệt.", "error");
  } else {
    say(`Không duyệt được (lỗi ${r.status}).`, "error");
  }
}

// Show or hide a panel behind its button; true when it was just opened (so fill it).
function togglePanel(panelSel, btnSel) {
  const panel = $(panelSel);
  panel.hidden = !panel.hidden;
  $(btnSel).setAttribute("aria-expanded", String(!panel.hidden));
  return !panel.hidden;
}

async function toggleDrafts() {
  if (!togglePanel("#drafts", "#drafts-btn")) return;
  const { showDrafts } = await import("./drafts.js");
  await showDrafts({
    id: boot.id,
    panel: $("#drafts"),
    version: () => S.version,
    unsaved: () => S.ops.length > 0,
    canEdit: boot.canEdit,
    extraction: () => S.base,
    say,
    onSaved: (doc) => {
      S.base = doc.extraction;
      S.version = doc.version;
      S.draft = clone(S.base);
      render();
      renderHeader();
    },
  });
}

async function toggleTrail() {
  if (!togglePanel("#trail", "#trail-btn")) return;
  const panel = $("#trail");
  const [cr, ar] = await Promise.all([api(`/documents/${boot.id}/corrections`), api(`/documents/${boot.id}/approvals`)]);
  const rows = [
    ...(cr.ok ? await cr.json() : []).map((c) => ({ at: c.at, who: c.reviewer, what: pointerLabel(c.pointer), ptr: c.pointer, op: c.op, old: c.old, new: c.new, v: c.base_version + 1 })),
    ...(ar.ok ? await ar.json() : []).map((a) => ({ at: a.at, who: a.reviewer, what: "Duyệt", op: "approve", v: a.version })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const OP = { replace: "sửa", add: "thêm", remove: "xóa", move: "chuyển", copy: "chép", test: "kiểm tra", approve: "duyệt" };
  const fmt = (s) => new Date(s).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });
  panel.replaceChildren(
    el("h2", { text: "Lịch sử chỉnh sửa" }),
    rows.length
      ? el("table", { class: "trail" },
          el("thead", {}, el("tr", {}, ["Thời gian", "Người thực hiện", "Phiên bản", "Thao tác", "Trường", "Trước", "Sau"].map((h) => el("th", { scope: "col", text: h })))),
          el("tbody", {}, rows.filter((x) => !(x.ptr || "").startsWith("/evidence/")).map((x) =>
            el("tr", {}, el("td", { text: fmt(x.at) }), el("td", { text: x.who }), el("td", { text: String(x.v) }), el("td", { text: OP[x.op] || x.op }),
              el("td", { text: x.what }), el("td", { text: x.op === "approve" ? "" : showValue(x.ptr, x.old) }), el("td", { text: x.op === "approve" ? "" : showValue(x.ptr, x.new) })))))
      : el("p", { text: "Chưa có chỉnh sửa nào." }),
  );
}

// --- keyboard ----------------------------------------------------------------------------------------------------------

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

function onKey(e) {
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

// --- start -------------------------------------------------------------------------------------------------------------------

async function startReview() {
  const r = await api(`/documents/${boot.id}`);
  if (!r.ok) return say(`Không tải được văn bản (lỗi ${r.status}).`, "error");
  const doc = await r.json();
  if (doc.status !== "done" || !doc.extraction) {
    $("#fields").replaceChildren(el("p", { text: "Văn bản chưa xử lý xong; hãy quay lại sau." }));
    return;
  }
  S.base = doc.extraction;
  S.version = doc.version;
  S.draft = clone(S.base);
  await loadApprovals();
  const stored = loadStored();
  if (stored) S.accepted = new Set(stored.accepted || []);
  if (stored?.ops?.length) {
    if (stored.baseVersion === S.version) {
      try {
        S.ops = stored.ops;
        S.draft = applyOps(S.base, S.ops);
        say(`Đã khôi phục ${S.ops.length} thay đổi chưa lưu từ lần trước.`, "ok");
      } catch {
        S.ops = [];
        S.draft = clone(S.base);
      }
    } else {
      // saved meanwhile by someone else: the same view as a 409
      S.version = stored.baseVersion;
      S.ops = stored.ops;
      try {
        S.draft = applyOps(S.base, S.ops);
      } catch {
        S.draft = clone(S.base);
      }
      render();
      await showConflict(doc.version, doc.extraction);
    }
  }
  render();
  document.addEventListener("keydown", onKey);
  $("#fields").addEventListener("focusin", (e) => {
    const ptr = e.target.dataset?.pointer;
    if (ptr) select(ptr);
  });
  $("#fields").addEventListener("click", (e) => {
    const row = e.target.closest(".field, h3.has-ev");
    if (row && row.dataset.pointer && !e.target.closest("button")) select(row.dataset.pointer);
  });
  $("#save").addEventListener("click", save);
  $("#approve").addEventListener("click", approve);
  $("#drafts-btn").addEventListener("click", toggleDrafts);
  $("#trail-btn").addEventListener("click", toggleTrail);
  $("#reapply").addEventListener("click", () => rebase(true));
  $("#discard-mine").addEventListener("click", () => rebase(false));
  if (!boot.canEdit) say("Bạn chỉ có quyền xem; cần vai trò người duyệt để sửa.");
  document.body.dataset.ready = "1";
  await loadPages();
}

function startLogin() {
  const form = $("#login-form");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const err = $("#login-error");
    err.hidden = true;
    const r = await fetch("/auth/login", { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" });
    if (r.ok) location.href = form.dataset.next || "/review";
    else {
      const detail = r.status === 429 ? (await r.json().catch(() => ({}))).detail : null;
      err.textContent =
        r.status === 401
          ? "Sai tên đăng nhập hoặc mật khẩu."
          : detail || `Không đăng nhập được (lỗi ${r.status}).`;
      err.hidden = false;
    }
  });
}

$("#logout")?.addEventListener("click", async () => {
  await fetch("/auth/logout", { method: "POST", credentials: "same-origin" });
  location.href = "/review/login";
});

const page = document.body.dataset.page;
if (page === "review") startReview();
else if (page === "login") startLogin();
