"""Whose act a reaction answers: the target of an act aimed at an act or an artifact.

"rejected the resolution", "dismissed the allegations in the lawsuits", "welcomed the
announcement that Y had agreed", "called for X's immediate release": the object is no actor
but something an actor did or made, and a careful reader takes its author as the target.
``AuthorFinder.target`` finds that author, in order:

1. in the noun's own phrase: its possessor ("Washington's proposal", "its offer"), its
   agent ("the resolution by the House", "the allegations made by X"), an actor modifying
   it ("the U.S. proposal"), the body it was put to ("a resolution in Congress") and the
   subject of its content clause ("the announcement that Y had agreed");
2. in the article (``ArticleMemory``, what the coder saw earlier in the same document): the
   actor that did the act the noun names, as an event already coded (its trigger is the noun
   or the verb the noun derives from: "X offered talks" for "its offer"), as the same noun
   with an author ("X passed a resolution", "lawsuits filed by X") or as the verb the noun
   derives from ("X alleged that ...", "the court ruled"); an accusation's author is whoever
   the article says accused the one denying it.

An act done to a person held (release, arrest, detention: ``custody_noun``) has the person as
its possessor ("X's release"): its author is whoever holds him, when the article says so
("authorities arrested X", "X, detained by Y"). ``AuthorFinder.passive_agent`` gives an
agentless passive the agent the article names: the holder of a person "released" or
"detained", the body of a "from" phrase of a removal ("was expelled from the party").
Every actor found so carries ``author.phrase``, ``author.article`` or ``author.removal`` in
its ``rule`` (docs/conventions.md, "Whose act a reaction answers")."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from dateline.codebook import (
    APPEAL_ROOT,
    COERCE_ROOT,
    DEMAND_ROOT,
    DENIAL_CODE,
    DIPLOMATIC_COOPERATION_ROOT,
    DISAPPROVE_ROOT,
    INTENT_ROOT,
    PROTEST_ROOT,
    REJECT_ROOT,
    RELEASE_CODE,
    YIELD_ROOT,
)
from dateline.docmemo import (
    children,
    head_of,
    sentence_index,
    sentence_of,
    sentences,
    token_lemmas,
    token_pos,
)
from dateline.events import syntax
from dateline.events._arguments import ArgumentFinder
from dateline.events._phrases import (
    PRONOUNS,
    Arg,
    MentionLike,
    is_city,
    same_actor,
)
from dateline.events._words import word_class
from dateline.events.apposed_charges import apposed_charge, charge_maker
from dateline.events.lexicon import TriggerRule
from dateline.model import Actor, Event

PHRASE_RULE = "author.phrase"
ARTICLE_RULE = "author.article"
REMOVAL_RULE = "author.removal"
# Acts and artifacts that have an author: the class of this module and the texts, stances,
# plans and statements the other rules already name.
AUTHORED_NOUNS = (
    word_class("authored_noun")
    | word_class("discourse_object")
    | word_class("intent_noun")
    | word_class("speech_noun")
    | word_class("judicial_noun")
    | word_class("act_noun")
)
ALLEGATION_NOUNS = word_class("allegation_noun")
CUSTODY_NOUNS = word_class("custody_noun")
CUSTODY_VERBS = word_class("custody_verb")
AUTHORING_VERBS = word_class("authoring_verb") | word_class("issuing_verb")
REMOVAL_VERBS = word_class("removal_verb")
HOLDING_VERBS = word_class("holding_verb")
# Acts of a court ("refused to attend the hearing"): with no author named, the court the
# story last named, within a few sentences.
JUDICIAL_NOUNS = word_class("judicial_noun")
JUDICIAL_SECTOR = "JUD"
COURT_SENTENCES = 3
# Adjectives that name the branch of a state an act is by ("the *congressional* move"), as
# the sector of the actor who made it: the one of that sector the story named last, within
# ``BRANCH_SENTENCES`` sentences (the same country's branch as the critic's is no author).
BRANCH_ADJECTIVES = (
    (word_class("legislature_adjective"), "LEG"),
    (word_class("judiciary_adjective"), JUDICIAL_SECTOR),
    (word_class("executive_adjective"), "GOV"),
)
BRANCH_SENTENCES = 8
# Filings a court decides on: "the appeal was rejected" after the story named the court.
LEGAL_FILINGS = word_class("legal_filing")
# Suffixes that make a noun of a verb ("announce-ment", "propos-al", "alleg-ation", "rul-ing"):
# the general cue that a noun names an act, checked against a verb the article uses.
NOMINAL_SUFFIXES = ("ment", "ation", "ition", "ion", "al", "ance", "ence", "ing", "ure", "age")
MIN_STEM = 3
# Reactions (welcoming, criticising, rejecting, protesting, denying) answer whoever did what
# they name, any act noun; an agreement or acceptance only a proposal-like artifact; a request
# only an act done to a person held ("called for X's release": the holder is asked).
REACTION_ROOTS = (DIPLOMATIC_COOPERATION_ROOT, DISAPPROVE_ROOT, REJECT_ROOT, PROTEST_ROOT)
REQUEST_ROOTS = (APPEAL_ROOT, DEMAND_ROOT)
ACCUSE_ROOT = DISAPPROVE_ROOT
# Prepositions of the noun a reaction is about ("objected *to* the decision", "called *for*
# X's release", "protested *against* the ruling").
ABOUT_PREPOSITIONS = ("to", "for", "against", "over", "about", "on", "with", "of", "from")
# Prepositions of a noun that name its author ("the resolution *by* the House", "a demand
# *from* X") or the body it was put to ("a resolution *in* Congress": an organisation only).
AGENT_PREPOSITIONS = ("by", "from")
BODY_PREPOSITION = "in"
# Prepositions of an act noun that lead to the document containing it ("the allegations *in*
# the lawsuits").
CONTAINER_PREPOSITIONS = ("in", "of")
TIME_LABELS = {"DATE", "TIME"}
STATE_SECTORS = {None, "GOV"}
DEVERBAL_FILE = "deverbal_nouns.tsv"


@cache
def _irregular() -> frozenset[tuple[str, str]]:
    """(noun, verb) pairs the suffix rule misses ("decision", "decide")."""
    path = resources.files("dateline") / "data" / "events" / DEVERBAL_FILE
    rows = [
        line
        for line in path.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return frozenset((r["noun"], r["verb"]) for r in csv.DictReader(rows, delimiter="\t"))


def derives_from(noun: str, verb: str) -> bool:
    """Does the noun name the act of the verb ("offer"/"offer", "announcement"/"announce",
    "ruling"/"rule", "decision"/"decide")?"""
    if noun == verb:
        return True
    if (noun, verb) in _irregular():
        return True
    # "announce-ment" keeps the verb's final "e", "propos-al" drops it
    stems = {verb, verb[:-1] if verb.endswith(("e", "y")) else verb}
    return any(
        len(stem) >= MIN_STEM and noun.startswith(stem) and noun[len(stem) :] in NOMINAL_SUFFIXES
        for stem in stems
    )


def noun_kind(noun: Token) -> str | None:
    """custody | allegation | authored | deverbal | None (no act or artifact)."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.ent_type_ in TIME_LABELS:
        return None
    if lemma in CUSTODY_NOUNS:
        return "custody"
    if lemma in ALLEGATION_NOUNS:
        return "allegation"
    if lemma in AUTHORED_NOUNS:
        return "authored"
    if lemma.endswith(NOMINAL_SUFFIXES) and len(lemma) > len("ment") + MIN_STEM:
        return "deverbal"
    return None


