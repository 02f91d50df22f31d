"""Whole-article key-event recall: the scoring rules on hand-built stories, and a guard on the
development stories."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from builders import Ev, make_doc
from dateline.eval._data import EvalDataError, KeyEvent, load_key_events
from dateline.eval.articles import EVIDENCE_NOT_FOUND, NO_EVENT, score

# Regression guards, measured 2026-12-08 at the end of the tenth session (dateline eval
# articles ../shared/data/voa): strict 0.764, loose 0.794, 7.06 events per story, dates right
# for 0.870 of the found (ninth session's end: strict 0.739, loose 0.779, dates 0.869;
# seventh's: 0.622, 0.675, 0.829; first measured at strict 0.312, loose 0.434, 5.38 events per
# story, dates 0.496). A little slack below each, for rule changes that trade one event for
# another; the date guard is the bar (0.85).
STRICT_RECALL = 0.73
LOOSE_RECALL = 0.77
DATE_ACCURACY = 0.85
# The ceiling: no more than 1.5 times the events per story measured when it was set.
MAX_EVENTS_PER_ARTICLE = 8.0


def key(
    source: str = "CHN",
    target: str | None = "KAZ",
    plover: str = "ACCUSE",
    root: str = "11",
    date: str = "2018-11-10",
    precision: str = "day",
    evidence: str = "criticised",
    symmetric: bool = False,
) -> KeyEvent:
    return KeyEvent(
        article_id="a1",
        source=source,
        target=target,
        plover=plover,
        cameo_root=root,
        date=date,
        date_precision=precision,
        evidence=evidence,
        symmetric=symmetric,
    )


def scored(keys: list[KeyEvent], events: list[Ev]) -> dict[str, Any]:
    return score(keys, {"a1": make_doc(events)})


def test_strict_needs_category_and_direction() -> None:
    result = scored([key()], [Ev("KAZ", "CHN", "111", "2018-11-10")])
    assert result["strict_recall"] == 0.0
    result = scored([key()], [Ev("CHN", "KAZ", "111", "2018-11-10")])
    assert result["strict_recall"] == 1.0
    result = scored([key()], [Ev("CHN", "KAZ", "190", "2018-11-10")])
    assert result["strict_recall"] == 0.0


def test_joint_acts_match_in_either_direction() -> None:
    meeting = key(plover="CONSULT", root="04", evidence="held talks")
    assert scored([meeting], [Ev("KAZ", "CHN", "040", "2018-11-10")])["strict_recall"] == 1.0
    # A key event the labeller marked symmetric, coded with a one-sided verb.
    signed = key(plover="SUPPORT", root="05", symmetric=True, evidence="signed")
    assert scored([signed], [Ev("KAZ", "CHN", "057", "2018-11-10")])["strict_recall"] == 1.0
    one_sided = key(plover="SUPPORT", root="05", evidence="signed")
    assert scored([one_sided], [Ev("KAZ", "CHN", "057", "2018-11-10")])["strict_recall"] == 0.0


def test_concessions_and_retreats_are_the_guides_yield() -> None:
    # The guide folds CONCEDE and RETREAT into YIELD: a release (0841, RETREAT) and an
    # eased sanction (085, CONCEDE) are found as YIELD key events.
    released = key(plover="YIELD", root="08", evidence="freed")
    for code, found in (("0841", 1.0), ("085", 1.0), ("173", 0.0)):
        event = Ev(
            "CHN", "KAZ", code, "2018-11-10", sentence="China freed Kazakhstan.", trigger="freed"
        )
        assert scored([released], [event])["strict_recall"] == found


def test_loose_needs_dyad_and_quad_class_only() -> None:
    # Accused (ACCUSE) where the story has criticised...: verbal conflict both.
    demand = key(plover="REQUEST", root="10")
    result = scored([demand], [Ev("CHN", "KAZ", "111", "2018-11-10")])
    assert (result["strict_recall"], result["loose_recall"]) == (0.0, 1.0)
    # Material conflict is another quad class.
    result = scored([demand], [Ev("CHN", "KAZ", "190", "2018-11-10")])
    assert result["loose_recall"] == 0.0


def test_a_key_event_without_target_needs_an_event_without_one() -> None:
    alone = key(target=None, plover="ASSAULT", root="19", evidence="attacked")
    assert scored([alone], [Ev("CHN", None, "190", "2018-11-10")])["strict_recall"] == 1.0
    assert scored([alone], [Ev("CHN", "KAZ", "190", "2018-11-10")])["strict_recall"] == 0.0


def test_dates_compare_at_the_key_events_precision() -> None:
    by_month = key(date="2018-11-01", precision="month")
    result = scored([by_month], [Ev("CHN", "KAZ", "111", "2018-11-20")])
    assert result["date_accuracy"] == 1.0
    by_day = key(date="2018-11-01", precision="day")
    result = scored([by_day], [Ev("CHN", "KAZ", "111", "2018-11-20")])
    assert result["date_accuracy"] == 0.0
    assert result["wrong_dates"][0]["coded_dates"] == ["2018-11-20/day"]
    by_year = key(date="2018-01-01", precision="year")
    result = scored([by_year], [Ev("CHN", "KAZ", "111", "2019-01-01")])
    assert result["date_accuracy"] == 0.0


def test_date_accuracy_counts_only_the_found() -> None:
    found, missed = key(), key(source="RUS", plover="ASSAULT", root="19")
    result = scored([found, missed], [Ev("CHN", "KAZ", "111", "2018-11-10")])
    assert result["strict_recall"] == 0.5
    assert result["date_accuracy"] == 1.0
    assert result["by_category"]["ASSAULT"]["strict_recall"] == 0.0
    assert result["by_category"]["ACCUSE"]["strict_recall"] == 1.0


def test_misses_show_their_evidence_and_what_was_coded_there() -> None:
    events = [
        Ev("CHN", "KAZ", "111", "2018-11-10"),
        Ev("RUS", "UKR", "190", None, sentence="Russia attacked Ukraine near the border."),
    ]
    wrong_act = key(plover="THREATEN", root="13", evidence="China   CRITICISED")
    wrong_act_too = key(source="RUS", target="UKR", evidence="attacked Ukraine")
    elsewhere = key(plover="AID", root="07", evidence="a sentence that the story does not contain")
    result = scored([wrong_act, wrong_act_too, elsewhere], events)
    coded = {m["evidence"]: m["coded"] for m in result["misses"]}
    assert len(coded["China   CRITICISED"]) == 1
    assert coded["China   CRITICISED"][0].startswith("CHNGOV -> KAZGOV 111 ACCUSE")
    assert len(coded["attacked Ukraine"]) == 1
    assert coded["attacked Ukraine"][0].startswith("RUSGOV -> UKRGOV 190 ASSAULT")
    assert coded["a sentence that the story does not contain"] == EVIDENCE_NOT_FOUND
    quiet = scored([key(plover="AID", root="07", evidence="Projects worth")], events)["misses"][0]
    assert quiet["coded"] == NO_EVENT
    assert quiet["loose_found"] is False


def test_events_per_article_counts_every_story() -> None:
    docs = {
        "a1": make_doc([Ev("CHN", "KAZ", "111", "2018-11-10")] * 3, salt="one"),
        "a2": make_doc([], salt="two"),
    }
    result = score([key()], docs)
    assert result["events"] == 3
    assert result["events_per_article"] == 1.5


def test_loader_reads_key_events(tmp_path: Path) -> None:
    line = {
        "article_id": 7,
        "source": {"text": "Beijing", "country": "chn", "sector": "GOV"},
        "target": {"text": "someone", "country": "---"},
        "plover": "accuse",
        "cameo_root": "11",
        "date": "2018-11-01",
        "date_precision": "month",
        "evidence": "Beijing accused",
        "symmetric": False,
    }
    (tmp_path / "key_events.jsonl").write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    (loaded,) = load_key_events(tmp_path)
    assert (loaded.article_id, loaded.source, loaded.target, loaded.plover) == (
        "7",
        "CHN",
        None,
        "ACCUSE",
    )
    (tmp_path / "key_events.jsonl").write_text('{"article_id": "1"}\n', encoding="utf-8")
    with pytest.raises(EvalDataError, match="line 1"):
        load_key_events(tmp_path)


@pytest.mark.shared
def test_voa_key_event_guard(eval_output: Callable[[str], str]) -> None:
    result = json.loads(eval_output("articles"))
    assert (result["stories"], result["key_events"]) == (77, 394)
    assert result["strict_recall"] >= STRICT_RECALL
    assert result["loose_recall"] >= LOOSE_RECALL
    assert result["date_accuracy"] >= DATE_ACCURACY
    assert result["events_per_article"] <= MAX_EVENTS_PER_ARTICLE
    assert len(result["misses"]) == result["key_events"] - result["found_strict"]
