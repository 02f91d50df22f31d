"""The small public surface of ``import dateline``."""

from __future__ import annotations

import subprocess
import sys

import dateline


def test_import_is_cheap() -> None:
    # spaCy and pandas load only when something is coded or stored.
    probe = "import sys, dateline; print('spacy' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_code_and_classify() -> None:
    doc = dateline.code(
        "Japan and Vietnam sign defence pact\n\nHANOI (Dateline Wire) — Japanese Prime Minister "
        "Shigeru Ishiba met Vietnamese President Luong Cuong in Hanoi on Friday, and the two "
        "leaders signed an agreement to expand defence cooperation.",
        published="2025-04-26",
    )
    assert doc.article.dateline is not None and doc.article.dateline.place == "Hanoi"
    consult = [e for e in doc.events if e.cameo.root == "04"]
    assert consult and consult[0].date == "2025-04-25"
    assert {consult[0].source.country, consult[0].target.country} == {"JPN", "VNM"}
    text = "Iran threatened to close the Strait of Hormuz to American ships."
    result = dateline.classify(text, (0, 4), (text.index("American"), text.index(" ships")))
    assert result.cameo is not None and result.cameo.root == "13"
    assert [a.code for a in result.source] == ["IRN"]
    assert [a.country for a in result.target] == ["USA"]
    dated = dateline.classify("Obama met Modi.", (0, 5), (10, 14), published="2019-05-01")
    assert dated.source[0].code == "USAELI" and dated.target[0].name == "Narendra Modi"
    assert dateline.Store.__name__ == "Store"


def test_relative_dates_need_a_publication_date() -> None:
    from dateline.events.time import resolve_date

    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("March 4", None) is None
    resolved = resolve_date("in June 2018", None)
    assert resolved is not None and resolved.date == "2018-06-01"
