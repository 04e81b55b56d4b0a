// Upload on the list page: drag and drop (or choose) several files, a progress bar per file while it
// uploads and while it is processed, and the list refreshing itself as jobs finish. Plain ES module.

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
};

const STATE_VI = { queued: "Đang chờ xử lý", running: "Đang xử lý", done: "Đã xử lý xong", failed: "Lỗi xử lý" };
const list = $("#upload-list");
let watching = 0;

async function refreshList() {
  const r = await fetch(location.href, { credentials: "same-origin" });
  if (!r.ok) return;
  const fresh = new DOMParser().parseFromString(await r.text(), "text/html");
  for (const sel of ["table.docs tbody", "p.counts"]) {
    const now = $(sel);
    const next = fresh.querySelector(sel);
    if (now && next) now.replaceWith(document.importNode(next, true));
  }
}

function row(file) {
  const bar = el("progress", { max: "100", value: "0", "aria-label": `Tiến độ ${file.name}` });
  const state = el("span", { class: "state", text: "Đang tải lên…" });
  const li = el("li", { class: "up" }, el("span", { class: "name", text: file.name }), " ", bar, " ", state);
  list.append(li);
  return { li, bar, state };
}

function send(file, ui) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/documents");
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) ui.bar.value = Math.round((e.loaded * 50) / e.total);
    };
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if ((xhr.status === 200 || xhr.status === 201) && body) resolve({ doc: body, duplicate: xhr.status === 200 });
      else {
        ui.state.textContent = xhr.status === 415 ? "Loại tệp không được hỗ trợ" : xhr.status === 413 ? "Tệp quá lớn" : `Không tải lên được (lỗi ${xhr.status})`;
        ui.li.classList.add("failed");
        resolve(null);
      }
    };
    xhr.onerror = () => {
      ui.state.textContent = "Mất kết nối khi tải lên";
      ui.li.classList.add("failed");
      resolve(null);
    };
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

async function watch(doc, ui) {
  watching += 1;
  try {
    for (;;) {
      const status = doc.status;
      const progress = doc.job ? doc.job.progress || 0 : 0;
      ui.bar.value = 50 + Math.round(progress * 50);
      ui.state.textContent = STATE_VI[status] || status;
      if (status === "done" || status === "failed") {
        ui.bar.value = 100;
        ui.li.classList.add(status);
        ui.li.dataset.status = status;
        if (status === "done") ui.li.append(" ", el("a", { href: `/review/${doc.id}`, text: "Mở để duyệt" }));
        await refreshList();
        return;
      }
      await new Promise((r) => setTimeout(r, 700));
      const r = await fetch(`/documents/${doc.id}`, { credentials: "same-origin" });
      if (!r.ok) return;
      doc = await r.json();
    }
  } finally {
    watching -= 1;
  }
}

async function upload(files) {
  await Promise.all(
    [...files].map(async (file) => {
      const ui = row(file);
      const sent = await send(file, ui);
      if (!sent) return;
      if (sent.duplicate) ui.state.textContent = "Tệp đã có trong đơn vị";
      await refreshList();
      await watch(sent.doc, ui);
    }),
  );
}

const zone = $("#dropzone");
const input = $("#upload-input");
if (zone && input) {
  input.addEventListener("change", () => {
    upload(input.files);
    input.value = "";
  });
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    if (e.dataTransfer?.files?.length) upload(e.dataTransfer.files);
  });
  zone.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      input.click();
    }
  });
}

// Documents uploaded elsewhere (a colleague, a batch) also finish: refresh while any is in progress.
setInterval(() => {
  if (!watching && document.querySelector("table.docs .s-queued, table.docs .s-running")) refreshList();
}, 3000);
