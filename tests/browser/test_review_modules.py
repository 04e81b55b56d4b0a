"""Unit tests of the review page's ES modules (api/static/review/), run in the real Chromium: a page
served under the service's own CSP imports the modules, runs the cases, and Python checks the results.

The JSON Patch applier is held to the shared json-patch-tests vectors (tests/browser/vectors, with
their licence) and must agree with the server's applier (python-jsonpatch through api.corrections);
the client checks must name the fields the server refuses (api.correction_rules)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonpatch
import pytest

from api.correction_rules import new_problems
from api.middleware import CSP
from api.review_text import LABELS

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "api" / "static"
VECTORS = Path(__file__).resolve().parent / "vectors"
ORIGIN = "http://docproc.test"
# The page the modules are imported into: what review.html gives them (boot data, status line, fields).
PAGE = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body data-page="unit">
<script type="application/json" id="boot">{json.dumps({"id": "unit", "labels": LABELS, "low": 0.8})}</script>
<div id="status"></div><div id="fields"></div></body></html>"""


def _serve(route: Any) -> None:
    path = route.request.url[len(ORIGIN) :].split("?")[0]
    headers = {"Content-Security-Policy": CSP, "Cache-Control": "no-store"}
    if path.startswith("/review/static/"):
        target = (STATIC / path[len("/review/static/") :]).resolve()
        if STATIC in target.parents and target.is_file():
            headers["Content-Type"] = "text/javascript"
            return route.fulfill(status=200, body=target.read_bytes(), headers=headers)
        return route.fulfill(status=404, body="", headers=headers)
    route.fulfill(status=200, body=PAGE, headers={**headers, "Content-Type": "text/html; charset=utf-8"})


@pytest.fixture(scope="module")
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    context.route(f"{ORIGIN}/**", _serve)
    page.goto(f"{ORIGIN}/unit")
    yield page
    context.close()
    assert not errors, errors  # a CSP violation or a module that fails to load shows here


def _run(page: Any, module: str, body: str, arg: Any = None) -> Any:
    """`body` is the inside of `async (m, arg) => { ... }`, m the imported module."""
    return page.evaluate(
        f"async (arg) => {{ const m = await import('/review/static/review/{module}'); "
        f"return await (async (m, arg) => {{ {body} }})(m, arg); }}",
        arg,
    )


_APPLY = """
  return arg.map((t) => {
    try { return { ok: true, doc: m.applyOps(t.doc, t.patch) }; }
    catch (e) { return { ok: false, patchError: e instanceof m.PatchError, msg: String(e.message) }; }
  });"""


@pytest.mark.parametrize("name", ["tests.json", "spec_tests.json", "spec_tests_a14_a16.json"])
def test_json_patch_applier_passes_the_shared_vectors(page: Any, name: str) -> None:
    records = [t for t in json.loads((VECTORS / name).read_text(encoding="utf-8")) if "doc" in t]
    # Skipped: the records upstream marks disabled (a scalar document, a test of the whole document,
    # an operation with two "op" members, which no JSON parser can show an applier)
    run = [t for t in records if not t.get("disabled")]
    results = _run(page, "patch.js", _APPLY, run)
    failed = []
    for t, r in zip(run, results, strict=True):
        if "error" in t:
            good = not r["ok"] and r["patchError"]  # refused as a patch error, not by a crash
        elif "expected" in t:
            good = r["ok"] and r["doc"] == t["expected"]
        else:
            good = r["ok"]
        if not good:
            failed.append((t.get("comment") or t.get("error"), r))
    assert not failed, failed
    assert len(run) == {"tests.json": 84, "spec_tests.json": 13, "spec_tests_a14_a16.json": 3}[name]
    assert (
        len(records) - len(run) == {"tests.json": 3, "spec_tests.json": 0, "spec_tests_a14_a16.json": 0}[name]
    )


