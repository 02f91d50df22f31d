"""Blame laid in speech where no verb of accusing is used.

- **Perpetrators placed**: a speaker who says where the doers of a hostile act are, or who
  backs or directs them ("X said the handlers of the attack *are based in Y*", "X claimed
  the attackers *were in touch with planners in Y*", "those involved in the bombing *operate
  from Y*"), lays the act at Y's door: an accusation of Y (CAMEO 112). Only a country other
  than the speaker's is blamed so: police placing gunmen in a province of their own country
  accuse no state.
- **Wrongs intended**: "X said Y *seeks to* weaponize the council" accuses Y of a wrong it
  aims at; the aim is what is accused, so the act not being done does not take the
  accusation back (a wish of one's own, "we want to undermine ...", is no one's blame).

The tests start from cheap word checks: they run for every word of every sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._arguments import Arg
from dateline.events._authors import ArticleMemory
from dateline.events._clauses import is_hypothetical
from dateline.events._evaluation import HOSTILE_ACT_NOUNS, WRONGDOING_WORDS, Evaluation
from dateline.events._evaluation import _is_wrongdoing as is_wrongdoing
from dateline.events._requests import story_country
from dateline.events._words import word_class
from dateline.model import Actor

PERPETRATOR_NOUNS = word_class("perpetrator_noun")
# Speakers whose account of what someone did is an allegation: "*prosecutors* say X hired Y to
# kill Z", "the *indictment* says X plotted ...".
PROSECUTING_NOUNS = word_class("prosecuting_noun")
HARBOURING_VERBS = word_class("harbouring_verb")
CONTACT_NOUNS = word_class("contact_noun")
INTENT_OF_WRONG_VERBS = word_class("intent_of_wrong_verb")
# Verbs of wronging whose passive names its doer: "we are being *abused* by Y", "the people
# are *victimized* by all sides", "critics were *silenced* by Y".
WRONGING_VERBS = word_class("violating_verb") | word_class("wronging_verb")
PERPETRATING_VERBS = word_class("perpetrating_verb")
# "are *in* Y", "operate *from* Y", "backed *by* Y", "linked *to* Y", "in touch *with* ...".
PLACING_PREPOSITIONS = ("in", "from", "by", "to", "with", "inside", "out")
# Copulas that place their subject with a phrase: "the attackers *were* in Y".
PLACING_COPULAS = {"be", "remain"}
# Links from the clause's verb to the place: prepositions and their objects ("in touch with
# planners in Y": four links).
PLACE_HOPS = 6
# Phrases of a pronoun subject that name the act: "those *involved in* the attack".
INVOLVED_WORDS = {"involve", "behind", "responsible"}


@dataclass(frozen=True)
class PlacedBlame(Evaluation):
    """An accusation of the country perpetrators are placed in or tied to (``judged``)."""


def may_place_blame(tok: Token) -> bool:
    """Can ``tok`` head a clause that places perpetrators, or state culpability (the cheap
    word test)?"""
    lemma = tok.lemma_.lower()
    return (
        lemma in HARBOURING_VERBS
        or lemma in PLACING_COPULAS
        or lemma in CULPABILITY_WORDS
        or lemma in CRITICISM_NOUNS
        or (lemma in WRONGING_VERBS and tok.tag_ == "VBN")
        or (tok.pos_ == "VERB" and (lemma in PERPETRATING_VERBS or tok.dep_ == "ccomp"))
    )


def _names_hostile_act(tok: Token) -> bool:
    return tok.lemma_.lower() in HOSTILE_ACT_NOUNS


def is_perpetrator(subject: Token) -> bool:
    """ "the attackers", "the handlers of the attack", "those involved in the bombing",
    "the men behind the plot"."""
    if subject.lemma_.lower() in PERPETRATOR_NOUNS:
        return True
    for child in children(subject):
        if (
            child.dep_ == "prep"
            and child.lower_ in {"of", "behind"}
            and any(_names_hostile_act(g) for g in children(child) if g.dep_ == "pobj")
        ):
            return subject.pos_ in {"NOUN", "PRON"}
        if child.dep_ in {"acl", "amod", "relcl"} and child.lemma_.lower() in INVOLVED_WORDS:
            acts = [g for p in children(child) if p.dep_ == "prep" for g in children(p)]
            if any(_names_hostile_act(a) for a in acts):
                return True
    return False


def _places(head: Token, hops: int) -> list[Token]:
    """The objects of the placing prepositions under ``head``, nearest first, through chains
    of phrases ("in touch with planners in Y")."""
    found: list[Token] = []
    if hops <= 0:
        return found
    for prep in children(head):
        if prep.dep_ not in {"prep", "agent"} or prep.lower_ not in PLACING_PREPOSITIONS:
            continue
        for pobj in children(prep):
            if pobj.dep_ != "pobj":
                continue
            found.append(pobj)
            found.extend(pobj.conjuncts)
            found.extend(_places(pobj, hops - 1))
    return found


def placed_perpetrators(tok: Token, is_country: Callable[[Token], bool]) -> PlacedBlame | None:
    """The country a clause headed by ``tok`` places the doers of a hostile act in or ties
    them to: "the handlers of the attack *are based in Y*", "the attackers *were in touch
    with planners in Y*". None when negated or when the clause places no one to blame."""
    if tok.pos_ not in {"VERB", "AUX"} or not may_place_blame(tok) or syntax.has_negation(tok):
        return None
    lemma = tok.lemma_.lower()
    subject = (
        syntax.passive_subject_of(tok) if syntax.is_passive(tok) else None
    ) or syntax.subject_of(tok)
    if subject is None or not is_perpetrator(subject):
        return None
    places = _places(tok, PLACE_HOPS)
    if lemma in PLACING_COPULAS:
        # "were in Y" places them; "were in touch with planners in Y" ties them to Y
        places = [
            p
            for p in places
            if head_of(head_of(p)).i == tok.i
            or any(a.lemma_.lower() in CONTACT_NOUNS for a in p.ancestors)
        ]
    for place in places:
        if is_country(place):
            return PlacedBlame(tok, place, blame=True)
    return None


