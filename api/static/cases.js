// The case view: a reviewer confirms or dismisses a discrepancy (POST /cases/decisions/{id}/discrepancies/{key}).
const VERDICT_VI = { confirmed: "Đã xác nhận", dismissed: "Đã bác bỏ" };

for (const art of document.querySelectorAll(".discrepancy")) {
  for (const btn of art.querySelectorAll("button[data-verdict]")) {
    btn.addEventListener("click", async () => {
      const line = art.querySelector(".verdict");
      const url = `/cases/decisions/${encodeURIComponent(art.dataset.decision)}/discrepancies/${art.dataset.key}`;
      btn.disabled = true;
      try {
        const r = await fetch(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ verdict: btn.dataset.verdict }),
        });
        const body = await r.json();
        if (!r.ok) {
          line.textContent = `Không lưu được: ${typeof body.detail === "string" ? body.detail : r.status}`;
          return;
        }
        art.classList.remove("v-confirmed", "v-dismissed");
        art.classList.add(`v-${body.verdict}`);
        line.textContent = `${VERDICT_VI[body.verdict]} · ${body.reviewer} · ${body.at.slice(0, 16).replace("T", " ")}`;
      } finally {
        btn.disabled = false;
      }
    });
  }
}
