"""The service on the real pipeline: a dev judgment (text) processed end to end, drafts, a small PDF
with its page image, a corrupt PDF, the process pool, and logs free of personal data."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from api.logging_config import JsonFormatter
from docproc.schema import Extraction

SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV = SHARED / "corpus" / "dev"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _dev(name: str) -> bytes:
    return (DEV / "txt" / f"{name}.txt").read_bytes()


def test_dev_judgment_end_to_end_with_drafts(api) -> None:
    r = api.upload("officer_a", "c1-02.txt", _dev("c1-02"))
    assert r.status_code == 201
    body = api.wait("officer_a", r.json()["id"])
    assert body["status"] == "done", body
    ext = Extraction.model_validate(body["extraction"])
    assert ext.document.source == "c1-02.txt" and ext.parties and ext.obligations
    assert body["job"]["progress"] == 1.0
    # the extraction is the pipeline's own output for the same file
    from pipelines.process import process_file

    direct = process_file(DEV / "txt" / "c1-02.txt", source="c1-02.txt").extraction.to_json_dict()
    assert body["extraction"] == direct
    # drafts from the current extraction
    listed = api.get("officer_a", f"/documents/{body['id']}/drafts")
    assert listed.status_code == 200 and listed.json()["version"] == 0
    kinds = listed.json()["kinds"]
    assert kinds
    assert api.get("officer_a", f"/documents/{body['id']}/drafts/no-such-kind.docx").status_code == 404
    for kind in kinds:
        docx = api.get("officer_a", f"/documents/{body['id']}/drafts/{kind}.docx")
        assert docx.status_code == 200 and docx.content[:2] == b"PK", kind
        assert docx.headers["content-type"].startswith("application/vnd.openxmlformats")
    pdf = api.get("officer_a", f"/documents/{body['id']}/drafts/{kinds[0]}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert api.get("officer_b", f"/documents/{body['id']}/drafts").status_code == 404
    # a text upload has no page images
    assert api.get("officer_a", f"/documents/{body['id']}/pages/1").status_code == 404


def test_logs_carry_ids_and_no_personal_data(api) -> None:
    buf = io.StringIO()
    handler = logging.StreamHandler(buf)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        r = api.upload("officer_a", "c1-02.txt", _dev("c1-02"))
        doc_id = r.json()["id"]
        body = api.wait("officer_a", doc_id)
        assert body["status"] == "done"
        api.patch(
            "reviewer_a", doc_id, [{"op": "replace", "path": "/parties/0/name", "value": "Tên Đã Sửa"}], 0
        )
        api.get("officer_a", f"/documents/{doc_id}/drafts/none.docx")
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    logs = buf.getvalue()
    lines = [json.loads(line) for line in logs.splitlines()]
    assert any(line.get("document_id") == doc_id for line in lines)
    gold = json.loads((DEV / "gold" / "c1-02.json").read_text(encoding="utf-8"))
    secrets = {"Tên Đã Sửa"}
    for p in gold["parties"]:
        secrets |= {v for v in (p.get("name"), p.get("id_number"), p.get("address")) if v}
        secrets |= {rep["name"] for rep in p.get("representatives", [])}
    assert len(secrets) > 3
    leaked = [s for s in secrets if s in logs]
    assert leaked == [], leaked


def _small_pdf() -> bytes:
    fpdf = pytest.importorskip("fpdf")
    if not FONT.exists():
        pytest.skip("DejaVuSans.ttf not installed (fonts-dejavu-core)")
    pdf = fpdf.FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("dejavu", "", str(FONT))
    pdf.set_font("dejavu", size=12)
    text = (DEV / "txt" / "c1-03.txt").read_text(encoding="utf-8")
    for line in text.splitlines()[:45]:
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_small_pdf_is_processed_and_its_page_image_served(api) -> None:
    r = api.upload("officer_a", "ban-an.pdf", _small_pdf(), "application/pdf")
    assert r.status_code == 201 and r.json()["kind"] == "pdf"
    body = api.wait("officer_a", r.json()["id"])
    assert body["status"] == "done", body
    assert body["extraction"]["document"]["text_source"] == "text_layer"
    img = api.get("officer_a", f"/documents/{body['id']}/pages/1")
    assert img.status_code == 200 and img.content.startswith(b"\x89PNG")
    from PIL import Image

    with Image.open(io.BytesIO(img.content)) as im:
        assert im.width > 500 and im.height > im.width  # a portrait A4 page
    assert api.get("officer_a", f"/documents/{body['id']}/pages/{body['pages'] + 1}").status_code == 404
    assert api.get("officer_b", f"/documents/{body['id']}/pages/1").status_code == 404


def test_the_job_keeps_the_page_words_so_review_never_reads_the_file_again(api, monkeypatch) -> None:
    r = api.upload("officer_a", "ban-an.pdf", _small_pdf(), "application/pdf")
    body = api.wait("officer_a", r.json()["id"])
    assert body["status"] == "done", body
    import api.review_layout as review_layout

    def no_second_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the review page read the file again")

    monkeypatch.setattr(review_layout, "_read", no_second_read)
    got = api.get("officer_a", f"/documents/{body['id']}/pages/1/words")
    assert got.status_code == 200, got.text
    words = got.json()["words"]
    assert len(words) > 100
    evidence = body["extraction"]["evidence"]["/case/number"]["text"]
    assert any(evidence.split()[0] in w["text"] for w in words)
    x0, y0, x1, y1 = words[0]["bbox"]
    assert 0 <= x0 < x1 <= got.json()["width"] and 0 <= y0 < y1 <= got.json()["height"]


def test_corrupt_pdf_fails_the_document_with_a_reason(api) -> None:
    data = _small_pdf()
    corrupt = data[: len(data) // 2]  # cut off: no xref, no %%EOF
    r = api.upload("officer_a", "hong.pdf", corrupt, "application/pdf")
    assert r.status_code == 201
    body = api.wait("officer_a", r.json()["id"])
    assert body["status"] == "failed"
    assert body["error"]["code"] == "corrupt_file" and body["error"]["message"]
    assert body["extraction"] is None and body["job"]["error"]


def test_process_pool_runs_jobs_in_another_process(make_api, settings) -> None:
    pool = make_api(fake=False, settings_=settings.model_copy(update={"api_workers": 1}))
    r = pool.upload("officer_a", "c1-04.txt", _dev("c1-04"))
    body = pool.wait("officer_a", r.json()["id"], timeout=120)
    assert body["status"] == "done", body
    assert body["extraction"]["parties"]
    assert "ocr" not in body["job"]["stage"]


def test_formatter_drops_exception_messages_and_library_string_arguments() -> None:
    fmt = JsonFormatter()
    try:
        raise ValueError("Nguyễn Văn Bí mật, CCCD 001234567890")
    except ValueError:
        import sys

        rec = logging.LogRecord("api.worker", logging.ERROR, __file__, 1, "job crashed", None, sys.exc_info())
    out = json.loads(fmt.format(rec))
    assert out["exc_type"] == "ValueError" and "Bí mật" not in json.dumps(out, ensure_ascii=False)
    lib = logging.LogRecord(
        "docproc.x", logging.INFO, __file__, 1, "read %s with %d pages", ("Bí mật.pdf", 3), None
    )
    assert "Bí mật" not in fmt.format(lib)
    num = logging.LogRecord("docproc.x", logging.INFO, __file__, 1, "%d pages", (3,), None)
    assert json.loads(fmt.format(num))["msg"] == "3 pages"


@pytest.mark.slow
def test_dask_executor_runs_jobs(make_api, settings) -> None:
    """api_executor=dask: jobs run as the batch's tasks on its Dask client (a LocalCluster here)."""
    pytest.importorskip("distributed")
    if "postgres" in settings.db_url:
        pytest.skip("the executor does not depend on the database: SQLite is enough")
    dask = make_api(
        fake=False, settings_=settings.model_copy(update={"api_workers": 1, "api_executor": "dask"})
    )
    r = dask.upload("officer_a", "c2-05.txt", _dev("c2-05"))
    body = dask.wait("officer_a", r.json()["id"], timeout=120)
    assert body["status"] == "done", body
    assert body["extraction"]["parties"]
    assert type(dask.client.app.state.runner._executor).__name__ == "_DaskExecutor"
