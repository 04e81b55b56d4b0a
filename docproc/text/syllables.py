"""Is a word a well-formed Vietnamese syllable? (onset + rhyme + at most one tone mark)

Used to decide whether a word needs fixing at all: OCR correction and legacy-encoding detection only
touch words that are not themselves valid syllables, so clean text is never made worse.
"""

from __future__ import annotations

import re
from functools import lru_cache

from docproc.text.fold import strip_tone, tone_marks

__all__ = ["is_syllable", "tone_of", "strip_tone"]

# Combining tone marks (after NFD): grave, acute, hook above, tilde, dot below.
_TONES = {"\u0300": 2, "\u0301": 3, "\u0309": 4, "\u0303": 5, "\u0323": 6}

_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay
ă ăc ăm ăn ăng ăp ăt
â âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot oong ooc
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uy uân uât uâng uây uê uêch uênh uơ uya uych uyn uynh uyp uyt uyu
uyên uyêt uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
ăk
""".split()

# After "qu" the rhyme's own "u" is spelt by the onset: "quỳnh", "quýt", "quang" = qu + ynh, yt, ang.
_QU_RHYMES = [r for r in _RHYMES if not r.startswith(("u", "o"))] + ["ynh", "yt", "ych", "yn"]
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"


def _alt(rhymes: list[str]) -> str:
    return "|".join(sorted(map(re.escape, rhymes), key=len, reverse=True))


_SYLLABLE_RE = re.compile(rf"qu(?:{_alt(_QU_RHYMES)})|{_ONSET}(?:{_alt(_RHYMES)})")
_STOP_CODA = ("c", "ch", "p", "t")
_VOWELS = frozenset("aăâeêioôơuưy")
_TONE_FREE_LAST = frozenset("iouy")  # the last letter carries no tone: nothing to check


def tone_of(word: str) -> int:
    """1 (level) to 6 (dot below); 0 if the word carries more than one tone mark."""
    marks = tone_marks(word)
    if len(marks) > 1:
        return 0
    return _TONES[marks[0]] if marks else 1


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable in any case ("Điều", "THẨM", "quyết").

    Checks shape, not meaning: "Điêu" is well formed too, so a lexicon decides such cases."""
    if not word or not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False  # "tÝn", "HÑTD": mixed case is not a written syllable
    w = word.lower()
    tone = tone_of(w)
    if tone == 0:
        return False
    base = strip_tone(w)
    if not _SYLLABLE_RE.fullmatch(base):
        return False
    # The tone never sits on the closing glide of "ai", "ao", "iêu", "ươi"...: "quaù" is VNI, not Vietnamese.
    # The "i" of the onset "gi" is no vowel: "gió", "giỏ", "giũ" carry the tone on their nucleus.
    onset_i = 2 if base.startswith("gi") and len(base) > 2 and base[2] in _VOWELS else 0
    if tone > 1 and len(w) - 2 >= onset_i and w[-1] not in _TONE_FREE_LAST and strip_tone(w[-1]) in "iouy":
        prev = strip_tone(w[-2])
        if prev in _VOWELS and not base.endswith(("uy", "oo")):
            return False
    # Syllables ending in a stop consonant take only the acute or the dot-below tone.
    if base.endswith(_STOP_CODA) and tone not in (3, 6):
        return False
    # Spelling rules: k/gh/ngh before e ê i (y) only; c/g/ng not before them (gi aside).
    for onset in ("ngh", "gh", "k"):
        if base.startswith(onset) and not base.startswith("kh"):
            return base[len(onset) : len(onset) + 1] in ("e", "ê", "i", "y")
    if base.startswith(("c", "ng", "g")) and not base.startswith(("ch", "gi", "nh")):
        rest = base[2:] if base.startswith("ng") else base[1:]
        if rest[:1] in ("e", "ê", "i") or (base.startswith("c") and rest[:1] == "y"):
            return False
    return True
