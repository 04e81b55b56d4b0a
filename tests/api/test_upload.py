"""Uploads: streamed, sniffed, limited, deduplicated per office; bad input leaves nothing behind."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import func, select

from api.models import Document, Job

TXT = "BẢN ÁN SỐ 01/2024/DS-ST\nTòa án nhân dân huyện X xét xử vụ án dân sự.\n".encode()


def _counts(client) -> tuple[int, int]:
    with client.app.state.sessions() as s:
        return s.scalar(select(func.count()).select_from(Document)), s.scalar(
            select(func.count()).select_from(Job)
        )


def _blobs(settings) -> list[Path]:
    return [p for p in (Path(settings.data_dir) / "blobs").rglob("*") if p.is_file()]


def _leftovers(settings) -> list[Path]:
    return [p for p in (Path(settings.data_dir) / "tmp").rglob("*") if p.is_file()]


def test_upload_stores_content_addressed_and_queues_a_job(api, settings) -> None:
    r = api.upload("officer_a", "ban-an.txt", TXT)
    assert r.status_code == 201, r.text
    body = r.json()
    sha = hashlib.sha256(TXT).hexdigest()
    assert body["sha256"] == sha and body["kind"] == "text" and body["size"] == len(TXT)
    assert body["filename"] == "ban-an.txt" and not body["duplicate"]
    assert r.headers["location"] == f"/documents/{body['id']}"
    assert body["job"]["document_id"] == body["id"]
    blob = Path(settings.data_dir) / "blobs" / sha[:2] / sha
    assert blob.read_bytes() == TXT
    job = api.get("officer_a", f"/jobs/{body['job']['id']}")
    assert job.status_code == 200 and job.json()["document_id"] == body["id"]


def test_duplicates_are_detected_per_office(api, settings) -> None:
    first = api.upload("officer_a", "a.txt", TXT).json()
    again = api.upload("reviewer_a", "renamed.txt", TXT)
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again.json()["id"] == first["id"]
    other = api.upload("officer_b", "a.txt", TXT)
    assert other.status_code == 201 and other.json()["id"] != first["id"]
    assert len(_blobs(settings)) == 1  # the bytes are stored once
    assert _counts(api.client) == (2, 2)


def test_wrong_type_is_415_and_nothing_is_stored(api, settings) -> None:
    gif = b"GIF89a" + b"\x00" * 100
    zip_ = b"PK\x05\x06" + b"\x00" * 18  # an empty ZIP archive, not a DOCX
    exe = bytes(range(256)) * 4
    for data in (gif, zip_, exe):
        r = api.upload("officer_a", "x.pdf", data, "application/pdf")
        assert r.status_code == 415, r.text
        assert r.json()["error"] == "unsupported_file"
    assert _counts(api.client) == (0, 0) and _blobs(settings) == [] and _leftovers(settings) == []


def test_request_that_is_not_multipart_is_415(api) -> None:
    r = api.client.post(
        "/documents", headers={**api.headers["officer_a"], "Content-Type": "text/plain"}, content=TXT
    )
    assert r.status_code == 415


def test_oversized_upload_is_413_and_nothing_is_stored(api, settings) -> None:
    big = b"a" * (settings.max_file_bytes + 1)
    r = api.upload("officer_a", "big.txt", big)
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    # Without a Content-Length (chunked), the limit is enforced while streaming.
    boundary = "XyZ"

    def chunks():
        yield f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.txt"\r\n\r\n'.encode()
        for _ in range(settings.max_file_bytes // 65536 + 2):
            yield b"b" * 65536
        yield f"\r\n--{boundary}--\r\n".encode()

    r = api.client.post(
        "/documents",
        headers={**api.headers["officer_a"], "Content-Type": f"multipart/form-data; boundary={boundary}"},
        content=chunks(),
    )
    assert r.status_code == 413
    assert _counts(api.client) == (0, 0) and _blobs(settings) == [] and _leftovers(settings) == []


def test_upload_cut_off_half_way_is_400_and_nothing_is_stored(api, settings) -> None:
    boundary = "CutOff"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode() + TXT  # ... and the closing boundary never comes
    r = api.client.post(
        "/documents",
        headers={**api.headers["officer_a"], "Content-Type": f"multipart/form-data; boundary={boundary}"},
        content=body,
    )
    assert r.status_code == 400 and "cut off" in r.json()["detail"]
    assert _counts(api.client) == (0, 0) and _blobs(settings) == [] and _leftovers(settings) == []


def test_client_disconnect_mid_upload_is_400_and_nothing_is_stored(api, settings) -> None:
    """Drive the ASGI app directly: the client sends half the body, then disconnects."""
    app = api.client.app
    boundary = "Disc"
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="d.txt"\r\n\r\n'.encode()
    token = api.headers["officer_a"]["Authorization"]
    messages = [
        {"type": "http.request", "body": head, "more_body": True},
        {"type": "http.request", "body": TXT[:20], "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[dict] = []

    async def receive():
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/documents",
        "raw_path": b"/documents",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"testserver"),
            (b"authorization", token.encode()),
            (b"content-type", f"multipart/form-data; boundary={boundary}".encode()),
        ],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
        "state": {},
    }
    # The lifespan state of the running app is needed by the dependencies: reuse the client's loop.
    api.client.portal.call(app, scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 400
    assert _counts(api.client) == (0, 0) and _blobs(settings) == [] and _leftovers(settings) == []


def test_list_is_paged_filtered_and_per_office(api) -> None:
    ids = [api.upload("officer_a", f"{k}.txt", TXT + str(k).encode()).json()["id"] for k in range(5)]
    api.upload("officer_b", "b.txt", TXT)
    final = {api.wait("officer_a", i)["status"] for i in ids}  # statuses stop moving
    assert final <= {"done", "failed"}
    r = api.get("officer_a", "/documents", params={"limit": 2, "offset": 0})
    page = r.json()
    assert page["total"] == 5 and len(page["items"]) == 2
    rest = api.get("officer_a", "/documents", params={"limit": 10, "offset": 2}).json()["items"]
    assert {d["id"] for d in page["items"]} | {d["id"] for d in rest} == set(ids)
    for status in ("queued", "running", "done", "failed"):
        got = api.get("officer_a", "/documents", params={"status": status}).json()
        assert all(d["status"] == status for d in got["items"])
    assert (
        sum(
            api.get("officer_a", "/documents", params={"status": s}).json()["total"]
            for s in ("queued", "running", "done", "failed")
        )
        == 5
    )
    assert api.get("officer_a", "/documents", params={"status": "bogus"}).status_code == 422
    assert api.get("officer_b", "/documents").json()["total"] == 1


def test_another_offices_document_is_404_everywhere(api) -> None:
    doc = api.upload("officer_a", "a.txt", TXT).json()
    for url in (
        f"/documents/{doc['id']}",
        f"/documents/{doc['id']}/pages/1",
        f"/documents/{doc['id']}/corrections",
        f"/documents/{doc['id']}/drafts/decision.docx",
        f"/documents/{doc['id']}/drafts",
        f"/jobs/{doc['job']['id']}",
    ):
        assert api.get("officer_b", url).status_code == 404, url
        missing = url.replace(doc["id"], "f" * 32).replace(doc["job"]["id"], "e" * 32)
        assert api.get("officer_a", missing).status_code == 404, missing
    r = api.patch("reviewer_a", doc["id"], [{"op": "replace", "path": "/case/number", "value": "1"}], 0)
    assert r.status_code != 404  # the own office sees it (409: not processed yet, or 200)


def test_same_file_uploaded_at_once_is_stored_once(api) -> None:
    import threading

    barrier = threading.Barrier(3)
    answers = []

    def send(user: str) -> None:
        barrier.wait()
        answers.append(api.upload(user, "same.txt", TXT + b"at once"))

    threads = [threading.Thread(target=send, args=(u,)) for u in ("officer_a", "reviewer_a", "reviewer_a2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in answers) == [200, 200, 201]
    assert len({r.json()["id"] for r in answers}) == 1
    assert _counts(api.client) == (1, 1)
