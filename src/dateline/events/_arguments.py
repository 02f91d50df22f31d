"""Who acts and who is acted on: the source and target phrases of a trigger.

``ArgumentFinder.find`` gives a trigger's sources and targets from the dependency parse:
subjects (active, passive "by" agents, shared subjects, relative clauses), objects and
target prepositions of the trigger's rule, the "between X and Y" of nominal triggers, the
agents and objects of action nouns, and, when the rule's own slots are empty, fallbacks
(protest targets, complements, purposes, the actor after the trigger). Pronouns resolve to
antecedents in the sentence; the source's own parts and forces are never its target.

The phrase reader is in ``_phrases.py``, the nominal sources in ``_sources.py``, the target
slots and fallbacks in ``_targets.py``; this module joins them for one trigger."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from dateline.codebook import (
    DE_ESCALATE_CODE,
    FORCE_POSTURE_ROOT,
    PEACEKEEPING_CODE,
)
from dateline.docmemo import head_of
from dateline.events import syntax
from dateline.events._phrases import Arg, MentionLike, PhraseReader, is_own_part
from dateline.events._rules import frame_rule
from dateline.events._sources import SourceFinder
from dateline.events._targets import TargetFinder
from dateline.events._words import word_class
from dateline.events.lexicon import TriggerRule
from dateline.events.misread import misread_noun

# A target alternative may name the kind of actor it must be: "prep:from@organisation".
ACTOR_KIND_MARK = "@"
# Participles whose agentless passive is a state of the subject: "X is opposed to Y".
STATIVE_PARTICIPLES = word_class("stative_participle")
MUST_RULE = frame_rule("g.must.demand")
# "X said Y's decision is arbitrary": a negative judgement in speech (events/_evaluation.py).
CRITICISM_RULE = frame_rule("g.evaluation.criticism")
# De-escalation done by a party to its own forces (CAMEO 087: withdraw, demobilize, disarm),
# and their deployment (15, 074 peacekeepers): with no "by" agent, the passive's subject is
# the party that acts ("troops were withdrawn from X", "guerrillas have been demobilized",
# "Russian troops have been deployed in Belarus").
OWN_FORCES_CODES = (DE_ESCALATE_CODE, FORCE_POSTURE_ROOT, PEACEKEEPING_CODE)


def _agented_participle(tok: Token) -> bool:
    """ "forces *backed by* Y", "girls *kidnapped by* gunmen": a participle modifying the noun
    it is done to, with its agent named, is a passive clause of its own."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and syntax.agent_of(tok) is not None


class ArgumentFinder(PhraseReader):
    """The source and target finders of the event coder; ``match`` is the coder's trigger
    matcher (a purpose clause may name the act a force serves)."""

    def __init__(self, match: Callable[[Token], TriggerRule | None]) -> None:
        super().__init__(match)
        self.sources = SourceFinder(match)
        self.targets = TargetFinder(match)

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
        elif (tok.pos_ == "VERB" and misread_noun(tok) is None) or rule is MUST_RULE:
            if passive:
                sources = self.actors_at(syntax.agent_of(tok), by_token)
            else:
                subject = syntax.subject_of(tok)
                if subject is not None and (
                    (subject.i == head_of(tok).i and tok.dep_ == "acl")
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
            sources = self.sources.nominal_sources(tok, rule, by_token)
        if rule.sources:
            # A dictionary pattern names the source after the verb: "+ * FROM $".
            sources = next(
                (f for s in rule.sources if (f := self.targets.target(tok, s, passive, by_token))),
                [],
            )
        for target in rule.targets:
            target, _, kind = target.partition(ACTOR_KIND_MARK)
            found = self.targets.target(tok, target, passive, by_token)
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
            targets = self.targets.beyond_own(tok, targets, sources, by_token)
        if not targets and sources and not all(ACTOR_KIND_MARK in t for t in rule.targets):
            # (a rule that names the kind of its target wants that kind only)
            targets = self.targets.fallback_target(tok, rule, by_token)
            if targets and all(is_own_part(t.actor, sources) for t in targets):
                targets = self.targets.beyond_own(tok, targets, sources, by_token)
        plural = any(a.plural for a in (*sources, *targets))
        return sources, targets, plural
