// The panels behind the toolbar's buttons: the decision drafts (drafts.js, loaded when first opened)
// and the audit trail of corrections and approvals.

import { api } from "./api.js";
import { $, el, say } from "./dom.js";
import { pointerLabel, showValue } from "./labels.js";
import { render, renderHeader } from "./render/fields.js";
import { refreshWarnings } from "./render/warnings.js";
import { S, boot, setBase } from "./state.js";

// Show or hide a panel behind its button; true when it was just opened (so fill it).
function togglePanel(panelSel, btnSel) {
  const panel = $(panelSel);
  panel.hidden = !panel.hidden;
  $(btnSel).setAttribute("aria-expanded", String(!panel.hidden));
  return !panel.hidden;
}

export async function toggleDrafts() {
  if (!togglePanel("#drafts", "#drafts-btn")) return;
  const { showDrafts } = await import("../drafts.js");
  await showDrafts({
    id: boot.id,
    panel: $("#drafts"),
    version: () => S.version,
    unsaved: () => S.ops.length > 0,
    canEdit: boot.canEdit,
    extraction: () => S.base,
    say,
    onSaved: async (doc) => {
      setBase(doc.extraction, doc.version); // saved from the draft view: no unsaved edits here
      await refreshWarnings();
      render();
      renderHeader();
    },
  });
}

export async function toggleTrail() {
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