def test_json_patch_applier_agrees_with_the_server(page: Any) -> None:
    """Cases the page meets that the vectors do not hold: the server's applier is the one that decides."""
    doc = {"a": {"b": [1, 2]}, "ev": {"/x/0": {"t": 1}}, "k": {"m": 1, "n": 2}}
    patches = [
        [{"op": "move", "from": "/a", "path": "/a/b/-"}],  # into its own child
        [{"op": "remove", "path": "/a/b/-"}],  # "-" names no element
        [{"op": "replace", "path": "/a/b/2", "value": 3}],
        [{"op": "add", "path": "/a/constructor/x", "value": 1}],  # no inherited members
        [{"op": "test", "path": "/a/toString", "value": None}],
        [{"op": "move", "from": "/ev/~1x~10", "path": "/ev/~1x~11"}],
        [{"op": "replace", "path": "/k/m", "value": 5}],  # members keep their order
        [{"op": "test", "path": "/a/b/0", "value": True}],  # true is not 1
        [{"op": "copy", "from": "/a/b", "path": "/a/c"}, {"op": "add", "path": "/a/c/0", "value": 0}],
        [{"op": "add", "path": "/a/b/01", "value": 0}],
    ]
    got = _run(page, "patch.js", _APPLY, [{"doc": doc, "patch": p} for p in patches])
    for ops, r in zip(patches, got, strict=True):
        try:
            want: Any = jsonpatch.JsonPatch(ops).apply(copy.deepcopy(doc))
        except (jsonpatch.JsonPatchException, jsonpatch.JsonPointerException, TypeError, ValueError):
            want = None
        if ops[0]["op"] == "test" and ops[0]["value"] is True:
            want = None  # python-jsonpatch compares with ==, where True == 1; RFC 6902 says they differ
        assert (r["doc"] if r["ok"] else None) == want, (ops, r, want)
        if r["ok"]:
            assert list(r["doc"]["k"]) == ["m", "n"]


def test_compose_keeps_the_last_value_of_a_field_unless_the_structure_moved(page: Any) -> None:
    r = _run(
        page,
        "patch.js",
        "return [m.compose(arg.a, arg.b), m.compose(arg.c, arg.b)];",
        {
            "a": [{"op": "replace", "path": "/x", "value": 1}, {"op": "replace", "path": "/y", "value": 1}],
            "b": [{"op": "replace", "path": "/x", "value": 2}],
            "c": [{"op": "replace", "path": "/x", "value": 1}, {"op": "remove", "path": "/list/0"}],
        },
    )
    assert r[0] == [{"op": "replace", "path": "/y", "value": 1}, {"op": "replace", "path": "/x", "value": 2}]
    assert len(r[1]) == 3  # a removal in between: /x may no longer name the same value


def _doc() -> dict[str, Any]:
    return {
        "document": {"source": "t", "pages": 1, "kind": "judgment"},
        "parties": [
            {"id": "P1", "role": "plaintiff", "kind": "person", "name": "A"},
            {"id": "P2", "role": "defendant", "kind": "person", "name": "B"},
            {"id": "P3", "role": "related_party", "kind": "person", "name": "C"},
        ],
        "obligations": [
            {
                "id": "O1",
                "kind": "pay_money",
                "obligors": ["P2", "P3"],
                "obligees": ["P1"],
                "shares": {"P2": 1, "P3": 2},
            },
            {
                "id": "O2",
                "kind": "deliver_asset",
                "obligors": ["P3"],
                "obligees": ["P1"],
                "secured_by": ["A1"],
            },
        ],
        "assets": [{"id": "A1", "kind": "house", "owners": ["P3"]}],
        "evidence": {
            "/parties/1/name": {"text": "b"},
            "/parties/2/name": {"text": "c"},
            "/parties/2": {"text": "c c"},
        },
    }


