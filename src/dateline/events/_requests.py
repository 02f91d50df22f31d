"""Requests and threats that are not a request verb with its addressee.

- **Directives**: a verb of telling with an object and an infinitive ("the court *ordered*
  the school to reopen", "the governor *told* officials to draft rules") asks its object to
  do what the infinitive names, whatever that act is: a demand (CAMEO 100); "invited" and
  "advised" ask more gently (020).
- **Requests with a clause**: "called *for* the charges to be dropped", "pressed for Y to
  withdraw": a request verb whose "for" clause (not a "for" phrase) is what it asks.
- **Whom an unaddressed request is aimed at**: "called for an end to Russia's attacks",
  "called for limits on gaming *in China*": with no addressee, the actors its content names
  (the "for" phrase, the object, the asked-for clause) are asked; an addressee the resolver
  could not place ("urged *civilians* to return", "told *council members* to ...") is, in a
  sentence that names no other country, of the requester's own country.
- **Conditional threats**: "would execute the hostages *if Pakistan did not release*
  prisoners": a threat that names no one the resolver could place is aimed at whoever must
  meet its condition. (The condition is not coded as a demand of its own: the PLOVER gold
  standard codes the threat only.)
- **Warnings of one's own act**: "X warned that *it would* keep up the pressure on Y" threatens
  Y.
- **Bans**: "Y *shouldn't* hand them over," X said": a ban laid on an actor is a demand
  whatever the act.

The checks look only at the trigger's own children: they run for every word of every
sentence that no lexicon rule matched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from weakref import ref

from spacy.tokens import Token

from dateline.codebook import (
    APPEAL_ROOT,
    COERCE_ROOT,
    DEMAND_ROOT,
    REDUCE_RELATIONS_ROOT,
)
from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._authors import ArticleMemory
from dateline.events._clauses import (
    lies_ahead,
    obligation_of,
    obligation_speaker,
    quotation_speaker,
    speaker_of,
)
from dateline.events._phrases import Arg, MentionLike, same_actor
from dateline.events._rules import TriggerRule, frame_rule
from dateline.events._words import word_class
from dateline.events.appeals import requested_patients
from dateline.model import Actor

# Verbs of telling whose infinitive their object is to do ("told Y to leave"), and among
# them those that command it (a demand, CAMEO 100; the others appeal, 020).
REQUEST_HEADS_XCOMP = word_class("request_head_xcomp")
DIRECTIVE_VERBS = word_class("directive_verb")
# Verbs of asking whose "for" clause is what they ask ("called for Y to withdraw"), and among
# them those that demand it.
REQUEST_HEADS = word_class("request_head")
DEMAND_HEADS = word_class("demand_head")
REQUEST_ROOTS = (APPEAL_ROOT, DEMAND_ROOT)
# Marks of a condition a threat sets ("will strike *if* / *unless* ...").
CONDITION_MARKS = {"if", "unless"}
# Verbs of warning, and the pronouns by which what they warn of is their author's own act.
WARNING_VERBS = word_class("warning_verb")
SELF_REFERENCES = {"it", "we", "i", "they"}
# Roots of hostile acts a speaker may promise: coercion, assault, fighting, mass violence.
FIRST_HOSTILE_ROOT = COERCE_ROOT
# Economic and diplomatic measures: promised under a condition, a threat too.
SANCTION_ROOT = REDUCE_RELATIONS_ROOT
# Countries that are no state: an addressee is not placed in them.
NON_STATE_COUNTRIES = {"IGO", "NGO", "MNC"}
CONTENT_DEPS = {"dobj", "xcomp", "ccomp", "advcl"}
# What the press asks for ("asked the embassy for *comment*"): no appeal, no one to read.
PRESS_REQUEST_NOUNS = word_class("press_request_noun")
# Acts done to a person held ("the *release* of X", "X's *return*"): the person held is not
# whom the request asks; the holder is (found by ``_authors``, or not at all).
CUSTODY_NOUNS = word_class("custody_noun")

DIRECTIVE_RULE = frame_rule("g.request.directive")
INVITATION_RULE = frame_rule("g.request.invitation")
FOR_CLAUSE_APPEAL_RULE = frame_rule("g.request.for_clause")
FOR_CLAUSE_DEMAND_RULE = frame_rule("g.demand.for_clause")
WISH_RULE = frame_rule("sp2.request.wish")
# Verbs of wanting whose infinitive clause with its own subject asks that subject to act:
# "X *wants* Y to halt enrichment" (not "X wants to meet Y", an intent of its own).
WISH_VERBS = word_class("wish_verb")
CONTENT_TARGET_RULE = "request.content"
DOMESTIC_ADDRESSEE_RULE = "implicit.domestic_addressee"
# The marks of targets this module infers (the coder's confidence treats them as conventions).
INFERRED_TARGET_RULES = (CONTENT_TARGET_RULE, DOMESTIC_ADDRESSEE_RULE)


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))


def _for_clause(tok: Token) -> Token | None:
    """The clause a "for" introduces under ``tok``: "called for *the charges to be dropped*"."""
    for c in children(tok):
        if (
            c.dep_ in {"advcl", "ccomp", "xcomp"}
            and c.pos_ in {"VERB", "AUX"}
            and _infinitive(c)
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in children(c))
        ):
            return c
    return None


def request_frame(tok: Token) -> TriggerRule | None:
    """The rule of a request no lexicon row matched: a directive ("ordered Y to ...") or a
    request with a "for" clause ("called for Y to ...")."""
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    if lemma in REQUEST_HEADS_XCOMP:
        addressee = syntax.object_of(tok) or next(
            (c for c in children(tok) if c.dep_ == "dative"), None
        )
        asked = any(
            c.dep_ in {"xcomp", "advcl"} and c.pos_ in {"VERB", "AUX"} and _infinitive(c)
            for c in children(tok)
        )
        if addressee is not None and asked:
            return DIRECTIVE_RULE if lemma in DIRECTIVE_VERBS else INVITATION_RULE
    if lemma in REQUEST_HEADS and _for_clause(tok) is not None:
        return FOR_CLAUSE_DEMAND_RULE if lemma in DEMAND_HEADS else FOR_CLAUSE_APPEAL_RULE
    if lemma in WISH_VERBS and any(_is_wished(c) for c in tok.children):
        return WISH_RULE
    return None


def _is_wished(clause: Token) -> bool:
    """An infinitive clause with a subject of its own under a verb of wanting: "wants *Y to
    halt* ...", "wants *the hunts to be stopped*"."""
    return (
        clause.dep_ in {"ccomp", "xcomp"}
        and clause.pos_ in {"VERB", "AUX"}
        and _infinitive(clause)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    )


