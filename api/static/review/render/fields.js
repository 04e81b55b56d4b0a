// The fields beside the scan: one row per value with its confidence, the server's warnings and
// refusals, editors that record JSON Patch operations (state.js), and the selection of a field,
// which shows its evidence on the page image (scan.js).

import { validate } from "../checks.js";
import { $, el } from "../dom.js";
import { formatVnd, parseArea, parseDate, parseVnd, parseYear } from "../format.js";
import { F, assetName, partyName, pointerLabel } from "../labels.js";
import { esc, getAt } from "../patch.js";
import { drawEvidenceBoxes, showEvidence } from "../scan.js";
import { L, LOW, S, addItem, boot, evidenceOf, record, removeItem, setValue } from "../state.js";
import { warningText, warningsAt, warningsPanel } from "./warnings.js";

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
export function scheduleRender() {
  renderQueued = true;
  if (!pointerDown) setTimeout(flushRender, 0);
}
function flushRender() {
  if (!renderQueued || pointerDown) return;
  renderQueued = false;
  render();
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
  const warns = warningsAt(ptr);
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
    ...warns.map((w) => el("p", { class: "warnline", text: `⚠ ${warningText(w)}` })),
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

export function render() {
  if (!S.draft) return;
  const active = document.activeElement;
  const keep = active?.dataset?.pointer;
  const keepId = active?.id;
  const scroll = $("#fields").scrollTop;
  validation = validate(S.draft, S.base);
  const panel = el(
    "div",
    {},
    warningsPanel((ptr) => focusField(ptr, true), pointerLabel),
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

export function renderHeader() {
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

export function fieldControls() {
  return [...document.querySelectorAll("#fields .field [data-pointer]:is(input,select,textarea), #fields h3.has-ev")];
}

export function focusField(ptr, scroll = true) {
  const c = document.querySelector(`#fields [data-pointer="${CSS.escape(ptr)}"]:is(input,select,textarea,h3)`);
  if (c) {
    c.focus({ preventScroll: !scroll });
    if (scroll) c.scrollIntoView({ block: "center" });
  }
  select(ptr);
}

export function select(ptr) {
  if (S.current === ptr) return showEvidence(ptr);
  S.current = ptr;
  document.querySelectorAll("#fields .current").forEach((n) => n.classList.remove("current"));
  const row = document.querySelector(`#fields .field[data-pointer="${CSS.escape(ptr)}"]`);
  row?.classList.add("current");
  showEvidence(ptr);
}
