"""Event coding: from a parsed sentence and its actor mentions to coded events.

For every word that heads a rule of the trigger lexicon, the coder

1. checks the rule's frame (required object, particle, preposition...),
2. finds the source (the subject; the ``by`` agent in the passive; the possessor or the
   light verb's subject for nominal triggers) and the target (as the rule says),
3. maps those syntactic arguments to actor mentions, expanding coordination ("X and Y") and
   plural references ("the two countries") into one event per dyad,
4. reads the context: negation, modality/intent, the event's own time expression and place,
5. codes the event in CAMEO and PLOVER from the codebook and scores a confidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from dateline.codebook import Codebook
from dateline.events import syntax
from dateline.events._words import word_class
from dateline.events.lexicon import (
    WORD_REQUIREMENT_KEYS,
    Lexicon,
    Requirement,
    TriggerRule,
    words_match,
)
from dateline.events.mood import (
    CONDITION_MARKS,
    INTENT_GOVERNORS,
    MoodTable,
    detect_mood,
    load_moods,
)
from dateline.events.time import ResolvedDate, resolve_date
from dateline.model import Actor, Event, Location, SentenceRef
from dateline.model import Span as TextSpan

# Sentences longer than this many tokens are not coded: flattened tables, lists of names and
# run-on text give parses that invent events, and the parse cost grows with length.
MAX_SENTENCE_TOKENS = 150
# Events per sentence beyond which the sentence is a list, not a report.
MAX_EVENTS_PER_SENTENCE = 12
# Modal and intent words: an event governed by them has not (yet) happened.
MODALS = {"may", "might", "could", "would", "should", "will", "shall", "can", "must", "'ll"}
# Verbs whose complement has not (yet) happened: the intent governors of mood.py, and verbs
# of asking and failing ("urged Y to withdraw", "failed to agree").
INTENT_VERBS = INTENT_GOVERNORS | {
    "ask",
    "attempt",
    "call",
    "decline",
    "demand",
    "deny",
    "fail",
    "refuse",
    "try",
    "urge",
    "wish",
}
# Verbs whose that-clause or infinitive clause is wished, expected or denied, not reported:
# "denied that it had supplied drones" reports no supply.
UNASSERTED_CLAUSE_GOVERNORS = {"hope", "wish", "expect", "deny"}
# Verbs whose complement is already going on: "must stop killing civilians", "will continue
# fighting" do not make the killing or fighting hypothetical.
ONGOING_GOVERNORS = {"stop", "cease", "quit", "continue", "keep"}
# How many governing verbs are climbed to find the modality of an action ("may have to
# consider ... or ask ...").
MAX_MODALITY_HOPS = 3
SUBJECT_OR_AUX_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "expl"}
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
# What a protest is held for ("marched *calling for* reforms", "began a hunger strike *to
# demand* ...", "went on strike *to protest* ..."): appeals, demands, criticism and protest
# verbs whose clause states the protest's purpose are its content, not acts of their own.
PROTEST_CONTENT_ROOTS = ("02", "10", "11", "14")
# Prepositions of a protest during which the subject's act takes place, as one of its
# participants: "threw stones *during* demonstrations".
ACCOMPANYING_PREPOSITIONS = {"during"}
# Acts that are a country's internal affairs: yielding (resigning, conceding, easing),
# investigating, protesting and coercing (the trigger's own code, before any mood). A source
# the resolver found but could not place ("Judge Alejandro Rivera", "about 200 supporters of
# the former president", "Gen. X resigned") belongs, in such an act, to the one country the
# sentence names: news names a foreign participant's country ("a US envoy").
INTERNAL_ROOTS = ("08", "09", "14", "17")
SENTENCE_COUNTRY_RULE = "implicit.sentence_country"
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
# People who comment on events ("analysts", "experts"): their praise, demands or blame are
# opinions, not acts of political actors. Only a protest of theirs is an act of their own.
COMMENTATOR_ROLES = word_class("commentator_role")
# The press as an audience: "speaking to reporters" is a public statement, not a consultation.
PRESS_AUDIENCE_ROLES = word_class("press_audience_role")
CONSULT_ROOT = "04"
# Verbs of responding whose "by" phrase is the response: "retaliated by announcing tariffs"
# is the announcing (coded on its own), not a use of force.
RESPONSE_VERBS = word_class("response_verb")
# Verbs of concurring that, after a quotation and before their subject, attribute it:
# "“The danger has not passed,” agreed X" is X speaking.
CONCURRING_VERBS = word_class("concurring_verb")
# Travel verbs that carry their object: "flew the migrants to Louisiana" is no visit.
CONVEYING_VERBS = word_class("conveying_verb")
# Rejections (CAMEO 12) aim at whoever made what is rejected, not at the subject of its
# content clause: "rebuffed fears *that Trump's tariffs* would cause a recession".
REJECT_ROOT = "12"
# Only actions done *with* someone make a dyad of coordinated subjects ("X and Y met",
# "X and Y agreed"); "X and Y condemned ..." is two statements, not X condemning Y.
RECIPROCAL_TARGETS = {"prep:with", "between"}
# Consultations: their object is the topic ("discussed Iran's programme"), never the partner.
CONSULT_ROOT = "04"
# Consultations, negotiations, material cooperation and fighting are joint acts whatever
# the frame (not so visits and hosting: "X and Y welcomed ..." is not X hosting Y).
RECIPROCAL_CODE_PREFIXES = ("040", "046", "06", "19")
# CAMEO root of force postures (mobilising, deploying, exercises): their object is usually
# the source's own forces; whom they are aimed at is in their purpose.
FORCE_POSTURE_ROOT = "15"
# CAMEO roots of uses of force (coercion, assault, fighting, mass violence), and the first
# root of a purpose that makes force aimed at its object ("fired to disperse X": 175).
FORCE_ROOTS = ("17", "18", "19", "20")
COERCIVE_PURPOSE_ROOT = "17"
# "since the war", "since the uprising began": the words that name a past act to date another,
# and the verbs that mark its start or end.
TIME_ANCHOR_WORDS = {"since"}
ASPECTUAL_VERBS = {"begin", "start", "end", "erupt", "break", "finish", "stop"}
# Nouns of a right, power or chance: their infinitive is a possible act ("the right to fire").
ENTITLEMENT_NOUNS = word_class("entitlement_noun")
# How far "the resumption of talks of ..." chains are followed inside an object phrase.
MAX_OF_CHAIN = 2
# CAMEO roots from here on are conflictual (09 investigate .. 20 mass violence).
FIRST_CONFLICT_ROOT = "09"
# Verbs of accusing, and the prepositions of what they allege ("accused X *of* shelling Y").
ACCUSATION_HEADS = word_class("accusation_head")
ALLEGATION_PREPOSITIONS = {"of", "for", "with"}
# Words whose clause states what is asked for, not what happened.
REQUEST_HEADS = word_class("request_head")
# How many coordinated verbs are walked back to the first ("limit or cease or end ...").
MAX_CONJUNCT_HOPS = 3
# Prepositions of the cause of a complaint or concern ("protested *over* the arrests"): the
# target is who did what they name, not whom it was done to.
CAUSE_PREPOSITIONS = {"over", "about"}
# CAMEO roots of acts whose "to" phrase names an act not (yet) done: intents (03) and
# rejections (12).
UNREALISED_COMPLEMENT_ROOTS = {"03", "12"}
# Participles whose agentless passive is a state of the subject: "X is opposed to Y".
STATIVE_PARTICIPLES = word_class("stative_participle")
# Time clauses that condition a demand, promise or refusal ("must agree *before* they
# demobilize", "will not disarm *until* ...").
TEMPORAL_CONDITION_MARKS = {"before", "until", "till"}
# Verbs of the source clause that follows the news it attributes ("X demanded ..., diplomats
# *said*"); the parser may hang it as the demand's complement clause, which it is not.
ATTRIBUTION_VERBS = word_class("reporting_verb") | word_class("attribution_verb")
# Prepositions of a demanded or requested noun naming who is to do it: "demanded an admission
# *by* Moscow that ...", "demanded an apology *from* Japan".
DEMANDED_AGENT_PREPOSITIONS = ("by", "from")
# Nouns of saying: the author of "a reminder that Y must ..." makes the demand.
SPEECH_NOUNS = word_class("speech_noun")
# Words that ask only through an infinitive ("ordered Y to leave", "told Y to stop").
REQUEST_HEADS_XCOMP = word_class("request_head_xcomp")
# "X said Y must ...": a demand by X on Y, whatever Y must do (CAMEO 100, demand).
OBLIGATION_AUX = {"must"}
MUST_RULE = TriggerRule(
    id="g.must.demand",
    lemma="must",
    pos="VERB",
    requires=(),
    targets=("none",),
    cameo="100",
    note="X said Y must ...",
)
# Military exercises (CAMEO 150, a show of force) held by coordinated parties of different
# countries are joint: military cooperation (062). The rule id records it.
EXERCISE_NOUNS = word_class("exercise_noun")
SHOW_OF_FORCE_CODE = "150"
JOINT_EXERCISE_CODE = "062"
JOINT_SUFFIX = "+joint"
# The rule id of the reverse event of a "[code:reverse]" rule is the rule's id plus this.
REVERSE_SUFFIX = ":reverse"
# Dependencies that open another clause: what hangs below them is not the trigger's own.
CLAUSE_DEPS = frozenset({"ccomp", "relcl", "advcl", "csubj", "parataxis"})
# Prepositions that attach a place to an event.
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "across", "into", "on"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Nouns that introduce a place's name: "the town *of* Samarra".
PLACE_NOUNS = word_class("place_noun")
# CAMEO roots whose sentence place is usually a venue, not whom the act is aimed at ("met in
# Geneva", "signed the accord in Paris", "held joint exercises in the Mediterranean"): their
# missing target is not taken from the place.
VENUE_ROOTS = {"04", "05", "06"}
# Nouns before a trigger noun that make it a publication, not an act: "press release".
NON_EVENT_COMPOUNDS = word_class("non_event_compound")
# De-escalation done by a party to its own forces (CAMEO 087: withdraw, demobilize, disarm):
# with no "by" agent, the passive's subject is the party that de-escalates ("troops were
# withdrawn from X", "guerrillas have been demobilized").
OWN_FORCES_CODES = ("087",)
# Visits and hosting (CAMEO 042, 043) are acts of political actors; a crowd of tourists or
# migrants "visiting" or "arriving in" a country is not one.
VISIT_CODES = ("042", "043")
PRIVATE_TRAVELLER_SECTORS = {"CVL", "REF"}
# CAMEO codes whose untargeted acts are a government acting on its own country: "lifted the
# state of emergency" (081), "accepted demands for reform" (083), "released 300 prisoners"
# (084), "imposed a curfew" (172), "arrested 12" (173), "cracked down" (175). Not a retreat,
# a concession in general or an expulsion: those are usually aimed abroad.
DOMESTIC_CODES = ("081", "083", "084", "172", "173", "175")
# CAMEO roots coded with an unidentified agent from the sentence's place, and the agent's
# sector: arrests and expulsions are the authorities' acts; violence is left unattributed.
UNIDENTIFIED_AGENT_ROOTS: dict[str, str | None] = {"17": "GOV", "18": None, "19": None, "20": None}
# What may stand where the attacker should be: "a roadside *bomb* killed", "were killed *in an
# explosion*". Any other noun (soldiers, a group) is an actor the resolver did not know.
UNIDENTIFIED_AGENT_NOUNS = word_class("unidentified_agent_noun")
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
FRAME_NOUNS = word_class("frame_noun")
# Relatives and successors: "Trump's predecessor" is not Trump.
RELATION_NOUNS = word_class("relation_noun")
NAME_LABELS = {
    "ORG",
    "PERSON",
    "GPE",
    "NORP",
    "FAC",
    "LOC",
    "WORK_OF_ART",
    "LAW",
    "EVENT",
    "PRODUCT",
}
# Confidence model: a base for how well the dyad is known, adjusted by what supports or
# weakens the coding. Set from how often events of each kind were right on the PLOVER
# development sentences (both actors coded: about 75%; target by convention: about 55%; one
# actor uncoded or the target missing: 10-40%; bare action noun: about 45%), rounded, so that
# 0.5 separates mostly-right from mostly-wrong events: an event below 0.5 lacks a coded dyad.
DYAD_BOTH_CODED = 0.75
DYAD_IMPLICIT_TARGET = 0.6  # one side coded, the other from a coding convention (place, domestic)
DYAD_ONE_CODED = 0.35  # one side coded, the other uncoded or missing
DYAD_NONE_CODED = 0.25
BONUS_SPECIFIC_FRAME = 0.10  # the rule's frame (object, particle, preposition) or a mood matched
PENALTY_PLURAL_REFERENCE = 0.10  # actors came from "the two sides" style references
PENALTY_CONTEXT = 0.15  # negated or hypothetical
PENALTY_BARE_NOUN = 0.15  # a nominal trigger with no light verb ("the attack on X")
# "staged a strike *to demand* reforms", "rioted, *demanding* ...": the purpose is secondary to
# the act that serves it (the strike is the event); it stays, ranked below.
PENALTY_PURPOSE = 0.1


PlaceLookup = Callable[[str], Location | None]


class MentionLike(Protocol):
    start: int
    end: int
    actor: Actor
    head: int
    members: list[Actor]


@dataclass
class _Arg:
    actor: Actor
    plural: bool = False


@dataclass(frozen=True)
class Coding:
    code: str  # CAMEO code
    rule: str  # trigger rule id, plus the mood rule id when a mood changed the code
    mood: str | None  # intent | threat | demand | refuse | stop, when it changed the code
    governor: int | None = None  # token index of the verb that carries the mood, if any
    negation_coded: bool = False  # the rule's pattern is negated: its code says "not"


@dataclass
class SentenceContext:
    index: int
    span: Span
    offset: int  # character offset of the parsed text in the article body


class EventCoder:
    """Codes events in parsed sentences. Loaded once; ``code_sentence`` is pure."""

    def __init__(
        self, lexicon: Lexicon, codebook: Codebook, moods: MoodTable | None = None
    ) -> None:
        self.lexicon = lexicon
        self.codebook = codebook
        self.moods = moods or load_moods()
        self.trigger_lemmas = lexicon.lemmas

    # -- the main entry point -------------------------------------------------------------
    def code_sentence(
        self,
        sent: SentenceContext,
        mentions: Sequence[MentionLike],
        *,
        article_id: str,
        published: dt.date | None,
        default_location: Location | None,
        places: PlaceLookup | None = None,
    ) -> list[Event]:
        span = sent.span
        if len(span) > MAX_SENTENCE_TOKENS or not mentions:
            return []
        by_token = self._mentions_by_token(span, mentions)
        events: list[Event] = []
        governors: set[tuple[int, int]] = set()  # (mood verb, source) already coded through
        origin: dict[int, tuple[Token, TriggerRule]] = {}  # id(event) -> its trigger and rule
        only_country = _only_country(by_token)
        carried: set[int] = set()  # nominal triggers already coded through their light verb
        for tok in span:
            rule = self.match(tok)
            if rule is None and _is_reported_obligation(tok):
                rule = MUST_RULE
            if (
                rule is None
                or tok.i in carried
                or _is_requested_content(tok)
                or _is_time_anchor(tok)
                or syntax.is_adjectival_participle(tok)
                or _responds_by_other_act(tok)
                or _attributes_quotation(tok)
            ):
                continue
            obj = syntax.object_of(tok)
            if obj is not None and tok.pos_ == "VERB":
                carried.add(obj.i)
            if tok.pos_ == "VERB" and rule.cameo[:2] in UNREALISED_COMPLEMENT_ROOTS:
                # "agreed to US mediation", "is opposed to French mediation": the mediation
                # is what is agreed to or opposed, not an act that took place.
                carried.update(p.i for p in syntax.prep_objects(tok, "to"))
            sources, targets, plural = self._arguments(tok, rule, by_token, span)
            if sources and not rule.cameo.startswith(PROTEST_ROOT):
                # Drop commentators only: with none left the act is theirs alone, and no
                # other agent is to be guessed for it.
                actors = [s for s in sources if not _is_commentator(s.actor)]
                if not actors:
                    continue
                sources = actors
            ruling = syntax.ruled_out_by(tok)
            if not sources and ruling is not None:
                # "X said lifting the sanctions is out of the question": X rules it out.
                sources = self._actors_at(_speaker_of(ruling), by_token)
            if not sources:
                sources = self._unidentified_agent(tok, rule, by_token, places, sent.offset)
            if not sources:
                continue
            if not targets and _is_joint_exercise(tok, rule, sources):
                # "X and Y warships began war games": joint military cooperation, each party
                # with the other, not two shows of force.
                rule = replace(rule, id=f"{rule.id}{JOINT_SUFFIX}", cameo=JOINT_EXERCISE_CODE)
            coding = self.mood_coding(tok, rule)
            if coding.mood == "failed":
                continue  # "failed to stop the attacks": nothing happened
            if rule is MUST_RULE:
                coding = Coding(rule.cameo, rule.id, "demand")
            pairs = self._pairs(sources, targets, rule)
            if coding.mood == "demand":
                # "X said Y must withdraw": the demand is X's, addressed to Y.
                speakers = [
                    s
                    for s in self._actors_at(_speaker_of(tok), by_token)
                    if not _is_commentator(s.actor)
                ]
                if speakers:
                    pairs = [
                        (s, src)
                        for s in speakers
                        for src in sources
                        if not _same_actor(s.actor, src.actor)
                    ]
                elif rule is MUST_RULE:
                    continue  # "X must ..." with no one saying so is no one's demand
                else:
                    coding = Coding(rule.cameo, rule.id, None)
            directed: list[tuple[Coding, _Arg, _Arg | None]] = [
                (coding, source, target) for source, target in pairs
            ]
            if rule.reverse_cameo and coding.mood is None:
                # "[032:033]": "X arrived in Y" is also Y hosting X.
                reverse = replace(
                    coding, code=rule.reverse_cameo, rule=f"{rule.id}{REVERSE_SUFFIX}"
                )
                directed += [(reverse, t, s) for s, t in pairs if t is not None]
            for event_coding, source, target in directed:
                if (
                    event_coding.code.startswith(VISIT_CODES)
                    and not rule.literal  # a dictionary's pattern codes what it says
                    and _is_private_traveller(source.actor)
                ):
                    continue  # tourists and migrants arriving somewhere pay no state visit
                if (
                    event_coding.code.startswith(VISIT_CODES)
                    and tok.lemma_.lower() in CONVEYING_VERBS
                    and "obj" not in rule.targets
                    and syntax.object_of(tok) is not None
                ):
                    continue  # "flew the migrants to X": a transport, not a visit
                if (
                    event_coding.code.startswith(CONSULT_ROOT)
                    and target is not None
                    and _is_press_audience(target.actor)
                ):
                    continue  # "speaking to reporters": a public statement, no consultation
                event = self._event(
                    tok,
                    event_coding,
                    source,
                    target,
                    sent,
                    article_id,
                    published,
                    default_location,
                    places,
                    plural,
                )
                if only_country and rule.cameo.startswith(INTERNAL_ROOTS):
                    event.source = _placed_in(event.source, only_country)
                if event.target is None:
                    event.target = _implicit_target(event, rule.cameo)
                elif event.target.code is None and event.target.country is None:
                    event.target = _countryless_target(event, rule.cameo)
                event.confidence = _with_target_evidence(event)
                events.append(event)
                origin[id(event)] = (tok, rule)
                if event_coding.governor is not None:
                    governors.add((event_coding.governor, event.source.start))
        # "threatened to impose sanctions on Y" is one event (1312 against Y), not also a
        # bare "threatened" with no target: the governing verb's own event is dropped.
        off = sent.offset
        events = [
            e
            for e in events
            if not (
                e.target is None
                and (self._token_index(span, e.trigger.start - off), e.source.start) in governors
            )
        ]
        events = _without_protest_content(events, origin)
        return _best_per_dyad(events)[:MAX_EVENTS_PER_SENTENCE]

    @staticmethod
    def _token_index(span: Span, char: int) -> int:
        for tok in span:
            if tok.idx == char:
                return tok.i
        return -1

    def mood_coding(self, tok: Token, rule: TriggerRule) -> Coding:
        """The CAMEO code of the action at ``tok``, turned into its mood's code ("will
        provide aid" -> 033) when the grammar says it is intended, demanded or refused.
        A literal rule (an imported dictionary's) keeps its own code."""
        negation_coded = rule.encodes_negation
        mood = None if rule.literal else detect_mood(tok)
        if mood is not None:
            kind = mood.kind
            cooperative = rule.cameo[:2] < FIRST_CONFLICT_ROOT
            if kind == "conditional":
                kind = "intent" if cooperative else "threat"
            elif kind == "fail":
                if not cooperative:
                    return Coding(rule.cameo, rule.id, "failed")
                kind = "refuse"
            row = self.moods.lookup(kind, rule.cameo)
            if row is not None and row.code == rule.cameo and mood.governor is not None:
                # A row that codes the intended act as done ("will resign" is a resignation)
                # is for the plain future; an intent verb keeps its own reading ("agreed to
                # resign" is an agreement, "offered to step down" an offer).
                row = self.moods.lookup(kind, rule.cameo[:-1])
            if row is not None:
                governor = mood.governor.i if mood.governor is not None else None
                return Coding(row.code, f"{rule.id}+{row.id}", kind, governor, negation_coded)
        return Coding(rule.cameo, rule.id, None, negation_coded=negation_coded)

    # -- matching -------------------------------------------------------------------------
    def match(self, tok: Token) -> TriggerRule | None:
        lemma = tok.lemma_.lower()
        if lemma not in self.trigger_lemmas or tok.ent_type_ in NAME_LABELS:
            # A word inside a name ("Shanghai Cooperation Organisation") is not an action.
            return None
        pos = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}.get(tok.pos_)
        if pos is None:
            return None
        if pos == "NOUN" and any(
            c.dep_ == "compound" and c.lower_ in NON_EVENT_COMPOUNDS for c in tok.children
        ):
            return None  # "a *press* release", "a *news* conference" announce, they do not act
        if pos == "VERB" and any(c.dep_ == "det" for c in tok.children):
            return None  # a participle used as a noun: "evacuated *the wounded*"
        if pos == "NOUN" and tok.dep_ == "compound" and tok.head.lemma_.lower() not in FRAME_NOUNS:
            # A noun modifying another ("war games", "aid workers") names no action, unless
            # the other is a frame for it ("mediation effort", "aid programme").
            return None
        for rule in self.lexicon.candidates(lemma, pos):
            if all(self._holds(tok, req) for req in rule.requires):
                return rule
        return None

    def _holds(self, tok: Token, req: Requirement) -> bool:
        if req.key in WORD_REQUIREMENT_KEYS:
            return holds_words(tok, req)
        if req.key == "neg":
            return syntax.is_negated(tok)
        if req.key == "clause":
            # "protested *that* Y had crossed the border": a reported complaint, not a rally
            return any(c.dep_ == "ccomp" for c in tok.children)
        if req.key == "phrase":
            # A dictionary pattern's "IN ^ +": a noun phrase where its actor is.
            for value in req.values:
                word, _, skip = value.partition(":")
                if syntax.noun_phrases_after(tok, word, int(skip)):
                    return True
            return False
        if req.key == "obj":
            obj = syntax.object_of(tok)
            if (
                obj is None
                and tok.pos_ == "VERB"
                and (syntax.is_passive(tok) or (tok.dep_ == "acl" and tok.tag_ == "VBN"))
            ):
                obj = syntax.passive_subject_of(tok)  # also "a report *released* on Tuesday"
            candidates = [obj, *(obj.conjuncts if obj is not None else ())]
            if obj is not None:
                # "gave 5 million dollars *of aid*", "handed over 700 kg *of medicine*".
                candidates.extend(syntax.prep_objects(obj, "of"))
            return any(c is not None and c.lemma_.lower() in req.values for c in candidates)
        if req.key == "prt":
            return bool(syntax.particle_lemmas(tok) & req.values)
        if req.key == "prep":
            return any(
                c.dep_ in {"prep", "agent", "dative"} and c.lower_ in req.values
                for c in tok.children
            )
        if req.key == "xcomp":
            complements = [c for c in tok.children if c.dep_ == "xcomp"]
            if not complements:
                # "have sworn *to fight*": the small model often attaches the infinitive
                # complement as an adverbial clause.
                complements = [
                    c
                    for c in tok.children
                    if c.dep_ == "advcl"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                ]
            return any(c.lemma_.lower() in req.values for c in complements)
        if req.key == "mod":
            return any(
                c.dep_ in {"amod", "compound", "nmod"} and c.lemma_.lower() in req.values
                for c in tok.children
            )
        if req.key == "subj":
            # "*troops* withdrew", "*hundreds of peacekeeping troops* arrived": the subject's
            # head, its "of" object and their modifiers.
            subject = syntax.subject_of(tok)
            if subject is None:
                return False
            words = [subject, *syntax.prep_objects(subject, "of")]
            words += [c for w in words for c in w.children if c.dep_ in {"amod", "compound"}]
            return any(w.lemma_.lower() in req.values for w in words)
        if req.key == "pobj":
            return any(
                g.dep_ == "pobj" and g.lemma_.lower() in req.values
                for c in tok.children
                for g in c.children
            )
        return False

    # -- arguments ------------------------------------------------------------------------
    def _mentions_by_token(
        self, span: Span, mentions: Sequence[MentionLike]
    ) -> dict[int, MentionLike]:
        out: dict[int, MentionLike] = {}
        starts: list[int] | None = None  # the sentence's token offsets, read once
        for m in mentions:
            if m.end <= span.start_char or m.start >= span.end_char:
                continue
            if starts is None:
                starts = [tok.idx for tok in span]
            # The tokens starting inside the mention: a range of the sorted offsets.
            first, stop = bisect_left(starts, m.start), bisect_left(starts, m.end)
            for k in range(first, stop):
                out[span.start + k] = m
        return out

    def _actors_at(self, tok: Token | None, by_token: dict[int, MentionLike]) -> list[_Arg]:
        """Actors denoted by the phrase headed by ``tok`` (and its conjuncts, also those of
        its "of" object: "the envoys of France, Germany and Britain")."""
        if tok is None:
            return []
        out: list[_Arg] = []
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
                antecedent = _antecedent(head, by_token)
                mentions = [antecedent] if antecedent is not None else []
            args: list[_Arg] = []
            for mention in mentions:
                if mention.members:
                    args.extend(
                        _Arg(_quoted(a, mention.actor), plural=True) for a in mention.members
                    )
                else:
                    args.append(_Arg(mention.actor))
            out.extend(_share_head_sector(head, args))
        unique: dict[tuple[str | None, int], _Arg] = {}
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

    def _arguments(
        self, tok: Token, rule: TriggerRule, by_token: dict[int, MentionLike], span: Span
    ) -> tuple[list[_Arg], list[_Arg], bool]:
        sources: list[_Arg] = []
        targets: list[_Arg] = []
        passive = tok.pos_ == "VERB" and syntax.is_passive(tok)
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
            sources = self._actors_at(syntax.passive_subject_of(tok), by_token)
        elif tok.pos_ == "VERB" or rule is MUST_RULE:
            if passive:
                sources = self._actors_at(syntax.agent_of(tok), by_token)
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
                sources = self._actors_at(subject, by_token)
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
                patients = self._actors_at(patient, by_token)
                if patients:
                    sources = self._actors_at(doer, by_token)
                    return sources, patients, any(a.plural for a in (*sources, *patients))
            undergoing = syntax.undergoing_verb_of(tok)
            if undergoing is not None:
                # "X came under attack from Y": Y attacks X.
                doers = [*syntax.prep_objects(tok, "from"), *syntax.prep_objects(tok, "by")]
                doers += [
                    *syntax.prep_objects(undergoing, "from"),
                    *syntax.prep_objects(undergoing, "by"),
                ]
                sources = [a for d in doers for a in self._actors_at(d, by_token)]
                sufferers = self._actors_at(syntax.subject_of(undergoing), by_token)
                if sources and sufferers:
                    return sources, sufferers, any(a.plural for a in (*sources, *sufferers))
            sources = self._nominal_sources(tok, rule, by_token)
        if rule.sources:
            # A dictionary pattern names the source after the verb: "+ * FROM $".
            sources = next(
                (f for s in rule.sources if (f := self._target(tok, s, passive, by_token))), []
            )
        for target in rule.targets:
            found = self._target(tok, target, passive, by_token)
            if target == "between" and found and not sources:
                sources, targets = found[:1], found[1:]
                break
            if found:
                targets = found
                break
        if targets and all(_is_own_part(t.actor, sources) for t in targets):
            # "rejected a call for *its* forces to be deployed in X": the source's own forces
            # are what the act is about, not whom it is aimed at.
            targets = self._beyond_own(tok, targets, sources, by_token)
        if not targets and sources:
            targets = self._fallback_target(tok, rule, by_token)
            if targets and all(_is_own_part(t.actor, sources) for t in targets):
                targets = self._beyond_own(tok, targets, sources, by_token)
        plural = any(a.plural for a in (*sources, *targets))
        return sources, targets, plural

    def _beyond_own(
        self,
        tok: Token,
        own: list[_Arg],
        sources: list[_Arg],
        by_token: dict[int, MentionLike],
    ) -> list[_Arg]:
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
                _same_actor(mention.actor, s.actor) or _is_own_part(mention.actor, sources)
                for s in sources
            ):
                continue
            return self._actors_at(word, by_token)
        return []

    def _unidentified_agent(
        self,
        tok: Token,
        rule: TriggerRule,
        by_token: dict[int, MentionLike],
        places: PlaceLookup | None,
        offset: int,
    ) -> list[_Arg]:
        """Who did it, when news does not say: "three soldiers *were killed* in Basra", "a
        roadside bomb *killed* two civilians near Samarra", "a missionary *was arrested* in
        Lebanon". By the usual coding convention the act is the place's: violence by an
        unidentified actor of that country, coercion by its authorities. Only for verbs whose
        agent is missing or is a thing (a bomb, an explosion), never a person or group the
        resolver could not code, and only when the sentence names the place."""
        root = rule.cameo[:2]
        if root not in UNIDENTIFIED_AGENT_ROOTS or tok.pos_ != "VERB":
            return []
        agent = syntax.agent_of(tok) if syntax.is_passive(tok) else syntax.subject_of(tok)
        if agent is not None and (
            agent.i in by_token
            or agent.pos_ in {"PROPN", "PRON"}
            or agent.ent_type_ in NAME_LABELS
            or agent.lemma_.lower() not in UNIDENTIFIED_AGENT_NOUNS
        ):
            return []
        place = self._place(tok, places)
        if place is None or not place.country:
            return []
        sector = UNIDENTIFIED_AGENT_ROOTS[root]
        return [
            _Arg(
                Actor(
                    text="",
                    start=offset + tok.idx,
                    end=offset + tok.idx,
                    code=f"{place.country}{sector or ''}",
                    country=place.country,
                    sector=sector,
                    rule="implicit.unidentified_agent",
                )
            )
        ]

    def _protest_target(self, tok: Token, by_token: dict[int, MentionLike]) -> list[_Arg]:
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
                    return self._actors_at(node, by_token)
                nxt.extend(node.children)
            frontier = nxt
        return []

    def _complement_target(self, tok: Token, by_token: dict[int, MentionLike]) -> list[_Arg]:
        """Threats and offers name their target in the complement or the condition:
        "threatened to deliver blows *to the US*", "threatened to stop talks if *the US*
        deploys missiles", "will launch an offensive unless *Baghdad* accepts"."""
        clauses = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
        if tok.dep_ == "xcomp":
            clauses.append(tok.head)
        for clause in clauses[1:]:
            obj = syntax.object_of(clause)
            found = self._actors_at(obj, by_token) if obj is not None else []
            for preposition in COMPLEMENT_PREPOSITIONS:
                if found:
                    break
                for pobj in syntax.prep_objects(clause, preposition):
                    found = self._actors_at(pobj, by_token)
                    if not found and pobj.lemma_.lower() in REQUEST_HEADS:
                        # "refused to respond to a demand *from X*": its author
                        found = next(
                            (
                                f
                                for author in syntax.prep_objects(pobj, "from")
                                if (f := self._actors_at(author, by_token))
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
                    found = self._actors_at(syntax.subject_of(child), by_token)
                    if found:
                        return found
        return []

    def _fallback_target(
        self, tok: Token, rule: TriggerRule, by_token: dict[int, MentionLike]
    ) -> list[_Arg]:
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
                        for a in self._actors_at(p, by_token)
                    ]
                    if found:
                        return found
                for child in head.children:
                    if child.dep_ == "ccomp" and _is_attribution(child, tok):
                        continue
                    if child.dep_ in clause_deps:
                        if head is not tok and rule.cameo[:2] == REJECT_ROOT:
                            continue  # "rejected claims that X ...": X made no claim
                        found = self._actors_at(syntax.subject_of(child), by_token)
                        if found:
                            return found
                    elif (
                        # "a call for X to (be) ...": the parser reads the infinitive as a
                        # relative clause; X is its subject, active or passive.
                        child.dep_ == "relcl"
                        and head.pos_ in {"NOUN", "PROPN"}
                        and any(g.dep_ == "mark" and g.lower_ == "for" for g in child.children)
                    ):
                        found = self._actors_at(syntax.surface_subject_of(child), by_token)
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
        found = self._actors_at(obj, by_token)
        if found:
            return found
        return self._object_phrase_actors(obj, by_token)

    def _object_phrase_actors(self, noun: Token, by_token: dict[int, MentionLike]) -> list[_Arg]:
        """The actor an action noun is about, in its prepositional phrases, also down a short
        "of" chain: "the resumption of ties *with* X", "part of a programme *for* X"."""
        nouns = [noun]
        for _ in range(MAX_OF_CHAIN):
            nouns.extend(p for p in syntax.prep_objects(nouns[-1], "of") if p.pos_ == "NOUN")
        for head in nouns:
            for preposition in OBJECT_PHRASE_PREPOSITIONS:
                for pobj in syntax.prep_objects(head, preposition):
                    found = self._actors_at(pobj, by_token)
                    if found:
                        return found
        return []

    def _forced_purpose_target(self, tok: Token, by_token: dict[int, MentionLike]) -> list[_Arg]:
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
            found = self._actors_at(obj, by_token) if obj is not None else []
            if found:
                return found
        return []

    def _purpose_opponent(self, tok: Token, by_token: dict[int, MentionLike]) -> list[_Arg]:
        """The "against" phrase of the act a force posture is for: "mobilized reservists *for
        a possible war against X*", "massed troops *for an offensive against X*"."""
        for purpose in syntax.prep_objects(tok, "for"):
            for opponent in syntax.prep_objects(purpose, "against"):
                found = self._actors_at(opponent, by_token)
                if found:
                    return found
        return []

    def _nominal_sources(
        self, tok: Token, rule: TriggerRule, by_token: dict[int, MentionLike]
    ) -> list[_Arg]:
        for child in tok.children:
            if child.dep_ == "poss":
                return self._actors_at(child, by_token)
        for child in tok.children:
            # "Chinese air strikes", "a U.S. attack": the modifier is the actor; a city before
            # the noun is where it happened ("the Kabul attack", "the Geneva talks").
            if (
                child.dep_ in {"amod", "compound", "nmod"}
                and child.i in by_token
                and not _is_city(by_token[child.i].actor)
            ):
                return self._actors_at(child, by_token)
        frame = tok.head if tok.dep_ == "compound" else tok  # "launched a mediation effort"
        verb = syntax.light_verb_of(frame)
        if verb is None:
            for agent in syntax.prep_objects(frame, "by"):
                # "during a visit *by X* to Y", "an attack by X on Y": the noun's agent.
                found = self._actors_at(agent, by_token)
                if found:
                    return found
        if verb is not None:
            for agent in syntax.prep_objects(frame, "by"):
                # "will not tolerate rallies *by X*": the noun names its own agent, whoever
                # the subject of the verb taking it is; also when X is no actor we can code
                # ("rallies by the Kifaya group" are not the police's).
                found = self._actors_at(agent, by_token)
                if found or _names_someone(agent):
                    return found
            subject = syntax.subject_of(verb)
            if subject is None and verb.lemma_.lower() in syntax.PARTAKING_VERBS:
                subject = syntax.passive_subject_of(verb)  # "forces *were engaged* in ..."
            sources = self._actors_at(subject, by_token)
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
            sources = self._actors_at(subject, by_token)
            return [s for s in sources if s.actor.sector not in SECURITY_SECTORS]
        return []

    def _target(
        self, tok: Token, target: str, passive: bool, by_token: dict[int, MentionLike]
    ) -> list[_Arg]:
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
        if noun.pos_ in {"NOUN", "PROPN"} and noun.dep_ == "dobj":
            anchors.append(noun.head)  # "continued military aid *to* X": it hangs off the verb
        if target == "obj":
            patient = syntax.passive_subject_of(tok) if passive else obj
            found = self._actors_at(patient, by_token)
            if not found and patient is not None and patient.pos_ == "NOUN":
                # "welcomed the resumption of ties *with* X", "criticised the talks *between*
                # X and Y": the object is an action, its partner is whom the verb is about;
                # "a camp *for* Congolese refugees was attacked": a place, whose people it is.
                found = self._object_phrase_actors(patient, by_token)
            return found
        if target == "dative":
            return self._actors_at(syntax.dative_of(tok), by_token)
        if target == "purpose":
            # "sent weapons to help defend X": whom the aid is for.
            return self._actors_at(syntax.beneficiary_of(tok), by_token)
        if target == "after":
            return self._actor_after(tok, by_token)
        if target == "clause":
            for child in tok.children:
                if child.dep_ == "ccomp":
                    subject = syntax.subject_of(child)
                    found = self._actors_at(subject, by_token)
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
                found = self._actors_at(head, by_token)
                if found:
                    return found
            return []
        if target == "poss":
            return next(
                (self._actors_at(c, by_token) for c in tok.children if c.dep_ == "poss"), []
            )
        if target == "subj":
            return self._actors_at(syntax.subject_of(tok), by_token)
        if target == "between":
            # "mediate *in* the dispute between X and Y": the parties of what it is about
            disputes = [
                p for a in anchors for p in syntax.prep_objects(a, "in") if p.pos_ == "NOUN"
            ]
            for anchor in [*anchors, *disputes]:
                for pobj in syntax.prep_objects(anchor, "between"):
                    found = self._actors_at(pobj, by_token)
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
                        found = self._actors_at(pobj, by_token)
                    if not found and pobj.pos_ == "NOUN" and preposition in TARGET_PREPOSITIONS:
                        # "restrictions on the labour market *for X*", "sanctions on imports
                        # *from X*": the thing acted on is X's.
                        found = next(
                            (
                                f
                                for inner in OBJECT_PHRASE_PREPOSITIONS
                                for p in syntax.prep_objects(pobj, inner)
                                if (f := self._actors_at(p, by_token))
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
                    found = self._actors_at(aimed, by_token)
                    if found:
                        return found
        return []

    def _agents_of_act(self, noun: Token, by_token: dict[int, MentionLike]) -> list[_Arg]:
        """Who did the act a complaint or concern is about: "over *Israeli* air raids", "over
        *China's* detention of X", "about attacks *by* X"; never the act's patient ("over the
        detention *of a citizen*": the citizen is not the one complained of)."""
        for child in noun.children:
            if child.dep_ in {"poss", "amod", "compound", "nmod"} and child.i in by_token:
                return self._actors_at(child, by_token)
        for agent in syntax.prep_objects(noun, "by"):
            found = self._actors_at(agent, by_token)
            if found:
                return found
        return []

    def _actor_after(self, tok: Token, by_token: dict[int, MentionLike]) -> list[_Arg]:
        """PETRARCH's default target: the first coded actor after the trigger in its own
        clause ("appealed for peace *in X*", "called for a boycott against *X*"), not in a
        clause of its own ("after *Y* said ...")."""
        own = by_token.get(tok.i)
        for later in tok.doc[tok.i + 1 : tok.sent.end]:
            mention = by_token.get(later.i)
            if mention is None or mention is own:
                continue
            if not (mention.actor.code or mention.members) or not _governs(
                tok, later, through_participles=True
            ):
                continue
            if mention.actor.kind == "place":
                continue  # "met *in Doha*": a place after the verb is where, not whom
            return self._actors_at(later, by_token)
        return []

    def _pairs(
        self, sources: list[_Arg], targets: list[_Arg], rule: TriggerRule
    ) -> list[tuple[_Arg, _Arg | None]]:
        pairs: list[tuple[_Arg, _Arg | None]] = []
        if not targets and rule.compound and len(sources) >= 2:
            # "% * TIES": "X and Y renewed ties" is X towards Y and Y towards X.
            return [(s, t) for s in sources for t in sources if not _same_actor(s.actor, t.actor)]
        if not targets:
            if len(sources) >= 2 and (
                RECIPROCAL_TARGETS & set(rule.targets)
                or rule.cameo.startswith(RECIPROCAL_CODE_PREFIXES)
            ):
                # "Kazakhstan and China agreed", "the two sides discussed": a dyad among the
                # subjects, in the order they were introduced.
                first = sources[0]
                pairs.extend((first, other) for other in sources[1:])
                return pairs
            if "none" in rule.targets:
                return [(sources[0], None)]
            return []
        for s in sources:
            for t in targets:
                if _same_actor(s.actor, t.actor):
                    continue
                pairs.append((s, t))
        return pairs

    # -- building the event ---------------------------------------------------------------
    def _event(
        self,
        tok: Token,
        coding: Coding,
        source: _Arg,
        target: _Arg | None,
        sent: SentenceContext,
        article_id: str,
        published: dt.date | None,
        default_location: Location | None,
        places: PlaceLookup | None,
        plural: bool,
    ) -> Event:
        off = sent.offset
        # A refusal or an intent is itself a real event; only unresolved modality is not.
        negated = syntax.is_negated(tok) and coding.mood is None and not coding.negation_coded
        hypothetical = coding.mood is None and _is_hypothetical(tok)
        when = self._date(tok, published)
        cameo, plover = self.codebook.describe(coding.code)  # a dictionary's "174K" too
        confidence = 0.0  # adjustments only; the dyad's base is added with the target
        if "+" in coding.rule or self._specific(coding.rule):
            confidence += BONUS_SPECIFIC_FRAME
        if plural:
            confidence -= PENALTY_PLURAL_REFERENCE
        if negated or hypothetical:
            confidence -= PENALTY_CONTEXT
        frame = tok.head if tok.dep_ == "compound" else tok
        if tok.pos_ in {"NOUN", "PROPN"} and syntax.light_verb_of(frame) is None:
            confidence -= PENALTY_BARE_NOUN
        if is_purpose_clause(tok):
            confidence -= PENALTY_PURPOSE
        trigger = TextSpan(tok.text, off + tok.idx, off + tok.idx + len(tok.text))
        # The codes too: the members of one group mention ("the two sides", a dictionary
        # name coded as several actors) share its span.
        digest = hashlib.sha1(
            f"{article_id}|{sent.index}|{trigger.start}|{source.actor.start}|"
            f"{source.actor.code}|{target.actor.start if target else -1}|"
            f"{target.actor.code if target else None}|{coding.rule}".encode()
        ).hexdigest()[:16]
        span = sent.span
        evidence = span.text.rstrip()  # the paragraph break after a sentence is not evidence
        return Event(
            id=digest,
            sentence=SentenceRef(
                sent.index, evidence, off + span.start_char, off + span.start_char + len(evidence)
            ),
            date=when.date if when else (published.isoformat() if published else None),
            date_precision=when.precision if when else ("day" if published else "none"),
            date_source="sentence" if when else ("published" if published else "none"),
            date_text=when.text if when else None,
            source=replace(source.actor),
            target=replace(target.actor) if target else None,
            cameo=cameo,
            plover=plover,
            location=self._place(tok, places) or default_location,
            negated=negated,
            hypothetical=hypothetical,
            trigger=trigger,
            confidence=confidence,
            rule=coding.rule,
        )

    def _specific(self, rule_id: str) -> bool:
        rule = self.lexicon.by_id.get(rule_id.removesuffix(REVERSE_SUFFIX))
        return rule is not None and rule.specificity > 0

    def _date(self, tok: Token, published: dt.date | None) -> ResolvedDate | None:
        """The time expression that belongs to this event: a DATE entity in the trigger's own
        clause (not inside a nested clause that reports another event), or a TIME one that
        names its day ("Sunday night", "last night"; a bare clock time resolves to None)."""
        for ent in sentence_ents(tok.sent):
            if ent.label_ not in ("DATE", "TIME"):
                continue
            if _governs(tok, ent.root):
                resolved = resolve_date(ent.text, published)
                if resolved is not None:
                    return resolved
        return None

    def _place(self, tok: Token, places: PlaceLookup | None) -> Location | None:
        for ent in sentence_ents(tok.sent):
            # The small model tags some town names as nationalities ("near Samarra": NORP);
            # those count when the gazetteer knows them as places.
            if ent.label_ not in PLACE_LABELS and ent.label_ != "NORP":
                continue
            prep = ent.root.head
            if (
                ent.root.dep_ == "pobj"
                and prep.lower_ == "of"
                and prep.head.dep_ == "pobj"
                and prep.head.lemma_.lower() in PLACE_NOUNS
            ):
                prep = prep.head.head  # "near the town of Samarra", "the city of Basra"
            if (
                prep.lower_ == "of"
                and prep.dep_ == "prep"
                and prep.head.lower_
                in {
                    "outside",
                    "inside",
                }
            ):
                prep = prep.head  # "outside of"
            if not (
                ent.root.dep_ == "pobj"
                and prep.lower_ in PLACE_PREPOSITIONS
                and _governs(tok, prep)
            ):
                continue
            known = places(ent.text) if places else None
            if known is not None:
                return replace(known, source="sentence")
            if ent.label_ != "NORP":
                return Location(name=ent.text, source="sentence")
        return None


def holds_words(tok: Token, req: Requirement) -> bool:
    """The ``form``, ``words`` and ``nowords`` requirements (see lexicon.py): the trigger's
    spelling, and word patterns over its sentence before it and its own phrase after it (its
    subtree up to its last dependent that is not a coordinated clause)."""
    if req.key == "form":
        return tok.lower_ in req.values
    end = max(
        (c.right_edge.i for c in tok.children if c.i > tok.i and c.dep_ not in {"conj", "cc"}),
        default=tok.i,
    )
    doc = tok.doc
    before = [(t.lower_, bool(t.conjuncts)) for t in doc[tok.sent.start : tok.i]]
    after = [(t.lower_, bool(t.conjuncts)) for t in doc[tok.i + 1 : end + 1]]
    found = any(words_match(pattern, before, after) for pattern in req.values)
    return found == (req.key == "words")


def _with_target_evidence(event: Event) -> float:
    """Confidence once the target is known: the dyad's base (see the constants) plus the
    adjustments ``_event`` stored in ``event.confidence``."""
    target = event.target
    source_rule = event.source.rule or ""
    implicit_source = source_rule.startswith("implicit.") or source_rule.endswith(
        SENTENCE_COUNTRY_RULE
    )
    source_coded = not implicit_source and bool(event.source.code or event.source.country)
    implicit = target is not None and (target.rule or "").startswith("implicit.")
    target_coded = target is not None and not implicit and bool(target.code or target.country)
    if source_coded and target_coded:
        base = DYAD_BOTH_CODED
    elif (source_coded and implicit) or (implicit_source and target_coded):
        base = DYAD_IMPLICIT_TARGET
    elif source_coded or target_coded:
        base = DYAD_ONE_CODED
    else:
        base = DYAD_NONE_CODED
    return round(max(0.05, min(0.99, base + event.confidence)), 3)


def _implicit_target(event: Event, base_code: str) -> Actor | None:
    """The target news leaves unsaid, by the usual coding conventions (ICEWS, the PLOVER
    gold standard): protesters who name no one protest against their own government; an act
    that names no one lands on the country where the sentence places it ("lifted the curfew
    *in Montenegro*", "agreed to set up a centre *in Tokyo*"); a government's concession or
    coercion that names no one is domestic ("lifted the state of emergency", "arrested 12"),
    also when it is only promised or threatened (``base_code``, the trigger's own code before
    mood: "is prepared to impose martial law"). Marked with an empty span at the trigger and
    its own rule."""
    root = event.cameo.root
    source = event.source
    if root == "14" and source.country and source.sector != "GOV":
        return _convention_actor(event, source.country, "implicit.own_government", "GOV")
    place = event.location
    if root in VENUE_ROOTS or root == "01":
        return None
    if place and place.source == "sentence" and place.country:
        return _convention_actor(event, place.country, "implicit.place")
    if _is_domestic(event, base_code) and source.country:
        return _convention_actor(event, source.country, "implicit.domestic")
    return None


def _is_domestic(event: Event, base_code: str) -> bool:
    return event.cameo.code.startswith(DOMESTIC_CODES) or base_code.startswith(DOMESTIC_CODES)


def _countryless_target(event: Event, base_code: str) -> Actor | None:
    """A target the resolver found but could not place in a country ("released Prime
    Minister Mahendra Chaudhry", "dispersed demonstrators", "a journalist was killed in
    Beirut"), by the conventions of ``_implicit_target``: the people a government's domestic
    act is done to are its own; the victims of force in a named place are that place's.
    The actor keeps its words and sector; its rule records the convention."""
    target = event.target
    assert target is not None
    country: str | None = None
    convention = ""
    place = event.location
    if _is_domestic(event, base_code) and event.source.country:
        country, convention = event.source.country, "implicit.domestic"
    elif (
        event.cameo.root in UNIDENTIFIED_AGENT_ROOTS
        and place is not None
        and place.source == "sentence"
        and place.country
    ):
        country, convention = place.country, "implicit.place"
    if country is None:
        return target
    return replace(
        target,
        code=f"{country}{target.sector or ''}",
        country=country,
        rule=f"{target.rule}+{convention}" if target.rule else convention,
    )


def _is_attribution(clause: Token, head: Token) -> bool:
    """ "X demanded ..., *diplomats said*": a reporting clause after a comma, attributing the
    sentence to its source, that the parser hung under the head as its complement."""
    return (
        clause.i > head.i
        and clause.lemma_.lower() in ATTRIBUTION_VERBS
        and "," in (clause.left_edge.text, clause.doc[max(clause.left_edge.i - 1, 0)].text)
        and not any(c.dep_ == "mark" for c in clause.children)
    )


def _names_someone(phrase: Token) -> bool:
    """A phrase that names a person or a group (a name in it), not a time ("by Monday")."""
    return any(
        t.ent_type_ in AGENT_NAME_LABELS or (t.pos_ == "PROPN" and t.ent_type_ not in TIME_LABELS)
        for t in phrase.subtree
    )


def _only_country(by_token: dict[int, MentionLike]) -> str | None:
    """The country of every actor and place the sentence names, when there is one only."""
    countries = {a.country for m in by_token.values() for a in (m.actor, *m.members) if a.country}
    return countries.pop() if len(countries) == 1 else None


def _placed_in(source: Actor, country: str) -> Actor:
    """A source the resolver could not place, placed in the sentence's only country."""
    if source.code or source.country:
        return source
    return replace(
        source,
        code=f"{country}{source.sector or ''}",
        country=country,
        rule=f"{source.rule}+{SENTENCE_COUNTRY_RULE}" if source.rule else SENTENCE_COUNTRY_RULE,
    )


def _convention_actor(event: Event, country: str, rule: str, sector: str | None = None) -> Actor:
    """An actor supplied by a coding convention: an empty span at the trigger, its own rule."""
    at = event.trigger.start
    return Actor(
        text="",
        start=at,
        end=at,
        code=f"{country}{sector or ''}",
        country=country,
        sector=sector,
        rule=rule,
    )


def _is_own_part(actor: Actor, sources: list[_Arg]) -> bool:
    """A part of a source that a possessive pronoun binds to it ("the UN ... *its* forces":
    the UN's own forces, coded as the source's code with a sector)."""
    if not actor.code or not actor.text.lower().startswith(OWN_POSSESSIVES):
        return False
    return any(
        s.actor.code and actor.code != s.actor.code and actor.code.startswith(s.actor.code)
        for s in sources
    )


def _is_private_traveller(actor: Actor) -> bool:
    """Civilians, refugees, migrants, a nation's people or an unnamed group of people: their
    journeys are not the visits CAMEO 042/043 code between political actors."""
    if actor.sector in PRIVATE_TRAVELLER_SECTORS:
        return True
    if ":people" in (actor.rule or ""):
        return True  # "Somalis arrived in Kenya": a country's people, not its government
    return actor.kind == "group" and actor.sector is None


def _role_head(actor: Actor) -> str:
    """The head word of an actor's role: "security analyst" -> "analyst"."""
    words = (actor.role or "").lower().split()
    return words[-1] if words else ""


def _is_commentator(actor: Actor) -> bool:
    return _role_head(actor) in COMMENTATOR_ROLES


def _is_press_audience(actor: Actor) -> bool:
    """Unnamed reporters or the press as a whole; a named journalist is a person met."""
    return actor.name is None and _role_head(actor) in PRESS_AUDIENCE_ROLES


def _responds_by_other_act(tok: Token) -> bool:
    """ "retaliated *by announcing* tariffs": the response is the act its "by" phrase names."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in RESPONSE_VERBS:
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "by"
        and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)
        for prep in tok.children
    )


def _attributes_quotation(tok: Token) -> bool:
    """ "“The danger has not passed,” *agreed* X": the clause said comes before the verb and
    its subject after it, the order of a quotation's attribution."""
    if tok.lemma_.lower() not in CONCURRING_VERBS:
        return False
    said_before = any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children)
    subject_after = any(c.dep_ == "nsubj" and c.i > tok.i for c in tok.children)
    return said_before and subject_after


def _is_joint_exercise(tok: Token, rule: TriggerRule, sources: list[_Arg]) -> bool:
    """Exercises held by parties of two or more countries: "*X and Y* held drills", "*French
    and Egyptian* warships launched ten days of war games"."""
    if rule.cameo != SHOW_OF_FORCE_CODE:
        return False
    if len({a.actor.country for a in sources if a.actor.country}) < 2:
        return False
    nouns = [tok] if tok.pos_ in {"NOUN", "PROPN"} else []
    obj = syntax.object_of(tok) if tok.pos_ in {"VERB", "AUX"} else None
    if obj is not None:
        nouns += [obj, *syntax.prep_objects(obj, "of")]  # "launched ten days *of* war games"
    return any(n.lemma_.lower() in EXERCISE_NOUNS for n in nouns)


def is_purpose_clause(tok: Token) -> bool:
    """An infinitive or participle clause of purpose or manner hanging off another verb."""
    if tok.pos_ != "VERB" or tok.dep_ not in {"advcl", "acl"}:
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return infinitive or tok.tag_ == "VBG"


def _is_requested_content(tok: Token, depth: int = 0) -> bool:
    """ "X urged Y *to release* ...", "X demanded that Y *withdraw*": what is asked for has not
    happened; the request itself is the event (coded on the requesting word). So is what the
    asked-for act governs: "demanded that Y refuse *to recognize* Z"."""
    if (
        depth < MAX_CONJUNCT_HOPS
        and tok.dep_ == "xcomp"
        and tok.head.i != tok.i
        and _is_requested_content(tok.head, depth + 1)
    ):
        return True
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "nsubjpass"}:
        tok = tok.head  # "demanded that Y *lift the restrictions*": the noun's verb decides
    if _is_alleged(tok) or _is_condition(tok) or _is_entitled(tok):
        return True
    if tok.dep_ == "xcomp" and tok.head.dep_ == "acomp" and _is_reported_obligation(tok.head.head):
        return True  # "X said Y must be ready *to mediate*": X demands it of Y
    for _ in range(MAX_CONJUNCT_HOPS):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head  # "called on Y to limit or *cease* support": the first conjunct decides
    # "calling on Y at home and abroad *to loosen* ...": the parser may attach a long-distance
    # infinitive as an adverbial clause; after a request verb it is still what is asked for.
    infinitive = tok.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )
    if tok.dep_ not in {"ccomp", "acl", "xcomp"} and not infinitive:
        return False
    head = tok.head
    lemma = head.lemma_.lower()
    if head.i == tok.i:
        return False
    if tok.dep_ == "ccomp" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in REQUEST_HEADS for c in head.children
    ):
        return True  # "reiterated its demand that Y *ease* ...": the parser hangs it on the verb
    # "told Y to withdraw" asks; "was told that soldiers beat ..." reports.
    return lemma in REQUEST_HEADS or (
        (tok.dep_ == "xcomp" or infinitive) and lemma in REQUEST_HEADS_XCOMP
    )


