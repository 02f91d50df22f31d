"""Whether a one-line text is a single sentence: a record of a sentence-level corpus.

spaCy's rule-based sentencizer on its English tokenizer is used (no model, no parse): its
tokenizer exceptions keep "U.S.", "Mr." and "Nov." from ending a sentence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


# Longer than this is more than one sentence (the longest news sentences run to a few hundred
# characters); such lines are not tokenized at all.
MAX_SENTENCE_CHARS = 3000


def is_one_sentence(line: str) -> bool:
    """True when ``line`` holds at most one sentence."""
    if len(line) > MAX_SENTENCE_CHARS:
        return False
    doc = _segmenter()(line)
    return sum(1 for sent in doc.sents if sent.text.strip()) <= 1
