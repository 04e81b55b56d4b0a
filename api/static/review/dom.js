// DOM helpers of the review page: a query, an element builder (through the CSSOM and properties
// only: the CSP forbids inline styles and handlers), and the status line.

export const $ = (sel, root = document) => root.querySelector(sel);

export const el = (tag, attrs = {}, ...children) => {
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

let sayTimer = null;
export function say(text, kind = "info") {
  const s = $("#status");
  s.textContent = text;
  s.className = `status ${kind}`;
  clearTimeout(sayTimer);
  if (kind !== "error") sayTimer = setTimeout(() => (s.textContent = ""), 8000);
}