def _is_time_anchor(tok: Token) -> bool:
    """ "the deadliest attack *since the uprising* began", "the worst violence *since the
    2008 clashes*": a past act named to date the present one is not reported again."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in TIME_ANCHOR_WORDS:
        return True
    clause = tok.head
    return (
        tok.dep_ in {"nsubj", "nsubjpass"}
        and clause.dep_ == "advcl"
        and clause.lemma_.lower() in ASPECTUAL_VERBS
        and any(c.dep_ == "mark" and c.lower_ in TIME_ANCHOR_WORDS for c in clause.children)
    )


def _is_entitled(tok: Token) -> bool:
    """ "defended the right of X *to fire* on Y", "has a mandate *to protect* civilians": an
    act someone has the right, power or chance to do is possible, not done."""
    return (
        tok.dep_ == "acl"
        and tok.head.lemma_.lower() in ENTITLEMENT_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _is_condition(tok: Token) -> bool:
    """ "will launch an offensive *unless Baghdad accepts* its terms", "would meet the mediator
    *if he gave* them a veto": the condition a threat or an offer sets is what it asks of the
    other side (the threat's target), not an act that took place. "as if" compares; it sets no
    condition."""
    for _ in range(2 * MAX_CONJUNCT_HOPS):
        if tok.dep_ not in {"conj", "xcomp"} or tok.head.i == tok.i:
            break
        # "unless Y agrees to hold elections and *frees* the ministers"
        tok = tok.head
    if tok.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    if marks & TEMPORAL_CONDITION_MARKS and (
        detect_mood(tok.head) is not None or syntax.is_negated(tok.head)
    ):
        # "Y must agree to reforms *before they demobilize*", "will not disarm *until* Y
        # withdraws": what a demand, promise or refusal waits for has not happened.
        return True
    return bool(marks & CONDITION_MARKS) and "as" not in marks


def _is_alleged(tok: Token) -> bool:
    """ "accused Y *of shelling* Z", "blamed Y *for attacking* Z": an alleged act is the
    accusation's content; the accusation is the event."""
    for _ in range(MAX_CONJUNCT_HOPS):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head  # "accused Y of violating ... and *sending* ..."
    if (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        # a list: "A, B and C" (the accuser's own participle, "..., threatening to
        # retaliate", closes no list)
        and any(c.dep_ == "conj" for c in tok.children)
        and tok.head.lemma_.lower() in ACCUSATION_HEADS
        and any(
            p.dep_ == "prep"
            and p.lower_ in ALLEGATION_PREPOSITIONS
            and p.i < tok.i
            and any(g.dep_ == "pcomp" for g in p.children)
            for p in tok.head.children
        )
    ):
        # "accused Y of violating rights, *ignoring* the law ...": the list goes on, though
        # the parser hangs the next item on the accusation.
        return True
    prep = tok.head
    return (
        tok.dep_ == "pcomp"
        and prep.lower_ in ALLEGATION_PREPOSITIONS
        and prep.head.lemma_.lower() in ACCUSATION_HEADS
    )


def _is_reported_obligation(tok: Token) -> bool:
    """ "X said Y *must* withdraw": an obligation reported by someone else is a demand, whatever
    the verb (the lexicon only knows some). Unreported "must" is the writer's, not coded."""
    # "X said Y must *be* ready to ...": a copula heading its clause carries the obligation.
    clause_head = tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in {"aux", "auxpass"})
    return (
        clause_head
        and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children)
        and not syntax.is_perfect(tok)
        and not syntax.is_negated(tok)
        and _speaker_of(tok) is not None
    )