def answers(rule: TriggerRule, kind: str) -> bool:
    """Does an act coded by ``rule`` aim at the author of a noun of this kind?"""
    code = rule.cameo
    if code.startswith(REACTION_ROOTS) or code.startswith(DENIAL_CODE):
        return True
    if code.startswith(INTENT_ROOT):
        return kind == "authored"
    if code.startswith(REQUEST_ROOTS):
        return kind == "custody"
    if code.startswith(YIELD_ROOT) and "prep:to" in rule.targets:
        # "gave in to pressure from X", "bowed to the demands of X": X is yielded to
        return kind in {"authored", "deverbal"}
    return False


def same_referent(a: Actor, b: Actor) -> bool:
    """The same actor, also when named again differently ("Jose Ruben Zamora" ... "Zamora")."""
    if same_actor(a, b):
        return True
    if a.name and b.name:
        return a.name == b.name
    if a.kind == "person" and b.kind == "person":
        return _surname(a.text) == _surname(b.text)
    return False


def _surname(text: str) -> str:
    words = text.lower().replace("’s", "").replace("'s", "").split()
    return words[-1] if words else ""


def _same_state(a: Actor, b: Actor) -> bool:
    """Both the government (or the state) of one country: "Tehran" and "Iran" (not a person
    known only by nationality: "Afghan writer X")."""
    return (
        bool(a.country)
        and a.country == b.country
        and {a.sector, b.sector} <= STATE_SECTORS
        and not any(x.kind == "person" and x.sector is None for x in (a, b))
    )


