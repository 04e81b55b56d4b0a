// Values as a Vietnamese reviewer types and reads them: amounts with thousands dots, areas with a
// decimal comma, birth years, ISO dates. Each parser gives {value} or {error: Vietnamese message}.

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

export function parseArea(text) {
  const t = String(text).trim().replace(/\s*m2$|\s*m²$/i, "");
  if (t === "") return { value: null };
  if (!/^\d+([.,]\d+)?$/.test(t)) return { error: "Diện tích là một số, ví dụ 86,5" };
  return { value: Number(t.replace(",", ".")) };
}

export function parseYear(text) {
  const t = String(text).trim();
  if (t === "") return { value: null };
  if (!/^\d{4}$/.test(t) || +t < 1880 || +t > 2100) return { error: "Năm sinh gồm 4 chữ số, ví dụ 1972" };
  return { value: Number(t) };
}

export function parseDate(text) {
  const t = String(text).trim();
  if (t === "") return { value: null };
  // a day that exists (2024-02-30 does not), as the server requires
  const d = /^\d{4}-\d{2}-\d{2}$/.test(t) ? new Date(`${t}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t) return { error: "Ngày không hợp lệ" };
  return { value: t };
}