def _antecedent(pronoun: Token, by_token: dict[int, MentionLike]) -> MentionLike | None:
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
    floor = pronoun.sent.start if quoted_from is None else max(quoted_from, pronoun.sent.start)
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
            and not _is_description(pronoun.doc[i])
            and not addressees & {i, pronoun.doc[i].head.i}
        ):
            return mention
    return None


def _is_city(actor: Actor) -> bool:
    """A city or town named as a place (a capital too, which the resolver may read as its
    government), not a country or a body."""
    return (actor.rule or "").startswith("kb:place:")


def _is_description(tok: Token) -> bool:
    """A phrase that describes another one rather than naming a referent: "recognized the
    Taliban *as the government*", "X became *the leader*"."""
    head = tok
    while head.dep_ in {"compound", "amod", "poss", "det"} and head.head.i != head.i:
        head = head.head
    if head.dep_ in {"attr", "oprd"}:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ == "VERB"


def _speaker_of(tok: Token) -> Token | None:
    """The subject of the verb that reports the clause of ``tok`` ("*X* said Y must ..."), or
    the author of the noun of saying it belongs to ("*X* issued a reminder that Y must ...",
    "*X*'s warning that Y must ...")."""
    current = tok
    for _ in range(3):
        if current.dep_ in {"ccomp", "xcomp", "conj"} and current.head.i != current.i:
            current = current.head
            subject = syntax.subject_of(current)
            if subject is not None:
                return subject
        elif current.dep_ == "acl" and current.head.lemma_.lower() in SPEECH_NOUNS:
            noun = current.head
            author = next((c for c in noun.children if c.dep_ == "poss"), None)
            if author is None and noun.dep_ == "dobj":
                author = syntax.subject_of(noun.head)
            return author
        else:
            break
    return None


