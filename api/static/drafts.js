// The draft view of the review page: the decision, not the JSON. Each draft's lines beside the
// judgment sentences they come from, the values that feed a line editable there (amount, already paid,
// shares, period, start, enforcement type), the officer's warnings before download, and the decision
// inputs (date, number, request, executor) that the drafts are made with. Plain ES module.

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
};
const fmtVnd = (n) => (n === null || n === undefined || n === "" ? "" : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."));
function parseVnd(text) {
  const t = String(text).trim().replace(/\s*(đồng|đ)$/i, "");
  if (t === "") return { value: null };
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(t)) return { error: "Số tiền phải là số nguyên đồng, ví dụ 1.250.000.000" };
  return { value: Number(t.replace(/\./g, "")) };
}

const INPUTS = [
  ["issue_date", "Ngày ra quyết định", "date"],
  ["number", "Số quyết định", "text"],
  ["executor", "Chấp hành viên được phân công", "text"],
  ["received_date", "Ngày nhận bản án", "date"],
  ["request_date", "Ngày đơn yêu cầu thi hành án", "date"],
  ["requester", "Người yêu cầu", "party"],
  ["effective_date", "Ngày bản án có hiệu lực", "date"],
];
const PERIOD = { "": "Không định kỳ", monthly: "Hằng tháng", quarterly: "Hằng quý", yearly: "Hằng năm" };
const ENFORCEMENT = { ex_officio: "Chủ động", on_request: "Theo yêu cầu" };

// ctx: { id, panel, version(), unsaved(), canEdit, extraction(), onSaved(doc), say(text, kind) }
// force: the name of a draft the officer asked to make anew although a decision already issues it
export async function showDrafts(ctx, force = null) {
  ctx.panel.replaceChildren(el("p", { text: "Đang lập bản nháp…" }));
  // the inputs are kept with the document, never in a URL (the executor is a person's name)
  const ir = await fetch(`/documents/${ctx.id}/decision-inputs`, { credentials: "same-origin" });
  const inputs = ir.ok ? await ir.json() : {};
  const q = force ? `?force=${encodeURIComponent(force)}` : "";
  const r = await fetch(`/documents/${ctx.id}/drafts${q}`, { credentials: "same-origin" });
  if (!r.ok) {
    ctx.panel.replaceChildren(el("p", { class: "error", text: `Không lập được bản nháp: ${await serverSays(r)}` }));
    return;
  }
  const data = await r.json();
  const ex = ctx.extraction();
  const parties = ex.parties || [];
  const form = el("form", { class: "decision-inputs", id: "decision-inputs", "aria-label": "Thông tin quyết định" },
    el("h3", { text: "Thông tin quyết định" }),
    INPUTS.map(([k, label, type]) => {
      const id = `di-${k}`;
      const control = type === "party"
        ? el("select", { id, name: k }, el("option", { value: "", text: "(người được thi hành án)" }),
            parties.map((p) => el("option", { value: p.id, text: p.name, selected: inputs[k] === p.id })))
        : el("input", { id, name: k, type, value: inputs[k] || "" });
      return el("p", { class: "ctl" }, el("label", { for: id, text: label }), control);
    }),
    el("button", { type: "submit", class: "btn", id: "di-apply", text: "Lập lại bản nháp" }),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const next = {};
    for (const [k] of INPUTS) {
      const v = form.elements[k].value.trim();
      if (v) next[k] = v;
    }
    ctx.panel.replaceChildren(el("p", { text: "Đang lưu thông tin quyết định…" }));
    const saved = await fetch(`/documents/${ctx.id}/decision-inputs`, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(next),
    });
    if (!saved.ok) ctx.say(`Không lưu được thông tin quyết định: ${await serverSays(saved)}`, "error");
    showDrafts(ctx);
  });
  ctx.panel.replaceChildren(
    el("h2", { text: `Bản nháp quyết định (phiên bản ${data.version}, ${data.approved ? "đã duyệt" : "chưa duyệt: tệp tải về ghi “bản nháp – chưa duyệt”"}${ctx.unsaved() ? "; chưa gồm thay đổi chưa lưu" : ""})` }),
    form,
    ...(data.drafts.length
      ? data.drafts.map((d, di) => draftView(ctx, d, di, q))
      : [el("p", { text: "Bản án này không cần quyết định thi hành án nào." })]),
  );
}

function issuedView(ctx, d) {
  if (!d.already_issued.length) return null;
  const refs = d.already_issued.flatMap((r, i) => [i ? "; " : "", el("a", { href: r.link, text: r.text })]);
  if (d.forced)
    return el("p", { class: "draft-issued forced" }, "Đã có ", refs, ": bản nháp này được lập mới theo yêu cầu. ",
      el("button", { type: "button", class: "btn small", text: "Thôi, không lập mới", onclick: () => showDrafts(ctx) }));
  return el("p", { class: "draft-issued", role: "status" }, "Đã ban hành: ", refs,
    ". Tệp tải về ghi “đã có quyết định – không ban hành trùng”. ",
    el("button", { type: "button", class: "btn small", "aria-label": `Lập mới dù đã có quyết định: ${d.title}`, text: "Lập mới dù đã có quyết định",
      onclick: () => showDrafts(ctx, d.name) }));
}

