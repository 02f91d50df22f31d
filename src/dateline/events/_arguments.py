"""Who acts and who is acted on: the source and target phrases of a trigger.

``ArgumentFinder.find`` gives a trigger's sources and targets from the dependency parse:
subjects (active, passive "by" agents, shared subjects, relative clauses), objects and
target prepositions of the trigger's rule, the "between X and Y" of nominal triggers, the
agents and objects of action nouns, and, when the rule's own slots are empty, fallbacks
(protest targets, complements, purposes, the actor after the trigger). Pronouns resolve to
antecedents in the sentence; the source's own parts and forces are never its target."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from spacy.tokens import Span, Token

from dateline.docmemo import sentence_of, token_starts
from dateline.events import syntax
from dateline.events._clauses import (
    REQUEST_HEADS,
    governs,
    is_attribution,
)
from dateline.events._words import word_class
from dateline.events.lexicon import TriggerRule
from dateline.model import Actor

# Prepositions of a target that may name a thing of the target's: "restrictions *on* the
# market for X", "strikes *against* positions held by X".
TARGET_PREPOSITIONS = {"on", "against", "at", "toward", "towards"}
# Prepositions whose object stands for the direct object of a verb that has none: "reneged
# *on* its promise to X".
OBJECT_LIKE_PREPOSITIONS = ("on", "from")
# Prepositions inside an action-noun object that name the actor the event is about.
OBJECT_PHRASE_PREPOSITIONS = (
    "with",
    "between",
    "against",
    "on",
    "to",
    "toward",
    "towards",
    "from",
    "by",
    "for",
)
# Protests (CAMEO 14) whose purpose clause or phrase may name whom they are against, and how
# deep into it we look ("to show their disapproval of the United States' policies").
PROTEST_ROOT = "14"
PROTEST_PURPOSE_DEPTH = 5
PROTEST_PREPOSITIONS = {"against", "over"}  # not "in", "at": those give the place
PROTEST_STANCE_NOUNS = word_class("protest_stance_noun")
# Prepositions of a protest during which the subject's act takes place, as one of its
# participants: "threw stones *during* demonstrations".
ACCOMPANYING_PREPOSITIONS = {"during"}
# Meetings and support named by a noun in a circumstance of the clause ("*following* talks
# with X, Y agreed", "marched *in* solidarity with X"): the clause's subject took part in
# them (word class ``circumstance_preposition``); and the CAMEO roots this holds for (not
# for attacks: "after an attack on X, Y said" is no attack by Y).
CIRCUMSTANCE_PREPOSITIONS = word_class("circumstance_preposition")
PARTAKEN_ROOTS = ("04", "05")
# "in solidarity with X", "in support of X": a stance the subject acts in. Not meetings:
# "agreed to mediation *in* the talks with X" reports no talks of the subject's.
STANCE_PREPOSITIONS = word_class("stance_preposition")
# Support, material cooperation and shows of force: "in solidarity with X", "in coordination
# with X", "flew low *in a two-day exercise*".
STANCE_ROOTS = ("05", "06", "15")
# A target alternative may name the kind of actor it must be: "prep:from@organisation".
ACTOR_KIND_MARK = "@"
# Entity labels of a named agent ("rallies *by the Kifaya group*") and of a time ("by Monday").
AGENT_NAME_LABELS = {"ORG", "NORP", "PERSON", "GPE"}
TIME_LABELS = {"DATE", "TIME"}
# Sectors of the forces that police a protest: they come "for a rally" to contain it.
SECURITY_SECTORS = {"COP", "MIL", "SPY"}
# Prepositions of a threatened or offered act that name its target.
COMPLEMENT_PREPOSITIONS = ("to", "against", "on", "at", "with")
# CAMEO roots of speech acts (statements, appeals, demands, disapproval, rejection, threats,
# denials), whose target may be the subject of the clause they introduce.
SPEECH_ACT_ROOTS = {"01", "02", "10", "11", "12", "13", "16"}
# CAMEO code of denials of responsibility or of an accusation.
DENIAL_CODE = "016"
# Rejections (CAMEO 12) aim at whoever made what is rejected, not at the subject of its
# content clause: "rebuffed fears *that Trump's tariffs* would cause a recession".
REJECT_ROOT = "12"
# Only actions done *with* someone make a dyad of coordinated subjects ("X and Y met",
# "X and Y agreed"); "X and Y condemned ..." is two statements, not X condemning Y.
RECIPROCAL_TARGETS = {"prep:with", "between"}
# Consultations: their object is the topic ("discussed Iran's programme"), never the partner.
CONSULT_ROOT = "04"
# CAMEO root of force postures (mobilising, deploying, exercises): their object is usually
# the source's own forces; whom they are aimed at is in their purpose.
FORCE_POSTURE_ROOT = "15"
# CAMEO roots of uses of force (coercion, assault, fighting, mass violence), and the first
# root of a purpose that makes force aimed at its object ("fired to disperse X": 175).
FORCE_ROOTS = ("17", "18", "19", "20")
COERCIVE_PURPOSE_ROOT = "17"
# How far "the resumption of talks of ..." chains are followed inside an object phrase.
MAX_OF_CHAIN = 2
# Prepositions of the cause of a complaint or concern ("protested *over* the arrests"): the
# target is who did what they name, not whom it was done to.
CAUSE_PREPOSITIONS = {"over", "about"}
# Participles whose agentless passive is a state of the subject: "X is opposed to Y".
STATIVE_PARTICIPLES = word_class("stative_participle")
# Prepositions of a demanded or requested noun naming who is to do it: "demanded an admission
# *by* Moscow that ...", "demanded an apology *from* Japan".
DEMANDED_AGENT_PREPOSITIONS = ("by", "from")
MUST_RULE = TriggerRule(
    id="g.must.demand",
    lemma="must",
    pos="VERB",
    requires=(),
    targets=("none",),
    cameo="100",
    note="X said Y must ...",
)
# "X said Y's decision is arbitrary": a negative judgement in speech (events/_evaluation.py).
CRITICISM_RULE = TriggerRule(
    id="g.evaluation.criticism",
    lemma="be",
    pos="VERB",
    requires=(),
    targets=("none",),
    cameo="111",
    note="X said Y's decision is arbitrary",
)
# De-escalation done by a party to its own forces (CAMEO 087: withdraw, demobilize, disarm),
# and their deployment (15, 074 peacekeepers): with no "by" agent, the passive's subject is
# the party that acts ("troops were withdrawn from X", "guerrillas have been demobilized",
# "Russian troops have been deployed in Belarus").
OWN_FORCES_CODES = ("087", "15", "074")
# Possessive pronouns that bind a part (its forces, their troops) to an actor of the clause.
OWN_POSSESSIVES = ("its ", "their ", "his ", "her ")
# Pronouns the coder resolves within a sentence, and what they can refer to.
PRONOUNS = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "his": "person",
    "it": "thing",
    "its": "thing",
    "they": "any",
    "them": "any",
    "their": "any",
}
# Relatives and successors: "Trump's predecessor" is not Trump.
RELATION_NOUNS = word_class("relation_noun")


class MentionLike(Protocol):
    start: int
    end: int
    actor: Actor
    head: int
    members: list[Actor]


@dataclass
class Arg:
    actor: Actor
    plural: bool = False


def names_someone(phrase: Token) -> bool:
    """A phrase that names a person or a group (a name in it), not a time ("by Monday")."""
    return any(
        t.ent_type_ in AGENT_NAME_LABELS or (t.pos_ == "PROPN" and t.ent_type_ not in TIME_LABELS)
        for t in phrase.subtree
    )


def is_own_part(actor: Actor, sources: list[Arg]) -> bool:
    """A part of a source that a possessive pronoun binds to it ("the UN ... *its* forces":
    the UN's own forces, coded as the source's code with a sector)."""
    if not actor.code or not actor.text.lower().startswith(OWN_POSSESSIVES):
        return False
    return any(
        s.actor.code and actor.code != s.actor.code and actor.code.startswith(s.actor.code)
        for s in sources
    )


def pronoun_antecedent(pronoun: Token, by_token: dict[int, MentionLike]) -> MentionLike | None:
    """What a pronoun stands for, within its sentence.

    "Japan said *it* had halted aid": the subject of a reported clause is the reporter. Else the
    nearest actor before the pronoun that it can refer to (people for he/she, not people for
    it/its).
    """
    wanted = PRONOUNS[pronoun.lower_]

    def fits(mention: MentionLike) -> bool:
        # he/she for people, it/its for the rest; they/their not for one person or "the
        # country" ("the Taliban barring the envoy from the country ... *their* crackdown")
        actor = mention.actor
        if wanted == "any":
            first_rule = (actor.rule or "").split("+")[0]
            # (object "them" keeps the nearest reading: measured on the PLOVER set, it more
            # often ends at an uncoded agent than at a better antecedent)
            person = (
                actor.kind == "person"
                and not first_rule.endswith(":pl")
                and pronoun.lower_ in ("they", "their")
            )
            one_country = first_rule.startswith("ref:")  # "the country"
            return bool(mention.members) or not (person or one_country)
        return (wanted == "person") == (actor.kind == "person")

    # Inside a direct quotation a speaker says "I" or "we": a third-person pronoun there
    # points at someone the quotation itself named, never at the speaker outside it
    # ("They want to sell weapons," X said).
    quoted_from = syntax.quotation_start(pronoun)
    own = sentence_of(pronoun).start
    floor = own if quoted_from is None else max(quoted_from, own)
    clause = pronoun.head
    if pronoun.dep_ in {"nsubj", "nsubjpass"} and clause.dep_ in {
        "ccomp",
        "xcomp",
        "advcl",
        "conj",
    }:
        reporter = syntax.subject_of(clause.head)
        if (
            reporter is not None
            and reporter.i != pronoun.i
            and (quoted_from is None or syntax.quotation_start(reporter) == quoted_from)
        ):
            if reporter.i in by_token:
                # "he" is no country; "it" may be the body a spokesperson speaks for
                if wanted != "person" or fits(by_token[reporter.i]):
                    return by_token[reporter.i]
            elif members := [m for m in syntax.prep_objects(reporter, "of") if m.i in by_token]:
                return by_token[members[0].i]  # "a group of X leaders said they ...": X
            elif (
                clause.dep_ == "ccomp"
                and reporter.pos_ in {"NOUN", "PROPN"}
                and (wanted != "person") == (reporter.ent_type_ != "PERSON")
            ):
                # "the outfit said *it* had ...": the reporter is who the pronoun means,
                # even when the resolver could not code it; not an actor named nearer
                # ("in a statement to media").
                return None
    # "X told *Y* they ...": whom a speaker tells is not who the reported "they" are
    addressees = set()
    if clause.dep_ == "ccomp":
        addressees = {
            c.i for c in clause.head.children if c.dep_ in {"dobj", "dative"} and c.i < pronoun.i
        }
    for i in range(pronoun.i - 1, floor - 1, -1):
        mention = by_token.get(i)
        if (
            mention is not None
            and fits(mention)
            and not is_description(pronoun.doc[i])
            and not addressees & {i, pronoun.doc[i].head.i}
        ):
            return mention
    return None


def _agented_participle(tok: Token) -> bool:
    """ "forces *backed by* Y", "girls *kidnapped by* gunmen": a participle modifying the noun
    it is done to, with its agent named, is a passive clause of its own."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and syntax.agent_of(tok) is not None


