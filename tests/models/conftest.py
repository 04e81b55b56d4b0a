"""A small synthetic corpus (fictitious names and amounts) in the shared corpus layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PEOPLE = ["Trần Văn An", "Lê Thị Bình", "Phạm Quốc Cường", "Hoàng Thị Dung", "Vũ Minh Đức", "Đỗ Thị Hạnh"]
FIRMS = ["Công ty TNHH Minh Phát", "Công ty cổ phần Sao Mai", "Công ty TNHH Hải Đăng"]


def make_doc(k: int) -> tuple[str, dict]:
    """One short judgment and its gold extraction."""
    plaintiff, rep = PEOPLE[k % 6], PEOPLE[(k + 2) % 6]
    firm = FIRMS[k % 3]
    amount, fee = 100_000_000 + 7_000_000 * k, 5_000_000 + 100_000 * k
    cert = f"BK {300100 + k}"
    text = (
        "TÒA ÁN NHÂN DÂN HUYỆN ĐÔNG ANH\n"
        f"Bản án số: {k + 1}/2023/DS-ST\n"
        "Ngày 12 tháng 5 năm 2023\n"
        "Giữa các đương sự:\n"
        f"1. Nguyên đơn: Ông {plaintiff}, sinh năm 1970; địa chỉ: thôn Đông, xã Tây.\n"
        f"2. Bị đơn: {firm}; địa chỉ: số 5 phố Huế.\n"
        f"Người đại diện theo pháp luật: Ông {rep}, chức vụ: Giám đốc.\n"
        "NỘI DUNG VỤ ÁN:\n"
        f"Ông {plaintiff} cho {firm} vay tiền, nay khởi kiện đòi {amount:,} đồng.\n".replace(",", ".")
        + f"QUYẾT ĐỊNH:\nBuộc {firm} phải trả cho ông {plaintiff} số tiền {amount:,} đồng.\n".replace(
            ",", "."
        )
        + f"Tiếp tục duy trì biện pháp bảo đảm đối với thửa đất số {40 + k}, giấy chứng nhận số {cert}.\n"
        f"{firm} phải chịu {fee:,} đồng án phí dân sự sơ thẩm.\n".replace(",", ".")
    )
    gold = {
        "parties": [
            {"id": "P1", "role": "plaintiff", "kind": "person", "name": plaintiff, "representatives": []},
            {
                "id": "P2",
                "role": "defendant",
                "kind": "organization",
                "name": firm,
                "representatives": [{"name": rep, "capacity": "legal"}],
            },
        ],
        "obligations": [
            {"id": "O1", "kind": "pay_money", "obligors": ["P2"], "obligees": ["P1"], "amount_vnd": amount},
            {"id": "O2", "kind": "court_fee", "obligors": ["P2"], "obligees": ["STATE"], "amount_vnd": fee},
        ],
        "assets": [{"id": "A1", "kind": "land_use_right", "certificate": cert, "plot_number": str(40 + k)}],
    }
    return text, gold


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "txt").mkdir(parents=True)
    (root / "gold").mkdir()
    for k in range(6):
        text, gold = make_doc(k)
        (root / "txt" / f"d{k}.txt").write_text(text, encoding="utf-8")
        (root / "gold" / f"d{k}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return root
