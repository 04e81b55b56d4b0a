"""Build provinces.json: the province-level units before (63) and after (34) the 2025 merger.

    pip install vietnamadminunits && .venv/bin/python docproc/text/data/build_provinces.py

The names come from the `vietnamadminunits` package's database (tables admin_units_legacy and
admin_units); it is a build-time source only, so docproc does not carry its 12 MB and its geo
dependencies. "Thừa Thiên Huế", the province's name until 2025-01-01, is added: judgments before then
print it, and the package names only "Huế". VARIANTS are spellings in use that are not errors.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent
EXTRA_LEGACY = ["Thừa Thiên Huế"]
# Spellings in use besides the official one: printed as such, they are not OCR damage.
VARIANTS = {
    "Đắk Lắk": ["Đăk Lăk", "Đắc Lắc", "Đắk Lăk"],
    "Đắk Nông": ["Đăk Nông", "Đắc Nông"],
    "Kon Tum": ["Kon Tun"],
}


def main() -> None:
    from vietnamadminunits.database.main import query

    def names(table: str) -> list[str]:
        rows = query(f"SELECT DISTINCT provinceShort FROM {table} ORDER BY provinceCode")
        return [unicodedata.normalize("NFC", r["provinceShort"]) for r in rows]

    data = {
        "about": "Province-level units of Viet Nam; built by build_provinces.py from vietnamadminunits",
        "legacy": names("admin_units_legacy") + EXTRA_LEGACY,
        "current": names("admin_units"),
        "variants": VARIANTS,
    }
    (HERE / "provinces.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
