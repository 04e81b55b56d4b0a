// How the page names things: fields by their Vietnamese label, items by their id, values as a
// reviewer reads them. Labels come from the server (boot.labels, api.review_text.LABELS).

import { formatVnd } from "./format.js";
import { tokens } from "./patch.js";
import { L, S } from "./state.js";

export const F = (name) => (L.field && L.field[name]) || name;
export const GROUP_VI = { case: "Vụ án", parties: "Đương sự", obligations: "Nghĩa vụ", assets: "Tài sản" };

export function partyName(id) {
  if (id === "STATE") return "Nhà nước (ngân sách)";
  const p = (S.draft?.parties || []).find((x) => x.id === id);
  return p ? `${p.id} — ${p.name || "(chưa có tên)"}` : `${id} (không có trong danh sách)`;
}

export function assetName(id) {
  const a = (S.draft?.assets || []).find((x) => x.id === id);
  if (!a) return `${id} (không có trong danh sách)`;
  return `${a.id} — ${(L.asset_kind || {})[a.kind] || a.kind}${a.plate ? " " + a.plate : ""}${a.plot_number ? " thửa " + a.plot_number : ""}`;
}

export function pointerLabel(ptr, doc = S.draft) {
  let t;
  try {
    t = tokens(ptr);
  } catch {
    return String(ptr);
  }
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

export function showValue(ptr, v) {
  if (v === null || v === undefined || v === "") return "(trống)";
  const last = tokens(ptr).pop();
  if (typeof v === "number" && (last === "amount_vnd" || tokens(ptr).includes("components"))) return `${formatVnd(v)} đ`;
  if (typeof v === "boolean") return v ? "có" : "không";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === "object" ? x.id || x.name || JSON.stringify(x) : x)).join(", ") || "(trống)";
  if (typeof v === "object") return v.id ? `${v.id}${v.name ? " " + v.name : ""}` : JSON.stringify(v);
  return String(v);
}