# Sectors of the public, whose wants are opinion, not acts of speech ("people in X want ...").
PUBLIC_SECTORS = {"CVL"}


def is_idle_wish(rule: TriggerRule, source: Actor, target: Actor | None) -> bool:
    """A want that is no request between political actors: the public's ("people in X want
    their government to ..."), or a state's for itself ("he wants Japan to be prepared")."""
    if rule is not WISH_RULE:
        return False
    if source.sector in PUBLIC_SECTORS:
        return True
    return (
        target is not None
        and bool(source.country)
        and target.country == source.country
        and source.sector in GOVERNMENT_SECTORS
        and target.sector in GOVERNMENT_SECTORS
    )


def is_wished_content(tok: Token) -> bool:
    """ "X wants Y *to halt* enrichment": what a verb of wanting asks of another is not done."""
    return tok.head.i != tok.i and tok.head.lemma_.lower() in WISH_VERBS and _is_wished(tok)


def _content_heads(tok: Token) -> list[Token]:
    """What a request asks for: its "for" phrase or clause, its object, the clause it asks
    ("demanded that Y withdraw")."""
    heads = [
        g
        for c in children(tok)
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in children(c)
        if g.dep_ == "pobj"
    ]
    heads += [c for c in children(tok) if c.dep_ in CONTENT_DEPS and c.dep_ != "advcl"]
    clause = _for_clause(tok)
    if clause is not None:
        heads.append(clause)
    return heads