def test_removing_a_party_takes_its_references_and_moves_the_evidence(page: Any) -> None:
    doc = _doc()
    r = _run(
        page,
        "state.js",
        "const { applyOps } = await import('/review/static/review/patch.js');"
        "const x = m.removalOps(arg, '/parties', 1); return { ...x, doc: applyOps(arg, x.ops) };",
        doc,
    )
    after = r["doc"]
    assert r["id"] == "P2" and r["links"] == 2
    assert [p["id"] for p in after["parties"]] == ["P1", "P3"]
    assert after["obligations"][0]["obligors"] == ["P3"] and after["obligations"][0]["shares"] == {"P3": 2}
    assert after["evidence"] == {"/parties/1/name": {"text": "c"}, "/parties/1": {"text": "c c"}}
    # the server takes the same patch: nothing dangles
    assert new_problems(doc, after) == []
    assert jsonpatch.JsonPatch(r["ops"]).apply(copy.deepcopy(doc)) == after


def test_client_checks_name_the_fields_the_server_refuses(page: Any) -> None:
    base = _doc()
    base["obligations"][1]["obligees"] = ["P7"]  # the reading left one reference to nothing
    edits = []
    e = copy.deepcopy(base)
    e["obligations"][0]["obligors"].append("P9")
    e["assets"][0]["owners"] = ["P8"]
    e["obligations"][1]["secured_by"] = ["A5"]
    e["obligations"][0]["shares"]["P6"] = 5
    edits.append(e)
    e = copy.deepcopy(base)
    e["parties"][0]["name"] = "  "
    e["parties"][1]["representatives"] = [{"name": ""}]
    edits.append(e)
    edits.append(copy.deepcopy(base))  # nothing new: nothing refused, the old problem included
    got = _run(
        page,
        "checks.js",
        "return arg.edits.map((d) => m.validate(d, arg.base));",
        {"edits": edits, "base": base},
    )
    for doc, client in zip(edits, got, strict=True):
        server = {p.path: p.msg for p in new_problems(base, doc)}
        assert set(client) == set(server), (client, server)
        for path, msg in server.items():
            if "không phải là" in msg:  # references: the same words as the server's
                assert client[path] == msg
    assert got[2] == {}


def test_values_typed_are_read_as_the_server_stores_them(page: Any) -> None:
    r = _run(
        page,
        "format.js",
        "return { vnd: arg.vnd.map(m.parseVnd), date: arg.date.map(m.parseDate), year: arg.year.map(m.parseYear),"
        " area: arg.area.map(m.parseArea), fmt: m.formatVnd(1250000000) };",
        {
            "vnd": ["1.250.000.000", "1250000000 đồng", "12 triệu", "-5", "1,5", ""],
            "date": ["2024-03-01", "2024-02-30", "01/03/2024", "2024-02-29"],
            "year": ["1972", "72", "2200"],
            "area": ["86,5", "86.5 m²", "abc"],
        },
    )
    assert [x.get("value") for x in r["vnd"]] == [1_250_000_000, 1_250_000_000, None, None, None, None]
    assert [("error" in x) for x in r["vnd"]] == [False, False, True, True, True, False]
    assert [x.get("value") for x in r["date"]] == ["2024-03-01", None, None, "2024-02-29"]
    assert [x.get("value") for x in r["year"]] == [1972, None, None]
    assert [x.get("value") for x in r["area"]] == [86.5, 86.5, None]
    assert r["fmt"] == "1.250.000.000"


def test_pointer_labels_name_items_by_id(page: Any) -> None:
    got = _run(
        page,
        "labels.js",
        "return arg.ptrs.map((p) => m.pointerLabel(p, arg.doc));",
        {"doc": _doc(), "ptrs": ["/parties/1/name", "/obligations/0/obligors/1", "/case/date", "/assets/0"]},
    )
    assert got == [
        "Đương sự P2 › Họ tên / tên tổ chức",
        "Nghĩa vụ O1 › Người phải thi hành 2",
        "Vụ án › Ngày ban hành",
        "Tài sản A1",
    ]
