"""Corrections: JSON Patch with If-Match, 409 on a stale version, 422 leaving nothing changed, an audit
trail from which the current extraction is rebuilt."""

from __future__ import annotations

import threading

from api.corrections import replay


def _done(fake_api, name: str = "a.txt", data: bytes = b"some judgment text") -> dict:
    r = fake_api.upload("officer_a", name, data)
    assert r.status_code == 201, r.text
    body = fake_api.wait("officer_a", r.json()["id"])
    assert body["status"] == "done", body
    return body


def test_document_has_extraction_and_etag(fake_api) -> None:
    doc = _done(fake_api)
    r = fake_api.get("reviewer_a", f"/documents/{doc['id']}")
    assert r.headers["etag"] == '"0"'
    body = r.json()
    assert body["version"] == 0 and body["extraction"]["parties"][1]["birth_year"] == 1970
    assert (
        [w["text"] for w in body["warnings"]] == ["synthetic"]  # a warning stored as a plain string
        and body["job"]["status"] == "done"
        and body["job"]["progress"] == 1.0
    )


def test_correction_applies_bumps_version_and_is_audited(fake_api) -> None:
    doc = _done(fake_api)
    ops = [
        {"op": "replace", "path": "/obligations/0/amount_vnd", "value": 160_000_000},
        {"op": "add", "path": "/parties/1/id_number", "value": "001070000000"},
    ]
    r = fake_api.patch("reviewer_a", doc["id"], ops, 0)
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"1"'
    ext = r.json()["extraction"]
    assert (
        ext["obligations"][0]["amount_vnd"] == 160_000_000
        and ext["parties"][1]["id_number"] == "001070000000"
    )
    trail = fake_api.get("reviewer_a", f"/documents/{doc['id']}/corrections").json()
    assert [(c["op"], c["pointer"], c["old"], c["new"], c["base_version"]) for c in trail] == [
        ("replace", "/obligations/0/amount_vnd", 150_000_000, 160_000_000, 0),
        ("add", "/parties/1/id_number", None, "001070000000", 0),
    ]
    assert all(c["reviewer"] == "reviewer_a" and c["at"].endswith("+00:00") for c in trail)


def test_if_match_is_required_and_stale_version_is_409_with_current(fake_api) -> None:
    doc = _done(fake_api)
    op = [{"op": "replace", "path": "/case/number", "value": "02/2024/DS-ST"}]
    assert fake_api.patch("reviewer_a", doc["id"], op, None).status_code == 428
    assert fake_api.patch("reviewer_a", doc["id"], op, "not-a-version").status_code == 412
    assert fake_api.patch("reviewer_a", doc["id"], op, 0).status_code == 200
    r = fake_api.patch("reviewer_a", doc["id"], [{"op": "replace", "path": "/case/number", "value": "x"}], 0)
    assert r.status_code == 409
    body = r.json()
    assert body["version"] == 1 and body["extraction"]["case"]["number"] == "02/2024/DS-ST"
    assert r.headers["etag"] == '"1"'


def _unchanged(fake_api, doc_id: str, before: dict) -> None:
    now = fake_api.get("reviewer_a", f"/documents/{doc_id}").json()
    assert now["version"] == before["version"] and now["extraction"] == before["extraction"]
    assert fake_api.get("reviewer_a", f"/documents/{doc_id}/corrections").json() == []


def test_nonexistent_pointer_is_422_and_nothing_changes(fake_api) -> None:
    doc = _done(fake_api)
    before = fake_api.get("reviewer_a", f"/documents/{doc['id']}").json()
    bad = [
        [{"op": "replace", "path": "/parties/7/name", "value": "X"}],
        [{"op": "remove", "path": "/case/no_such_field"}],
        [{"op": "add", "path": "/assets/3/kind", "value": "house"}],
        [{"op": "replace", "path": "not a pointer", "value": 1}],
        # a good operation followed by a bad one: the whole patch is refused
        [{"op": "replace", "path": "/case/number", "value": "9"}, {"op": "remove", "path": "/obligations/5"}],
        [{"op": "test", "path": "/case/number", "value": "something else"}],
    ]
    for ops in bad:
        r = fake_api.patch("reviewer_a", doc["id"], ops, 0)
        assert r.status_code == 422, (ops, r.text)
    _unchanged(fake_api, doc["id"], before)