def _partaken(noun: Token, rule: TriggerRule | None) -> bool:
    """Is a meeting or support noun a circumstance of a clause whose subject takes part in
    it ("*following talks with X*, Y agreed", "marched *in solidarity* with X")?"""
    prep = noun.head
    if rule is None or noun.dep_ != "pobj":
        return False
    stance = prep.lower_ in STANCE_PREPOSITIONS and rule.cameo.startswith(STANCE_ROOTS)
    circumstance = stance or (
        rule.cameo.startswith(PARTAKEN_ROOTS) and prep.lower_ in CIRCUMSTANCE_PREPOSITIONS
    )
    if stance and prep.head.dep_ == "nsubj" and prep.head.pos_ in {"NOUN", "PROPN"}:
        return True  # "Kenyan troops, *in coordination with X*, attacked": the troops' stance
    return circumstance and prep.head.pos_ == "VERB" and not syntax.is_passive(prep.head)


def is_city(actor: Actor) -> bool:
    """A city or town named as a place (a capital too, which the resolver may read as its
    government), not a country or a body."""
    return (actor.rule or "").startswith("kb:place:")


def is_description(tok: Token) -> bool:
    """A phrase that describes another one rather than naming a referent: "recognized the
    Taliban *as the government*", "X became *the leader*"."""
    head = tok
    while head.dep_ in {"compound", "amod", "poss", "det"} and head.head.i != head.i:
        head = head.head
    if head.dep_ in {"attr", "oprd"}:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ == "VERB"


