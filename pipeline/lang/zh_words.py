"""How common a Chinese word is, from jieba's dictionary: a common word quoted for stress (“托底”,
“缺口”) names nothing, while a coinage (“产改”, 深港通) is not in a general dictionary."""

from __future__ import annotations

import logging
from functools import cache

# A word at least this frequent in jieba's dictionary is common vocabulary.
COMMON_WORD_FREQUENCY = 20


@cache
def _frequencies() -> dict[str, int]:
    """jieba's word counts: its own table when jieba is already loaded (the summariser loads it),
    else read straight from its dictionary file, in half the time jieba takes to initialise."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    if jieba.dt.initialized:
        return jieba.dt.FREQ
    frequencies = {}
    with jieba.dt.get_dict_file() as dictionary:
        for line in dictionary:
            word, count = line.decode("utf-8").split(" ", 2)[:2]
            frequencies[word] = int(count)
    return frequencies


def word_frequency(word: str) -> int:
    """The count of ``word`` in jieba's dictionary; 0 when it is not a dictionary word."""
    return _frequencies().get(word, 0)


def is_dictionary_word(word: str) -> bool:
    return word_frequency(word) > 0


def is_common_word(word: str) -> bool:
    return word_frequency(word) >= COMMON_WORD_FREQUENCY