def content_targets(
    tok: Token,
    sources: list[Arg],
    by_token: dict[int, MentionLike],
    actors_at: Callable[[Token | None, dict[int, MentionLike]], list[Arg]],
) -> list[Arg]:
    """Whom a request with no addressee is aimed at: the actors its content names, in order,
    that are placed in a country and are not its source ("called for an end to *Russia's*
    attacks", "called for limits on gaming in *China*")."""
    found: list[Arg] = []
    seen: set[int] = set()
    heads = _content_heads(tok)
    if any(h.lemma_.lower() in PRESS_REQUEST_NOUNS for h in heads):
        return []
    # "demanded that *his party* be eliminated": what is to be done to it, not asked of it;
    # nor is anyone named further in
    # (a wish's passive is a state wished on its subject: "wants Y to be prepared")
    patients = set() if tok.lemma_.lower() in WISH_VERBS else requested_patients(heads)
    for head in heads:
        for word in head.subtree:
            mention = by_token.get(word.i)
            if word.i in patients:
                return found  # the addressee is left unsaid: the conventions find it
            if mention is None or id(mention) in seen:
                continue
            seen.add(id(mention))
            root = word
            while head_of(root).i != root.i and by_token.get(head_of(root).i) is mention:
                root = head_of(root)
            if _held(root):
                continue
            for arg in actors_at(root, by_token):
                actor = arg.actor
                if not actor.country or any(same_actor(actor, s.actor) for s in sources):
                    continue
                if any(a.actor.country == actor.country for a in found):
                    continue
                found.append(Arg(_marked(actor, CONTENT_TARGET_RULE), arg.plural))
            if found:
                # the first actor named, with its conjuncts ("between X and Y"); not every
                # name further down ("an end to X's attacks on Y" asks X)
                return found
    return found


# Sectors by which an actor is its state's government ("the Nairobi government", "Kenya").
GOVERNMENT_SECTORS = {None, "GOV"}


def is_own_state_request(tok: Token, source: Actor, target: Actor | None) -> bool:
    """A government's request that names no one to answer it, which the story's convention
    would aim at the government's own state ("the Nairobi government had called for closing
    the camp"): its own policy, no request between political actors. (A citizen's or a
    lawyer's call on their own state is one; so is a call for captives' return, aimed at
    whoever holds them.)"""
    return (
        target is not None
        and not any(h.lemma_.lower() in CUSTODY_NOUNS for h in _content_heads(tok))
        and (target.rule or "").endswith(STORY_ADDRESSEE_RULE)
        and bool(source.country)
        and source.sector in GOVERNMENT_SECTORS
        and source.kind != "person"
        and target.country == source.country
    )


def _held(phrase: Token) -> bool:
    """ "*X's* release", "the return of *X*": the phrase names whom an act of custody is done
    to."""
    head = head_of(phrase)
    if phrase.dep_ == "pobj" and head.lower_ == "of":
        head = head_of(head)
    elif phrase.dep_ != "poss":
        return False
    return head.lemma_.lower() in CUSTODY_NOUNS


def _marked(actor: Actor, convention: str) -> Actor:
    return replace(actor, rule=f"{actor.rule}+{convention}" if actor.rule else convention)


def domestic_addressee(
    source: Actor, target: Actor | None, by_token: dict[int, MentionLike]
) -> Actor | None:
    """An addressee the resolver could not place ("urged *civilians* to return"), when the
    sentence names no state but the requester's: the requester's compatriots."""
    country = source.country
    if (
        target is None
        or target.code
        or target.country
        or not country
        or country in NON_STATE_COUNTRIES
    ):
        return target
    states = {
        a.country
        for m in by_token.values()
        for a in (m.actor, *m.members)
        if a.country and a.country not in NON_STATE_COUNTRIES
    }
    if states - {country}:
        return target
    return replace(
        target,
        code=f"{country}{target.sector or ''}",
        country=country,
        rule=(
            f"{target.rule}+{DOMESTIC_ADDRESSEE_RULE}" if target.rule else DOMESTIC_ADDRESSEE_RULE
        ),
    )


def threat_condition(tok: Token) -> Token | None:
    """The condition a threatened act sets: "would execute them *if the state did not
    release* ...", "will strike *unless* Y withdraws" (on the act or the verb it hangs on)."""
    current = tok
    for _ in range(3):
        for c in children(current):
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in children(c)
            ):
                return c
        if current.dep_ not in {"xcomp", "conj"} or head_of(current).i == current.i:
            break
        current = head_of(current)
    return None


def condition_party(condition: Token) -> Token | None:
    """Who is to meet a condition: its subject ("if *Y* does not withdraw"), or the agent of
    a passive one ("if the tariffs are not dropped *by Y*")."""
    if syntax.is_passive(condition):
        return syntax.agent_of(condition) or syntax.subject_of(condition)
    return syntax.subject_of(condition)


