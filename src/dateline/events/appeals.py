"""Whom a request asks, when its words name other parties too.

- **The patient of a requested passive is not asked**: "demanded that *the ruling party* be
  dissolved": the request is of whoever would do it (the coder's conventions find them), not
  of what it would be done to. (A "for" clause names whom it is asked of: "called for *Y* to
  be stripped of its rights".)
- **An object addressee is whom a request asks**: "ordered *public schools* to admit
  students", "urged *residents* to shelter the displaced": the object of what is asked (the
  students, the displaced) is not asked, even when the resolver could not place the
  addressee.
- **An addressee the resolver did not make an actor**: a noun of the general public
  ("urged *the population* to remain calm", "called on *citizens* to vote") addressed by a
  state's actor is that state's public (civilians, CVL); another noun ("ordered *public
  schools* to ...") is an actor of no country, which the coder's conventions may place at
  home; a noun of parties abroad ("urged *nations* to ...") is left unplaced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Token

from dateline.codebook import APPEAL_ROOT, DEMAND_ROOT
from dateline.docmemo import children
from dateline.events import syntax
from dateline.events._words import word_class
from dateline.model import Actor

REQUEST_ROOTS = (APPEAL_ROOT, DEMAND_ROOT)
# Nouns of the general public: addressed without a country, the requester's own.
PUBLIC_NOUNS = word_class("public_noun")
# Nouns of parties abroad or of no one country ("urged *nations* to ...", "called on *donors*
# to ..."): an addressee so named is not placed in the requester's country.
FOREIGN_ADDRESSEE_NOUNS = word_class("foreign_addressee_noun")
# Prepositions by which a verb of asking names whom it asks: "called *on*", "appealed *to*".
ADDRESSEE_PREPOSITIONS = ("on", "upon", "to")
# Countries that are no state: their actors have no public of their own.
NON_STATE_COUNTRIES = {"IGO", "NGO", "MNC"}
PUBLIC_SECTOR = "CVL"
PUBLIC_ADDRESSEE_RULE = "implicit.public_addressee"


def requested_patients(heads: Iterable[Token]) -> set[int]:
    """The token indices of what a request's content would be done to: the subjects of the
    passive clauses under ``heads`` (the request's "for" phrase, object or asked clause),
    with their phrases ("demanded that *his party* be eliminated")."""
    found: set[int] = set()
    for head in heads:
        for verb in head.subtree:
            if verb.pos_ not in {"VERB", "AUX"} or not syntax.is_passive(verb):
                continue
            if any(m.dep_ == "mark" and m.lower_ == "for" for m in children(verb)):
                continue  # "called for Y to be stripped of ...": Y is named as who must bear it
            subject = syntax.passive_subject_of(verb)
            if subject is not None:
                found.update(w.i for w in subject.subtree)
    return found


def addressed_by_object(tok: Token, cameo: str) -> bool:
    """A request verb with a direct object or an addressee before its infinitive: "ordered
    *schools* to admit ...", "appealed *to residents* to report ...". That is whom it asks;
    the complement names no target."""
    return (
        tok.pos_ == "VERB"
        and cameo[:2] in REQUEST_ROOTS
        and (syntax.object_of(tok) is not None or _addressee_word(tok) is not None)
    )


def _addressee_word(tok: Token) -> Token | None:
    """The word naming whom a request verb asks before the infinitive of what it asks
    ("urged *residents* to ...", "called on *citizens* to ..."), or None."""
    if not any(
        c.dep_ in {"xcomp", "advcl"}
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in children(c))
        for c in children(tok)
    ):
        return None
    obj = syntax.object_of(tok)
    if obj is not None:
        return obj
    return next((p for w in ADDRESSEE_PREPOSITIONS for p in syntax.prep_objects(tok, w)), None)


def unplaced_addressee(
    tok: Token, cameo: str, source: Actor, at: int, named: Callable[[Token], bool]
) -> Actor | None:
    """Whom the request at ``tok`` (at character offset ``at``) asks, when a noun the
    resolver made no actor of names it (``named`` tells the words of actors): a noun of the
    public is the requester's own public ("urged *the population* to remain calm"); another
    ("ordered *public schools* to ...") an actor of no country yet, whom the coder's
    conventions may place at home. None for nouns of foreign parties ("urged *nations* to
    ..."), for pronouns and for other acts."""
    if tok.pos_ != "VERB" or cameo[:2] not in REQUEST_ROOTS:
        return None
    word = _addressee_word(tok)
    if word is None or word.pos_ != "NOUN" or named(word):
        return None
    lemma = word.lemma_.lower()
    if lemma in FOREIGN_ADDRESSEE_NOUNS or any(c.dep_ == "poss" for c in children(word)):
        return None  # "urged nations to ...", "urged its members to ...": not the public
    start = at + word.idx - tok.idx
    found = Actor(text=word.text, start=start, end=start + len(word.text), kind="group")
    if lemma not in PUBLIC_NOUNS:
        return found
    country = source.country
    if not country or country in NON_STATE_COUNTRIES:
        return None
    return replace(
        found,
        code=f"{country}{PUBLIC_SECTOR}",
        country=country,
        sector=PUBLIC_SECTOR,
        rule=PUBLIC_ADDRESSEE_RULE,
    )