def _is_purpose_of(tok: Token) -> Token | None:
    """The verb whose purpose ``tok`` states: an infinitive ("began a strike *to demand* ...",
    which the parser may hang as an open complement) or a participle ("marched, *calling*
    for ...") under another verb."""
    if tok.pos_ != "VERB" or tok.dep_ not in {"advcl", "xcomp", "acl"} or tok.head.i == tok.i:
        return None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if infinitive or (tok.tag_ == "VBG" and tok.dep_ == "advcl"):
        return tok.head
    return None


def _without_protest_content(
    events: list[Event], origin: dict[int, tuple[Token, TriggerRule]]
) -> list[Event]:
    """Drops the demands, appeals and criticism that state what a protest of the same source
    is for: "students staged demonstrations to demand reforms" is one protest (PLOVER and
    ICEWS code the demonstration), its target read from the purpose."""
    # (verb the protest hangs on, source start) -> the protest's trigger
    protests: dict[tuple[int, int], set[int]] = {}
    for ev in events:
        tok, rule = origin[id(ev)]
        if rule.cameo.startswith(PROTEST_ROOT):
            # the trigger itself ("marched") or the noun a verb carries ("staged
            # *demonstrations*", "began a hunger *strike*", "went on *strike*")
            heads = {tok.i, tok.head.i}
            if tok.head.dep_ == "prep":
                heads.add(tok.head.head.i)
            for h in heads:
                protests.setdefault((h, ev.source.start), set()).add(tok.i)
    if not protests:
        return events
    kept = []
    for ev in events:
        tok, rule = origin[id(ev)]
        served = _is_purpose_of(tok)
        if (
            served is not None
            and rule.cameo.startswith(PROTEST_CONTENT_ROOTS)
            # another protest: "shunned work *to protest* ..." is the protest itself
            and protests.get((served.i, ev.source.start), set()) - {tok.i}
        ):
            continue
        kept.append(ev)
    return kept


