"""Build surnames.json from sources/surnames.tsv: Vietnamese family names from two public lists
independent of the evaluation corpora (the file's header names them).

    .venv/bin/python docproc/text/data/build_surnames.py

GIVEN_NAME_LIKE are left out: they are far more often given names, and a first word one tone mark
from them ("Thành", "Vinh", "Quyên", "Thào") is a name in its own right that fix_surname must not
rewrite.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent
GIVEN_NAME_LIKE = {"Hùng", "Quang", "Quốc", "Quyền", "Thanh", "Thảo", "Thủy", "Vĩnh"}


def main() -> None:
    names = []
    for line in (HERE / "sources" / "surnames.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name = unicodedata.normalize("NFC", line.split("\t")[0])
            if name not in GIVEN_NAME_LIKE and name not in names:
                names.append(name)
    data = {
        "about": "Vietnamese family names from sources/surnames.tsv (two public lists), built by "
        "build_surnames.py: a word OCR read one tone mark away from one of these, at the head of a "
        "person's name, is that surname.",
        "surnames": names,
    }
    (HERE / "surnames.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(names)} surnames")


if __name__ == "__main__":
    main()
