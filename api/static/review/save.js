// Saving: the unsaved edits go to the server as one JSON Patch with If-Match (PATCH
// /documents/{id}/extraction). The server refuses what does not fit (422, a Vietnamese message that
// names the field), answers a colleague's earlier save with 409 (the conflict view: nothing of the
// reviewer's is lost), and runs its checks again: the page then shows the server's warnings.
// Approval names the version the reviewer saw.

import { api } from "./api.js";
import { validate } from "./checks.js";
import { $, el, say } from "./dom.js";
import { pointerLabel, showValue } from "./labels.js";
import { applyOps, clone } from "./patch.js";
import { focusField, render, renderHeader } from "./render/fields.js";
import { refreshWarnings } from "./render/warnings.js";
import { S, boot, persist, setBase } from "./state.js";

function compactOps(ops) {
  return ops.map((op) => ({ ...op }));
}

export async function save() {
  if (!boot.canEdit || S.saving) return;
  if (!S.ops.length) return say("Không có thay đổi nào cần lưu.");
  const errs = { ...validate(S.draft, S.base), ...S.errors };
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
      setBase(body.extraction, body.version);
      persist();
      await refreshWarnings(); // the checks the server ran again on what was saved
      render();
      say(`Đã lưu. Phiên bản ${S.version}.`, "ok");
    } else if (r.status === 409 && body.error === "version_conflict") {
      await showConflict(body.version, body.extraction);
    } else if (r.status === 422) {
      // {message, errors: [{path, field, msg}]}: the server's Vietnamese, naming the field
      const d = body.detail && !Array.isArray(body.detail) ? body.detail : {};
      const first = (d.errors || [])[0];
      say(`Máy chủ từ chối thay đổi: ${d.message || (first ? `${first.field || pointerLabel(first.path)} — ${first.msg}` : "")}`, "error");
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

export async function showConflict(theirVersion, theirExtraction) {
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

export function rebase(keepSelected) {
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
  setBase(extraction, version);
  S.ops = applied;
  S.draft = doc;
  S.conflict = null;
  $("#conflict").hidden = true;
  persist();
  render();
  refreshWarnings().then(render); // the warnings of the version now under the edits
  if (keepSelected)
    say(
      `Đã áp dụng lại ${applied.filter((o) => !o.path.startsWith("/evidence/")).length} thay đổi của bạn trên phiên bản ${version}` +
        (dropped.length ? `; ${dropped.length} thay đổi không còn chỗ áp dụng` : "") +
        ". Kiểm tra rồi bấm Lưu.",
      "ok",
    );
  else say(`Đã bỏ thay đổi của bạn; đang xem phiên bản ${version}.`);
}

export async function loadApprovals() {
  const r = await api(`/documents/${boot.id}/approvals`);
  S.approvals = r.ok ? await r.json() : [];
}

export async function approve() {
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