def threatening_speaker(tok: Token, cameo: str) -> Token | None:
    """Who promises a hostile act that names no doer: "X said the rebels *will be crushed*",
    '"Terrorists *will not be spared*," X said', "X said tariffs *would be imposed* on Y *if*
    ...": the speaker threatens the passive subject (or whom the measure is laid on)."""
    if (
        tok.pos_ != "VERB"
        or cameo[:2] < FIRST_HOSTILE_ROOT
        and not (cameo[:2] == SANCTION_ROOT and threat_condition(tok) is not None)
        or not syntax.is_passive(tok)
        or syntax.agent_of(tok) is not None
        or not lies_ahead(tok)
    ):
        return None
    return speaker_of(tok) or quotation_speaker(tok)


def promised_act(tok: Token) -> Token | None:
    """What a warning promises its author will do: "X warned that *it will* continue to press
    Y", "X warned *we would* respond": a clause ahead of the news whose subject is the
    warner (a pronoun that refers back to it)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in WARNING_VERBS:
        return None
    for clause in children(tok):
        if clause.dep_ != "ccomp" or not lies_ahead(clause):
            continue
        subject = syntax.subject_of(clause)
        if subject is not None and subject.lower_ in SELF_REFERENCES:
            return clause
    return None


# How many conjuncts up a bare verb may stand from the request verb it continues.
MAX_CONJUNCT_HOPS = 4
BARE_VERB_TAG = "VB"


def is_requested_conjunct(tok: Token) -> bool:
    """ "I encourage Y to speed up the inquiry, redouble its efforts and *strengthen*
    security": a bare verb the parser joined to the request verb, after the infinitive it
    asks, continues what is asked; it is no act of the requester's own."""
    if tok.tag_ != BARE_VERB_TAG:
        return False
    head = tok
    for _ in range(MAX_CONJUNCT_HOPS):
        if not _bare_continuation(head):
            return False
        head = head.head
        if head.pos_ == "VERB" and head.lemma_.lower() in REQUEST_HEADS | REQUEST_HEADS_XCOMP:
            return any(
                c.dep_ in {"xcomp", "advcl"} and _infinitive(c) and c.i < tok.i
                for c in head.children
            )
    return False


def _bare_continuation(tok: Token) -> bool:
    """``tok`` is joined to the word before it with no subject, mark or "to" of its own
    ("..., redouble its efforts, and strengthen ..."; the parser may read it as an adverbial
    clause, or an adjective)."""
    return (
        tok.dep_ in {"conj", "advcl"}
        and tok.head.i < tok.i
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark", "aux"} for c in tok.children)
    )


def is_reported_ban(tok: Token) -> bool:
    """ "X said Y *must not* return them", '"Y *shouldn't* deport them," X said': a ban someone
    lays on an actor is a demand on it, whatever the act (the lexicon knows only some)."""
    if tok.pos_ != "VERB":
        return False
    obligation = obligation_of(tok)
    return (
        obligation is not None
        and obligation.forbidden
        and not obligation.first_person
        and obligation_speaker(obligation) is not None
    )


STORY_ADDRESSEE_RULE = "implicit.story_country"
# The last story's leading state, by its memory (one story is coded at a time): counted once.
_LAST_STORY: list[tuple[ref[ArticleMemory], str | None]] = []


def story_country(memory: ArticleMemory) -> str | None:
    """The state the story names most often (once per mention), when one leads."""
    if _LAST_STORY and _LAST_STORY[0][0]() is memory:
        return _LAST_STORY[0][1]
    counts = Counter(
        m.actor.country
        for m in {id(m): m for m in memory.by_token.values()}.values()
        if m.actor.country and m.actor.country not in NON_STATE_COUNTRIES
    )
    ranked = counts.most_common(2)
    leader = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    _LAST_STORY[:] = [(ref(memory), leader)]
    return leader


def story_addressee(source: Actor, at: int, memory: ArticleMemory | None) -> Actor | None:
    """Whom a request that names no one and whose content names no one asks: the state the
    story is about ("Officials also called for tighter controls", "she demanded an end to
    the hostilities"), marked with its convention."""
    country = story_country(memory) if memory is not None else None
    if country is None:
        return None
    return Actor(
        text="", start=at, end=at, code=country, country=country, rule=STORY_ADDRESSEE_RULE
    )