function draftView(ctx, d, di, q) {
  return el("article", { class: `draft${d.issued ? " issued" : ""}`, "aria-label": d.title, "data-draft": d.name },
    el("h3", {}, d.title, " ",
      el("a", { href: `/documents/${ctx.id}/drafts/${d.name}.docx${q}`, download: "", class: "btn small", "aria-label": `Tải DOCX: ${d.title}`, text: "Tải DOCX" }), " ",
      el("a", { href: `/documents/${ctx.id}/drafts/${d.name}.pdf${q}`, target: "_blank", rel: "noopener", class: "btn small", "aria-label": `Xem PDF: ${d.title}`, text: "Xem PDF" })),
    el("p", { class: "muted", text: `${d.law} · ngày ra quyết định ${d.issue_date.split("-").reverse().join("/")}` }),
    issuedView(ctx, d),
    d.warnings.length
      ? el("ul", { class: "draft-warnings", "aria-label": "Cần kiểm tra trước khi tải" }, d.warnings.map((w) => el("li", { text: `⚠ ${w}` })))
      : null,
    d.placeholders.length
      ? el("p", { class: "draft-warnings", text: `Còn ${d.placeholders.length} chỗ cần bổ sung trong quyết định: ${d.placeholders.join("; ")}` })
      : null,
    d.honorific_unknown.length && ctx.canEdit
      ? el("p", { class: "draft-honorific" }, "Bản án không cho biết cách xưng hô: ",
          d.honorific_unknown.map((u) => el("span", {}, `${u.name} `,
            ["ông", "bà"].map((h) => el("button", { type: "button", class: "btn small", "aria-label": `Ghi “${h} ${u.name}”`, text: h,
              onclick: () => patch(ctx, [{ op: "add", path: `/parties/${u.party}/honorific`, value: h }]) })), " ")))
      : null,
    d.items.map((item, ii) => itemView(ctx, item, di, ii)),
    d.late_interest ? el("p", { class: "draft-line", text: d.late_interest }) : null,
    el("details", {}, el("summary", { text: "Thời hạn và ghi chú pháp lý" }),
      el("ul", {}, d.deadlines.map((x) => el("li", { text: x.text })), d.notes.map((n) => el("li", { text: n })))),
  );
}

function itemView(ctx, item, di, ii) {
  const v = item.values;
  const pre = `d${di}-i${ii}`;
  const fields = [];
  const field = (key, label, control) => fields.push(el("p", { class: "ctl" }, el("label", { for: `${pre}-${key}`, text: label }), control));
  const readOnly = !ctx.canEdit || item.obligation === null;
  if (v.amount_vnd !== undefined)
    field("amount_vnd", "Số tiền phải thi hành (đồng)", el("input", { id: `${pre}-amount_vnd`, value: fmtVnd(v.amount_vnd), inputmode: "numeric", readonly: readOnly }));
  field("already_paid", "Đã nộp trước, đã trừ (đồng)", el("input", { id: `${pre}-already_paid`, value: fmtVnd(v.already_paid), inputmode: "numeric", readonly: readOnly }));
  if (v.shares)
    for (const [pid, amount] of Object.entries(v.shares))
      field(`share-${pid}`, `Kỷ phần của ${partyName(ctx, pid)} (đồng)`, el("input", { id: `${pre}-share-${pid}`, "data-party": pid, class: "share", value: fmtVnd(amount), readonly: readOnly }));
  if (item.kind === "pay_money") {
    field("period", "Định kỳ", el("select", { id: `${pre}-period`, disabled: readOnly }, Object.entries(PERIOD).map(([k, t]) => el("option", { value: k, text: t, selected: (v.period || "") === k }))));
    field("start_date", "Từ ngày", el("input", { id: `${pre}-start_date`, type: "date", value: v.start_date || "", readonly: readOnly }));
  }
  field("enforcement", "Loại thi hành án", el("select", { id: `${pre}-enforcement`, disabled: readOnly }, Object.entries(ENFORCEMENT).map(([k, t]) => el("option", { value: k, text: t, selected: v.enforcement_used === k }))));
  const save = readOnly ? null : el("button", { type: "button", class: "btn small primary", id: `${pre}-save`, text: "Lưu và lập lại bản nháp", onclick: () => saveItem(ctx, item, pre) });
  return el("div", { class: "draft-item" },
    el("div", { class: "draft-lines" }, item.lines.map((ln) => el("p", { class: "draft-line", text: ln }))),
    el("blockquote", { class: "draft-source", "aria-label": "Câu trong bản án" }, item.source || "(không có câu trích từ bản án)"),
    el("div", { class: "draft-values" }, fields, save),
  );
}

