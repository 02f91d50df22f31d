"""Importing PETRARCH/TABARI verb dictionaries as trigger rules: what must and must not
come out. The dictionary snippets are written for these tests."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.codebook import load_codebook
from dateline.events._petrarch_verbs import (
    import_verb_dictionary,
    lemma_candidates,
    looks_like_verb_dictionary,
    regular_forms,
)
from dateline.events.lexicon import TriggerRule, load_lexicon, parse_word_pattern, words_match
from dateline.model import Article, Event, output_schema
from dateline.pipeline import Pipeline, PipelineConfig

CODES = load_codebook().codes()

SNIPPET = """\
<!-- a verb dictionary written for the tests -->
&LINKS_
+TRADE
+AIR_TRAFFIC   # a two-word member

&WEAPONS
+MISSILE
+&HEAVY
&HEAVY
+ROCKET

--- RESTORE  [060] ---
RESTORE   # bare verb: 060
- * DIPLOMATIC_RELATIONS  [064]
- * &LINKS  [061]
- * NOTHING AT ALL [---]
- % * CONTACTS [036:036]
- * TALKS WITH +  [043]
- * TIES FROM $  [064]
- * FULL [XYZ]

--- SAID  [010] ---
SAID
- WOULD_* [xx1]

--- BREAK [---] ---
BREAK {BROKE BROKEN BREAKS BREAKING}
+BREAK_OFF {+BROKE_OFF +BREAKS_OFF}  [161]
- * &WEAPONS TREATY [163]

--- POSTPONE [---] ---
POSTPONE
- * &UNDEFINED [100]

--- ARRIVE  [032:033] ---
ARRIVE

--- PLEDGE [---] ---
PLEDGE
- * AID [071]

--- APPEAL [020] ---
APPEAL

--- EXPEL [174] ---
EXPEL
- * DIPLOMATS [174K]
- * JOURNALISTS [903]

&NEGATIVE
+DID N'T
+WILL NOT

