// The review page's start, as ES modules without a build step (review/*.js). It only calls the
// service's API: GET /documents/{id} (extraction + ETag), PATCH /documents/{id}/extraction (JSON
// Patch, If-Match), page images and words, warnings, corrections (audit trail), approvals, drafts.
// Edits are JSON Patch operations kept in localStorage until the server has them.
//   review/state.js   the document, its version and the unsaved edits
//   review/patch.js   JSON Patch (RFC 6902) for the draft shown
//   review/checks.js  what the server would refuse, shown before saving
//   review/render/    the fields (fields.js) and the server's warnings (warnings.js)
//   review/scan.js    page images, word boxes, evidence boxes
//   review/save.js    saving, conflicts, approval; review/panels.js drafts and trail; review/keys.js
//   review/api.js, dom.js, format.js, labels.js

import { api } from "./review/api.js";
import { $, el, say } from "./review/dom.js";
import { onKey } from "./review/keys.js";
import { applyOps, clone } from "./review/patch.js";
import { toggleDrafts, toggleTrail } from "./review/panels.js";
import { focusField, render, scheduleRender, select } from "./review/render/fields.js";
import { approve, loadApprovals, rebase, save, showConflict } from "./review/save.js";
import { loadPages, onFieldPicked } from "./review/scan.js";
import { S, boot, loadStored, onChange, setBase } from "./review/state.js";

onChange(scheduleRender);

async function startReview() {
  const r = await api(`/documents/${boot.id}`);
  if (!r.ok) return say(`Không tải được văn bản (lỗi ${r.status}).`, "error");
  const doc = await r.json();
  if (doc.status !== "done" || !doc.extraction) {
    $("#fields").replaceChildren(el("p", { text: "Văn bản chưa xử lý xong; hãy quay lại sau." }));
    return;
  }
  setBase(doc.extraction, doc.version);
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
  onFieldPicked(focusField);
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