function partyName(ctx, pid) {
  const p = (ctx.extraction().parties || []).find((x) => x.id === pid);
  return p ? p.name : pid;
}

async function saveItem(ctx, item, pre) {
  if (ctx.unsaved()) return ctx.say("Hãy lưu các thay đổi ở phần dữ liệu trước khi sửa trên bản nháp.", "error");
  const base = `/obligations/${item.obligation}`;
  const ob = ctx.extraction().obligations[item.obligation];
  const ops = [];
  const money = (id) => {
    const node = $(`#${id}`);
    if (!node) return { skip: true };
    const parsed = parseVnd(node.value);
    if (parsed.error) throw new Error(parsed.error);
    return parsed;
  };
  try {
    const amount = money(`${pre}-amount_vnd`);
    if (!amount.skip && amount.value !== ob.amount_vnd) ops.push({ op: "replace", path: `${base}/amount_vnd`, value: amount.value });
    const paid = money(`${pre}-already_paid`);
    if (paid.value === null && "already_paid" in ob) ops.push({ op: "remove", path: `${base}/already_paid` });
    else if (paid.value !== null && paid.value !== ob.already_paid) ops.push({ op: "add", path: `${base}/already_paid`, value: paid.value });
    const shares = {};
    for (const node of document.querySelectorAll(`[id^="${pre}-share-"]`)) {
      const parsed = parseVnd(node.value);
      if (parsed.error) throw new Error(parsed.error);
      if (parsed.value !== null) shares[node.dataset.party] = parsed.value;
    }
    if (ob.shares && JSON.stringify(shares) !== JSON.stringify(ob.shares)) ops.push({ op: "add", path: `${base}/shares`, value: shares });
  } catch (e) {
    return ctx.say(e.message, "error");
  }
  const period = $(`#${pre}-period`);
  if (period) {
    if (period.value && period.value !== ob.period) ops.push({ op: "add", path: `${base}/period`, value: period.value });
    if (!period.value && "period" in ob) ops.push({ op: "remove", path: `${base}/period` });
    const start = $(`#${pre}-start_date`).value;
    if (start && start !== ob.start_date) ops.push({ op: "add", path: `${base}/start_date`, value: start });
    if (!start && "start_date" in ob) ops.push({ op: "remove", path: `${base}/start_date` });
  }
  const enf = $(`#${pre}-enforcement`).value;
  if (enf !== item.values.enforcement_used) {
    ops.push({ op: "add", path: `${base}/enforcement`, value: enf });
    ops.push({ op: "add", path: `${base}/enforcement_by_officer`, value: true });
  }
  if (!ops.length) return ctx.say("Không có thay đổi.");
  await patch(ctx, ops);
}

// What the server said about a refused request, in its words (a 422 names the field), else the status:
// "lỗi 422" alone tells an officer nothing about what to change.
async function serverSays(r) {
  let body = null;
  try {
    body = await r.json();
  } catch {
    /* not JSON: a proxy's page or an empty body */
  }
  const detail = body ? body.detail : null;
  let text = "";
  if (typeof detail === "string") text = detail;
  else if (Array.isArray(detail) && detail.length) {
    // a refused field of the form: name it by its label
    const key = String((detail[0].loc || []).at(-1) || "");
    const label = (INPUTS.find(([k]) => k === key) || [])[1] || key;
    text = `${label}: ${detail[0].msg || "giá trị không hợp lệ"}`;
  } else if (detail && typeof detail === "object") {
    const first = (detail.errors || [])[0];
    text = detail.message || (first ? `${first.field || first.path || ""} — ${first.msg || ""}` : "");
  }
  return text ? `${text} (lỗi ${r.status}).` : `lỗi ${r.status}.`;
}

async function patch(ctx, ops) {
  if (ctx.unsaved()) return ctx.say("Hãy lưu các thay đổi ở phần dữ liệu trước khi sửa trên bản nháp.", "error");
  const r = await fetch(`/documents/${ctx.id}/extraction`, {
    method: "PATCH",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json-patch+json", "If-Match": `"${ctx.version()}"` },
    body: JSON.stringify(ops),
  });
  if (r.ok) {
    ctx.onSaved(await r.json());
    ctx.say("Đã lưu; bản nháp được lập lại từ dữ liệu mới.", "ok");
    await showDrafts(ctx);
  } else if (r.status === 409) {
    ctx.say("Văn bản vừa được người khác sửa; hãy tải lại trang.", "error");
  } else {
    ctx.say(`Không lưu được: ${await serverSays(r)}`, "error");
  }
}
