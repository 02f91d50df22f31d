"""Negative evaluation in speech: a speaker who says that an actor, or an actor's act,
statement or policy, is bad criticises that actor (CAMEO 111).

"X said Y's decision is arbitrary", '"Y is the aggressor," X said', "X said the comments of
Y were egregious and insulting": the act is the speaker's, done by what they say, and aimed
at the owner of what they judge. Only the words that predicate over the actor or its thing
are scored (the copula's complement, its conjuncts and modifiers), never the whole sentence:
"X said talks with Y were productive" judges nothing of Y's badly, "X said Y's plan is not
illegal" takes the judgement back, and praise is no criticism.

Words of condemnation are the curated word class ``negative_evaluation``
(data/events/word_classes.tsv), the same the verbs of naming use ("called Y's policy
reckless"); for a thing an actor owns, also every word that VADER's bundled lexicon
(vaderSentiment, MIT; human ratings from -4 to +4) rates at or below ``NEGATIVE_VALENCE``.
An actor itself is judged by the curated words only: VADER also rates suffering low
("Y is weak", "the minister is sad"), which describes an actor without blaming it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from dateline.events import syntax
from dateline.events._words import word_class

# VADER's mean human rating at or below which a word condemns what it is said of: "unfair"
# (-2.1), "problematic" (-1.9), "cruel" (-2.8) are in; mild or mixed words ("chilling" -0.1,
# "propaganda" -1.0, "aggressor" -0.8) are left to the curated class.
NEGATIVE_VALENCE = -1.5
VADER_PACKAGE = "vaderSentiment"
VADER_LEXICON = "vader_lexicon.txt"
CONDEMNING_WORDS = word_class("negative_evaluation")
# Verbs that link a subject to what is said of it: "Y's decision *is* / *remains* unfair".
COPULAS = {"be", "remain", "become", "seem", "appear"}
# Nouns of what is done to their possessor: "Z's *detention* is arbitrary" blames whoever
# detains Z, not Z.
UNDERGONE_NOUNS = word_class("undergone_noun")
# Verbs whose "by" agent is blamed for the hostile act their passive subject names: "the
# attack was *orchestrated* by X", "the plot was *masterminded* by X".
INSTIGATING_VERBS = word_class("instigating_verb")
# Nouns of hostile acts: said to be instigated by someone, or to have someone behind them.
HOSTILE_ACT_NOUNS = word_class("hostile_act_noun")
# Dependents that carry what is predicated: "is *unfair*", "is *the aggressor*".
PREDICATE_DEPS = {"acomp", "attr"}
# Modifiers of a predicate that judge with it: "*grossly* unfair", "a *blatant* case of X".
MODIFIER_DEPS = {"amod", "advmod", "compound"}


@dataclass(frozen=True)
class Evaluation:
    """A negative judgement: the word that condemns, and the phrase whose actor is judged:
    the subject ("*Y* is the aggressor") or the owner of the thing judged ("*Y*'s decision
    is unfair", "the comments *of Y* were insulting")."""

    word: Token
    judged: Token
    blame: bool = False  # an act laid at the actor's door (CAMEO 112), not a judgement (111)


@cache
def _valences() -> dict[str, float]:
    """VADER's lexicon: token, mean rating, standard deviation, ratings; loaded once, from
    the file the package ships (no network, no import of its analyser)."""
    text = (resources.files(VADER_PACKAGE) / VADER_LEXICON).read_text("utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        word, _, rest = line.partition("\t")
        rating = rest.partition("\t")[0]
        if word.isalpha():
            out[word] = float(rating)
    return out


def condemns(word: Token, *, graded: bool, curated: frozenset[str] = CONDEMNING_WORDS) -> bool:
    """Is ``word`` a word of condemnation (the ``curated`` class; with ``graded``, also
    VADER's ratings at or below ``NEGATIVE_VALENCE``)?"""
    lemma = word.lemma_.lower()
    if lemma in curated or word.lower_ in curated:
        return True
    if not graded:
        return False
    valence = _valences().get(word.lower_, _valences().get(lemma))
    return valence is not None and valence <= NEGATIVE_VALENCE


def _predicate_words(predicate: Token) -> list[Token]:
    """The predicate, its conjuncts ("egregious and insulting"), their modifiers ("grossly
    unfair") and a noun's "of" object ("a case *of* weaponization")."""
    words: list[Token] = []
    for head in (predicate, *predicate.conjuncts):
        words.append(head)
        words.extend(c for c in head.children if c.dep_ in MODIFIER_DEPS)
        for pobj in syntax.prep_objects(head, "of"):
            words.append(pobj)
            words.extend(c for c in pobj.children if c.dep_ in MODIFIER_DEPS)
    return words


def may_evaluate(tok: Token) -> bool:
    """Can a clause headed by ``tok`` judge an actor at all (a copula or a verb of
    instigation)? A cheap word test, asked of every token before the parse is walked."""
    lemma = tok.lemma_.lower()
    return lemma in COPULAS or lemma in INSTIGATING_VERBS


def negative_predication(
    tok: Token,
    is_actor: Callable[[Token], bool],
    curated: frozenset[str] = CONDEMNING_WORDS,
) -> Evaluation | None:
    """The negative judgement the clause headed by the copula ``tok`` states of an actor
    (``is_actor`` tells which phrases name one), or None ("were productive" is no judgement;
    "is not illegal" takes one back). ``curated`` are the words that condemn whatever they
    are said of (a rule's ``content=@class`` requirement may name another class)."""
    if tok.lemma_.lower() not in COPULAS or tok.pos_ not in {"AUX", "VERB"}:
        return None
    if syntax.has_negation(tok):
        return None
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() in UNDERGONE_NOUNS:
        return None  # "Z's detention is arbitrary": Z is detained, not to blame
    if is_actor(subject):
        judged, graded = subject, False
    else:
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None:
            owner = next(iter(syntax.prep_objects(subject, "of")), None)
        if owner is None or not is_actor(owner):
            return None
        judged, graded = owner, True
    for predicate in (c for c in tok.children if c.dep_ in PREDICATE_DEPS):
        for word in _predicate_words(predicate):
            if condemns(word, graded=graded, curated=curated):
                return Evaluation(word, judged)
    return None


def blamed_for_hostile_act(tok: Token) -> Evaluation | None:
    """The actor a clause headed by ``tok`` lays a hostile act at: "the attack was
    *orchestrated by X*", "X was *behind* the bombing". Stated by a speaker, it is their
    accusation of X (CAMEO 112); whether anyone states it is the coder's to check."""
    lemma = tok.lemma_.lower()
    # Every token of a sentence is asked: the word test is cheap, the negation test is not.
    if (lemma not in INSTIGATING_VERBS and lemma not in COPULAS) or syntax.has_negation(tok):
        return None
    if lemma in INSTIGATING_VERBS and syntax.is_passive(tok):
        act = syntax.passive_subject_of(tok)
        agent = syntax.agent_of(tok)
        if act is not None and agent is not None and act.lemma_.lower() in HOSTILE_ACT_NOUNS:
            return Evaluation(tok, agent, blame=True)
    if lemma in COPULAS:
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        acts = syntax.prep_objects(tok, "behind")
        if subject is not None and any(a.lemma_.lower() in HOSTILE_ACT_NOUNS for a in acts):
            return Evaluation(tok, subject, blame=True)
    return None
