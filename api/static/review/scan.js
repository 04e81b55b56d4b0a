// The scan beside the fields: page images with the words read on them (boxes, OCR confidence) and
// the evidence boxes of the values; a field selected shows where it was read, a click on the page
// says which fields were read there. A text upload has no pages: its text, with spans marked.
// Words are read in one place, `loadWords`.

import { api } from "./api.js";
import { $, el } from "./dom.js";
import { pointerLabel } from "./labels.js";
import { LOW, S, boot, evidenceOf } from "./state.js";

// What a click on a word does with the fields read there: set by the page (the fields module),
// so that the scan does not import the fields and the fields the scan.
let focusField = () => {};
export function onFieldPicked(fn) {
  focusField = fn;
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

export function showEvidence(ptr) {
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

export function drawEvidenceBoxes() {
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

export function fieldsAt(pageNo, x, y) {
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

export async function loadPages() {
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
  await Promise.all(S.layout.pages.map(loadWords));
  document.body.dataset.wordsLoaded = "1";
}

/** The words of page `p` ({text, bbox, confidence}), kept in S.words and drawn as boxes. */
async function loadWords(p) {
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
