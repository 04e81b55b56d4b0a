// JSON Patch (RFC 6902) and JSON Pointer (RFC 6901) for the review page's unsaved edits: the draft
// shown is the server's extraction with the reviewer's operations applied here. The server applies
// the same operations again (python-jsonpatch) and is the one that decides; this copy must agree
// with it, which the shared json-patch-tests vectors check (tests/browser/test_review_modules.py).

export class PatchError extends Error {}

export const esc = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");
export const unesc = (tok) => tok.replace(/~1/g, "/").replace(/~0/g, "~");

export function tokens(ptr) {
  if (ptr === "") return [];
  if (typeof ptr !== "string" || ptr[0] !== "/") throw new PatchError(`con trỏ không hợp lệ: ${ptr}`);
  return ptr.slice(1).split("/").map(unesc);
}

export const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const INDEX = /^(0|[1-9][0-9]*)$/; // no sign, no leading zero, no exponent

function index(arr, tok, ptr, { end = false } = {}) {
  if (end && tok === "-") return arr.length;
  if (!INDEX.test(tok)) throw new PatchError(`không có ${ptr}`);
  const i = Number(tok);
  if (i > arr.length || (!end && i === arr.length)) throw new PatchError(`không có ${ptr}`);
  return i;
}

function child(node, tok, ptr) {
  if (Array.isArray(node)) return node[index(node, tok, ptr)];
  if (node !== null && typeof node === "object" && hasOwn(node, tok)) return node[tok];
  throw new PatchError(`không có ${ptr}`);
}

/** The value at `ptr`; throws PatchError when there is none. */
export function get(doc, ptr) {
  let cur = doc;
  for (const t of tokens(ptr)) cur = child(cur, t, ptr);
  return cur;
}

/** The value at `ptr`, or undefined (for the page: a field that is not there yet). */
export function getAt(doc, ptr) {
  try {
    return get(doc, ptr);
  } catch {
    return undefined;
  }
}

/** JSON equality: same types, arrays in order, objects with the same members in any order. */
export function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => hasOwn(b, k) && deepEqual(a[k], b[k]));
}

function parentOf(doc, ptr) {
  const toks = tokens(ptr);
  const last = toks.pop();
  let parent = doc;
  for (const t of toks) parent = child(parent, t, ptr);
  if (parent === null || typeof parent !== "object") throw new PatchError(`không có ${ptr}`);
  return [parent, last];
}

function add(doc, ptr, value) {
  if (ptr === "") return value;
  const [parent, last] = parentOf(doc, ptr);
  if (Array.isArray(parent)) parent.splice(index(parent, last, ptr, { end: true }), 0, value);
  else parent[last] = value;
  return doc;
}

function remove(doc, ptr) {
  if (ptr === "") throw new PatchError("không thể xóa toàn bộ văn bản");
  const [parent, last] = parentOf(doc, ptr);
  if (Array.isArray(parent)) parent.splice(index(parent, last, ptr), 1);
  else if (hasOwn(parent, last)) delete parent[last];
  else throw new PatchError(`không có ${ptr}`);
  return doc;
}

function replace(doc, ptr, value) {
  get(doc, ptr); // it must be there
  if (ptr === "") return value;
  const [parent, last] = parentOf(doc, ptr);
  parent[Array.isArray(parent) ? index(parent, last, ptr) : last] = value; // in place: members keep their order
  return doc;
}

function need(op, member) {
  if (!(member in op)) throw new PatchError(`thao tác ${op.op} thiếu ${member}`);
}

function applyOp(doc, op) {
  if (op === null || typeof op !== "object" || typeof op.path !== "string")
    throw new PatchError("thao tác không hợp lệ");
  switch (op.op) {
    case "add":
      need(op, "value");
      return add(doc, op.path, clone(op.value));
    case "remove":
      return remove(doc, op.path);
    case "replace":
      need(op, "value");
      return replace(doc, op.path, clone(op.value));
    case "move": {
      need(op, "from");
      const value = get(doc, op.from);
      if (op.path === op.from) return doc;
      if (op.path.startsWith(`${op.from}/`)) throw new PatchError(`không thể chuyển ${op.from} vào trong chính nó`);
      return add(remove(doc, op.from), op.path, value);
    }
    case "copy":
      need(op, "from");
      return add(doc, op.path, clone(get(doc, op.from)));
    case "test":
      need(op, "value");
      if (!deepEqual(get(doc, op.path), op.value)) throw new PatchError(`${op.path} đã khác`);
      return doc;
    default:
      throw new PatchError(`thao tác ${op.op} không hỗ trợ`);
  }
}

/** `doc` with `ops` applied, all or nothing: `doc` itself is never changed. */
export function applyOps(doc, ops) {
  let out = clone(doc);
  for (const op of ops) out = applyOp(out, op);
  return out;
}

/** The unsaved edits after `newOps`: a later value of a field replaces an earlier one, unless the
 * structure changed in between (an add, remove or move can shift what a pointer names). */
export function compose(ops, newOps) {
  const out = [...ops];
  for (const op of newOps) {
    if (op.op === "replace") {
      for (let k = out.length - 1; k >= 0; k--) {
        const prev = out[k];
        if (prev.op !== "replace") break;
        if (prev.path === op.path) {
          out.splice(k, 1);
          break;
        }
      }
    }
    out.push(op);
  }
  return out;
}