def _mark(args: Iterable[Arg], convention: str) -> list[Arg]:
    out = []
    for arg in args:
        rule = arg.actor.rule
        actor = replace(arg.actor, rule=f"{rule}+{convention}" if rule else convention)
        out.append(Arg(actor, arg.plural))
    return out


@dataclass
class ArticleMemory:
    """What the coder has seen of one document: every actor mention by token, and the events
    coded so far with their trigger tokens, in document order."""

    doc: Doc
    by_token: dict[int, MentionLike]
    events: list[tuple[Token, Event]] = field(default_factory=list)

    def remember(self, coded: Sequence[tuple[Token, Event]]) -> None:
        self.events.extend(coded)

    def events_before(self, i: int) -> list[tuple[Token, Event]]:
        """Events whose trigger comes before token ``i``, nearest first."""
        return sorted(
            ((t, e) for t, e in self.events if t.i < i), key=lambda te: te[0].i, reverse=True
        )


class AuthorFinder:
    """The author of the act or artifact an act is aimed at (see the module's docstring)."""

    def __init__(self, arguments: ArgumentFinder) -> None:
        self.arguments = arguments

    def memory(self, doc: Doc, mentions: Sequence[MentionLike]) -> ArticleMemory:
        return ArticleMemory(doc, self.arguments.mentions_by_token(doc[:], mentions))

    # -- targets ----------------------------------------------------------------------------
    def target(
        self,
        tok: Token,
        rule: TriggerRule,
        sources: list[Arg],
        by_token: dict[int, MentionLike],
        memory: ArticleMemory | None,
    ) -> list[Arg]:
        verb = tok.lemma_.lower()
        if verb in AUTHORING_VERBS:
            return []  # "filed claims against X": its own claims, aimed at X or no one
        if answers(rule, "allegation") and (charge := apposed_charge(tok)) is not None:
            # "X said Y armed the rebels, charges Y denied": made by the clause's subject
            maker = self.arguments.actors_at(charge_maker(charge), by_token)
            if found := [a for a in maker if not self._is_source(a.actor, sources)]:
                return _mark(found, PHRASE_RULE)
        for noun in self.act_objects(tok):
            kind = noun_kind(noun)
            if kind is None or not answers(rule, kind) or derives_from(noun.lemma_.lower(), verb):
                continue
            if found := self._author(noun, kind, rule, tok, sources, by_token, memory):
                return found
        return []

    def _author(
        self,
        noun: Token,
        kind: str,
        rule: TriggerRule | None,
        tok: Token,
        sources: list[Arg],
        by_token: dict[int, MentionLike],
        memory: ArticleMemory | None,
    ) -> list[Arg]:
        """The author of ``noun``, other than the sources: in its phrase, else the article."""
        # a possessive pronoun may stand for an actor of the sentence before
        wide = memory.by_token if memory is not None else by_token
        found = self._from_phrase(noun, kind, rule, sources, by_token, wide)
        convention = PHRASE_RULE
        if not found and memory is not None:
            found = self._by_branch(noun, tok, sources, memory) or self._from_article(
                noun, kind, tok, sources, memory
            )
            convention = ARTICLE_RULE
        return _mark([a for a in found if not self._is_source(a.actor, sources)], convention)

    def author_of(
        self,
        noun: Token,
        tok: Token,
        sources: list[Arg],
        by_token: dict[int, MentionLike],
        memory: ArticleMemory | None,
    ) -> list[Arg]:
        """The author of the act ``noun`` names, which the words at ``tok`` answer (a
        judgement of it, not a verb with a rule): in its phrase, else in the article."""
        kind = noun_kind(noun)
        if kind is None:
            return []
        return self._author(noun, kind, None, tok, sources, by_token, memory)

    @staticmethod
    def act_objects(tok: Token) -> list[Token]:
        """The nouns an act is about: its object (or passive subject), the objects of its
        prepositions, those of an infinitive it governs ("refused to attend the hearing"),
        and the documents they are in ("the allegations in the lawsuits")."""
        heads = [tok, *(c for c in children(tok) if c.dep_ == "xcomp")]
        nouns: list[Token] = []
        for head in heads:
            if head.pos_ == "VERB":
                obj = syntax.object_of(head)
                if obj is None and syntax.is_passive(head):
                    obj = syntax.passive_subject_of(head)
                if obj is not None:
                    nouns.append(obj)
            nouns.extend(p for w in ABOUT_PREPOSITIONS for p in syntax.prep_objects(head, w))
        out: list[Token] = []
        for noun in nouns:
            for n in (noun, *noun.conjuncts):
                out.append(n)
                out.extend(
                    p
                    for w in CONTAINER_PREPOSITIONS
                    for p in syntax.prep_objects(n, w)
                    if noun_kind(p) is not None
                )
        return out

    def _is_source(self, actor: Actor, sources: list[Arg]) -> bool:
        return any(same_referent(actor, s.actor) or _same_state(actor, s.actor) for s in sources)

    def _from_phrase(
        self,
        noun: Token,
        kind: str,
        rule: TriggerRule | None,
        sources: list[Arg],
        by_token: dict[int, MentionLike],
        wide: dict[int, MentionLike] | None = None,
    ) -> list[Arg]:
        """The author the noun's own phrase names (``wide``: the mentions a possessive
        pronoun may stand for)."""
        actors_at = self.arguments.actors_at
        for w in AGENT_PREPOSITIONS:
            for agent in syntax.prep_objects(noun, w):
                if found := actors_at(agent, by_token):
                    return found
        for child in children(noun):
            # "the allegations *made by* X", "lawsuits *filed by* X"
            if (
                child.dep_ == "acl"
                and child.tag_ == "VBN"
                and (found := actors_at(syntax.agent_of(child), by_token))
            ):
                return found
        for child in children(noun):
            # "the *U.S.* proposal", "the *House* resolution"
            if child.dep_ in {"amod", "compound", "nmod"} and child.i in by_token:
                actor = by_token[child.i].actor
                # not a city ("the Doha agreement" was signed there, not by it)
                venue = actor.kind == "place" or is_city(actor)
                if not venue and (kind != "custody" or actor.kind != "person"):
                    return actors_at(child, by_token)
        possessor = next((c for c in children(noun) if c.dep_ == "poss"), None)
        patient_owned = kind == "custody" and not syntax.prep_objects(noun, "of")
        if possessor is not None and not patient_owned and kind != "deverbal":
            # "X's release" is X's only as "X's release of Y"
            if possessor.lower_ in PRONOUNS and possessor.i not in by_token:
                return self._possessive_antecedent(possessor, sources, wide or by_token)
            if found := actors_at(possessor, by_token):
                return found
        for body in syntax.prep_objects(noun, BODY_PREPOSITION):
            found = actors_at(body, by_token)
            if found and all(a.actor.kind == "organisation" for a in found):
                return found  # "a resolution in Congress"; not "the protests in Iran"
        if kind == "authored" and rule is not None and not rule.cameo.startswith(REJECT_ROOT):
            # "welcomed the announcement *that Y had agreed*"; "rejected claims that Y ..."
            # names no claimant (an allegation's clause is about whom it accuses)
            for child in children(noun):
                said = child.dep_ in {"acl", "ccomp"} and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in children(child)
                )
                if said and (found := actors_at(syntax.subject_of(child), by_token)):
                    return found
        if kind == "allegation" and noun.dep_ in {"appos", "npadvmod"}:
            # "X blamed Y for the attack, a charge Y rejected": the charge is what the
            # sentence's main clause says, made by its subject
            root = sentence_of(noun).root
            if root.i != noun.i and (found := actors_at(syntax.subject_of(root), by_token)):
                return found
        return []

    def _possessive_antecedent(
        self, pronoun: Token, sources: list[Arg], by_token: dict[int, MentionLike]
    ) -> list[Arg]:
        """ "Tehran rejected *its* offer": the nearest actor before the pronoun that it can
        stand for and that is not the one reacting (no one rejects his own offer)."""
        person = PRONOUNS[pronoun.lower_]
        start = max(sentence_of(pronoun).start - 1, 0)
        first = sentence_of(pronoun.doc[start]).start  # this sentence and the one before
        for i in range(pronoun.i - 1, first - 1, -1):
            mention = by_token.get(i)
            if mention is None or not (mention.actor.code or mention.members):
                continue
            actor = mention.actor
            if person != "any" and (person == "person") != (actor.kind == "person"):
                continue
            if actor.kind == "place" or self._is_source(actor, sources):
                continue
            return self.arguments.actors_at(pronoun.doc[i], by_token)
        return []

    # -- the article ------------------------------------------------------------------------
    def _from_article(
        self, noun: Token, kind: str, tok: Token, sources: list[Arg], memory: ArticleMemory
    ) -> list[Arg]:
        lemma = noun.lemma_.lower()
        patient = self._patient(noun, memory.by_token) if kind == "custody" else None
        if kind == "custody" and patient is None:
            patient = self._earlier_patient(lemma, tok, memory)
        for trigger, event in memory.events_before(tok.i):
            about = event.target
            if (
                derives_from(lemma, trigger.lemma_.lower())
                and (patient is None or (about is not None and same_referent(about, patient)))
                and (kind != "allegation" or self._aims_at(about, sources))
            ):
                # "X and Y agreed to a ceasefire ... welcomed the agreement": both did it
                doers = self._doer(trigger, memory.by_token) if trigger.pos_ == "VERB" else []
                parties = {a.actor.code: a for a in reversed(doers) if a.actor.code}
                return list(parties.values()) if len(parties) > 1 else [Arg(event.source)]
            if (
                kind == "allegation"
                and event.cameo.root == ACCUSE_ROOT
                and about is not None
                and any(same_referent(about, s.actor) for s in sources)
            ):
                return [Arg(event.source)]  # "X accused Y ... Y denied the allegations"
            if (
                kind == "custody"
                and patient is not None
                and event.cameo.root == COERCE_ROOT
                and about is not None
                and same_referent(about, patient)
            ):
                return [Arg(event.source)]  # the holder: "X arrested Y ... Y's release"
        # Only a verb or the same noun can be the earlier act: the others are skipped unread.
        lemmas, pos = token_lemmas(memory.doc), token_pos(memory.doc)
        for i in range(tok.i - 1, -1, -1):
            if i == noun.i or not (pos[i] == "VERB" or (pos[i] == "NOUN" and lemmas[i] == lemma)):
                continue
            earlier = memory.doc[i]
            found = self._authored_at(earlier, lemma, kind, patient, memory.by_token)
            if kind == "allegation" and not self._accuses(earlier, found, sources, memory):
                continue  # "X accused Y ... Z denied the allegations": not Z's accuser
            if found and not any(self._is_source(a.actor, sources) for a in found):
                return found
        if lemma in JUDICIAL_NOUNS:
            return self._last_court(tok, sources, memory)
        return []

    def _aims_at(self, about: Actor | None, sources: list[Arg]) -> bool:
        """Is an earlier act aimed at one of the ``sources`` (an allegation is answered by the
        one it accuses, not by a bystander)?"""
        return about is not None and self._is_source(about, sources)

    def _accuses(
        self, earlier: Token, authors: list[Arg], sources: list[Arg], memory: ArticleMemory
    ) -> bool:
        """Does the clause of an earlier allegation ("X alleged that Y ...", "X made
        allegations against Y") name one of the ``sources`` besides its ``authors``?"""
        clause = earlier if earlier.pos_ == "VERB" else head_of(earlier)
        for t in clause.subtree:
            mention = memory.by_token.get(t.i)
            if mention is None or any(same_referent(mention.actor, a.actor) for a in authors):
                continue
            if self._is_source(mention.actor, sources):
                return True
        return False

    def accusing_court(self, tok: Token, accused: list[Arg], memory: ArticleMemory) -> list[Arg]:
        """Who accuses in an agentless passive ("X were accused of the bombing"): the court
        or prosecutors the story named just before, marked as the article's."""
        return _mark(self._last_court(tok, accused, memory), ARTICLE_RULE)

    def _last_court(self, tok: Token, sources: list[Arg], memory: ArticleMemory) -> list[Arg]:
        """The court named last before ``tok``, within ``COURT_SENTENCES`` sentences: "the
        case went before the ICJ, though X refused to attend the hearing"."""
        return self._last_of_sector(tok, sources, memory, JUDICIAL_SECTOR, COURT_SENTENCES)

    def _by_branch(
        self, noun: Token, tok: Token, sources: list[Arg], memory: ArticleMemory
    ) -> list[Arg]:
        """ "decried *the congressional move*": the legislature the story named last (not
        the critics' own), as ``BRANCH_ADJECTIVES`` tell the sector of the act's maker."""
        for child in children(noun):
            if child.dep_ != "amod":
                continue
            lemma = child.lower_
            for words, sector in BRANCH_ADJECTIVES:
                if lemma in words:
                    return self._last_of_sector(
                        tok, sources, memory, sector, BRANCH_SENTENCES, coded=True
                    )
        return []

    def _last_of_sector(
        self,
        tok: Token,
        sources: list[Arg],
        memory: ArticleMemory,
        sector: str,
        window: int,
        *,
        coded: bool = False,
    ) -> list[Arg]:
        """The actor of ``sector`` named last before ``tok`` within ``window`` sentences,
        other than the sources (nor of their country and sector); with ``coded``, only one
        the resolver knows ("parliament" unplaced is no one's)."""
        sents = sentences(memory.doc)
        here = sentence_index(memory.doc[tok.i])
        first = sents[max(here - window + 1, 0)].start
        for i in range(tok.i - 1, first - 1, -1):
            mention = memory.by_token.get(i)
            if mention is None or mention.actor.sector != sector:
                continue
            actor = mention.actor
            if (
                (coded and not actor.code)
                or self._is_source(actor, sources)
                or any(
                    actor.country == s.actor.country and actor.sector == s.actor.sector
                    for s in sources
                )
            ):
                continue
            return [Arg(actor)]
        return []

    def _authored_at(
        self,
        earlier: Token,
        lemma: str,
        kind: str,
        patient: Actor | None,
        by_token: dict[int, MentionLike],
    ) -> list[Arg]:
        """The author of the act at an earlier token: the same noun with an author of its
        own or made by a verb's subject, the verb the noun derives from, or (for a person
        held) a verb of custody done to him."""
        word = earlier.lemma_.lower()
        if earlier.pos_ == "NOUN" and word == lemma:
            if kind != "custody" and (
                found := self._from_phrase(earlier, kind, None, [], by_token)
            ):
                return found
            verb = head_of(earlier)
            if earlier.dep_ in {"dobj", "nsubjpass"} and (
                verb.lemma_.lower() in AUTHORING_VERBS or derives_from(lemma, verb.lemma_.lower())
            ):
                return self._doer(verb, by_token)
            return []
        if earlier.pos_ != "VERB" or syntax.is_negated(earlier):
            return []
        custody = kind == "custody" and word in CUSTODY_VERBS
        if not (derives_from(lemma, word) or custody):
            return []
        if patient is not None:
            done_to = self._done_to(earlier, by_token)
            if not any(same_referent(a.actor, patient) for a in done_to):
                return []
        elif custody and not derives_from(lemma, word):
            return []
        return self._doer(earlier, by_token)

    def _doer(self, verb: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        if syntax.is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            return self.arguments.actors_at(syntax.agent_of(verb), by_token)
        return self.arguments.actors_at(syntax.subject_of(verb), by_token)

    def _done_to(self, verb: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        if syntax.is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            return self.arguments.actors_at(syntax.passive_subject_of(verb), by_token)
        return self.arguments.actors_at(syntax.object_of(verb), by_token)

    def _patient(self, noun: Token, by_token: dict[int, MentionLike]) -> Actor | None:
        """The person an act of custody is done to: "the release *of X*", "*X's* release"."""
        for head in (
            *syntax.prep_objects(noun, "of"),
            *(c for c in children(noun) if c.dep_ == "poss"),
        ):
            found = self.arguments.actors_at(head, by_token)
            if found:
                return found[0].actor
        return None

    def _earlier_patient(self, lemma: str, tok: Token, memory: ArticleMemory) -> Actor | None:
        """ "welcomed the release": whom the article last said was released."""
        lemmas, pos = token_lemmas(memory.doc), token_pos(memory.doc)
        for i in range(tok.i - 1, -1, -1):
            if pos[i] == "VERB" and derives_from(lemma, lemmas[i]):
                found = self._done_to(memory.doc[i], memory.by_token)
                if found:
                    return found[0].actor
        return None

    # -- agents -----------------------------------------------------------------------------
    def passive_agent(
        self,
        tok: Token,
        rule: TriggerRule,
        by_token: dict[int, MentionLike],
        memory: ArticleMemory | None,
    ) -> list[Arg]:
        """The agent an agentless passive leaves to the article: the court that rejects a
        filing ("the appeal was rejected"), the body or country a person "was expelled from",
        the holder of a person "was released" or "was detained"."""
        if tok.pos_ != "VERB" or not syntax.is_passive(tok) or syntax.agent_of(tok) is not None:
            return []
        lemma = tok.lemma_.lower()
        filed = syntax.passive_subject_of(tok)
        if (
            memory is not None
            and rule.cameo.startswith(REJECT_ROOT)
            and filed is not None
            and filed.lemma_.lower() in LEGAL_FILINGS
        ):
            return _mark(self._last_court(tok, [], memory), ARTICLE_RULE)
        if lemma in REMOVAL_VERBS:
            for body in syntax.prep_objects(tok, "from"):
                found = self.arguments.actors_at(body, by_token)
                if found and all(a.actor.kind in {"organisation", "country"} for a in found):
                    return _mark(found, REMOVAL_RULE)
        if memory is None or lemma not in HOLDING_VERBS:
            return []
        subject = syntax.passive_subject_of(tok)
        held = self.arguments.actors_at(subject, by_token)
        if not held and subject is not None and subject.lower_ in PRONOUNS:
            # "She has been detained since": the person the sentence before named
            held = self._possessive_antecedent(subject, [], memory.by_token)
        if len(held) != 1:
            return []
        patient = held[0].actor
        for trigger, event in memory.events_before(tok.i):
            if (
                event.cameo.root == COERCE_ROOT
                and event.target is not None
                and same_referent(event.target, patient)
                and trigger.i != tok.i
            ):
                return _mark([Arg(event.source)], ARTICLE_RULE)
        lemmas, pos = token_lemmas(memory.doc), token_pos(memory.doc)
        for i in range(tok.i - 1, -1, -1):
            if pos[i] != "VERB" or lemmas[i] not in CUSTODY_VERBS:
                continue
            earlier = memory.doc[i]
            if any(
                same_referent(a.actor, patient) for a in self._done_to(earlier, memory.by_token)
            ):
                found = self._doer(earlier, memory.by_token)
                if found:
                    return _mark(found, ARTICLE_RULE)
        if rule.cameo.startswith(RELEASE_CODE):
            # "X has been released on bail" in a story about his case: the court it named
            return _mark(self._last_court(tok, held, memory), ARTICLE_RULE)
        return []
