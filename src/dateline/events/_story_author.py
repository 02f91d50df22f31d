"""Whose act a disapproval answers when neither its phrase nor the article says.

"X described the proposed plan as a disaster", "X sees the book ban as part of a
crackdown", "X said the United States is deeply disappointed by the approval of the bill":
the criticism is aimed at whoever did the act it names. ``AuthorFinder`` looks for that
author in the noun's phrase and earlier in the article; when both are silent and the noun
names an act of a state (a decision, a measure, a law, a ruling: the ``state_act_noun``
class), the act is the doing of the state the story is about (the state it names most
often), as a careful reader takes it: a story about Somalia's term extension, criticised
without naming its maker, criticises Somalia.

Only disapproval, criticism and accusation (CAMEO 110-112) are so aimed, and never at the
critic's own government: a government does not criticise its own act, while its
opposition, lawmakers or citizens do. The actor carries ``implicit.story_author`` in its
rule (docs/conventions.md).

The one an act is done to is not whom its critic criticises: "denounced *the moves against
Y*", "condemned the decision *to expel Y*" criticise whoever moved or decided
(``undergone_act``), and the target is that author when the article tells it.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import children
from dateline.events import syntax
from dateline.events._authors import AUTHORING_VERBS, ArticleMemory, AuthorFinder, noun_kind
from dateline.events._phrases import Arg, MentionLike
from dateline.events._requests import story_country
from dateline.events._words import word_class
from dateline.model import Actor

STORY_AUTHOR_RULE = "implicit.story_author"
# The sectors of a state acting as such: its name, its capital, its government.
STATE_SECTORS = {None, "GOV"}
# Acts of a state that a critic may name without their maker. Not hostile acts ("condemned
# the attack": militants' as often as a state's), not states of things ("the situation is
# dire"), not the critic's own words ("levelled criticisms").
STATE_ACT_NOUNS = word_class("state_act_noun")
# Codes of disapproval aimed at an act's author: disapproval, criticism, accusation (not
# rallying opposition, complaints, lawsuits or verdicts, which name their own addressee).
DISAPPROVAL_CODES = ("110", "111", "112")
# Prepositions and clauses of an act noun that name whom the act is done to: "the moves
# *against* Y", "the sanctions *on* Y", "the decision *to expel* Y".
PATIENT_PREPOSITIONS = ("against", "on", "over", "to", "toward", "towards")
HOSTILE_ACT_NOUNS = word_class("hostile_act_noun")
# Only disapproval and criticism: an accusation's prepositions name the accused ("blamed the
# attacks *on* Y").
CRITICISM_CODES = ("110", "111")
# Determiners of an act that is no one in particular: "condemns *any* violence".
ANY_DETERMINERS = {"any", "every", "all", "no"}


def disapproved_act(tok: Token, cameo: str) -> Token | None:
    """The act noun a disapproving verb is about: "denounced *the moves*", "described *the
    plan* as a disaster" (not an artifact the verb makes: "levelled *criticisms*")."""
    if not cameo.startswith(DISAPPROVAL_CODES) or tok.lemma_.lower() in AUTHORING_VERBS:
        return None
    return next((n for n in AuthorFinder.act_objects(tok) if _is_state_act(n)), None)


def _is_state_act(noun: Token) -> bool:
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in STATE_ACT_NOUNS
        and not any(c.lower_ in ANY_DETERMINERS for c in noun.children)
    )


def story_author(act: Token | None, critics: list[Arg], memory: ArticleMemory | None) -> list[Arg]:
    """The state the story is about, as the author of the disapproved ``act`` (a noun of a
    state's act), unless it is a critic's own government."""
    if act is None or memory is None or not _is_state_act(act):
        return []
    country = story_country(memory)
    if country is None:
        return []
    if any(c.actor.country == country and _is_state(c.actor) for c in critics):
        return []
    actor = Actor(
        text="",
        start=act.idx,
        end=act.idx,
        code=country,
        country=country,
        rule=STORY_AUTHOR_RULE,
    )
    return [Arg(actor)]


def _is_state(actor: Actor) -> bool:
    """A state acting as such: its name, capital or government, not a person known only by
    nationality ("Afghan writer X")."""
    return actor.sector in STATE_SECTORS and not (actor.kind == "person" and actor.sector is None)


def undergone_act(
    tok: Token, cameo: str, targets: list[Arg], by_token: dict[int, MentionLike]
) -> Token | None:
    """The act noun a disapproving verb is about when every target found is only the one it
    is done to ("denounced the moves *against Y*": Y is no author of the moves)."""
    if not targets or not cameo.startswith(CRITICISM_CODES):
        return None
    if tok.lemma_.lower() in AUTHORING_VERBS:
        return None
    for noun in AuthorFinder.act_objects(tok):
        lemma = noun.lemma_.lower()
        if noun_kind(noun) is None and lemma not in STATE_ACT_NOUNS | HOSTILE_ACT_NOUNS:
            continue
        undergoers = {
            t.i for phrase in _patient_phrases(noun) for t in phrase.subtree if t.i in by_token
        }
        if undergoers and all(
            any(by_token[i].actor == arg.actor for i in undergoers) for arg in targets
        ):
            return noun
    return None


def _patient_phrases(noun: Token) -> list[Token]:
    """The objects of the act noun's patient prepositions and of its infinitive ("the
    decision *to expel Y*")."""
    phrases = [p for w in PATIENT_PREPOSITIONS for p in syntax.prep_objects(noun, w)]
    for clause in children(noun):
        if clause.dep_ == "acl" and (obj := syntax.object_of(clause)) is not None:
            phrases.append(obj)
    return phrases