# Country codes (and the base codes of imported actor dictionaries) are three letters; an
# agent's sector is appended to them ("FRA" + "GOV").
COUNTRY_CODE_LENGTH = 3


def share_head_sector(head: Token, args: list[Arg]) -> list[Arg]:
    """ "the envoys of France, Germany and Britain": the head noun that made the first
    country's actor a government ("the envoys of France": FRAGOV) applies to the countries
    coordinated with it (DEUGOV, GBRGOV), as the resolver does for a shared modifier."""
    phrase = [t.idx for t in syntax.prep_objects(head, "of")]
    model = next(
        (
            a.actor
            for a in args
            if a.actor.sector
            and a.actor.start <= head.idx < a.actor.end
            and any(a.actor.start <= i < a.actor.end for i in phrase)
        ),
        None,
    )
    if model is None:
        return args
    out = []
    for arg in args:
        actor = arg.actor
        if (
            actor.code
            and len(actor.code) == COUNTRY_CODE_LENGTH  # a country (or a dictionary's base)
            and actor.kind not in {"person", "organisation"}
            and actor.sector is None
            and not actor.start <= head.idx < actor.end
        ):
            actor = replace(
                actor,
                code=actor.code + (model.sector or ""),
                sector=model.sector,
                role=model.role,
                kind=model.kind,
                rule=f"{actor.rule}+coordination" if actor.rule else "coordination",
            )
            arg = Arg(actor, arg.plural)
        out.append(arg)
    return out


def quoted(member: Actor, phrase: Actor) -> Actor:
    """A member of a plural reference ("the two delegations"). A member known only from the
    article's salient countries has no words of its own (its name as text, an empty span at
    0): the referring phrase quotes it, so that its offsets cut its text out of the body."""
    if member.start == member.end and member.text:
        return replace(member, text=phrase.text, start=phrase.start, end=phrase.end)
    return member


def same_actor(a: Actor, b: Actor) -> bool:
    if a.start == b.start and a.end == b.end:
        return True
    return bool(a.code) and a.code == b.code and (a.name or "") == (b.name or "")


