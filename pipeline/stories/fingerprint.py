"""What story assignment knows of one record: a MinHash of its body's character shingles (for
syndicated copies), the TF-IDF weights of its words (jieba, with jieba's own IDF table, so a weight
never changes as the store grows), its named people, places, organisations and programmes, and its
key figures. Made from the record alone and kept in the store as JSON."""

from __future__ import annotations

import base64
import functools
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
from rensa import RMinHash

# Characters per shingle: five Han characters are a short phrase, rarely shared by chance.
SHINGLE_CHARS = 5
# Permutations of the MinHash: the Jaccard estimate's standard error is about 1/sqrt(64) = 0.06,
# far below the gap between copies (above 0.7) and other write-ups (below 0.3) in tests/data/stories.
PERMUTATIONS = 64
# Words kept per article, the heaviest by TF-IDF: enough for cosine, small in the store.
TERMS_KEPT = 40
# Only the opening of the body is segmented: a news report says what happened first, and this keeps
# jieba's cost per article bounded.
BODY_CHARS_READ = 1500
# The people of the bylines, not of the story.
_BYLINE_ROLES = {"reporter", "editor"}
_TEXT_CHARS = re.compile(r"[\w]+")
# The figures of a text: decimals and percentages, and whole numbers of two digits or more that are
# not dates or times (every April report says 4月; every weather report 24日).
_NUMBER = re.compile(r"(?<![\d.])(\d+\.\d+%?|\d+%|\d{2,}(?![\d.]*[年月日时号期]))")
_WORD = re.compile(r"^(?:[\u3400-\u9fff]{2,}|[A-Za-z][A-Za-z0-9]{1,})$")


@dataclass(frozen=True)
class Fingerprint:
    minhash: np.ndarray  # PERMUTATIONS uint32 values (rensa's MinHash)
    terms: dict[str, float]  # word -> TF-IDF weight, L2-normalised
    names: frozenset[str]
    figures: frozenset[str]  # the numbers of the body as written: "3.3%", "1818", "0.9"

    def to_json(self) -> str:
        return json.dumps(
            {
                "minhash": base64.b64encode(self.minhash.astype("<u4").tobytes()).decode(),
                "terms": {word: round(weight, 4) for word, weight in self.terms.items()},
                "names": sorted(self.names),
                "figures": sorted(self.figures),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Fingerprint:
        data = json.loads(text)
        return cls(
            np.frombuffer(base64.b64decode(data["minhash"]), dtype="<u4").astype(np.uint32),
            data["terms"],
            frozenset(data["names"]),
            frozenset(data["figures"]),
        )


@functools.cache
def _idf() -> tuple[dict[str, float], float]:
    import jieba.analyse

    table = jieba.analyse.default_tfidf
    return table.idf_freq, table.median_idf


def body_minhash(text_zh: str) -> np.ndarray:
    """The MinHash of the body's shingles, punctuation and spacing left out (portals re-punctuate)."""
    compact = "".join(_TEXT_CHARS.findall(text_zh))
    shingles = {compact[start : start + SHINGLE_CHARS] for start in range(max(1, len(compact) - SHINGLE_CHARS + 1))}
    minhash = RMinHash(num_perm=PERMUTATIONS, seed=1)
    minhash.update([shingle for shingle in shingles if shingle])
    return np.asarray(minhash.digest(), dtype=np.uint32)


def terms(text: str) -> dict[str, float]:
    """The heaviest TF-IDF words of ``text``, L2-normalised."""
    import jieba

    idf, median = _idf()
    counts = Counter(word for word in jieba.lcut(text, HMM=False) if _WORD.match(word))
    weights = {word: count * idf.get(word, median) for word, count in counts.items()}
    kept = dict(sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:TERMS_KEPT])
    norm = math.sqrt(sum(weight * weight for weight in kept.values())) or 1.0
    return {word: weight / norm for word, weight in kept.items()}


def fingerprint(record: dict[str, Any], minhash: np.ndarray | None = None, copied_terms: dict[str, float] | None = None) -> Fingerprint:
    """The fingerprint of ``record``; ``minhash`` when already made, and the terms of the article it
    is a syndicated copy of, when known (its words are those of its original: no segmenting again)."""
    text = record.get("text_zh", "")
    title = record.get("metadata", {}).get("title_zh") or ""
    names = {
        entity["zh"] for entity in record.get("entities", []) if entity.get("role", "") not in _BYLINE_ROLES and entity.get("mentions", 1)
    }
    names |= {programme["name_zh"] for programme in record.get("programmes", [])}
    figures = set(_NUMBER.findall(unicodedata.normalize("NFKC", text).replace(",", "")))
    return Fingerprint(
        body_minhash(text) if minhash is None else minhash,
        terms(f"{title}\n{text[:BODY_CHARS_READ]}") if copied_terms is None else copied_terms,
        frozenset(names),
        frozenset(figures),
    )