def _best_per_dyad(events: list[Event]) -> list[Event]:
    """One event per dyad and CAMEO root in a sentence: "agreed to provide aid" yields 033,
    not also 030. The most specific code wins, then the most confident."""
    best: dict[tuple[int, str | None, int, str | None, str], Event] = {}
    for ev in events:
        # the code too: a name coded as several actors ("THE_SHIRE [FRO/BIL/SAM]") gives
        # several sources at one span
        key = (
            ev.source.start,
            ev.source.code,
            ev.target.start if ev.target else -1,
            ev.target.code if ev.target else None,
            ev.cameo.root,
        )
        current = best.get(key)
        if current is None or (len(ev.cameo.code), ev.confidence) > (
            len(current.cameo.code),
            current.confidence,
        ):
            best[key] = ev
    kept = {id(e) for e in best.values()}
    return [e for e in events if id(e) in kept]


# Country codes (and the base codes of imported actor dictionaries) are three letters; an
# agent's sector is appended to them ("FRA" + "GOV").
COUNTRY_CODE_LENGTH = 3


def _share_head_sector(head: Token, args: list[_Arg]) -> list[_Arg]:
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
            arg = _Arg(actor, arg.plural)
        out.append(arg)
    return out


def _quoted(member: Actor, phrase: Actor) -> Actor:
    """A member of a plural reference ("the two delegations"). A member known only from the
    article's salient countries has no words of its own (its name as text, an empty span at
    0): the referring phrase quotes it, so that its offsets cut its text out of the body."""
    if member.start == member.end and member.text:
        return replace(member, text=phrase.text, start=phrase.start, end=phrase.end)
    return member


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.start == b.start and a.end == b.end:
        return True
    return bool(a.code) and a.code == b.code and (a.name or "") == (b.name or "")


