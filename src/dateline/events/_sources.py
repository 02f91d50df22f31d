"""Who acts: the source phrases of a nominal trigger.

``SourceFinder.nominal_sources`` gives the agents of an action noun: its possessive or
modifier ("China's strikes", "a U.S. attack"), its "by" agent, the subject of the light verb
that takes it ("launched an offensive"), and those who act during or in a stance named by
it. The sources of verbs are read by ``ArgumentFinder.find`` (``_arguments.py``)."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.codebook import (
    CONSULT_ROOT,
    PROTEST_ROOT,
)
from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._phrases import (
    Arg,
    MentionLike,
    PhraseReader,
    is_city,
    partaken,
)
from dateline.events.lexicon import TriggerRule
from dateline.events.occasions import present_party

# Prepositions of a protest during which the subject's act takes place, as one of its
# participants: "threw stones *during* demonstrations".
ACCOMPANYING_PREPOSITIONS = {"during"}
# Entity labels of a named agent ("rallies *by the Kifaya group*") and of a time ("by Monday").
AGENT_NAME_LABELS = {"ORG", "NORP", "PERSON", "GPE"}
TIME_LABELS = {"DATE", "TIME"}
# Prepositions of an action noun's patient, on whose object the parser may hang the agent.
PATIENT_PREPOSITIONS = ("of", "on", "against")
# Sectors of the forces that police a protest: they come "for a rally" to contain it.
SECURITY_SECTORS = {"COP", "MIL", "SPY"}


def names_someone(phrase: Token) -> bool:
    """A phrase that names a person or a group (a name in it), not a time ("by Monday")."""
    return any(
        t.ent_type_ in AGENT_NAME_LABELS or (t.pos_ == "PROPN" and t.ent_type_ not in TIME_LABELS)
        for t in phrase.subtree
    )


class SourceFinder(PhraseReader):
    """The source finder of nominal triggers."""

    def nominal_sources(
        self, tok: Token, rule: TriggerRule, by_token: dict[int, MentionLike]
    ) -> list[Arg]:
        for child in children(tok):
            if child.dep_ == "poss" and child.ent_type_ not in TIME_LABELS:
                # ("*last year's* bombing", "*September's* delivery": when, not who)
                return self.actors_at(child, by_token)
        for child in children(tok):
            # "Chinese air strikes", "a U.S. attack": the modifier is the actor; a city before
            # the noun is where it happened ("the Kabul attack", "the Geneva talks").
            if (
                child.dep_ in {"amod", "compound", "nmod"}
                and child.i in by_token
                and not is_city(by_token[child.i].actor)
            ):
                return self.actors_at(child, by_token)
        frame = head_of(tok) if tok.dep_ == "compound" else tok  # "launched a mediation effort"
        verb = syntax.light_verb_of(frame)
        if verb is None:
            # "the arrest of X *by Y*", "an attack on X *by Y*": the parser may hang the
            # agent on the patient's phrase
            patients = [o for p in PATIENT_PREPOSITIONS for o in syntax.prep_objects(frame, p)]
            agents = syntax.prep_objects(frame, "by") + [
                a for o in patients for a in syntax.prep_objects(o, "by")
            ]
            for agent in agents:
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
        prep = head_of(frame)
        if (
            rule.cameo[:2] == PROTEST_ROOT
            and frame.dep_ == "pobj"
            and prep.lower_ in ACCOMPANYING_PREPOSITIONS
            and head_of(prep).pos_ == "VERB"
            and not syntax.is_passive(head_of(prep))
        ):
            # "youths threw stones *during demonstrations* against X": those who act during a
            # protest take part in it, unless they are the forces policing it.
            subject = syntax.subject_of(head_of(prep))
            sources = self.actors_at(subject, by_token)
            return [s for s in sources if s.actor.sector not in SECURITY_SECTORS]
        if partaken(frame, rule):
            actor = (
                head_of(prep) if head_of(prep).dep_ == "nsubj" else syntax.subject_of(head_of(prep))
            )
            return self.actors_at(actor, by_token)
        if rule.cameo.startswith(CONSULT_ROOT):
            # "X is on a state visit to Y", "X was in Beijing for talks": X takes part
            return self.actors_at(present_party(frame), by_token)
        return []
