"""PETRARCH/TABARI pattern markers in imported verb dictionaries: the source after the verb
(``$``), the target before it (``+``), skipped noun phrases (``^``) and reverse codes dateline
cannot output. The dictionaries are written for these tests; gold codings state what must
and must not come out."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.codebook import load_codebook
from dateline.events._petrarch_verbs import DEFAULT_TARGETS, import_verb_dictionary
from dateline.events.lexicon import TriggerRule, load_lexicon
from dateline.model import Article
from dateline.pipeline import Pipeline, PipelineConfig

CODES = load_codebook().codes()

VERBS = """\
--- CELEBRATE [---] ---
CELEBRATE
- * IFTAR IN ^ +  [045]
- * IFTAR AT ^ ^ +  [044]
- * EID AT ^ WITH +  [043]
- + HOSTING * FESTIVAL $  [046]

--- RECEIVE [---] ---
RECEIVE
- + * MONEY $  [071]
- * LETTER FROM $  [0311]

--- FREE [---] ---
FREE
- + * FROM $  [0841]

--- ARRIVE [032:903] ---
ARRIVE
"""

ACTORS = """\
ARNOR [ARN]
GONDOR [GON]
"""


@pytest.fixture(scope="module")
def rules() -> list[TriggerRule]:
    return import_verb_dictionary(VERBS, "test.verbs", CODES).rules


def _rule(rules: list[TriggerRule], lemma: str, code: str) -> TriggerRule:
    return next(r for r in rules if r.lemma == lemma and r.cameo == code)


def test_markers_become_where_the_actors_are(rules: list[TriggerRule]) -> None:
    # "^" skips noun phrases after the word before it; the actor is in the next one.
    assert _rule(rules, "celebrate", "045").targets == ("np:in:1",)
    assert _rule(rules, "celebrate", "044").targets == ("np:at:2",)
    # A word between "^" and the marker: the object of that preposition.
    assert _rule(rules, "celebrate", "043").targets[0] == "prep:with"
    # The source after the verb: after its word; the target before the verb.
    money = _rule(rules, "receive", "071")
    assert money.sources[:2] == ("prep:money", "np:money:0")
    assert money.targets == ("before",)
    hosting = _rule(rules, "celebrate", "046")
    assert hosting.targets == ("before:hosting", "before")
    assert hosting.sources[:2] == ("prep:festival", "np:festival:0")
    # "$" after the verb without "+": the subject is the target, else where verbs point.
    letter = _rule(rules, "receive", "0311")
    assert letter.targets == ("before", *DEFAULT_TARGETS)
    # Markers do not count as words: the rank is the number of words.
    assert _rule(rules, "celebrate", "044").specificity == 2
    # Patterns without "$" after the verb take the source from the subject, as before.
    assert not any(r.sources for r in rules if r.lemma == "celebrate" and r.cameo != "046")


def test_a_reverse_code_dateline_cannot_output_is_dropped_not_the_verb() -> None:
    result = import_verb_dictionary(VERBS, "test.verbs", CODES)
    arrive = [r for r in result.rules if r.lemma == "arrive"]
    assert arrive and all(r.cameo == "032" and r.reverse_cameo is None for r in arrive)
    assert any("reverse code '903'" in w for w in result.warnings)


def test_np_targets_are_checked_in_tsv_lexicons(tmp_path: Path) -> None:
    path = tmp_path / "extra.tsv"
    header = "id\tlemma\tpos\trequires\ttarget\tcameo\tnote\n"
    path.write_text(
        header + "x.ok\tfoo\tVERB\t\tnp:in:1\t043\t\nx.bad\tbar\tVERB\t\tnp:in\t043\t\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon([path], valid_codes=CODES)
    assert "x.ok" in lexicon.by_id and "x.bad" not in lexicon.by_id
    assert any("np:WORD:SKIPS" in w for w in lexicon.warnings)


# -- end to end -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pipe(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    folder = tmp_path_factory.mktemp("dicts")
    (folder / "test.verbs.txt").write_text(VERBS, encoding="utf-8")
    (folder / "test.actors.txt").write_text(ACTORS, encoding="utf-8")
    return Pipeline(
        PipelineConfig(
            actor_files=(folder / "test.actors.txt",),
            trigger_files=(folder / "test.verbs.txt",),
        )
    )


def _coded(pipe: Pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    events = pipe.code(Article(body=text, language="en")).events
    return {
        (
            e.source.country or e.source.code,
            (e.target.country or e.target.code) if e.target else None,
            e.cameo.code,
        )
        for e in events
        if not e.negated
    }


def test_skipped_noun_phrases(pipe: Pipeline) -> None:
    coded = _coded(pipe, "France celebrated Iftar in Egypt with the leaders of Germany.")
    assert ("FRA", "DEU", "045") in coded
    assert ("FRA", "EGY", "045") not in coded  # "in ^": Egypt is skipped
    coded = _coded(
        pipe, "France celebrated Iftar at Cairo with the parliament of Germany in Egypt."
    )
    assert ("FRA", "DEU", "044") in coded
    assert not any(code == "044" and target == "EGY" for _, target, code in coded)


def test_the_source_after_the_verb(pipe: Pipeline) -> None:
    coded = _coded(pipe, "Germany received money from France on Monday.")
    assert ("FRA", "DEU", "071") in coded
    assert ("DEU", "FRA", "071") not in coded
    # Passive or not, the actor in front of the verb is the one the pattern's "+" marks.
    coded = _coded(pipe, "Germany was freed from France on Monday.")
    assert ("FRA", "DEU", "0841") in coded
    assert ("DEU", "FRA", "0841") not in coded
    # Without "+", the subject is the target.
    coded = _coded(pipe, "Germany received a letter from France.")
    assert ("FRA", "DEU", "0311") in coded and ("DEU", "FRA", "0311") not in coded


def test_the_target_before_a_word_before_the_verb(pipe: Pipeline) -> None:
    coded = _coded(pipe, "Egypt will be hosting Germany to celebrate the festival with France.")
    assert ("FRA", "EGY", "046") in coded
    assert ("FRA", "DEU", "046") not in coded


def test_imported_visit_codes_hold_for_dictionary_actors(pipe: Pipeline) -> None:
    # Actors of an imported dictionary carry no sector: they are still the ones who host.
    coded = _coded(pipe, "Arnor has celebrated Eid at Cairo with Gondor.")
    assert ("ARN", "GON", "043") in coded
    assert not any(target == "EGY" for _, target, code in coded if code == "043")


def test_a_reverse_code_dateline_cannot_output_leaves_the_forward_event(pipe: Pipeline) -> None:
    coded = _coded(pipe, "France arrived in Germany on Monday.")
    assert ("FRA", "DEU", "032") in coded
    assert not any(source == "DEU" for source, _, _ in coded)