def is_accused_intent(tok: Token, evaluation: Evaluation) -> bool:
    """ "X said Y *seeks to weaponize* the council": a wrong the judged actor aims at, told
    as such (the aiming itself not hypothetical), is what the speaker accuses it of."""
    if not evaluation.blame or tok.dep_ != "xcomp":
        return False
    head = head_of(tok)
    return head.lemma_.lower() in INTENT_OF_WRONG_VERBS and not is_hypothetical(head)


# Filings that say what their authors allege: "a lawsuit *alleged* that Y ...".
FILING_NOUNS = word_class("legal_filing") | word_class("filing_document")
ALLEGING_VERBS = word_class("alleging_verb")


def alleging_filing(tok: Token) -> Token | None:
    """The filing that is the subject of a verb of alleging ("*a lawsuit filed in February*
    alleged that Y ..."): its authors, not the paper, allege it."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ALLEGING_VERBS:
        return None
    subject = syntax.subject_of(tok)
    if subject is None or subject.lemma_.lower() not in FILING_NOUNS:
        return None
    return subject


# Who speaks for a state the story does not name in the sentence: "*security sources* said",
# "military *spokesperson* Z claimed".
OFFICIAL_SOURCE_NOUNS = word_class("official_source_noun")
STORY_SPEAKER_RULE = "implicit.story_country"


def official_speaker(
    speaker: Token | None, memory: ArticleMemory | None, blamed: str | None
) -> Actor | None:
    """An official source no actor list knows ("security sources", "military spokesperson
    Z") placing perpetrators abroad: a source of the state the story is about, when the
    story leads with one and it is not the state ``blamed``."""
    if speaker is None or memory is None:
        return None
    words = [speaker, *(c for c in children(speaker) if c.dep_ in {"compound", "amod"})]
    if not any(w.lemma_.lower() in OFFICIAL_SOURCE_NOUNS for w in words):
        return None
    country = story_country(memory)
    if country is None or country == blamed:
        return None
    return Actor(
        text=speaker.text,
        start=speaker.idx,
        end=speaker.idx + len(speaker.text),
        code=country,
        country=country,
        rule=STORY_SPEAKER_RULE,
    )


# The actor coder's mark on a country read from a place the sentence names.
LOCATION_RULE = "location"


def placed_by_blame(speakers: list[Arg], blamed: list[str | None]) -> list[Arg]:
    """The speakers, less those whose country the actor coder read only from a place of the
    sentence that is the blamed country: where a speaker puts the perpetrators is not where
    the speaker is from."""
    return [
        s
        for s in speakers
        if not (
            s.actor.rule
            and s.actor.rule.split("+")[-1] == LOCATION_RULE
            and s.actor.country in blamed
        )
    ]


# "Y *is responsible for* the attack", "Y is *guilty of* war crimes": culpability stated of
# an actor for a harm or a wrong.
CULPABILITY_WORDS = word_class("culpability_word")
HARMS = HOSTILE_ACT_NOUNS | WRONGDOING_WORDS | word_class("harm_noun") | word_class("harm_outcome")


def _is_harm(noun: Token) -> bool:
    return noun.lemma_.lower() in HARMS or any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in HARMS for c in children(noun)
    )


def culpable_for_harm(tok: Token) -> Evaluation | None:
    """The actor a clause says is to blame for a harm: "Y is responsible for the attack",
    "Y was guilty of war crimes" ("responsible for security" blames no one)."""
    if tok.lemma_.lower() not in CULPABILITY_WORDS or tok.dep_ != "acomp":
        return None
    verb = head_of(tok)
    if syntax.has_negation(verb) or syntax.has_negation(tok):
        return None
    subject = next((c for c in children(verb) if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    harms = [h for w in ("for", "of") for h in syntax.prep_objects(tok, w)]
    if not any(_is_harm(h) or any(_is_harm(c) for c in h.conjuncts) for h in harms):
        return None
    return Evaluation(tok, subject, blame=True)


# Accusations whose accuser an agentless passive leaves to the article (the court or the
# prosecutors it named): accusing and charging (CAMEO 112x), not convicting (116).
ACCUSATION_CODE = "112"
# Roles of the judicial sector that defend, never accuse: "X's *lawyers*".
DEFENCE_ROLES = word_class("defence_role")
# Verbs that carry "accused" as their subject's state: "X *stand* accused of ...".
STATE_VERBS = {"stand", "remain", "be"}


def accused_without_accuser(tok: Token, cameo: str) -> Token | None:
    """The accused of an accusation that names no accuser: "X *were accused* of the
    bombing", "X *stand accused* of ...", "X has been *charged* with murder"."""
    if tok.pos_ != "VERB" or not cameo.startswith(ACCUSATION_CODE) or syntax.is_negated(tok):
        return None
    if syntax.is_passive(tok):
        if syntax.agent_of(tok) is not None:
            return None
        return syntax.passive_subject_of(tok) or _conjoined_accused(tok)
    # the parser hangs "accused" from "stand" as a complement or an adverbial clause
    if (
        tok.dep_ in {"acomp", "xcomp", "advcl"}
        and tok.tag_ == "VBN"
        and head_of(tok).lemma_.lower() in STATE_VERBS
    ):
        return next((c for c in children(head_of(tok)) if c.dep_ == "nsubj"), None)
    return None


def _conjoined_accused(tok: Token) -> Token | None:
    """The accused of a passive conjoined to an earlier verb that holds the subject: "X
    *have confessed to or been charged* with murder", "X are members of the gang *and have
    been charged* with murder". After a copula its complement names them ("members of the
    gang"), when the subject is a bare quantity ("many of those sent") no actor can be."""
    first = syntax.first_conjunct(tok)
    if first.i == tok.i or first.pos_ not in {"VERB", "AUX"}:
        return None
    if first.lemma_.lower() in STATE_VERBS:
        attribute = next((c for c in children(first) if c.dep_ == "attr"), None)
        if attribute is not None:
            return attribute
    return next((c for c in children(first) if c.dep_ in {"nsubj", "nsubjpass"}), None)


def accusers(found: list[Arg]) -> list[Arg]:
    """The court or prosecutors among those found, not the defence ("X's lawyers")."""
    return [a for a in found if (a.actor.role or "").lower() not in DEFENCE_ROLES]


# Sectors of a state whose officials, telling of a charge, speak for the state that laid it:
# a relative or a journalist telling of it accuses no one.
CHARGING_SECTORS = frozenset({"GOV", "JUD", "COP"})


def charge_tellers(speakers: list[Arg], accused: list[Arg]) -> list[Arg]:
    """Officials who say someone "has been charged" when the story names no court: "the
    minister said the men have been charged with murder" is the minister's state accusing
    them (not the defence, nor one of the accused)."""
    return [
        s
        for s in accusers(speakers)
        if s.actor.sector in CHARGING_SECTORS
        and s.actor.country
        and not any(
            s.actor.country == a.actor.country and s.actor.sector == a.actor.sector for a in accused
        )
    ]


# Criticism its target undergoes: "Y *drew criticism from* X", "Y *came under fire from* X",
# "Y's decision *sparked condemnation from* X": X criticises Y (or the decision's author).
CRITICISM_NOUNS = word_class("criticism_noun")
CARRIER_VERBS = word_class("criticism_carrier_verb")
# Prepositions that carry the criticism noun after its verb: "came *under* fire", "met
# *with* condemnation".
UNDERGOING_PREPOSITIONS = {"under", "with"}
NO_DETERMINERS = {"no", "little"}


@dataclass(frozen=True)
class UndergoneCriticism(Evaluation):
    """Criticism ``judged`` (an actor, or an act whose author the article tells) drew from
    ``critic``."""

    critic: Token | None = None


def carrying_verb(noun: Token) -> Token | None:
    """The verb of undergoing that carries ``noun`` ("*drew* criticism", "*came* under fire",
    "*met* with opposition"), unless negated."""
    verb = head_of(noun)
    if noun.dep_ == "pobj" and verb.lower_ in UNDERGOING_PREPOSITIONS:
        verb = head_of(verb)
    elif noun.dep_ != "dobj":
        return None
    if verb.lemma_.lower() not in CARRIER_VERBS or syntax.has_negation(verb):
        return None
    return verb


def criticism_undergone(tok: Token, is_actor: Callable[[Token], bool]) -> UndergoneCriticism | None:
    """ "Y drew criticism from X", "Y came under fire from X", "Y's move sparked
    condemnation from X": the critic (the "from" phrase) and the criticised (the subject,
    its owner, or an act of it)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in CRITICISM_NOUNS:
        return None
    if any(c.lower_ in NO_DETERMINERS for c in children(tok)):
        return None  # "faced *no* criticism from X"
    verb = carrying_verb(tok)
    if verb is None:
        return None
    critic = next(
        (p for h in (tok, verb) for p in syntax.prep_objects(h, "from") if is_actor(p)), None
    )
    subject = (
        syntax.passive_subject_of(verb) if syntax.is_passive(verb) else None
    ) or syntax.subject_of(verb)
    if critic is None or subject is None:
        return None
    if is_actor(subject):
        return UndergoneCriticism(tok, subject, critic=critic)
    owner = next((c for c in children(subject) if c.dep_ == "poss"), None)
    if owner is not None and is_actor(owner):
        return UndergoneCriticism(tok, owner, critic=critic)
    return UndergoneCriticism(tok, subject, act=True, critic=critic)


def wrong_done(tok: Token) -> Evaluation | None:
    """ "Y is spreading disinformation", "Y engaged in corruption", "Y committed atrocities":
    a verb whose object names a wrongdoing (told by a speaker, it accuses the subject)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in PERPETRATING_VERBS:
        return None
    if syntax.is_passive(tok) or syntax.has_negation(tok):
        return None
    obj = syntax.object_of(tok)
    done = [obj] if obj is not None else list(syntax.prep_objects(tok, "in"))
    if not any(is_wrongdoing(d) for d in done):
        return None
    doer = syntax.subject_of(tok)
    return Evaluation(tok, doer, blame=True) if doer is not None else None


# CAMEO roots of the acts a prosecutor alleges: coercion, assault, fighting, mass violence.
FIRST_HOSTILE_ROOT = "17"


def prosecuted_act(
    tok: Token, speaker: Token | None, is_hostile: Callable[[Token], bool]
) -> Evaluation | None:
    """ "Prosecutors say X hired Y to kill Z": a hostile act (``is_hostile`` tells) that
    prosecutors or investigators say an actor did, or hired, ordered or helped others to do,
    accuses that actor (CAMEO 112)."""
    if tok.pos_ != "VERB" or tok.dep_ != "ccomp" or speaker is None:
        return None
    if speaker.lemma_.lower() not in PROSECUTING_NOUNS:
        return None
    if syntax.is_passive(tok) or syntax.has_negation(tok) or is_hypothetical(tok):
        return None  # "X was arrested": the subject suffered it
    acts = [tok, *(c for c in children(tok) if c.dep_ in {"xcomp", "advcl"})]
    if not any(is_hostile(a) for a in acts):
        return None
    doer = syntax.subject_of(tok)
    return Evaluation(tok, doer, blame=True) if doer is not None else None


def wronged_by(tok: Token) -> Evaluation | None:
    """ "X said they are being persecuted by Y": a passive verb of wronging whose "by" agent
    is its doer (told by a speaker, it accuses the doer; the sufferer may be anyone)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in WRONGING_VERBS:
        return None
    if not syntax.is_passive(tok) or syntax.has_negation(tok):
        return None
    doer = syntax.agent_of(tok)
    if doer is not None and doer.lemma_.lower() in SIDE_NOUNS:
        # "victimized by all sides in the Y conflict": Y is a side
        doer = conflict_side(doer) or doer
    return Evaluation(tok, doer, blame=True) if doer is not None else None


# "all *sides* in the Y conflict", "the *parties* to the Y war".
SIDE_NOUNS = word_class("side_noun")
CONFLICT_NOUNS = word_class("conflict_noun")


def conflict_side(side: Token) -> Token | None:
    """The party a conflict is named after, for "sides in the *Y* conflict" (a name or a
    country modifying the conflict noun), or None."""
    for conflict in (*syntax.prep_objects(side, "in"), *syntax.prep_objects(side, "to")):
        if conflict.lemma_.lower() not in CONFLICT_NOUNS:
            continue
        named = [c for c in children(conflict) if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if named:
            return named[-1]
    return None