--- RESUME [064] ---
RESUME
- NOT * TALKS [112]
- &NEGATIVE * TIES [111]
"""


@pytest.fixture(scope="module")
def imported() -> tuple[list[TriggerRule], list[str], set[str]]:
    result = import_verb_dictionary(SNIPPET, "test.verbs", CODES)
    return result.rules, result.warnings, result.heads


def _rules(rules: list[TriggerRule], lemma: str) -> list[TriggerRule]:
    return [r for r in rules if r.lemma == lemma]


def _values(rule: TriggerRule, key: str) -> set[str]:
    return {v for req in rule.requires if req.key == key for v in req.values}


def test_detects_the_format() -> None:
    assert looks_like_verb_dictionary(SNIPPET)
    assert not looks_like_verb_dictionary("id\tlemma\tpos\trequires\ttarget\tcameo\tnote\n")


def test_bare_verb_and_patterns_become_rules(imported) -> None:  # type: ignore[no-untyped-def]
    rules, _, _ = imported
    restore = _rules(rules, "restore")
    codes = {r.cameo for r in restore}
    assert codes == {"060", "064", "061", "036", "043"}
    bare = next(r for r in restore if r.cameo == "060")
    assert bare.specificity == 0
    assert _values(bare, "form") >= {"restore", "restores", "restored", "restoring"}
    assert not _values(bare, "words")
    # The [---] pattern outranks the bare verb: it blocks it.
    assert _values(bare, "nowords") == {"*~nothing~at~all"}
    # Adjacent words keep "_", others "~".
    dip = next(r for r in restore if r.cameo == "064" and not r.sources)
    assert _values(dip, "words") == {"*~diplomatic_relations"}
    assert dip.specificity == 2 > bare.specificity
    # The three-word [---] pattern outranks the two-word one too.
    assert _values(dip, "nowords") == {"*~nothing~at~all"}


def test_synsets_expand_with_plurals_unless_marked(imported) -> None:  # type: ignore[no-untyped-def]
    rules, _, _ = imported
    links = next(r for r in _rules(rules, "restore") if r.cameo == "061")
    # &LINKS_ ends in "_": no plurals; a two-word member stays consecutive.
    assert _values(links, "words") == {"*~trade", "*~air_traffic"}
    treaty = next(r for r in _rules(rules, "break") if r.cameo == "163")
    # Nested synsets (defined after their use) and regular plurals.
    assert _values(treaty, "words") >= {
        "*~missile~treaty",
        "*~missiles~treaty",
        "*~rocket~treaty",
        "*~rockets~treaty",
    }


def test_markers_set_the_target_and_reverse_codes_are_kept(imported) -> None:  # type: ignore[no-untyped-def]
    rules, _, _ = imported
    restore = _rules(rules, "restore")
    talks = next(r for r in restore if r.cameo == "043")
    assert talks.targets[0] == "prep:with"
    assert _values(talks, "words") == {"*~talks~with"}
    compound = next(r for r in restore if r.cameo == "036")
    assert compound.targets == ("between",)
    assert compound.reverse_cameo == "036"
    assert compound.compound and not talks.compound
    assert all(r.literal for r in rules)
    assert _values(compound, "words") == {"%~*~contacts"}


def test_unusable_lines_are_warned_not_imported(imported) -> None:  # type: ignore[no-untyped-def]
    rules, warnings, _ = imported
    text = "\n".join(warnings)
    # A non-CAMEO code: skipped; undefined synset.
    assert "test.verbs:20: code 'XYZ' is not a CAMEO code" in text
    assert "undefined synset &UNDEFINED" in text
    assert "xx1" in text
    assert not any(r.cameo in {"XYZ", "xx1", "100"} for r in rules)
    # "said" alone still codes 010; its non-CAMEO pattern is gone.
    said = _rules(rules, "say")
    assert {r.cameo for r in said} == {"010"}


def test_irregular_forms_and_multiword_verbs(imported) -> None:  # type: ignore[no-untyped-def]
    rules, _, heads = imported
    # SAID is keyed on spaCy's lemma "say" but only matches the spelling "said".
    said = _rules(rules, "say")[0]
    assert "said" in _values(said, "form") and "says" not in _values(said, "form")
    # BREAK lists its forms: exactly those; its bare verb codes nothing, BREAK_OFF 161.
    break_rules = _rules(rules, "break")
    off = [r for r in break_rules if r.cameo == "161"]
    assert off and _values(off[0], "words") == {"*_off"}
    assert _values(off[0], "form") == {"break", "broke", "breaks"}
    assert not any(r.cameo == "161" and not _values(r, "words") for r in break_rules)
    # The patterns of the block apply to the multi-word verb too, with its particle.
    assert any("*_off~missile~treaty" in _values(r, "words") for r in break_rules)
    assert {"restore", "say", "break", "postpone"} <= heads


def test_word_patterns() -> None:
    def toks(text: str, coordinated: tuple[str, ...] = ()) -> list[tuple[str, bool]]:
        return [(w, w in coordinated) for w in text.split()]

    before = toks("officials said they would")
    after = toks("the full diplomatic relations with x")
    assert words_match("said~*~diplomatic_relations", before, after)
    assert words_match("would_*", before, after)
    assert not words_match("said_*", before, after)  # "said" is not right before
    assert not words_match("*_diplomatic", before, after)  # "the full" come between
    assert not words_match("*~relations~diplomatic", before, after)  # order matters
    assert words_match("%~*", toks("x and y", ("x", "y")), [])
    assert not words_match("%~*", toks("x said"), [])
    assert parse_word_pattern("a_b~*~c") == ((("b", False), ("a", True)), (("c", False),))
    with pytest.raises(ValueError):
        parse_word_pattern("a~b")


@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=8))
def test_a_gapped_pattern_matches_iff_its_words_occur_in_order(words: list[str]) -> None:
    tokens = [(w, False) for w in words]
    expected = "a" in words and "b" in words[words.index("a") + 1 :]
    assert words_match("*~a~b", [], tokens) == expected


def test_regular_forms_and_lemmas() -> None:
    assert {"agrees", "agreed", "agreeing"} <= regular_forms("agree")
    assert {"defies", "defied"} <= regular_forms("defy")
    assert "stopped" in regular_forms("stop")
    assert {"say"} <= lemma_candidates("said")
    assert {"leave"} <= lemma_candidates("left")
    assert {"hold"} <= lemma_candidates("held")
    assert {"ease"} <= lemma_candidates("eased")


def test_verb_dictionary_replaces_the_shipped_rules_for_its_verbs(tmp_path: Path) -> None:
    path = tmp_path / "my.verbs.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    shipped = load_lexicon(valid_codes=CODES)
    assert not any(r.id.startswith("petr.") for r in shipped.rules)
    assert not any(r.literal or r.compound or r.reverse_cameo for r in shipped.rules)
    lexicon = load_lexicon([path], valid_codes=CODES)
    restore = lexicon.candidates("restore", "VERB")
    assert restore and all(r.id.startswith("petr.my-verbs:") for r in restore)
    # Other shipped verbs stay.
    assert lexicon.candidates("condemn", "VERB") == shipped.candidates("condemn", "VERB")
    # Most specific first: the two-word pattern before the bare verb.
    assert restore[0].specificity >= restore[-1].specificity == 0
    assert any("not a CAMEO code" in w for w in lexicon.warnings)


# -- end to end -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pipe(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    path = tmp_path_factory.mktemp("verbs") / "test.verbs.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    return Pipeline(PipelineConfig(trigger_files=(path,)))


def _coded(pipe: Pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    events: list[Event] = pipe.code(Article(body=text, language="en")).events
    return {
        (e.source.country, e.target.country if e.target else None, e.cameo.code)
        for e in events
        if not e.negated
    }


def test_the_most_specific_pattern_codes_the_sentence(pipe: Pipeline) -> None:
    assert ("FRA", "DEU", "064") in _coded(
        pipe, "France restored diplomatic relations with Germany."
    )
    coded = _coded(pipe, "France restored relations with Germany.")
    assert ("FRA", "DEU", "060") in coded
    assert not any(code == "064" for _, _, code in coded)  # "diplomatic" is missing
    coded = _coded(pipe, "France restored air traffic with Germany.")
    assert ("FRA", "DEU", "061") in coded and ("FRA", "DEU", "060") not in coded


def test_a_no_event_pattern_blocks_the_bare_verb(pipe: Pipeline) -> None:
    assert not any(
        code.startswith("06")
        for _, _, code in _coded(pipe, "France restored nothing at all with Germany.")
    )


def test_form_restriction(pipe: Pipeline) -> None:
    assert ("FRA", "DEU", "010") in _coded(pipe, "France said Germany was wrong.")
    # SAID lists one spelling: "says" is not that verb.
    assert not any(code == "010" for _, _, code in _coded(pipe, "France says Germany is wrong."))


# -- the real PETRARCH validation dictionary --------------------------------------------------
# The validation dictionary is mostly WEIS-coded (its header says so): about 130 of its
# codes are not CAMEO codes, a dozen patterns put the source after the verb, one pattern
# loses its code to a "#" comment. More than this many warnings means the parser broke.
MAX_VALIDATION_WARNINGS = 170


def test_petrarch_validation_verbs_import(shared_dir: Path) -> None:
    path = shared_dir / "data" / "petrarch2-validation" / "PETR.Validate.verbs.txt"
    result = import_verb_dictionary(path.read_text("utf-8"), str(path), CODES)
    assert len(result.warnings) <= MAX_VALIDATION_WARNINGS
    assert not any("malformed" in w or "not a word" in w for w in result.warnings)
    assert {"restore", "say", "welcome", "warn", "agree", "meet", "leave"} <= result.heads
    welcome = [r for r in result.rules if r.lemma == "welcome"]
    assert any(r.cameo == "041" and r.specificity == 0 for r in welcome)
    meet = [r for r in result.rules if r.lemma == "meet" and r.specificity == 0]
    assert {(r.cameo, r.reverse_cameo) for r in meet} >= {("031", "031"), ("031", "032")}


# -- reverse codes, compound actors, literal codes ------------------------------------------
def test_a_reverse_code_also_codes_the_swapped_event(pipe: Pipeline) -> None:
    coded = _coded(pipe, "The French president arrived in Germany on Monday.")
    assert ("FRA", "DEU", "032") in coded and ("DEU", "FRA", "033") in coded
    assert ("DEU", "FRA", "032") not in coded and ("FRA", "DEU", "033") not in coded
    # A rule without a reverse code codes one direction only.
    coded = _coded(pipe, "France restored relations with Germany.")
    assert ("FRA", "DEU", "060") in coded
    assert not any(src == "DEU" for src, _, _ in coded)


def test_a_reverse_event_has_its_own_rule_id(pipe: Pipeline) -> None:
    events = pipe.code(Article(body="France arrived in Germany.", language="en")).events
    reverse = [e for e in events if e.source.country == "DEU"]
    forward = [e for e in events if e.source.country == "FRA"]
    assert reverse and forward
    assert reverse[0].rule == forward[0].rule + ":reverse"
    assert reverse[0].confidence == forward[0].confidence


def test_a_compound_pattern_codes_every_ordered_pair(pipe: Pipeline) -> None:
    coded = _coded(pipe, "France, Germany and Italy restored contacts on Monday.")
    countries = ("FRA", "DEU", "ITA")
    expected = {(a, b, "036") for a in countries for b in countries if a != b}
    assert expected <= coded
    assert not any(a == b for a, b, _ in coded)


def test_imported_codes_are_literal_but_shipped_rules_keep_their_mood(pipe: Pipeline) -> None:
    # The dictionary says "pledge aid" is 071, whatever the modality: no intent re-coding.
    coded = _coded(pipe, "France will pledge aid to Germany.")
    assert ("FRA", "DEU", "071") in coded
    assert not any(code.startswith("03") for _, _, code in coded)
    # "provide" is not in the dictionary: the shipped rule and its mood (intent, 033) apply.
    coded = _coded(pipe, "France will provide aid to Germany.")
    assert any(code.startswith("033") for _, _, code in coded)


def test_default_target_is_the_first_actor_after_the_verb_in_its_clause(pipe: Pipeline) -> None:
    coded = _coded(pipe, "France appealed for calm in Germany on Monday.")
    assert ("FRA", "DEU", "020") in coded
    # A place after the verb is where it happened, not whom it is aimed at.
    # (The place may still be the target by the place convention, never as the actor after.)
    events = pipe.code(Article(body="France appealed for calm near Moscow.", language="en")).events
    assert not any(e.target and e.target.text == "Moscow" for e in events)
    # An actor in another clause is not the target.
    coded = _coded(pipe, "France appealed for calm after Germany said it would act.")
    assert ("FRA", "DEU", "020") not in coded


def test_shipped_rules_do_not_take_the_first_actor_after_the_verb() -> None:
    # Measured on VOA news: as a last resort for the shipped rules it found mostly wrong
    # targets ("cooperating *in Syria*", "spoke about his trip to *Taiwan*").
    shipped = load_lexicon(valid_codes=CODES)
    assert not any("after" in r.targets for r in shipped.rules)


def test_extension_codes_are_kept_other_codes_are_not(pipe: Pipeline) -> None:
    events = pipe.code(
        Article(body="France expelled diplomats from Germany on Monday.", language="en")
    ).events
    expelled = [e for e in events if e.source.country == "FRA" and e.target]
    assert expelled and expelled[0].cameo.code == "174K"
    # Described by its CAMEO base (174, expel or deport): root, class, Goldstein, PLOVER.
    assert expelled[0].cameo.root == "17" and expelled[0].cameo.quad_class == 4
    assert expelled[0].cameo.name is None
    assert expelled[0].plover.event == "COERCE"
    # The output contract admits it (a CAMEO root and up to two more letters or digits).
    document = pipe.code(Article(body="France expelled diplomats from Germany.", language="en"))
    jsonschema.validate(document.to_dict(), output_schema())
    # "903" has no CAMEO root: that pattern is skipped, the bare verb (174) codes instead.
    coded = _coded(pipe, "France expelled journalists from Germany on Monday.")
    assert ("FRA", "DEU", "174") in coded
    assert not any(code == "903" for _, _, code in coded)


def test_extension_codes_are_warned_once(imported) -> None:  # type: ignore[no-untyped-def]
    rules, warnings, _ = imported
    assert any(r.cameo == "174K" for r in rules)
    about = [w for w in warnings if "'174K'" in w]
    assert len(about) == 1 and "extension of '174'" in about[0]
    assert any("'903' is not a CAMEO code" in w for w in warnings)


def _resumed(pipe: Pipeline, text: str) -> list[tuple[str, bool]]:
    events = pipe.code(Article(body=text, language="en")).events
    return [(e.cameo.code, e.negated) for e in events if e.source.country == "FRA"]


def test_a_negated_pattern_codes_the_negation_itself(pipe: Pipeline) -> None:
    # The pattern's own "NOT" makes the code (112): the event is not also negated.
    assert _resumed(pipe, "France did not resume talks with Germany.") == [("112", False)]
    assert _resumed(pipe, "France didn't resume ties with Germany.") == [("111", False)]
    assert _resumed(pipe, "France will not resume ties with Germany.") == [("111", False)]
    # Without a negated pattern the negation stays a flag on the verb's own code.
    assert _resumed(pipe, "France did not resume relations with Germany.") == [("064", True)]
    assert _resumed(pipe, "France resumed talks with Germany.") == [("064", False)]