def _governs(trigger: Token, tok: Token, *, through_participles: bool = False) -> bool:
    """True when ``tok`` hangs from ``trigger`` without crossing into another clause. A
    participle modifying a noun ("an exile *living* in Australia") is another clause for
    places and dates; PETRARCH's first-actor-after-the-verb target looks through it ("the
    roads *leading* into X")."""
    barriers = CLAUSE_DEPS if through_participles else CLAUSE_DEPS | {"acl"}
    current = tok
    for _ in range(6):
        if current.i == trigger.i:
            return True
        if current.dep_ in barriers or current.head.i == current.i:
            return False  # crossed into another clause, or reached the root without the trigger
        current = current.head
    return False


def _is_hypothetical(tok: Token, hops: int = MAX_MODALITY_HOPS) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
        return True
    if hops > 0 and tok.head.i != tok.i:
        head = tok.head
        if (
            tok.dep_ == "xcomp"
            and head.lemma_.lower() not in ONGOING_GOVERNORS
            and _is_hypothetical(head, hops - 1)
        ):
            # "will start reaching out", "can help push for": the modal of the governing verb
            return True
        if (
            tok.dep_ == "conj"
            and tok.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in SUBJECT_OR_AUX_DEPS for c in tok.children)
            and _is_hypothetical(head, hops - 1)
        ):
            # "may overreach and start threatening": a conjunct verb without its own subject
            # or auxiliary shares the first verb's modality
            return True
        if (
            tok.dep_ in {"nsubj", "nsubjpass", "dobj"}
            and tok.pos_ in {"NOUN", "PROPN"}
            and _is_hypothetical(head, hops - 1)
        ):
            # "a ceasefire could take place", "cooperation could resume", "should use
            # sanctions": an event noun that is the subject or object of a hypothetical verb
            # has not happened
            return True
        if (
            tok.dep_ == "ccomp"
            and tok.pos_ in {"VERB", "AUX"}
            and head.lemma_.lower() in UNASSERTED_CLAUSE_GOVERNORS
        ):
            # "is expecting X to launch ...", "hopes X will ...", "denied that X ..."
            return True
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in {"VERB", "AUX"}:
        # "could escalate *by testing* ...": the means shares the modality of its verb
        return _is_hypothetical(tok.head.head)
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in INTENT_VERBS


def sentence_ents(span: Span) -> list[Span]:
    """The named entities inside ``span`` (as ``span.ents``), read off its own tokens:
    ``Span.ents`` rebuilds every entity of the whole document on each call, which made coding
    quadratic in the article's length (an hour for a 900,000-character article)."""
    doc = span.doc
    ents: list[Span] = []
    i = span.start
    while i < span.end:
        tok = doc[i]
        if tok.ent_iob_ != "B":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= span.end:
            ents.append(Span(doc, i, j, label=tok.ent_type_))
        i = j
    return ents


def sentence_contexts(doc: Doc, offset: int = 0) -> list[SentenceContext]:
    return [SentenceContext(i, s, offset) for i, s in enumerate(doc.sents)]