class ArgumentFinder:
    """The source and target finders of the event coder; ``match`` is the coder's trigger
    matcher (a purpose clause may name the act a force serves)."""

    def __init__(self, match: Callable[[Token], TriggerRule | None]) -> None:
        self.match = match

    # -- arguments ------------------------------------------------------------------------
    def mentions_by_token(
        self, span: Span, mentions: Sequence[MentionLike]
    ) -> dict[int, MentionLike]:
        out: dict[int, MentionLike] = {}
        starts: list[int] | None = None  # the sentence's token offsets, read once
        for m in mentions:
            if m.end <= span.start_char or m.start >= span.end_char:
                continue
            if starts is None:
                starts = token_starts(span.doc)[span.start : span.end]
            # The tokens starting inside the mention: a range of the sorted offsets.
            first, stop = bisect_left(starts, m.start), bisect_left(starts, m.end)
            for k in range(first, stop):
                out[span.start + k] = m
        return out

    def actors_at(self, tok: Token | None, by_token: dict[int, MentionLike]) -> list[Arg]:
        """Actors denoted by the phrase headed by ``tok`` (and its conjuncts, also those of
        its "of" object: "the envoys of France, Germany and Britain")."""
        if tok is None:
            return []
        out: list[Arg] = []
        heads = syntax.expand_conjuncts(tok)
        for child in tok.children:
            listed = syntax.expand_conjuncts(child)
            if (
                child.dep_ == "appos"
                and len(listed) > 1
                and all(t.pos_ == "PROPN" for t in (tok, *listed))
            ):
                # "Mordor, the Shire, Fornost and Bree": a list of names the parser read as
                # an apposition ("the Shire") with its own conjuncts. Not descriptions: "X, an
                # ethnic Uyghur ... and the vice chair of ...".
                heads.extend(listed)
        for subject in syntax.split_subjects(tok):
            heads.extend(syntax.expand_conjuncts(subject))
        for head in heads:
            if head.i in by_token:
                mentions = [by_token[head.i], *self._of_conjuncts(head, by_token)]
            else:
                mentions = self._mention_in_phrase(head, by_token)
            if not mentions and head.lower_ in PRONOUNS:
                antecedent = pronoun_antecedent(head, by_token)
                mentions = [antecedent] if antecedent is not None else []
            args: list[Arg] = []
            for mention in mentions:
                if mention.members:
                    args.extend(Arg(quoted(a, mention.actor), plural=True) for a in mention.members)
                else:
                    args.append(Arg(mention.actor))
            out.extend(share_head_sector(head, args))
        unique: dict[tuple[str | None, int], Arg] = {}
        for arg in out:
            unique.setdefault((arg.actor.code, arg.actor.start), arg)
        return list(unique.values())

    @staticmethod
    def _of_conjuncts(head: Token, by_token: dict[int, MentionLike]) -> list[MentionLike]:
        """Mentions coordinated with the "of" object of ``head`` inside its mention: "the
        envoys of France" is one mention, "Germany and Britain" in "the envoys of France,
        Germany and Britain" others."""
        own = by_token.get(head.i)
        out: list[MentionLike] = []
        for pobj in syntax.prep_objects(head, "of"):
            if by_token.get(pobj.i) is not own:
                continue
            for conjunct in pobj.conjuncts:
                mention = by_token.get(conjunct.i)
                if mention is not None and mention is not own and mention not in out:
                    out.append(mention)
        return out

    def _mention_in_phrase(
        self, head: Token, by_token: dict[int, MentionLike]
    ) -> list[MentionLike]:
        """The mention inside the noun phrase of ``head`` ("the *Chinese* embassy"), nearest
        first, with those coordinated with it ("the condemnation *of X, Y and Z*").

        We do not descend into clauses or prepositional phrases other than "of" and "by", which
        would pick up actors that are not the argument ("talks *with* X" is not the subject);
        "condemned the attack *by* X" is aimed at X.
        """
        named = [by_token[c.i] for c in head.children if c.dep_ == "appos" and c.i in by_token]
        if head.lemma_.lower() in RELATION_NOUNS:
            # "Trump's predecessor, Joe Biden": the name in apposition, if any, never the
            # one the relative is related to
            return named[:1]
        frontier = [head]
        while frontier:
            nxt = []
            for tok in frontier:
                for child in tok.children:
                    if child.dep_ in {"relcl", "acl", "advcl", "ccomp", "conj", "cc", "appos"}:
                        continue
                    if child.dep_ == "prep" and child.lower_ not in {"of", "by"}:
                        continue
                    if child.i in by_token:
                        found = [by_token[child.i]]
                        for conjunct in child.conjuncts:
                            mention = by_token.get(conjunct.i)
                            if mention is not None and mention not in found:
                                found.append(mention)
                        return found
                    nxt.append(child)
            frontier = nxt
        return []

    def find(
        self, tok: Token, rule: TriggerRule, by_token: dict[int, MentionLike], span: Span
    ) -> tuple[list[Arg], list[Arg], bool]:
        sources: list[Arg] = []
        targets: list[Arg] = []
        passive = tok.pos_ == "VERB" and (syntax.is_passive(tok) or _agented_participle(tok))
        if (
            passive
            and syntax.agent_of(tok) is None
            and (
                tok.lemma_.lower() in STATIVE_PARTICIPLES or rule.cameo.startswith(OWN_FORCES_CODES)
            )
        ):
            # "X is opposed to Y": a state of X, who is the source; "X's troops were
            # withdrawn", "guerrillas have been demobilized": their own side de-escalates.
            passive = False
            sources = self.actors_at(syntax.passive_subject_of(tok), by_token)
        elif tok.pos_ == "VERB" or rule is MUST_RULE:
            if passive:
                sources = self.actors_at(syntax.agent_of(tok), by_token)
            else:
                subject = syntax.subject_of(tok)
                if subject is not None and (
                    (subject.i == tok.head.i and tok.dep_ == "acl")
                    or (message := syntax.message_of(tok)) is not None
                    and message.i == subject.i
                ):
                    # "demonstrators *protesting* X" act; "Trump's tariffs *targeting* X" are
                    # things, not their owner.
                    subject = subject if subject.i in by_token else None
                sources = self.actors_at(subject, by_token)
        else:
            subjecting = syntax.subjecting_verb_of(tok)
            if subjecting is not None:
                # "X put Y under arrest", "Y was placed under investigation (by X)".
                if syntax.is_passive(subjecting):
                    doer, patient = (
                        syntax.agent_of(subjecting),
                        syntax.passive_subject_of(subjecting),
                    )
                else:
                    doer, patient = syntax.subject_of(subjecting), syntax.object_of(subjecting)
                patients = self.actors_at(patient, by_token)
                if patients:
                    sources = self.actors_at(doer, by_token)
                    return sources, patients, any(a.plural for a in (*sources, *patients))
            undergoing = syntax.undergoing_verb_of(tok)
            if undergoing is not None:
                # "X came under attack from Y": Y attacks X.
                doers = [*syntax.prep_objects(tok, "from"), *syntax.prep_objects(tok, "by")]
                doers += [
                    *syntax.prep_objects(undergoing, "from"),
                    *syntax.prep_objects(undergoing, "by"),
                ]
                sources = [a for d in doers for a in self.actors_at(d, by_token)]
                sufferers = self.actors_at(syntax.subject_of(undergoing), by_token)
                if sources and sufferers:
                    return sources, sufferers, any(a.plural for a in (*sources, *sufferers))
            sources = self._nominal_sources(tok, rule, by_token)
        if rule.sources:
            # A dictionary pattern names the source after the verb: "+ * FROM $".
            sources = next(
                (f for s in rule.sources if (f := self._target(tok, s, passive, by_token))), []
            )
        for target in rule.targets:
            target, _, kind = target.partition(ACTOR_KIND_MARK)
            found = self._target(tok, target, passive, by_token)
            if kind:
                # "prep:from@organisation": "withdrew *from ECOWAS*", not "from the town"
                found = [a for a in found if a.actor.kind == kind]
            if target == "between" and found and not sources:
                sources, targets = found[:1], found[1:]
                break
            if found:
                targets = found
                break
        if targets and all(is_own_part(t.actor, sources) for t in targets):
            # "rejected a call for *its* forces to be deployed in X": the source's own forces
            # are what the act is about, not whom it is aimed at.
            targets = self._beyond_own(tok, targets, sources, by_token)
        if not targets and sources and not all(ACTOR_KIND_MARK in t for t in rule.targets):
            # (a rule that names the kind of its target wants that kind only)
            targets = self._fallback_target(tok, rule, by_token)
            if targets and all(is_own_part(t.actor, sources) for t in targets):
                targets = self._beyond_own(tok, targets, sources, by_token)
        plural = any(a.plural for a in (*sources, *targets))
        return sources, targets, plural

    def _beyond_own(
        self,
        tok: Token,
        own: list[Arg],
        sources: list[Arg],
        by_token: dict[int, MentionLike],
    ) -> list[Arg]:
        """Whom an act about the source's own forces is aimed at: the first other coded actor
        after them in the trigger's object phrase ("a call for its forces to be deployed *in
        X*", "a request for its troops to enter *X*")."""
        obj = syntax.object_of(tok) if tok.pos_ in {"VERB", "AUX"} else tok
        if obj is None:
            return []
        after = max(a.actor.end for a in own)
        for word in obj.subtree:
            mention = by_token.get(word.i)
            if mention is None or word.idx < after or not mention.actor.code:
                continue
            if mention.actor.kind == "place" or any(
                same_actor(mention.actor, s.actor) or is_own_part(mention.actor, sources)
                for s in sources
            ):
                continue
            return self.actors_at(word, by_token)
        return []

    def _protest_target(self, tok: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """Whom a protest is against, when its purpose names it: "blocked a road to show their
        disapproval *of the United States*", "in defiance *of Chinese authorities*"."""
        verb = tok.head if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "dobj" else tok
        frontier = [
            c
            for c in verb.children
            if c.dep_ in {"advcl", "xcomp"}
            or (c.dep_ == "prep" and c.lower_ in PROTEST_PREPOSITIONS)
            or (
                c.dep_ == "prep"
                and any(g.lemma_.lower() in PROTEST_STANCE_NOUNS for g in c.children)
            )
        ]
        for _ in range(PROTEST_PURPOSE_DEPTH):
            nxt: list[Token] = []
            for node in frontier:
                if node.dep_ in {"nsubj", "nsubjpass"} or node.lemma_.lower() == "accord":
                    continue  # the protesters themselves; "according to X" is who reports it
                if node.i in by_token:
                    return self.actors_at(node, by_token)
                nxt.extend(node.children)
            frontier = nxt
        return []

    def _complement_target(self, tok: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """Threats and offers name their target in the complement or the condition:
        "threatened to deliver blows *to the US*", "threatened to stop talks if *the US*
        deploys missiles", "will launch an offensive unless *Baghdad* accepts"."""
        clauses = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
        if tok.dep_ == "xcomp":
            clauses.append(tok.head)
        for clause in clauses[1:]:
            obj = syntax.object_of(clause)
            found = self.actors_at(obj, by_token) if obj is not None else []
            for preposition in COMPLEMENT_PREPOSITIONS:
                if found:
                    break
                for pobj in syntax.prep_objects(clause, preposition):
                    found = self.actors_at(pobj, by_token)
                    if not found and pobj.lemma_.lower() in REQUEST_HEADS:
                        # "refused to respond to a demand *from X*": its author
                        found = next(
                            (
                                f
                                for author in syntax.prep_objects(pobj, "from")
                                if (f := self.actors_at(author, by_token))
                            ),
                            [],
                        )
                    if found:
                        break
            if found:
                return found
        for clause in clauses:
            for child in clause.children:
                marks = {g.lower_ for g in child.children if g.dep_ == "mark"}
                if child.dep_ == "advcl" and marks & {"if", "unless"}:
                    found = self.actors_at(syntax.subject_of(child), by_token)
                    if found:
                        return found
        return []

    def _fallback_target(
        self, tok: Token, rule: TriggerRule, by_token: dict[int, MentionLike]
    ) -> list[Arg]:
        """Where news puts the target when the rule's own frame found none.

        Speech acts aim at the subject of their that-clause ("demanded *that the US* cancel
        ...", "warned that *Iran* would ..."); any act aims at the actor its object is about
        ("demanded the withdrawal *of Serbian forces*", "rejected a call *from X*").
        """
        if rule.cameo[:2] in SPEECH_ACT_ROOTS:
            # "demanded that X ...", "its demand that X ...", "reiterated its demand that X".
            heads = [tok]
            head_obj = syntax.object_of(tok)
            if head_obj is not None:
                heads.append(head_obj)
            for head in heads:
                clause_deps = {"ccomp", "acl"} if head.pos_ in {"NOUN", "PROPN"} else {"ccomp"}
                if head is not tok:
                    found = [
                        a
                        for w in DEMANDED_AGENT_PREPOSITIONS
                        for p in syntax.prep_objects(head, w)
                        for a in self.actors_at(p, by_token)
                    ]
                    if found:
                        return found
                for child in head.children:
                    if child.dep_ == "ccomp" and is_attribution(child, tok):
                        continue
                    if child.dep_ in clause_deps:
                        if head is not tok and rule.cameo[:2] == REJECT_ROOT:
                            continue  # "rejected claims that X ...": X made no claim
                        found = self.actors_at(syntax.subject_of(child), by_token)
                        if found:
                            return found
                    elif (
                        # "a call for X to (be) ...": the parser reads the infinitive as a
                        # relative clause; X is its subject, active or passive.
                        child.dep_ == "relcl"
                        and head.pos_ in {"NOUN", "PROPN"}
                        and any(g.dep_ == "mark" and g.lower_ == "for" for g in child.children)
                    ):
                        found = self.actors_at(syntax.surface_subject_of(child), by_token)
                        if found:
                            return found
        # A denial is aimed at its accusers, not at whoever the denied act was done to:
        # "denied providing sanctuary *to the fighters*" names no target.
        found = [] if rule.cameo.startswith(DENIAL_CODE) else self._complement_target(tok, by_token)
        if found:
            return found
        if rule.cameo[:2] == PROTEST_ROOT:
            found = self._protest_target(tok, by_token)
            if found:
                return found
        if "obj" in rule.targets:
            return []  # the object frame was tried and names no actor
        if rule.cameo.startswith(CONSULT_ROOT) and RECIPROCAL_TARGETS & set(rule.targets):
            return []  # "discussed Iran's programme": the partner is "with" whom, not the topic
        if rule.cameo[:2] == FORCE_POSTURE_ROOT:
            # "mobilized reservists for a war *against Iraq*": the object is the source's own
            # forces; whom the posture is aimed at is in its purpose.
            found = self._purpose_opponent(tok, by_token)
            if found:
                return found
        if rule.cameo[:2] in FORCE_ROOTS:
            found = self._forced_purpose_target(tok, by_token)
            if found:
                return found
        obj = syntax.object_of(tok)
        if obj is None and tok.pos_ == "VERB":
            # "reneged *on* its commitment to X", "backed away *from* its pledge to X": the
            # prepositional object of a verb without a direct one.
            obj = next(
                (
                    p
                    for w in OBJECT_LIKE_PREPOSITIONS
                    for p in syntax.prep_objects(tok, w)
                    if p.pos_ == "NOUN" and p.ent_type_ not in {"DATE", "TIME"}  # not "on Monday"
                ),
                None,
            )
        if obj is None or obj.pos_ != "NOUN":
            return []
        found = self.actors_at(obj, by_token)
        if found:
            return found
        return self._object_phrase_actors(obj, by_token)

    def _object_phrase_actors(self, noun: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """The actor an action noun is about, in its prepositional phrases, also down a short
        "of" chain: "the resumption of ties *with* X", "part of a programme *for* X"."""
        nouns = [noun]
        for _ in range(MAX_OF_CHAIN):
            nouns.extend(p for p in syntax.prep_objects(nouns[-1], "of") if p.pos_ == "NOUN")
        for head in nouns:
            for preposition in OBJECT_PHRASE_PREPOSITIONS:
                for pobj in syntax.prep_objects(head, preposition):
                    found = self.actors_at(pobj, by_token)
                    if found:
                        return found
        return []

    def _forced_purpose_target(self, tok: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """Force used to coerce someone is aimed at him: "opened fire *to disperse the
        protesters*", "fired tear gas to break up the crowd". Only a coercive purpose counts:
        "opened fire to protect the civilians" does not fire on them."""
        for purpose in tok.children:
            if purpose.dep_ != "advcl" or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in purpose.children
            ):
                continue  # "..., killing X" reports a result, coded on its own
            rule = self.match(purpose)
            if rule is None or rule.cameo[:2] < COERCIVE_PURPOSE_ROOT:
                continue
            obj = syntax.object_of(purpose)
            found = self.actors_at(obj, by_token) if obj is not None else []
            if found:
                return found
        return []

    def _purpose_opponent(self, tok: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """The "against" phrase of the act a force posture is for: "mobilized reservists *for
        a possible war against X*", "massed troops *for an offensive against X*"."""
        for purpose in syntax.prep_objects(tok, "for"):
            for opponent in syntax.prep_objects(purpose, "against"):
                found = self.actors_at(opponent, by_token)
                if found:
                    return found
        return []

    def _nominal_sources(
        self, tok: Token, rule: TriggerRule, by_token: dict[int, MentionLike]
    ) -> list[Arg]:
        for child in tok.children:
            if child.dep_ == "poss":
                return self.actors_at(child, by_token)
        for child in tok.children:
            # "Chinese air strikes", "a U.S. attack": the modifier is the actor; a city before
            # the noun is where it happened ("the Kabul attack", "the Geneva talks").
            if (
                child.dep_ in {"amod", "compound", "nmod"}
                and child.i in by_token
                and not is_city(by_token[child.i].actor)
            ):
                return self.actors_at(child, by_token)
        frame = tok.head if tok.dep_ == "compound" else tok  # "launched a mediation effort"
        verb = syntax.light_verb_of(frame)
        if verb is None:
            for agent in syntax.prep_objects(frame, "by"):
                # "during a visit *by X* to Y", "an attack by X on Y": the noun's agent.
                found = self.actors_at(agent, by_token)
                if found:
                    return found
        if verb is not None:
            for agent in syntax.prep_objects(frame, "by"):
                # "will not tolerate rallies *by X*": the noun names its own agent, whoever
                # the subject of the verb taking it is; also when X is no actor we can code
                # ("rallies by the Kifaya group" are not the police's).
                found = self.actors_at(agent, by_token)
                if found or names_someone(agent):
                    return found
            subject = syntax.subject_of(verb)
            if subject is None and verb.lemma_.lower() in syntax.PARTAKING_VERBS:
                subject = syntax.passive_subject_of(verb)  # "forces *were engaged* in ..."
            sources = self.actors_at(subject, by_token)
            if verb.lemma_.lower() in syntax.GATHERING_VERBS and rule.cameo[:2] == PROTEST_ROOT:
                # "police arrived for the rally": security forces come to police a protest.
                sources = [s for s in sources if s.actor.sector not in SECURITY_SECTORS]
            return sources
        prep = frame.head
        if (
            rule.cameo[:2] == PROTEST_ROOT
            and frame.dep_ == "pobj"
            and prep.lower_ in ACCOMPANYING_PREPOSITIONS
            and prep.head.pos_ == "VERB"
            and not syntax.is_passive(prep.head)
        ):
            # "youths threw stones *during demonstrations* against X": those who act during a
            # protest take part in it, unless they are the forces policing it.
            subject = syntax.subject_of(prep.head)
            sources = self.actors_at(subject, by_token)
            return [s for s in sources if s.actor.sector not in SECURITY_SECTORS]
        if _partaken(frame, rule):
            actor = prep.head if prep.head.dep_ == "nsubj" else syntax.subject_of(prep.head)
            return self.actors_at(actor, by_token)
        return []

    def _target(
        self, tok: Token, target: str, passive: bool, by_token: dict[int, MentionLike]
    ) -> list[Arg]:
        anchors = [tok]
        obj = syntax.object_of(tok)
        if obj is not None:
            anchors.append(obj)  # "held a meeting *with* X": the prep hangs off the object
            # "launched artillery and rocket fire *against* X": or off its last conjunct.
            anchors.extend(obj.conjuncts)
        elif tok.pos_ == "VERB":
            # "agreed to a ceasefire *with* X": off the complement of "to"
            anchors.extend(syntax.prep_objects(tok, "to"))
        noun = tok
        if tok.pos_ in {"NOUN", "PROPN"}:
            # "suspension of air links *with* X": the prep hangs off the 'of' object
            anchors.extend(syntax.prep_objects(tok, "of"))
        if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "compound":
            noun = tok.head  # "a mediation *effort* between X and Y": the frame noun
            anchors.append(noun)
        if tok.pos_ in {"NOUN", "PROPN"} and _partaken(tok, self.match(tok)):
            anchors.append(tok.head.head)  # "marched in solidarity *with X*" hangs off the verb
        if noun.pos_ in {"NOUN", "PROPN"} and noun.dep_ == "dobj":
            anchors.append(noun.head)  # "continued military aid *to* X": it hangs off the verb
        if target == "obj":
            patient = syntax.passive_subject_of(tok) if passive else obj
            found = self.actors_at(patient, by_token)
            if not found and patient is not None and patient.pos_ == "NOUN":
                # "welcomed the resumption of ties *with* X", "criticised the talks *between*
                # X and Y": the object is an action, its partner is whom the verb is about;
                # "a camp *for* Congolese refugees was attacked": a place, whose people it is.
                found = self._object_phrase_actors(patient, by_token)
            return found
        if target == "dative":
            return self.actors_at(syntax.dative_of(tok), by_token)
        if target == "instrument":
            # "hit back *with duties on X*": whom the measure it is done with is aimed at
            for pobj in syntax.prep_objects(tok, "with"):
                found = self._object_phrase_actors(pobj, by_token)
                if found:
                    return found
            return []
        if target == "purpose":
            # "sent weapons to help defend X": whom the aid is for.
            return self.actors_at(syntax.beneficiary_of(tok), by_token)
        if target == "after":
            return self._actor_after(tok, by_token)
        if target == "clause":
            for child in tok.children:
                if child.dep_ == "ccomp":
                    subject = syntax.subject_of(child)
                    found = self.actors_at(subject, by_token)
                    if not found and subject is not None and subject.pos_ == "NOUN":
                        # "said that an embargo *against X* would not work": the actor the
                        # subject is about
                        found = self._object_phrase_actors(subject, by_token)
                    if found:
                        return found
            return []
        if target.startswith(("np:", "before")):
            # A verb dictionary's marker: "+ HOSTING *", "* IFTAR IN ^ +" (see lexicon.py).
            kind, _, where = target.partition(":")
            word, _, skip = where.partition(":")
            heads = (
                syntax.phrases_before(tok, word)
                if kind == "before"
                else syntax.noun_phrases_after(tok, word, int(skip))
            )
            for head in heads:
                found = self.actors_at(head, by_token)
                if found:
                    return found
            return []
        if target == "poss":
            return next((self.actors_at(c, by_token) for c in tok.children if c.dep_ == "poss"), [])
        if target == "subj":
            return self.actors_at(syntax.subject_of(tok), by_token)
        if target == "between":
            # "mediate *in* the dispute between X and Y": the parties of what it is about
            disputes = [
                p for a in anchors for p in syntax.prep_objects(a, "in") if p.pos_ == "NOUN"
            ]
            for anchor in [*anchors, *disputes]:
                for pobj in syntax.prep_objects(anchor, "between"):
                    found = self.actors_at(pobj, by_token)
                    if len(found) >= 2:
                        return found
            return []
        if target.startswith("prep:"):
            preposition = target.split(":", 1)[1]
            for anchor in anchors:
                for pobj in syntax.prep_objects(anchor, preposition):
                    if preposition in CAUSE_PREPOSITIONS and pobj.i not in by_token:
                        found = self._agents_of_act(pobj, by_token)
                    else:
                        found = self.actors_at(pobj, by_token)
                    if not found and pobj.pos_ == "NOUN" and preposition in TARGET_PREPOSITIONS:
                        # "restrictions on the labour market *for X*", "sanctions on imports
                        # *from X*": the thing acted on is X's.
                        found = next(
                            (
                                f
                                for inner in OBJECT_PHRASE_PREPOSITIONS
                                for p in syntax.prep_objects(pobj, inner)
                                if (f := self.actors_at(p, by_token))
                            ),
                            [],
                        )
                    if found:
                        return found
            if preposition in TARGET_PREPOSITIONS | {"around", "near"}:
                # "drills *encircling* X", "tariffs *targeting* X": a participle that aims
                # the act names whom an "on"/"against"/"around" phrase would.
                for anchor in anchors:
                    aimed = syntax.aimed_at(anchor)
                    found = self.actors_at(aimed, by_token)
                    if found:
                        return found
        return []

    def _agents_of_act(self, noun: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """Who did the act a complaint or concern is about: "over *Israeli* air raids", "over
        *China's* detention of X", "about attacks *by* X"; never the act's patient ("over the
        detention *of a citizen*": the citizen is not the one complained of)."""
        for child in noun.children:
            if child.dep_ in {"poss", "amod", "compound", "nmod"} and child.i in by_token:
                return self.actors_at(child, by_token)
        for agent in syntax.prep_objects(noun, "by"):
            found = self.actors_at(agent, by_token)
            if found:
                return found
        return []

    def _actor_after(self, tok: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """PETRARCH's default target: the first coded actor after the trigger in its own
        clause ("appealed for peace *in X*", "called for a boycott against *X*"), not in a
        clause of its own ("after *Y* said ...")."""
        own = by_token.get(tok.i)
        for later in tok.doc[tok.i + 1 : sentence_of(tok).end]:
            mention = by_token.get(later.i)
            if mention is None or mention is own:
                continue
            if not (mention.actor.code or mention.members) or not governs(
                tok, later, through_participles=True
            ):
                continue
            if mention.actor.kind == "place":
                continue  # "met *in Doha*": a place after the verb is where, not whom
            return self.actors_at(later, by_token)
        return []