def test_wrong_type_is_422_and_nothing_changes(fake_api) -> None:
    doc = _done(fake_api)
    before = fake_api.get("reviewer_a", f"/documents/{doc['id']}").json()
    bad = [
        [{"op": "replace", "path": "/obligations/0/amount_vnd", "value": "một trăm triệu"}],
        [{"op": "replace", "path": "/obligations/0/amount_vnd", "value": -5}],
        [{"op": "replace", "path": "/parties/0/role", "value": "judge"}],
        [{"op": "replace", "path": "/parties/0/id", "value": "X1"}],
        [{"op": "replace", "path": "/parties", "value": {"not": "a list"}}],
        [{"op": "remove", "path": "/document"}],
    ]
    for ops in bad:
        r = fake_api.patch("reviewer_a", doc["id"], ops, 0)
        assert r.status_code == 422, (ops, r.text)
        assert r.json()["detail"]["errors"], r.text
    _unchanged(fake_api, doc["id"], before)


def test_two_reviewers_saving_the_same_version_one_wins_none_lost(fake_api) -> None:
    doc = _done(fake_api)
    path = "/obligations/0/amount_vnd"
    results: dict[str, object] = {}
    barrier = threading.Barrier(2)

    def save(user: str, value: int) -> None:
        barrier.wait()
        results[user] = fake_api.patch(user, doc["id"], [{"op": "replace", "path": path, "value": value}], 0)

    threads = [
        threading.Thread(target=save, args=("reviewer_a", 111)),
        threading.Thread(target=save, args=("reviewer_a2", 222)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.status_code for r in results.values())  # type: ignore[attr-defined]
    assert codes == [200, 409], codes
    loser = next(u for u, r in results.items() if r.status_code == 409)  # type: ignore[attr-defined]
    conflict = results[loser].json()  # type: ignore[attr-defined]
    # The loser is told the current state, and saves again on top of it: nothing is lost.
    value = 222 if loser == "reviewer_a2" else 111
    r = fake_api.patch(
        loser, doc["id"], [{"op": "replace", "path": path, "value": value}], conflict["version"]
    )
    assert r.status_code == 200 and r.json()["version"] == 2
    trail = fake_api.get("reviewer_a", f"/documents/{doc['id']}/corrections").json()
    assert [c["base_version"] for c in trail] == [0, 1]
    assert {c["reviewer"] for c in trail} == {"reviewer_a", "reviewer_a2"}
    assert trail[1]["old"] == trail[0]["new"]


def test_current_extraction_is_original_plus_trail(fake_api) -> None:
    doc = _done(fake_api)
    original = fake_api.get("reviewer_a", f"/documents/{doc['id']}").json()["extraction"]
    patches = [
        [{"op": "replace", "path": "/case/number", "value": "05/2024/DS-ST"}],
        [
            {
                "op": "add",
                "path": "/parties/-",
                "value": {"id": "P3", "role": "related_party", "kind": "organization", "name": "Công ty Thử"},
            }
        ],
        [
            {"op": "copy", "from": "/parties/0/name", "path": "/parties/2/name"},
            {"op": "test", "path": "/parties/2/name", "value": "Trần Thị Thử"},
        ],
        [{"op": "move", "from": "/parties/1/birth_year", "path": "/parties/0/birth_year"}],
        [
            {"op": "remove", "path": "/obligations/0/obligees/0"},
            {"op": "add", "path": "/obligations/0/obligees/0", "value": "P3"},
        ],
    ]
    for v, ops in enumerate(patches):
        r = fake_api.patch("reviewer_a" if v % 2 else "reviewer_a2", doc["id"], ops, v)
        assert r.status_code == 200, r.text
    current = fake_api.get("reviewer_a", f"/documents/{doc['id']}").json()
    trail = fake_api.get("reviewer_a", f"/documents/{doc['id']}/corrections").json()
    assert len(trail) == 7 and current["version"] == 5
    assert replay(original, trail) == current["extraction"]
    assert current["extraction"] != original
    # also from the database's own copy of the original
    from api.models import Document

    with fake_api.client.app.state.sessions() as s:
        row = s.get(Document, doc["id"])
        assert replay(row.original_extraction, trail) == row.extraction


def test_correction_before_processing_is_409(fake_api) -> None:
    r = fake_api.upload("officer_a", "slow.txt", b"SLOW 1.5")
    r = fake_api.patch(
        "reviewer_a", r.json()["id"], [{"op": "replace", "path": "/case/number", "value": "1"}], 0
    )
    assert r.status_code == 409
