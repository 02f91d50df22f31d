"""Event coding: from a parsed sentence and its actor mentions to coded events.

For every word that heads a rule of the trigger lexicon, the coder

1. checks the rule's frame (required object, particle, preposition...),
2. finds the source (the subject; the ``by`` agent in the passive; the possessor or the
   light verb's subject for nominal triggers) and the target (as the rule says): the
   ``ArgumentFinder`` of ``_arguments.py`` (with ``_sources.py``, ``_targets.py``),
3. maps those syntactic arguments to actor mentions, expanding coordination ("X and Y") and
   plural references ("the two countries") into one event per dyad,
4. reads the context: negation, modality/intent (clauses that report no act done are in
   ``_clauses.py``), the event's own time expression and place, and fills the actors the
   sentence leaves unsaid by the conventions of ``_conventions.py``,
5. codes the event in CAMEO and PLOVER from the codebook and scores a confidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dateline.codebook import (
    ACCUSE_CODE,
    APPEAL_ROOT,
    ARREST_CODE,
    ASSAULT_ROOT,
    COERCE_ROOT,
    CONSULT_ROOT,
    CONSULT_UNSPECIFIED_CODE,
    DEMAND_ROOT,
    DISAPPROVE_CODE,
    DISAPPROVE_ROOT,
    FIGHT_ROOT,
    HOST_VISIT_CODE,
    INTENT_ROOT,
    INVESTIGATE_ROOT,
    MASS_VIOLENCE_ROOT,
    MATERIAL_COOPERATION_ROOT,
    MILITARY_COOPERATION_CODE,
    NEGOTIATE_CODE,
    PROTEST_ROOT,
    REJECT_ROOT,
    SHOW_OF_FORCE_CODE,
    THREAT_ROOT,
    VISIT_CODE,
    YIELD_ROOT,
    Codebook,
)
from dateline.docmemo import (
    children,
    doc_text,
    head_of,
    remember,
    sentence_of,
    sentences,
    span_tokens,
    token_pos,
)
from dateline.events import syntax
from dateline.events._arguments import CRITICISM_RULE, MUST_RULE, ArgumentFinder
from dateline.events._authors import ARTICLE_RULE, ArticleMemory, AuthorFinder
from dateline.events._blame import (
    FIRST_HOSTILE_ROOT,
    PlacedBlame,
    UndergoneCriticism,
    accused_without_accuser,
    accusers,
    alleging_filing,
    charge_tellers,
    criticism_undergone,
    culpable_for_harm,
    is_accused_intent,
    may_place_blame,
    official_speaker,
    placed_by_blame,
    placed_perpetrators,
    prosecuted_act,
    wrong_done,
    wronged_by,
)
from dateline.events._clauses import (
    Obligation,
    clause_chain,
    clause_verb,
    governs,
    is_hypothetical,
    is_purpose_clause,
    is_purpose_of,
    is_reported_obligation,
    is_requested_content,
    is_time_anchor,
    is_unasserted_frame,
    lies_ahead,
    obligation_of,
    obligation_speaker,
    speaker_of,
    stated_by,
    told_as_past,
)
from dateline.events._conventions import (
    SENTENCE_COUNTRY_RULE,
    UNIDENTIFIED_AGENT_ROOTS,
    countryless_target,
    implicit_target,
    placed_in,
)
from dateline.events._dating import (
    adds_to_before,
    adjunct_participle,
    carries_on,
    clause_offset,
    coordinated_dates,
    dated_noun,
    dates_an_occasion,
    dates_another_noun,
    dates_issued_doer,
    describes_acted_on,
    follows_dated,
    names_same_event,
    occasion_mentioned_before,
    opens_in_told_document,
    points_back_to_occasion,
    quoted_under_attribution,
    responded_event,
    set_clause,
    setting_governs,
    setting_participle,
    shifted,
    soon_after_event,
    told_as_done,
    told_as_ongoing,
)
from dateline.events._doc_memo import sentence_ents_of, span_ents, span_text
from dateline.events._evaluation import (
    JUDGEMENT_HEADS,
    Concern,
    Evaluation,
    according_to,
    blamed_for_hostile_act,
    branded_actor,
    concern_over_act,
    is_denied,
    may_evaluate,
    negative_predication,
    reported_clause,
    wrongdoing_of,
)
from dateline.events._meetings import meeting_parties, readiness_of
from dateline.events._phrases import Arg, MentionLike, same_actor
from dateline.events._requests import (
    INFERRED_TARGET_RULES,
    condition_party,
    content_targets,
    domestic_addressee,
    is_idle_wish,
    is_own_state_request,
    is_reported_ban,
    is_requested_conjunct,
    is_wished_content,
    promised_act,
    request_frame,
    story_addressee,
    threat_condition,
    threatening_speaker,
)
from dateline.events._speech_acts import (
    COUNTERPART_RULE,
    NOMINAL_REQUEST_RULE,
    conditional_measure_speaker,
    finite_conjunct_doer,
    nominal_addressee,
    nominal_request_rule,
    putting_participle,
    ranked_doer,
    reporter_addressee,
    request_author,
    requested_of,
    sentence_counterpart,
)
from dateline.events._story_author import disapproved_act, story_author, undergone_act
from dateline.events._targets import RECIPROCAL_TARGETS
from dateline.events._words import word_class
from dateline.events.addressee import (
    demanded_of,
    names_addressee,
    without_targetless_twins,
    without_topic_places,
)
from dateline.events.appeals import unplaced_addressee
from dateline.events.appearances import APPEARANCE_RULE, appearance_partners
from dateline.events.apposed_charges import is_misread_charge
from dateline.events.arrivals import ARRIVAL_RULE, GIVER_KINDS, Arrival, arriving_help
from dateline.events.authorisations import (
    AUTHORISATION_RULE,
    Authorisation,
    authorised_force,
    force_aimed_at,
)
from dateline.events.backing import (
    BACKING_RULE,
    Backing,
    backing,
    backing_code,
    is_outside_help,
)
from dateline.events.captives import asks_release, captor
from dateline.events.clefts import cleft_culprit
from dateline.events.commentary import is_commentary, is_commentator_phrase
from dateline.events.conveyance import (
    SECURITY_SECTORS,
    force_results,
    insurgency_target,
    purpose_foes,
    struck_beside,
    vehicle_load,
)
from dateline.events.custody import (
    CUSTODIAN_RULE,
    CUSTODIAN_SECTOR,
    CUSTODY_RULE,
    Custody,
    custody_since,
)
from dateline.events.decisions import announced_measure
from dateline.events.denials import accuser
from dateline.events.dismissals import (
    DISMISSAL_RULE,
    dismissal_rule,
    dismisser,
    dismisses_accusation,
)
from dateline.events.existing import is_existing_mention
from dateline.events.failures import failed_policy, may_fail
from dateline.events.guests import GUEST_RULE, is_guest_participle
from dateline.events.home_ground import frontier_partners, home_targets
from dateline.events.inquiries import opened_inquiry
from dateline.events.interviews import is_press_interview
from dateline.events.irrealis import is_attempted_force, is_stated_future, unreported
from dateline.events.lexicon import (
    WORD_REQUIREMENT_KEYS,
    Lexicon,
    Requirement,
    TriggerRule,
    words_match,
)
from dateline.events.liberties import curbed_liberties, liberties_curbed, may_curb_liberty
from dateline.events.manner import means_of
from dateline.events.means import without_means
from dateline.events.measures import PREVENTION_RULE, prevented_parties
from dateline.events.misread import misread_noun
from dateline.events.mood import (
    MoodTable,
    detect_mood,
    load_moods,
)
from dateline.events.occasions import occasion_parties
from dateline.events.orders import is_order_to_own_forces
from dateline.events.prescriptions import (
    addressee_of,
    necessity_frame,
    own_side,
    without_prescribed_twins,
)
from dateline.events.protection import PROTECTION_CODE, PROTECTION_SUFFIX, protected
from dateline.events.rebuffs import (
    REBUFF_RULE,
    carries_rebuff,
    rebuff_parts,
    rebuff_rule,
    rebuffed,
)
from dateline.events.replies import replied_to
from dateline.events.senses import SenseTable, load_senses
from dateline.events.statements import (
    is_agreement_in_force,
    is_statement_mention,
    speaking_document,
)
from dateline.events.time import (
    ResolvedDate,
    SentenceTime,
    days_spanned,
    is_relative,
    lies_before,
    resolve_date,
    resolve_relative,
    time_frames,
)
from dateline.events.trace import CodingTrace, actor_text
from dateline.events.trials import prosecutors_court, trial_venue_court
from dateline.events.unasserted import (
    in_condition,
    in_open_question,
    is_advice_to_know,
    is_negotiated,
    is_question_asked,
)
from dateline.events.victims import (
    casualties,
    harm_doers,
    holders,
    is_own_audience,
    split_victims,
)
from dateline.model import Actor, Event, Location, SentenceRef
from dateline.model import Span as TextSpan
from dateline.places import Gazetteer

# The lexicon's part of speech for spaCy's: auxiliaries are verbs, proper nouns nouns.
LEXICON_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}
# Closed word classes (and punctuation, space, figures) that head no act, no frame and no
# judgement: ``code_sentence`` passes their tokens by without running the per-token stages,
# which cost as much for a comma as for a verb and were about a third of coding time. Every
# stage's own gate asks for a verb, a noun, an adjective or a word of a word class anyway.
NO_ACT_POS = frozenset({"ADP", "CCONJ", "DET", "NUM", "PART", "PUNCT", "SCONJ", "SPACE", "SYM"})
# Sentences longer than this many tokens are not coded: flattened tables, lists of names and
# run-on text give parses that invent events, and the parse cost grows with length.
MAX_SENTENCE_TOKENS = 150
# Events per sentence beyond which the sentence is a list, not a report.
MAX_EVENTS_PER_SENTENCE = 12
# What a protest is held for ("marched *calling for* reforms", "began a hunger strike *to
# demand* ...", "went on strike *to protest* ..."): appeals, demands, criticism and protest
# verbs whose clause states the protest's purpose are its content, not acts of their own.
PROTEST_CONTENT_ROOTS = (APPEAL_ROOT, DEMAND_ROOT, DISAPPROVE_ROOT, PROTEST_ROOT)
# Acts that are a country's internal affairs: yielding (resigning, conceding, easing),
# investigating, protesting and coercing (the trigger's own code, before any mood). A source
# the resolver found but could not place ("Judge Alejandro Rivera", "about 200 supporters of
# the former president", "Gen. X resigned") belongs, in such an act, to the one country the
# sentence names: news names a foreign participant's country ("a US envoy").
INTERNAL_ROOTS = (YIELD_ROOT, INVESTIGATE_ROOT, PROTEST_ROOT, COERCE_ROOT)
# People who comment on events ("analysts", "experts"): their praise, demands or blame are
# opinions, not acts of political actors. Only a protest of theirs is an act of their own.
COMMENTATOR_ROLES = word_class("commentator_role")
# The press as an audience: "speaking to reporters" is a public statement, not a consultation.
PRESS_AUDIENCE_ROLES = word_class("press_audience_role")
# Verbs of responding whose "by" phrase is the response: "retaliated by announcing tariffs"
# is the announcing (coded on its own), not a use of force.
RESPONSE_VERBS = word_class("response_verb")
# Verbs of concurring that, after a quotation and before their subject, attribute it:
# "“The danger has not passed,” agreed X" is X speaking.
CONCURRING_VERBS = word_class("concurring_verb")
# Travel verbs that carry their object: "flew the migrants to Louisiana" is no visit.
CONVEYING_VERBS = word_class("conveying_verb")
# Consultations, negotiations, material cooperation and fighting are joint acts whatever
# the frame (not so visits and hosting: "X and Y welcomed ..." is not X hosting Y).
RECIPROCAL_CODE_PREFIXES = (
    CONSULT_UNSPECIFIED_CODE,
    NEGOTIATE_CODE,
    MATERIAL_COOPERATION_ROOT,
    FIGHT_ROOT,
)
# A date ends a chain of phrases more often than a place or an actor does ("met for the first
# time at the summit in June 2018": six links from "met"); the clause still bounds it.
DATE_HOPS = 10
# How many sentences either side of an act dated by its week or month to look for its day
# (a quotation of two or three sentences may stand between: "during the visit on Feb. 27").
WEEK_DAY_REACH = 3
# Words that make a date a limit of the act, not its time ("fighting since 2011").
TIME_BOUNDARY_WORDS = word_class("time_boundary")
# CAMEO roots from here on are conflictual (09 investigate .. 20 mass violence).
FIRST_CONFLICT_ROOT = INVESTIGATE_ROOT
# CAMEO roots of acts whose "to" phrase names an act not (yet) done: intents (03) and
# rejections (12).
UNREALISED_COMPLEMENT_ROOTS = {INTENT_ROOT, REJECT_ROOT}
# Targets the sentence does not name as such, as sure as a convention's: one the article
# names, one read from a request's content, an unplaced addressee put in the requester's
# country.
INFERRED_TARGET_MARKS = (ARTICLE_RULE, *INFERRED_TARGET_RULES, COUNTERPART_RULE)
# Negotiations: with no partner named, their purpose names it ("negotiating to import from Y").
NEGOTIATION_CODE = NEGOTIATE_CODE
# CAMEO roots of requests: appeals (02) and demands (10).
REQUEST_ROOTS = {APPEAL_ROOT, DEMAND_ROOT}
# Military exercises (CAMEO 150, a show of force) held by coordinated parties of different
# countries are joint: military cooperation (062). The rule id records it.
EXERCISE_NOUNS = word_class("exercise_noun")
JOINT_EXERCISE_CODE = MILITARY_COOPERATION_CODE
JOINT_SUFFIX = "+joint"
# The rule id of the reverse event of a "[code:reverse]" rule is the rule's id plus this.
REVERSE_SUFFIX = ":reverse"
# Prepositions that attach a place to an event.
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "across", "into", "on"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# CAMEO roots of physical attacks (18 assault, 19 fight, 20 mass violence): their object,
# when it is a place the gazetteer knows ("shelled Kharkiv", "attacked the town of X"), is
# where the act happened.
STRIKE_ROOTS = {ASSAULT_ROOT, FIGHT_ROOT, MASS_VIOLENCE_ROOT}
# Nouns that introduce a place's name: "the town *of* Samarra".
PLACE_NOUNS = word_class("place_noun")
# Nouns before a trigger noun that make it a publication, not an act: "press release".
NON_EVENT_COMPOUNDS = word_class("non_event_compound")
# Visits and hosting (CAMEO 042, 043) are acts of political actors; a crowd of tourists or
# migrants "visiting" or "arriving in" a country is not one.
VISIT_CODES = (VISIT_CODE, HOST_VISIT_CODE)
PRIVATE_TRAVELLER_SECTORS = {"CVL", "REF"}
# What may stand where the attacker should be: "a roadside *bomb* killed", "were killed *in an
# explosion*". Any other noun (soldiers, a group) is an actor the resolver did not know.
UNIDENTIFIED_AGENT_NOUNS = word_class("unidentified_agent_noun")
FRAME_NOUNS = word_class("frame_noun")
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
# "X said soldiers tortured Y": the speaker's blame ranks below the act the sentence tells.
PENALTY_TOLD_ACT = 0.15


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


@dataclass(frozen=True)
class _Givens:
    """What every event of one sentence is built with besides its trigger, coding and actors:
    handed as one to the frames that code events outside the trigger lexicon."""

    sent: SentenceContext
    article_id: str
    published: dt.date | None
    default_location: Location | None
    places: Gazetteer | None


@dataclass(frozen=True)
class _Sentence:
    """One sentence being coded: what the stages of ``EventCoder.code_sentence`` read."""

    givens: _Givens
    mentions: Sequence[MentionLike]
    by_token: dict[int, MentionLike]
    only_country: str | None  # the one country the sentence names, if only one
    memory: ArticleMemory | None
    trace: CodingTrace | None


# "X said the attack was orchestrated by Y": laying a wrongdoing at Y's door is an
# accusation (CAMEO 112), not the mere criticism (111) of a negative judgement.
BLAME_CODE = ACCUSE_CODE
# "X is concerned about Y's actions": disapproval of Y (CAMEO 110), not a pessimistic
# comment (012) on a state of things.
CONCERN_CODE = DISAPPROVE_CODE
# Entity labels of a time: "on *Monday*" is no addressee of "called on".
TIME_LABELS = {"DATE", "TIME"}
# Dependents of a trigger that are clauses of their own, or coordinated with it: a "tail"
# requirement does not look into them.
OWN_CLAUSE_DEPS = {"conj", "cc", "ccomp", "advcl", "xcomp", "relcl", "parataxis"}


class EventCoder:
    """Codes events in parsed sentences. Loaded once; ``code_sentence`` is pure."""

    def __init__(
        self,
        lexicon: Lexicon,
        codebook: Codebook,
        moods: MoodTable | None = None,
        senses: SenseTable | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.codebook = codebook
        self.moods = moods or load_moods()
        self.senses = senses or load_senses()
        self.trigger_lemmas = lexicon.lemmas
        self.arguments = ArgumentFinder(self.match)
        self.authors = AuthorFinder(self.arguments)

    def article_memory(self, doc: Doc, mentions: Sequence[MentionLike]) -> ArticleMemory:
        """What ``code_sentence`` remembers of one document (its mentions and the events coded
        so far): pass it to every sentence of the document, in order."""
        return self.authors.memory(doc, mentions)

    # -- the main entry point -------------------------------------------------------------
    def code_sentence(
        self,
        sent: SentenceContext,
        mentions: Sequence[MentionLike],
        *,
        article_id: str,
        published: dt.date | None,
        default_location: Location | None,
        places: Gazetteer | None = None,
        memory: ArticleMemory | None = None,
        trace: CodingTrace | None = None,
    ) -> list[Event]:
        """The events of one sentence. ``trace`` (``dateline explain``) records every
        candidate and every check that vetoed, changed or dropped one; without it nothing is
        recorded.

        Each token of the sentence goes through these stages, each a method below:

        1. ``_frame_events``: events of frames outside the trigger lexicon (aid "with support
           from X", custody "since" a date, a law authorising force, help that arrived);
        2. ``_trigger_rule``: the rule the token triggers, frames before the lexicon;
        3. ``_judgement_events``: a negative judgement or blame in speech ("expressed
           concern over Y's moves"); a liberty it says is curbed is carried;
        4. ``_trigger_vetoed``: the trigger and rule checks; what a kept trigger carries;
        5. ``_arguments``: the source and target actors the syntax and the frames name;
        6. ``_missing_arguments``: a missing source or target from conventions, the
           content and the article memory; commentators dropped;
        7. ``_coding``: the code, re-coded by mood, obligation or a demand's speaker, and
           the source-target pairs;
        8. ``_directed``: each pair as one directed coding, with the rule's reverse code;
        9. ``_dyad_event``: the event of one directed pair, after the dyad checks, with the
           target conventions applied.

        Then the sentence checks (``SENTENCE_CHECKS``) run over all its events, and the
        article memory remembers the events kept.
        """
        span = sent.span
        if len(span) > MAX_SENTENCE_TOKENS or not mentions:
            if trace is not None:
                reason = SENTENCE_TOO_LONG if mentions else NO_ACTORS
                trace.check(reason, "vetoed", sent.offset + span.start_char, None)
            return []
        by_token = self.arguments.mentions_by_token(span, mentions)
        givens = _Givens(sent, article_id, published, default_location, places)
        st = _Sentence(givens, mentions, by_token, _only_country(by_token), memory, trace)
        events: list[Event] = []
        governors: set[tuple[int, int]] = set()  # (mood verb, source) already coded through
        origin: dict[int, tuple[Token, TriggerRule]] = {}  # id(event) -> its trigger and rule
        carried: set[int] = set()  # nominal triggers already coded through their light verb
        pos = token_pos(span.doc)
        for tok in span_tokens(span):
            if pos[tok.i] in NO_ACT_POS:
                continue
            for framed, frame in self._frame_events(tok, st):
                events.append(framed)
                origin[id(framed)] = (tok, frame)
            rule = self._trigger_rule(tok, by_token)
            for judged in self._judgement_events(tok, rule, carried, st):
                events.append(judged)
                origin[id(judged)] = (tok, CRITICISM_RULE)
            if rule is None or self._trigger_vetoed(tok, rule, carried, st):
                continue
            rule, sources, targets, plural, victims = self._arguments(tok, rule, st)
            found = self._missing_arguments(tok, rule, sources, targets, victims, st)
            if found is None:
                continue
            rule, sources, targets = found
            coded_as = self._coding(tok, rule, sources, targets, st)
            if coded_as is None:
                continue
            rule, coding, pairs = coded_as
            for event_coding, source, target in self._directed(tok, rule, coding, pairs, st):
                event = self._dyad_event(tok, rule, event_coding, source, target, plural, st)
                if event is None:
                    continue
                events.append(event)
                origin[id(event)] = (tok, rule)
                if event_coding.governor is not None:
                    governors.add((event_coding.governor, event.source.start))
        coded = _Coded(span, sent.offset, origin, governors)
        for name, check in SENTENCE_CHECKS:
            kept = check(events, coded)
            if trace is not None:
                trace.dropped(name, events, kept)
            events = kept
        if memory is not None:
            memory.remember([(origin[id(e)][0], e) for e in kept])
        return kept

    def _frame_events(self, tok: Token, st: _Sentence) -> list[tuple[Event, TriggerRule]]:
        """Stage 1: the events of frames outside the trigger lexicon that ``tok`` opens, each
        with the rule that records the frame."""
        by_token, givens, memory = st.by_token, st.givens, st.memory
        found: list[tuple[Event, TriggerRule]] = []
        if (backed := backing(tok)) is not None:
            # "with support from X, Y prepositioned food": aid from X to Y
            found += [(e, BACKING_RULE) for e in self._backing_events(backed, by_token, givens)]
        if (custody := custody_since(tok)) is not None:
            # "X has been in custody since Feb. 24": the arrest on Feb. 24
            found += [(e, CUSTODY_RULE) for e in self._custody_events(custody, by_token, givens)]
        if (law := authorised_force(tok)) is not None:
            # "approved a law that authorizes firing on X": coercion by the enactors
            authorised = self._authorisation_events(law, by_token, givens)
            found += [(e, AUTHORISATION_RULE) for e in authorised]
        if (arrival := arriving_help(tok)) is not None:
            # "reinforcements have arrived from overseas, including X": X's aid
            arrived = self._arrival_events(arrival, by_token, givens, memory)
            found += [(e, ARRIVAL_RULE) for e in arrived]
        return found

    def _trigger_rule(self, tok: Token, by_token: dict[int, MentionLike]) -> TriggerRule | None:
        """Stage 2: the rule ``tok`` triggers: a frame (a nominal request, a rebuff, a
        dismissal, a guest, a joint appearance, a prevention, a reported obligation, a
        request) where one fits, else the trigger lexicon; None for no trigger."""
        rule = (
            nominal_request_rule(tok) or rebuff_rule(tok) or dismissal_rule(tok) or self.match(tok)
        )
        if is_guest_participle(tok) and not self._consults(head_of(tok)):
            # "assured visiting minister X": X is the subject's guest ("met visiting X"
            # is the meeting's own event)
            rule = GUEST_RULE
        if rule is None and appearance_partners(tok):
            # "held a joint news conference with X": a meeting with X
            rule = APPEARANCE_RULE
        if rule is None and any(
            self.arguments.actors_at(t, by_token) for t in prevented_parties(tok)
        ):
            # "will take all necessary measures to prevent X from ...": aimed at X
            rule = PREVENTION_RULE
        if rule is None and (is_reported_obligation(tok) or is_reported_ban(tok)):
            rule = MUST_RULE
        if rule is None:
            # "ordered Y to reopen", "called for the charges to be dropped"
            rule = request_frame(tok)
        return rule

    def _judgement_events(
        self, tok: Token, rule: TriggerRule | None, carried: set[int], st: _Sentence
    ) -> list[Event]:
        """Stage 3: the events of a negative judgement or blame that ``tok`` heads in speech
        ("expressed concern over Y's moves" is also disapproval of Y), next to the act its
        ``rule`` codes, which outranks them when hostile. A liberty it says is curbed goes
        to ``carried``: no act of its own."""
        if not may_evaluate(tok) and not may_place_blame(tok) and not may_curb_liberty(tok):
            # The cheap word tests of ``_judgement`` and ``curbed_liberties``, asked first:
            # most tokens fail them, and the rest of this stage has a cost per token.
            return []
        sent, span, by_token = st.givens.sent, st.givens.sent.span, st.by_token
        mentions, memory, trace = st.mentions, st.memory, st.trace
        article_id, published = st.givens.article_id, st.givens.published
        default_location = st.givens.default_location
        events: list[Event] = []
        if (
            rule is None
            or tok.lemma_.lower() in JUDGEMENT_HEADS
            or may_place_blame(tok)
            or may_curb_liberty(tok)
        ):
            # "expressed concern over Y's moves" is also disapproval of Y
            for event in self._judgement(
                tok,
                span,
                by_token,
                mentions,
                sent,
                article_id,
                published,
                default_location,
                memory,
            ):
                event.confidence = _with_target_evidence(event)
                if rule is not None and rule.cameo[:2] >= FIRST_HOSTILE_ROOT:
                    # "X said soldiers tortured Y": the act told outranks the telling
                    event.confidence -= PENALTY_TOLD_ACT
                events.append(event)
                if trace is not None:
                    trace.candidate(event.trigger.start, event.trigger.text, CRITICISM_RULE)
            # "X said Y is stifling dissent": the liberty curbed is no act (no protest)
            carried.update(t.i for t in curbed_liberties(tok))
        return events

    def _trigger_vetoed(
        self, tok: Token, rule: TriggerRule, carried: set[int], st: _Sentence
    ) -> bool:
        """Stage 4: whether a trigger check or a rule check vetoes ``tok`` as a trigger of
        ``rule`` (recorded in the trace). A kept trigger adds to ``carried`` what it carries
        (its object's conjuncts, what is agreed to or asked for): no triggers of their own."""
        sent, trace = st.givens.sent, st.trace
        if trace is not None:
            trace.candidate(sent.offset + tok.idx, tok.text, rule)
        veto = _trigger_veto(tok, carried)
        if veto not in (None, CARRIED) and rule is GUEST_RULE:
            veto = None  # a guest's participle is no clause: not what "told" asks
        veto = veto or _rule_veto(tok, rule)
        if veto is not None:
            if trace is not None:
                trace.check(veto, "vetoed", sent.offset + tok.idx, rule.id)
            return True
        obj = syntax.object_of(tok)
        if obj is not None and tok.pos_ == "VERB":
            # "dismissed the report and later *statements* by X": every conjunct of the
            # object is what the verb acts on, no act of its own
            carried.update(t.i for t in syntax.expand_conjuncts(obj))
        if tok.pos_ == "VERB" and rule.cameo[:2] in UNREALISED_COMPLEMENT_ROOTS:
            # "agreed to US mediation", "is opposed to French mediation": the mediation
            # is what is agreed to or opposed, not an act that took place.
            carried.update(p.i for p in syntax.prep_objects(tok, "to"))
        if rule.cameo[:2] in REQUEST_ROOTS:
            # "called for dialogue between X and Y", "their calls for a ceasefire and
            # talks": what a request asks for is its content, not an act that took place.
            asked = syntax.prep_objects(tok, "for")
            carried.update(t.i for p in asked for t in (p, *p.conjuncts))
        return False

    def _arguments(
        self, tok: Token, rule: TriggerRule, st: _Sentence
    ) -> tuple[TriggerRule, list[Arg], list[Arg], bool, list[Arg]]:
        """Stage 5: the sources and targets of ``tok`` that the syntax and the frames name:
        (rule, sources, targets, plural, victims). The rule changes when the act protects
        someone; victims are those who suffered an act condemned, not its targets."""
        sent, span, by_token = st.givens.sent, st.givens.sent.span, st.by_token
        sources, targets, plural = self.arguments.find(tok, rule, by_token, span)
        if rule is APPEARANCE_RULE or rule is PREVENTION_RULE:
            # the partners at a joint news conference, whom a measure is to stop
            named = appearance_partners(tok) or prevented_parties(tok)
            targets = [a for t in named for a in self.arguments.actors_at(t, by_token)]
        if rule.cameo.startswith(CONSULT_ROOT) and not targets and len(sources) < 2:
            # "at their meeting in July, Tokyo and Washington shared ...": among them
            met = {
                (a.actor.start, a.actor.code): a
                for t in occasion_parties(tok)
                for a in self.arguments.actors_at(t, by_token)
            }
            sources = list(met.values()) if len(met) >= 2 else sources
        guarded = [
            a for t in protected(tok, rule.cameo) for a in self.arguments.actors_at(t, by_token)
        ]
        if guarded:
            # "troops were deployed to protect civilians": protection given to them
            if not rule.cameo.startswith(PROTECTION_CODE):
                rule = replace(rule, id=f"{rule.id}{PROTECTION_SUFFIX}", cameo=PROTECTION_CODE)
            targets = guarded
        if rule is NOMINAL_REQUEST_RULE:
            # "China's proposal for the Council to lift ...": the Council is asked
            addressed = self.arguments.actors_at(nominal_addressee(tok), by_token)
            targets = _others(addressed, sources) or targets
            # "X renewed its call to Y to ...": the carrying verb's subject makes it
            sources = sources or self.arguments.actors_at(request_author(tok), by_token)
        if rule is REBUFF_RULE and (parts := rebuff_parts(tok)) is not None:
            # "Y's plan met with opposition from X": X rejects Y
            sources = [
                a
                for t in syntax.expand_conjuncts(parts[0])
                for a in self.arguments.actors_at(t, by_token)
            ]
            targets = _others(rebuffed(parts[1], by_token, self.arguments.actors_at), sources)
        if rule is DISMISSAL_RULE:
            # "X said the accusations were baseless": X denies them
            speaker = dismisser(tok)
            sources = self.arguments.actors_at(
                speaker, self._mentions_around(speaker, span, by_token, st.mentions)
            )
            targets = []
        # "sent a delegation to ...": the delegation is the source's own, not a target
        targets = without_means(tok, rule, targets, sent.offset)
        # "condemned the killing of X": X suffered the act condemned, whose doer is aimed at
        targets, victims = split_victims(tok, rule.cameo, targets, sent.offset)
        targets = without_topic_places(tok, rule.cameo, targets, sent.offset)
        facing = home_targets(tok, rule.cameo, sources, targets, sent.offset)
        if facing is not None:
            # "sent troops to Mexico's border (with the U.S.)": a place at home
            targets = [a for t in facing for a in self.arguments.actors_at(t, by_token)]
        return rule, sources, targets, plural, victims

    def _missing_arguments(
        self,
        tok: Token,
        rule: TriggerRule,
        sources: list[Arg],
        targets: list[Arg],
        victims: list[Arg],
        st: _Sentence,
    ) -> tuple[TriggerRule, list[Arg], list[Arg]] | None:
        """Stage 6: a missing source or target found elsewhere (the meeting's parties, the
        doer of a ranked or passive act, a filing or statement, an accusing court or a
        trial's venue, an inquiry's announcer, the doer and ends of a means, the content of
        a request, threat or negotiation, casualties, an addressee no actor, the article
        memory), and commentators dropped from the sources: (rule, sources, targets), or
        None when no source is left (recorded in the trace). The rule allows no target for
        an inquiry into what no one is named for."""
        sent, span, by_token = st.givens.sent, st.givens.sent.span, st.by_token
        memory, trace, places = st.memory, st.trace, st.givens.places
        if victims and not targets:
            doers = harm_doers(tok, rule.cameo)
            targets = [a for d in doers for a in self.arguments.actors_at(d, by_token)]
        # "told Y in a phone conversation", "X said talks with Y are progressing"
        sources, targets = meeting_parties(
            tok, rule.cameo, sources, targets, by_token, self.arguments.actors_at
        )
        if not sources:
            # "X was the first to reject the plan"
            sources = self.arguments.actors_at(ranked_doer(tok), by_token)
        if not sources:
            # "X said the plan aims to mobilize troops and urged Y to ..."
            sources = self.arguments.actors_at(finite_conjunct_doer(tok), by_token)
        if not sources:
            # "was expelled from the party", "X was released": the agent the article names
            sources = self.authors.passive_agent(tok, rule, by_token, memory)
        if sources and not _others(targets, sources):
            # "Thailand said China had asked it to ...": Thailand was asked (not China,
            # whom "it" may have been read as)
            reporter = reporter_addressee(tok, rule.cameo)
            targets = _others(self.arguments.actors_at(reporter, by_token), sources) or targets
        if not sources and (filing := alleging_filing(tok)) is not None:
            # "a lawsuit filed in February alleged ...": whoever filed it alleges it
            sources = self.authors.author_of(filing, tok, [], by_token, memory)
        if not sources and (document := speaking_document(tok)) is not None:
            # "X issued a statement ... The statement threatened sanctions": X threatens
            sources = self.authors.author_of(document, tok, [], by_token, memory)
        if memory is not None and (accused := accused_without_accuser(tok, rule.cameo)):
            # "X were accused of the bombing", "X stand accused of ...": by the court the
            # story named (the subject is the accused, not the accuser)
            targets = self.arguments.actors_at(accused, by_token)
            sources = accusers(self.authors.accusing_court(tok, targets, memory))
            if not sources:
                # "the minister said the men have been charged with murder"
                told_by = self.arguments.actors_at(stated_by(tok), by_token)
                sources = charge_tellers(told_by, targets)
            if not sources:
                # "a trial opened in Paris ... X stand accused of the bombing"
                sources = trial_venue_court(tok, memory)
        if not sources and (inquiry := opened_inquiry(tok, rule.cameo)) is not None:
            # "the minister said commissions have been set up to investigate the mutiny"
            told_by = self.arguments.actors_at(stated_by(inquiry), by_token)
            sources = charge_tellers(told_by, [])
            if sources and "none" not in rule.targets:
                # an inquiry into a riot whose doers no one names is aimed at no one
                rule = replace(rule, targets=(*rule.targets, "none"))
        if (means := means_of(tok)) is not None:
            # "X worked with Y, including by offering ...", "X helped Y by offering ...":
            # X offers, and to Y
            sources = sources or self.arguments.actors_at(syntax.subject_of(means), by_token)
            if sources and not any(t.actor.code for t in _others(targets, sources)):
                ends = _others(self._means_targets(means, by_token, span), sources)
                targets = ends or targets
        if sources and (undergone := undergone_act(tok, rule.cameo, targets, by_token)):
            # "denounced the moves against X": whoever moved, when the article tells
            authored = self.authors.author_of(undergone, tok, sources, by_token, memory)
            targets = authored or targets
        if sources and not targets:
            # "rejected the resolution", "called for X's release": whose act it answers
            targets = self.authors.target(tok, rule, sources, by_token, memory)
        if (
            sources
            and not _others(targets, sources)
            and (answered := replied_to(tok, rule.cameo, sources, memory))
        ):
            # "X accused Y ... Y denied the charges", "Y turned them down" (also with "them"
            # read as Y itself): the story's earlier act aimed at the one replying
            targets = answered
            if trace is not None:
                parties = ", ".join(actor_text(t.actor) for t in targets)
                trace.check(REPLY_TARGET, "changed", sent.offset + tok.idx, rule.id, parties)
        if (
            sources
            and not _others(targets, sources)
            and not _adjunct_of_other_act(tok)
            and (
                rule.cameo[:2] in REQUEST_ROOTS
                or rule.cameo.startswith(NEGOTIATION_CODE)
                or (rule.cameo.startswith(THREAT_ROOT) and promised_act(tok) is not None)
            )
        ):
            # "called for an end to Russia's attacks", "warned that it would keep up the
            # pressure on Y", "negotiating to import eggs from Y": the content names whom
            # it asks, threatens or negotiates with
            targets = content_targets(tok, sources, by_token, self.arguments.actors_at) or targets
        if victims and not targets:
            targets = holders(tok, victims)  # "condemned the journalist's arrest"
        if sources and not targets:
            # "soldiers died in an attack by Y": the casualties suffered it
            hit = casualties(tok, rule.cameo)
            targets = [a for t in hit for a in self.arguments.actors_at(t, by_token)]
        if sources and not targets:
            # "ambushed a bus carrying soldiers", "launched an operation to flush out
            # the militants": they were attacked
            aboard = (
                vehicle_load(tok, rule.cameo)
                or purpose_foes(tok, rule.cameo)
                # (coordinated sources that fight fight each other, not the fallen)
                or (force_results(tok, rule.cameo) if len(sources) < 2 else [])
                or frontier_partners(tok, rule.cameo)
            )
            targets = [a for t in aboard for a in self.arguments.actors_at(t, by_token)]
        if sources and not targets:
            # "detonated explosives near a military convoy": the forces it struck beside
            beside = struck_beside(tok, rule.cameo)
            targets = [
                a
                for t in beside
                for a in self.arguments.actors_at(t, by_token)
                if a.actor.sector in SECURITY_SECTORS
            ]
        if sources and not targets:
            # "urged the population to remain calm", "ordered schools to reopen": whom it
            # asks, though no actor the resolver knows
            addressee = unplaced_addressee(
                tok, rule.cameo, sources[0].actor, sent.offset + tok.idx, by_token.__contains__
            )
            targets = [Arg(addressee)] if addressee is not None else []
        if sources and not targets:
            # "issued warnings demanding that Washington ...": whom the demand is of
            asked = demanded_of(tok, rule.cameo)
            targets = [a for t in asked for a in self.arguments.actors_at(t, by_token)]
        if sources and not targets:
            # "described the proposed plan as a disaster": the story's state's plan
            targets = story_author(disapproved_act(tok, rule.cameo), sources, memory)
        if sources and not rule.cameo.startswith(PROTEST_ROOT):
            # Drop commentators only: with none left the act is theirs alone, and no
            # other agent is to be guessed for it.
            actors = [s for s in sources if not _is_commentator(s.actor)]
            if not actors:
                if trace is not None:
                    trace.check(COMMENTATORS_ONLY, "vetoed", sent.offset + tok.idx, rule.id)
                return None
            sources = actors
        ruling = syntax.ruled_out_by(tok)
        if not sources and ruling is not None:
            # "X said lifting the sanctions is out of the question": X rules it out.
            sources = self.arguments.actors_at(speaker_of(ruling), by_token)
        if not sources and (duty := obligation_of(tok)) is not None:
            # "Y is under an obligation to withdraw": the holder of the duty acts
            sources = self.arguments.actors_at(syntax.subject_of(duty.clause), by_token)
        if (
            not sources
            and (
                threatener := threatening_speaker(tok, rule.cameo)
                or conditional_measure_speaker(tok, rule.cameo)
            )
            is not None
        ):
            # "X said the rebels will be crushed": X threatens them (an analyst's
            # forecast threatens no one)
            sources = [
                s
                for s in self.arguments.actors_at(threatener, by_token)
                if not _is_commentator(s.actor)
            ]
            if not sources:
                return None
        if not sources:
            sources = self._unidentified_agent(tok, rule, by_token, places, sent.offset)
        if not sources:
            if trace is not None:
                trace.check(NO_SOURCE, "vetoed", sent.offset + tok.idx, rule.id)
            return None
        return rule, sources, targets

    def _coding(
        self, tok: Token, rule: TriggerRule, sources: list[Arg], targets: list[Arg], st: _Sentence
    ) -> tuple[TriggerRule, Coding, list[tuple[Arg, Arg | None]]] | None:
        """Stage 7: the code of the act (a joint exercise, a mood, an obligation or a
        demand's speaker may re-code it) and its (source, target) pairs: (rule, coding,
        pairs), or None when the act failed or a demand is no one's (recorded in the trace)."""
        sent, span, by_token = st.givens.sent, st.givens.sent.span, st.by_token
        mentions, trace = st.mentions, st.trace
        if not targets and _is_joint_exercise(tok, rule, sources):
            # "X and Y warships began war games": joint military cooperation, each party
            # with the other, not two shows of force.
            rule = replace(rule, id=f"{rule.id}{JOINT_SUFFIX}", cameo=JOINT_EXERCISE_CODE)
            if trace is not None:
                trace.check(JOINT_EXERCISE, "changed", sent.offset + tok.idx, rule.id)
        coding = self.mood_coding(tok, rule)
        if (
            coding.mood is None
            and rule.cameo.startswith(CONSULT_ROOT)
            and readiness_of(tok) is not None
            and (row := self.moods.lookup("intent", rule.cameo)) is not None
        ):
            # "X is ready for talks with Y": an intent to meet
            coding = Coding(row.code, f"{rule.id}+{row.id}", "intent")
        if coding.mood == "failed":
            if trace is not None:
                trace.check(FAILED_ACT, "vetoed", sent.offset + tok.idx, rule.id)
            return None  # "failed to stop the attacks": nothing happened
        obligation = None if rule.literal else obligation_of(tok)
        if obligation is not None and coding.mood in {None, "demand"}:
            if rule is MUST_RULE and obligation.first_person:
                if trace is not None:
                    trace.check(OWN_NEED, "vetoed", sent.offset + tok.idx, rule.id)
                return None  # "we need to act": no act the lexicon knows is intended
            coding = self.obligation_coding(rule, obligation)
        elif rule is MUST_RULE:
            coding = Coding(rule.cameo, rule.id, "demand")
        if coding.mood == "threat" and not _others(targets, sources):
            # "I will raise the tariffs if Y ...", "sanctions could follow if Y ...": the
            # threatener alone is named; its condition says whom the threat is aimed at
            targets = self._condition_targets(tok, coding, sources, by_token)
        pairs = self._pairs(sources, targets, rule)
        if coding.mood == "demand":
            if obligation is not None and (told := addressee_of(obligation.clause)) is not None:
                # "X told Y it must hold elections": the demand is on Y
                sources = self.arguments.actors_at(told, by_token) or sources
            # "X said Y must withdraw": the demand is X's, addressed to Y.
            speaker = obligation_speaker(obligation) if obligation is not None else speaker_of(tok)
            speakers = [
                s
                for s in self.arguments.actors_at(
                    speaker, self._mentions_around(speaker, span, by_token, mentions)
                )
                if not _is_commentator(s.actor)
            ]
            if speakers:
                pairs = [
                    (s, src)
                    for s in speakers
                    for src in sources
                    # "France must rearm," said by France's president: its own resolve
                    if not same_actor(s.actor, src.actor) and not own_side(s.actor, src.actor)
                ]
                if not pairs and trace is not None:
                    trace.check(OWN_SIDE, "vetoed", sent.offset + tok.idx, coding.rule)
            elif rule is MUST_RULE:
                if trace is not None:
                    trace.check(UNSAID_DEMAND, "vetoed", sent.offset + tok.idx, rule.id)
                return None  # "X must ..." with no one saying so is no one's demand
            else:
                coding = Coding(rule.cameo, rule.id, None)
        if trace is not None and coding.rule != rule.id:
            # a mood, an obligation or a demand's speaker re-coded the act
            trace.check(
                MOOD,
                "changed",
                sent.offset + tok.idx,
                coding.rule,
                f"{rule.cameo} -> {coding.code} ({coding.mood or 'plain'})",
            )
        return rule, coding, pairs

    def _directed(
        self,
        tok: Token,
        rule: TriggerRule,
        coding: Coding,
        pairs: list[tuple[Arg, Arg | None]],
        st: _Sentence,
    ) -> list[tuple[Coding, Arg, Arg | None]]:
        """Stage 8: each pair as one directed coding, and the rule's reverse code ("X
        arrived in Y" is also Y hosting X) from target to source."""
        sent, trace = st.givens.sent, st.trace
        directed: list[tuple[Coding, Arg, Arg | None]] = [
            (coding, source, target) for source, target in pairs
        ]
        if rule.reverse_cameo and coding.mood is None:
            # "[032:033]": "X arrived in Y" is also Y hosting X.
            reverse = replace(coding, code=rule.reverse_cameo, rule=f"{rule.id}{REVERSE_SUFFIX}")
            directed += [(reverse, t, s) for s, t in pairs if t is not None]
        if trace is not None and not directed:
            trace.check(NO_DYAD, "vetoed", sent.offset + tok.idx, coding.rule)
        return directed

    def _dyad_event(
        self,
        tok: Token,
        rule: TriggerRule,
        event_coding: Coding,
        source: Arg,
        target: Arg | None,
        plural: bool,
        st: _Sentence,
    ) -> Event | None:
        """Stage 9: the event of one directed pair, or None when a dyad check vetoes it
        (recorded in the trace). A missing or country-less target is filled by the target
        conventions (an accuser answered, the story's state, a captor, a threat's
        condition); a sentence naming one country only places internal acts there."""
        sent, by_token = st.givens.sent, st.by_token
        memory, trace, places = st.memory, st.trace, st.givens.places
        article_id, published = st.givens.article_id, st.givens.published
        default_location, only_country = st.givens.default_location, st.only_country
        veto = _dyad_veto(tok, rule, event_coding, source, target)
        if veto is not None:
            if trace is not None:
                trace.check(
                    veto,
                    "vetoed",
                    sent.offset + tok.idx,
                    event_coding.rule,
                    f"{actor_text(source.actor)} -> {actor_text(target.actor if target else None)}",
                )
            return None
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
        if only_country and self._lexical_code(rule).startswith(INTERNAL_ROOTS):
            event.source = placed_in(event.source, only_country)
            if trace is not None:
                trace.check(SENTENCE_COUNTRY, "changed", event.trigger.start, event.rule)
        target_found = event.target
        if event.target is None:
            # "X accused Y ... Y denied involvement": the denial answers X
            event.target = accuser(event, tok, memory) or implicit_target(event, rule.cameo)
            if (
                event.target is None
                and event.cameo.root in REQUEST_ROOTS
                and not names_addressee(tok)
            ):
                # "called for tighter controls": the state the story is about
                event.target = story_addressee(event.source, event.trigger.start, memory)
                # not the requester's own state when the sentence names another
                event.target = sentence_counterpart(event.source, event.target, by_token)
                if is_own_state_request(tok, event.source, event.target):
                    # a policy of its own, or a call to nobody in particular
                    if trace is not None:
                        trace.check(OWN_STATE_REQUEST, "vetoed", event.trigger.start, event.rule)
                    return None
        elif event.target.code is None and event.target.country is None:
            event.target = countryless_target(event, rule.cameo)
            # "insurgents ambushed a paramilitary force": their own country's
            event.target = insurgency_target(event)
            if event.cameo.root in REQUEST_ROOTS:
                # "urged civilians to return": the requester's compatriots
                event.target = domestic_addressee(event.source, event.target, by_token)
        held = captor(event, asks_release(tok, event.cameo.code))
        if held is not None:
            # "demanded the release of prisoners": of whoever holds them
            event.target = held
        if trace is not None and event.target is not target_found:
            convention = (event.target.rule or "") if event.target else "none"
            trace.check(TARGET_CONVENTION, "changed", event.trigger.start, event.rule, convention)
        event.confidence = _with_target_evidence(event)
        if event.cameo.root == THREAT_ROOT and (event.target is None or not event.target.country):
            # "would execute them if the state did not release ...": at the state
            aimed = self._threat_condition_target(tok, source, by_token)
            event.target = aimed or event.target
            if trace is not None and aimed is not None:
                trace.check(THREAT_CONDITION, "changed", event.trigger.start, event.rule)
        return event

    def _consults(self, tok: Token) -> bool:
        """``tok`` heads a rule of consultation ("met", "hosted")."""
        rule = self.match(tok)
        return rule is not None and rule.cameo.startswith(CONSULT_ROOT)

    def _backing_events(
        self, backed: Backing, by_token: dict[int, MentionLike], givens: _Givens
    ) -> list[Event]:
        """The aid a "with support from X" phrase credits (see ``backing.py``): from each
        giver to each helped actor."""
        givers = [a for g in backed.givers for a in self.arguments.actors_at(g, by_token)]
        helped = self.arguments.actors_at(backed.helped, by_token)
        return [
            self._frame_event(
                backed.noun,
                Coding(backing_code(backed, giver.actor), BACKING_RULE.id, None),
                giver,
                taker,
                givens,
            )
            for giver in givers
            for taker in helped
            if is_outside_help(giver.actor, taker.actor)
        ]

    def _frame_event(
        self, tok: Token, coding: Coding, source: Arg, target: Arg | None, givens: _Givens
    ) -> Event:
        """An event a frame outside the trigger lexicon codes, scored as the lexicon's are."""
        event = self._event(
            tok,
            coding,
            source,
            target,
            givens.sent,
            givens.article_id,
            givens.published,
            givens.default_location,
            givens.places,
            False,
        )
        event.confidence = _with_target_evidence(event)
        return event

    def _means_targets(
        self, verb: Token, by_token: dict[int, MentionLike], span: Span
    ) -> list[Arg]:
        """Whom the act ``verb`` names is aimed at, as its own rule finds them ("helped
        *Y*", "retaliated against *Y*"), else its object: the party an act done as its means
        is aimed at (see ``manner.py``)."""
        rule = self.match(verb)
        if rule is not None:
            return self.arguments.find(verb, rule, by_token, span)[1]
        return self.arguments.actors_at(syntax.object_of(verb), by_token)

    def _authorisation_events(
        self, law: Authorisation, by_token: dict[int, MentionLike], givens: _Givens
    ) -> list[Event]:
        """The coercion a law authorising force is (see ``authorisations.py``): by each
        enactor, at each party the force is aimed at, or at no one named."""
        coding = Coding(AUTHORISATION_RULE.cameo, AUTHORISATION_RULE.id, None)
        enactors = self.arguments.actors_at(law.enactors, by_token)
        aimed: list[Arg | None] = [
            a for t in force_aimed_at(law.force) for a in self.arguments.actors_at(t, by_token)
        ]
        return [
            self._frame_event(law.verb, coding, enactor, target, givens)
            for enactor in enactors
            for target in aimed or [None]
            if target is None or not same_actor(enactor.actor, target.actor)
        ]

    def _arrival_events(
        self,
        arrival: Arrival,
        by_token: dict[int, MentionLike],
        givens: _Givens,
        memory: ArticleMemory | None,
    ) -> list[Event]:
        """The aid an arrival of help tells (see ``arrivals.py``): from each giver state or
        body to the place of arrival, else to the state the story is about."""
        givers = [
            a
            for g in arrival.givers
            for a in self.arguments.actors_at(g, by_token)
            if a.actor.kind in GIVER_KINDS
        ]
        places = self.arguments.actors_at(arrival.place, by_token)
        if not places:
            at = givens.sent.offset + arrival.verb.idx
            helped = story_addressee(givers[0].actor, at, memory) if givers else None
            # (a story about the givers themselves names no place they came to)
            if helped is not None and all(is_outside_help(g.actor, helped) for g in givers):
                places = [Arg(helped)]
        coding = Coding(ARRIVAL_RULE.cameo, ARRIVAL_RULE.id, None)
        return [
            self._frame_event(arrival.verb, coding, giver, place, givens)
            for giver in givers
            for place in places
            if is_outside_help(giver.actor, place.actor)
        ]

    def _custody_events(
        self, custody: Custody, by_token: dict[int, MentionLike], givens: _Givens
    ) -> list[Event]:
        """The arrests a custody state tells (see ``custody.py``): each held actor of a
        known country arrested by that country's authorities, on the "since" date."""
        when = resolve_date(custody.since.text, givens.published, past=True)
        coding = Coding(ARREST_CODE, CUSTODY_RULE.id, None)
        events: list[Event] = []
        for held in self.arguments.actors_at(custody.held, by_token):
            country = held.actor.country
            if country is None or when is None:
                continue
            holder = Actor(
                text="",
                start=held.actor.start,
                end=held.actor.start,
                code=f"{country}{CUSTODIAN_SECTOR}",
                country=country,
                sector=CUSTODIAN_SECTOR,
                rule=CUSTODIAN_RULE,
            )
            event = self._frame_event(
                custody.noun,
                coding,
                Arg(holder),
                held,
                givens,
            )
            event.date, event.date_precision = when.date, when.precision
            event.date_source, event.date_text = "sentence", when.text
            events.append(event)
        return events

    def _judgement(
        self,
        tok: Token,
        span: Span,
        by_token: dict[int, MentionLike],
        mentions: Sequence[MentionLike],
        sent: SentenceContext,
        article_id: str,
        published: dt.date | None,
        default_location: Location | None,
        memory: ArticleMemory | None = None,
    ) -> list[Event]:
        """ "X said Y's decision is arbitrary", '"Y is the aggressor," X said': a speaker who
        says an actor or its act is bad criticises it; "X is concerned about Y's actions"
        disapproves of Y (see ``_evaluation``)."""
        if (
            not may_evaluate(tok)
            and not may_place_blame(tok)
            and not may_curb_liberty(tok)
            and not may_fail(tok)
        ):
            return []
        evaluation: Evaluation | Concern | None = (
            negative_predication(
                tok, lambda t: bool(self.arguments.actors_at(t, by_token)), acts=True
            )
            or blamed_for_hostile_act(tok)
            or concern_over_act(tok, lambda t: t.i in by_token)
            or wrongdoing_of(tok, lambda t: t.i in by_token)
            # "X says the *illegal* government is ...": the actor branded
            or branded_actor(tok, lambda t: t.i in by_token)
            # "X said the attackers are based in Y": the act laid at Y's door
            or placed_perpetrators(tok, lambda t: self._names_state(t, by_token))
            # "X said Y is responsible for the attack"
            or culpable_for_harm(tok)
            # "X said it is Y who is responsible"
            or cleft_culprit(tok)
            # "X said Y is spreading disinformation"
            or wrong_done(tok)
            # "X said Y uses the laws to suppress freedoms"
            or liberties_curbed(tok)
            # "X said they are being persecuted by Y"
            or wronged_by(tok)
            # "prosecutors say X hired Y to kill Z"
            or prosecuted_act(tok, stated_by(tok), self._is_hostile)
            # "Y drew criticism from X"
            or criticism_undergone(tok, lambda t: bool(self.arguments.actors_at(t, by_token)))
            # "X said Y's immigration policy is not working"
            or failed_policy(
                tok,
                lambda t: bool(self.arguments.actors_at(t, by_token)),
                lambda t: t.i in by_token and by_token[t.i].actor.kind == "organisation",
            )
        )
        if evaluation is None or is_denied(tok):
            return []
        if isinstance(evaluation, Evaluation) and dismisses_accusation(evaluation.judged):
            return []  # "X said the accusations were baseless": a denial (dismissals.py)
        if isinstance(evaluation, Evaluation) and is_accused_intent(tok, evaluation):
            # "X said Y seeks to weaponize the council": the aim is what is accused, told
            # at the verb of aiming
            evaluation = replace(evaluation, word=head_of(tok))
        elif is_hypothetical(tok):
            return []
        # a noun's judgement is said by whoever says its clause ("X said *Y's aggression*
        # must end")
        speaker = stated_by(tok) or stated_by(reported_clause(tok)) or according_to(tok)
        if speaker is not None and is_commentator_phrase(speaker):
            return []  # "X, a security expert, said Y's moves are dangerous": commentary
        speakers = [
            s
            for s in self.arguments.actors_at(
                speaker, self._mentions_around(speaker, span, by_token, mentions)
            )
            if not _is_commentator(s.actor)
        ]
        if speaker is not None and isinstance(evaluation, Evaluation) and evaluation.blame:
            # "Prosecutors say X hired Y to kill Z" in a story of a trial in New York
            speakers = prosecutors_court(speaker, speakers, memory)
        if isinstance(evaluation, UndergoneCriticism):
            speakers = [
                c
                for c in self.arguments.actors_at(evaluation.critic, by_token)
                if not _is_commentator(c.actor)
            ]
        if isinstance(evaluation, PlacedBlame):
            blamed = [
                a.actor.country for a in self.arguments.actors_at(evaluation.judged, by_token)
            ]
            # "military spokesperson Z claimed the attackers were in touch with planners in
            # Y": Z is not of Y for naming it
            speakers = placed_by_blame(speakers, blamed)
        if not any(s.actor.country for s in speakers) and isinstance(evaluation, PlacedBlame):
            # "security sources said the attackers are based in Y": the story's state blames
            official = official_speaker(speaker, memory, blamed[0] if blamed else None)
            speakers = [Arg(official)] if official is not None else speakers
        pairs: list[tuple[Arg, Arg]]
        if isinstance(evaluation, Concern):
            coding = Coding(CONCERN_CODE, f"{CRITICISM_RULE.id}:concern", None)
            pairs = self._concern_pairs(evaluation, speakers, by_token, memory)
        else:
            coding = (
                Coding(BLAME_CODE, f"{CRITICISM_RULE.id}:blame", None)
                if evaluation.blame
                else Coding(CRITICISM_RULE.cameo, CRITICISM_RULE.id, None)
            )
            judged = (
                self.authors.author_of(evaluation.judged, tok, speakers, by_token, memory)
                or story_author(evaluation.judged, speakers, memory)
                if evaluation.act
                else self.arguments.actors_at(evaluation.judged, by_token)
            )
            pairs = [(s, t) for s in speakers for t in judged if not same_actor(s.actor, t.actor)]
            if isinstance(evaluation, PlacedBlame):
                # police placing gunmen in their own country's province accuse no state
                pairs = [(s, t) for s, t in pairs if s.actor.country != t.actor.country]
            if evaluation.blame:
                # "forces harassing other countries": blame laid on no one placed is no one's
                # nor on "both sides" read from afar
                pairs = [
                    (s, t) for s, t in pairs if (t.actor.code or t.actor.country) and not t.plural
                ]
        return [
            self._event(
                evaluation.word,
                coding,
                s,
                t,
                sent,
                article_id,
                published,
                default_location,
                None,
                False,
            )
            for s, t in pairs
        ]

    def _is_hostile(self, tok: Token) -> bool:
        """Is ``tok`` a trigger of a hostile act (coercion, assault, fighting)?"""
        rule = self.match(tok)
        return rule is not None and rule.cameo[:2] >= FIRST_HOSTILE_ROOT

    def _names_state(self, tok: Token, by_token: dict[int, MentionLike]) -> bool:
        """Does ``tok`` name an actor placed in a country (a state, its capital, its
        region)?"""
        return any(a.actor.country for a in self.arguments.actors_at(tok, by_token))

    def _concern_pairs(
        self,
        concern: Concern,
        speakers: list[Arg],
        by_token: dict[int, MentionLike],
        memory: ArticleMemory | None,
    ) -> list[tuple[Arg, Arg]]:
        """Who disapproves of whom: the holder of the concern ("we" or no one named: the
        speaker) and the doer of the act, named in its phrase or, failing that, in the
        article ("disappointed by the approval of the bill" after "parliament approved")."""
        holders = [
            h
            for h in self.arguments.actors_at(concern.holder, by_token)
            if not _is_commentator(h.actor)
        ] or speakers
        if not holders:
            return []
        if concern.owner is not None:
            doers = self.arguments.actors_at(concern.owner, by_token)
        else:
            doers = self.authors.author_of(
                concern.act, concern.word, holders, by_token, memory
            ) or story_author(concern.act, holders, memory)
        return [(h, d) for h in holders for d in doers if not same_actor(h.actor, d.actor)]

    def _condition_targets(
        self, tok: Token, coding: Coding, sources: list[Arg], by_token: dict[int, MentionLike]
    ) -> list[Arg]:
        """Who must meet the condition of a threat, on the act or on the verb that carries
        its mood ("sanctions *could follow if Y* ..."): none of its threateners."""
        condition = threat_condition(tok)
        if condition is None and coding.governor is not None:
            condition = threat_condition(tok.doc[coding.governor])
        if condition is None:
            return []
        return _others(self.arguments.actors_at(condition_party(condition), by_token), sources)

    def _threat_condition_target(
        self, tok: Token, source: Arg, by_token: dict[int, MentionLike]
    ) -> Actor | None:
        """Whom a conditional threat that names no one placed is aimed at: the doer of its
        condition ("would execute them *if the state* did not release ...", "*if* the tariffs
        are not dropped *by Y*")."""
        condition = threat_condition(tok)
        if condition is None:
            return None
        asked = [
            a
            for a in self.arguments.actors_at(condition_party(condition), by_token)
            if a.actor.country and not same_actor(a.actor, source.actor)
        ]
        return replace(asked[0].actor) if asked else None

    def obligation_coding(self, rule: TriggerRule, obligation: Obligation) -> Coding:
        """An act its subject is obliged to do, as the speaker's demand on it: "Y must / should
        / needs to release the prisoners" asks for a release (1053); "Y must not ..." forbids
        it, a demand whatever the act (100). "We need to ..." is the speaker's own intent."""
        if obligation.forbidden:
            return Coding(MUST_RULE.cameo, f"{rule.id}+{MUST_RULE.id}:forbid", "demand")
        kind = "intent" if obligation.first_person else "demand"
        row = self.moods.lookup(kind, rule.cameo)
        if rule is MUST_RULE or row is None:
            rule_id = rule.id if rule is MUST_RULE else f"{rule.id}+{MUST_RULE.id}"
            return Coding(MUST_RULE.cameo, rule_id, "demand")
        return Coding(row.code, f"{rule.id}+{row.id}", kind)

    def _mentions_around(
        self,
        tok: Token | None,
        span: Span,
        by_token: dict[int, MentionLike],
        mentions: Sequence[MentionLike],
    ) -> dict[int, MentionLike]:
        """The mentions by token of the sentence ``tok`` stands in: a quotation's speaker may
        be named in the sentence after it or before it."""
        if tok is None or span.start <= tok.i < span.end:
            return by_token
        return self.arguments.mentions_by_token(sentence_of(tok), mentions)

    def mood_coding(self, tok: Token, rule: TriggerRule) -> Coding:
        """The CAMEO code of the action at ``tok``, turned into its mood's code ("will
        provide aid" -> 033) when the grammar says it is intended, demanded or refused.
        A literal rule (an imported dictionary's) keeps its own code."""
        negation_coded = rule.encodes_negation
        mood = None if rule.literal else detect_mood(tok)
        if mood is not None and mood.kind == "intent" and announced_measure(tok, rule.cameo):
            mood = None  # "announced it would cease aid": the measure decided, no threat
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
        pos = LEXICON_POS.get(tok.pos_)
        if pos is None:
            return None
        if pos == "NOUN" and any(
            c.dep_ == "compound" and c.lower_ in NON_EVENT_COMPOUNDS for c in children(tok)
        ):
            return None  # "a *press* release", "a *news* conference" announce, they do not act
        if pos == "VERB" and any(c.dep_ == "det" for c in children(tok)):
            return None  # a participle used as a noun: "evacuated *the wounded*"
        if pos == "VERB" and misread_noun(tok) is not None:
            pos = "NOUN"  # "the Oval Office *clash* between X and Y"
        if (
            pos == "NOUN"
            and tok.dep_ == "compound"
            and head_of(tok).lemma_.lower() not in FRAME_NOUNS
        ):
            # A noun modifying another ("war games", "aid workers") names no action, unless
            # the other is a frame for it ("mediation effort", "aid programme").
            return None
        for rule in self.lexicon.candidates(lemma, pos):
            if all(self._holds(tok, req) for req in rule.requires):
                # "attacked the coverage", "hit back with duties": the object's class
                # decides the sense of a force verb
                return self.senses.reread(tok, rule)
        return None

    def _holds(self, tok: Token, req: Requirement) -> bool:
        if req.key in WORD_REQUIREMENT_KEYS:
            return holds_words(tok, req)
        if req.key == "neg":
            return syntax.is_negated(tok)
        if req.key == "clause":
            # "protested *that* Y had crossed the border": a reported complaint, not a rally
            return any(c.dep_ == "ccomp" for c in children(tok))
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
            # "called *on Monday*" is a time, not the "on" of "called on X"
            return any(
                c.dep_ in {"prep", "agent", "dative"}
                and c.lower_ in req.values
                and not _is_time_phrase(c)
                for c in children(tok)
            )
        if req.key == "xcomp":
            complements = [c for c in children(tok) if c.dep_ == "xcomp"]
            if not complements:
                # "have sworn *to fight*": the small model often attaches the infinitive
                # complement as an adverbial clause.
                complements = [
                    c
                    for c in children(tok)
                    if c.dep_ == "advcl"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in children(c))
                ]
            return any(c.lemma_.lower() in req.values for c in complements)
        if req.key == "mod":
            return any(
                c.dep_ in {"amod", "compound", "nmod"} and c.lemma_.lower() in req.values
                for c in children(tok)
            )
        if req.key == "subj":
            # "*troops* withdrew", "*hundreds of peacekeeping troops* arrived": the subject's
            # head, its "of" object and their modifiers.
            subject = syntax.subject_of(tok)
            if subject is None:
                return False
            words = [subject, *syntax.prep_objects(subject, "of")]
            words += [c for w in words for c in children(w) if c.dep_ in {"amod", "compound"}]
            return any(w.lemma_.lower() in req.values for w in words)
        if req.key == "tail":
            # "called the verdict *arbitrary*", "described the plan as a *disaster*": a word
            # of the head's own phrase after it, outside clauses of their own
            return any(
                w.lemma_.lower() in req.values
                for c in children(tok)
                if c.i > tok.i and c.dep_ not in OWN_CLAUSE_DEPS
                for w in c.subtree
            )
        if req.key == "content":
            # "said *Iran's* drills were *destabilising*": a word of what its that-clause
            # calls its subject (not of a news report it attributes: "X is investigating
            # war crimes, an official said"), which no negation takes back ("is not illegal")
            return any(
                negative_predication(c, lambda _: True, req.values) is not None
                for c in children(tok)
                if c.dep_ == "ccomp"
            )
        if req.key == "pobj":
            return any(
                g.dep_ == "pobj" and g.lemma_.lower() in req.values
                for c in children(tok)
                for g in children(c)
            )
        return False

    def _unidentified_agent(
        self,
        tok: Token,
        rule: TriggerRule,
        by_token: dict[int, MentionLike],
        places: Gazetteer | None,
        offset: int,
    ) -> list[Arg]:
        """Who did it, when news does not say: "three soldiers *were killed* in Basra", "a
        roadside bomb *killed* two civilians near Samarra", "a missionary *was arrested* in
        Lebanon". By the usual coding convention the act is the place's: violence by an
        unidentified actor of that country, coercion by its authorities. Only for verbs whose
        agent is missing or is a thing (a bomb, an explosion), never a person or group the
        resolver could not code, and only when the sentence names the place."""
        root = rule.cameo[:2]
        if root not in UNIDENTIFIED_AGENT_ROOTS:
            return []
        if tok.pos_ in {"NOUN", "PROPN"}:
            if not _agentless_custody(tok, root):
                return []
            agent = None
        elif tok.pos_ != "VERB":
            return []
        else:
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
            Arg(
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

    def _pairs(
        self, sources: list[Arg], targets: list[Arg], rule: TriggerRule
    ) -> list[tuple[Arg, Arg | None]]:
        pairs: list[tuple[Arg, Arg | None]] = []
        if not targets and rule.compound and len(sources) >= 2:
            # "% * TIES": "X and Y renewed ties" is X towards Y and Y towards X.
            return [(s, t) for s in sources for t in sources if not same_actor(s.actor, t.actor)]
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
                if same_actor(s.actor, t.actor):
                    continue
                pairs.append((s, t))
        return pairs

    # -- building the event ---------------------------------------------------------------
    def _event(
        self,
        tok: Token,
        coding: Coding,
        source: Arg,
        target: Arg | None,
        sent: SentenceContext,
        article_id: str,
        published: dt.date | None,
        default_location: Location | None,
        places: Gazetteer | None,
        plural: bool,
    ) -> Event:
        off = sent.offset
        # A refusal or an intent is itself a real event; only unresolved modality is not.
        negated = syntax.is_negated(tok) and coding.mood is None and not coding.negation_coded
        # A frame that only weighs or wants the act ("little reason to think X will meet")
        # leaves even its mood unreported.
        # "X said the plan aims to mobilize troops and *urged* Y ...": a finite verb the
        # parser joined to an infinitive is told as done, whatever frames the infinitive
        reattached = finite_conjunct_doer(tok) is not None
        prescribed_by_frame = coding.mood == "demand" and necessity_frame(tok) is not None
        hypothetical = not reattached and (
            (
                coding.mood is None
                # "will not resume ties" under a negated pattern is its refusal, as the
                # grammar's mood makes "will not" elsewhere
                and not coding.negation_coded
                and is_hypothetical(tok)
                and not is_attempted_force(tok, coding.code)
                and not is_stated_future(tok)
            )
            # "it is time for Y to withdraw," X said: X's demand, told as made
            or (is_unasserted_frame(tok) and not prescribed_by_frame)
            # (irrealis reads the frame as the act "judged"; said, it is prescribed)
            or unreported(tok) not in ({None, "judged"} if prescribed_by_frame else {None})
        )
        # the date and the place are the trigger's, the same for each of its source-target pairs
        when = remember(
            tok.doc, ("coder.event_date", tok.i, published), lambda: self._date(tok, published)
        )
        cameo, plover = self.codebook.describe(coding.code)  # a dictionary's "174K" too
        confidence = 0.0  # adjustments only; the dyad's base is added with the target
        if "+" in coding.rule or self._specific(coding.rule):
            confidence += BONUS_SPECIFIC_FRAME
        if plural:
            confidence -= PENALTY_PLURAL_REFERENCE
        if negated or hypothetical:
            confidence -= PENALTY_CONTEXT
        frame = head_of(tok) if tok.dep_ == "compound" else tok
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
        # the paragraph break after a sentence is not evidence
        evidence = span_text(span).rstrip()
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
            location=remember(
                tok.doc,
                ("coder.event_place", tok.i, places, cameo.root),
                lambda: self._place(tok, places, cameo.root),
            )
            or default_location,
            negated=negated,
            hypothetical=hypothetical,
            trigger=trigger,
            confidence=confidence,
            rule=coding.rule,
        )

    def _date(self, tok: Token, published: dt.date | None) -> ResolvedDate | None:
        when = self.date_of(tok, published)
        if when is None and (putting := putting_participle(tok)) is not None:
            when = self.date_of(putting, published)  # "a proposal *made on Monday*"
        return when

    def _lexical_code(self, rule: TriggerRule) -> str:
        """The code of the lexicon row a sense re-read ("expelled from the party" is an
        expulsion, 174, read as a cut-off, 161): what kind of act it is at home."""
        row = self.lexicon.by_id.get(rule.id.partition("+")[0])
        return row.cameo if row is not None else rule.cameo

    def _specific(self, rule_id: str) -> bool:
        rule = self.lexicon.by_id.get(rule_id.removesuffix(REVERSE_SUFFIX))
        return rule is not None and rule.specificity > 0

    def date_of(self, tok: Token, published: dt.date | None) -> ResolvedDate | None:
        """The time expression that belongs to this event: a DATE entity in the trigger's own
        clause (not inside a nested clause that reports another event), or a TIME one that
        names its day ("Sunday night", "last night"; a bare clock time resolves to None); else
        the nearest one up its clause chain ("In April the army removed him and *jailed* him",
        "said on Monday that it would *resume* ..."). In a clause, the date attached most
        directly wins ("visited X in August before the election this month"); a date that is
        a limit ("since 2011", "before the vote in November") is none, and so is one that
        modifies another noun ("welcomed *Tuesday's* announcement"). An act that lies ahead
        ("will meet on Tuesday", "is due to visit in January") is dated when it is said, not
        by its own date: an intent is an act of speech. One told as past ("met in April")
        takes the last weekday or month; one done at coordinated dates ("in 2023 and again
        in January") the latest."""
        ents = [e for e in sentence_ents_of(tok) if e.label_ in ("DATE", "TIME")]
        ents = [e for e in ents if not dates_another_noun(e.root, tok)]
        ahead: list[Token] = []
        relative: str | None = None  # a date told from another ("the previous year")
        later = 0  # days the clause reached lies after the act ("a day after X did it")
        for clause in clause_chain(tok) if ents else ():
            previous, later = later, later + clause_offset(clause)
            if lies_ahead(clause):
                # A planned act is an act of speech that happened when said (an intent,
                # AGREE); its own date is when it is to happen, not when it was said.
                ahead.append(clause)
                continue
            attached = sorted(
                (hops, ent.start, ent)
                for ent in ents
                if (hops := _date_hops(clause, ent.root)) is not None
                and not any(_date_hops(a, ent.root) is not None for a in ahead)
            )
            if not attached:
                continue
            past = told_as_past(clause)
            for _, _, ent in attached:
                resolved = resolve_date(ent.text, published, past=past)
                if resolved is None and relative is None:
                    # "attacks it had carried out the previous year": counted from the
                    # date of a clause further up ("warned in July that ...").
                    relative = ent.text
                if resolved is not None and relative is not None:
                    counted = resolve_relative(relative, resolved)
                    if counted is not None:
                        return counted
                if resolved is not None:
                    # "in 2023 and again in January": a repeated act is dated by its latest.
                    repeats = [
                        again
                        for other in ents
                        if other.root.i in coordinated_dates(ent.root)
                        and (again := resolve_date(other.text, published, past=past))
                    ]
                    return shifted(max([resolved, *repeats], key=lambda r: r.date), -previous)
        return self._acted_on_date(tok, ents, published)

    @staticmethod
    def _acted_on_date(
        tok: Token, ents: list[Span], published: dt.date | None
    ) -> ResolvedDate | None:
        """A date the parser hung from a participle describing what the act was done to
        ("attacked a convoy escorting soldiers on Monday"; see ``describes_acted_on``), from
        a participle adjunct of the act ("rejected it, telling reporters on Monday"), or from
        a participle of issuing its doer ("a statement issued Monday accused ...")."""
        if tok.pos_ not in {"VERB", "NOUN"} or lies_ahead(clause_verb(tok)):
            return None
        for ent in ents:
            if (
                describes_acted_on(ent.root, tok)
                or adjunct_participle(ent.root, tok)
                or dates_issued_doer(ent.root, tok)
            ):
                resolved = resolve_date(ent.text, published, past=told_as_past(clause_verb(tok)))
                if resolved is not None:
                    return resolved
        return None

    def date_by_frame(self, doc: Doc, events: list[Event], published: dt.date | None) -> None:
        """Give each act that nothing in its clause chain dates a time frame its story has
        set by then (see ``time_frames``). Told as past (or reported by a clause told as
        past), it takes the date of the nearest clause around it that has one ("violence
        that began March 6 in the region, where forces *clashed*"), else the date its
        sentence's main clause is told at ("Protesters marched Thursday after the council
        *dissolved* the party"), else its paragraph's ("In April the army removed him. He
        was *jailed*."; without paragraph breaks, the sentences that carry on the subject
        of the one before them); any act takes the story's (the lead's "Tuesday"). An act
        told in the present is otherwise the news of the day."""
        sents = sentences(doc)
        text = doc_text(doc)
        paragraphs = "\n" in text.strip()
        times: list[SentenceTime] = []
        paragraph = 0
        topic: frozenset[str] = frozenset()
        for i, sent in enumerate(sents):
            if i and _breaks_paragraph(text[sents[i - 1].start_char : sent.start_char]):
                paragraph += 1
            carried, topic = carries_on(sent, topic)
            told = self._told_at(sent, published)
            if told is None and i and points_back_to_occasion(sent):
                told = self._occasion_date(sents[i - 1], published)
            times.append(
                SentenceTime(
                    paragraph if paragraphs else None,
                    told,
                    continues=carried,
                    anchor=self._anchor(sent, published),
                    adds=adds_to_before(sent),
                )
            )
        frames = time_frames(times, published)
        for event in events:
            if event.date_source not in ("published", "none") or event.sentence.index >= len(
                frames
            ):
                continue
            frame = frames[event.sentence.index]
            trigger = doc.char_span(event.trigger.start, event.trigger.end, "expand")
            # Told as past, or reported or described by a clause told as past ("said
            # yesterday that forces *are crossing*", "tried yesterday to sell a plan
            # *linking* his occupation ...").
            past = trigger is not None and any(
                told_as_past(c) for c in (trigger.root, *trigger.root.ancestors)
            )
            when = (
                self._enclosing_date(trigger.root, published)
                if past and trigger is not None
                else None
            )
            if when is not None and trigger is not None:
                # "attacks it had carried out the previous year" counts from the date of
                # the clause around it ("warned in July that ..."); a paragraph's or story's
                # frame is too loose an anchor for it.
                relative = _relative_date(trigger.root)
                when = (resolve_relative(relative, when) if relative else None) or when
            if when is None and past and trigger is not None:
                before = sents[: event.sentence.index]
                when = (
                    self._soon_after_date(trigger.root, before, published)
                    or self._occasion_told_before(trigger.root, before, published)
                    or self._responded_to_date(trigger.root, before, published)
                    or self._told_in_document_after(event.sentence.index, sents, published)
                )
            if when is None:
                told = (frame.sentence or frame.paragraph or frame.reported) if past else None
                if not past and trigger is not None and told_as_done(trigger.root):
                    # A reaction's "the parties have reached an agreement" after a lead on
                    # "Tuesday's announcement" is Tuesday's news; other frames may be stale
                    # for a perfect ("has repeatedly declined").
                    told = frame.reported
                # An act told as going on now ("farmers are calling on ...") is the news of
                # the publication day, not of the day the lead reports.
                ongoing = not past and trigger is not None and told_as_ongoing(trigger.root)
                # The frame is the main clause's time: "He spoke on Wednesday, *a day
                # after* the Taliban *barred* him" puts the act a day before it.
                when = shifted(
                    told or (None if ongoing else frame.story), -_main_clause_offset(trigger)
                )
            if when is not None and trigger is not None:
                # A frame set before the event the act follows is stale ("In 2015, ...
                # Following last month's deportations, X said ...").
                when = self._not_before_followed(trigger.root, when, published)
            if when is not None:
                event.date, event.date_precision = when.date, when.precision
                event.date_source, event.date_text = "frame", when.text
        for event in events:
            self._day_in_week(doc, sents, event, published)

    def _day_in_week(
        self, doc: Doc, sents: Sequence[Span], event: Event, published: dt.date | None
    ) -> None:
        """An act dated by its week or month ("This week, rebels attacked ten villages",
        "during a visit last month") takes the day a nearby sentence gives an act of its
        kind in that span ("since the attacks began Tuesday", "during the visit on Feb.
        27")."""
        if published is None or event.date_source != "sentence" or not event.date_text:
            return
        told = ResolvedDate(event.date or "", event.date_precision, event.date_text)
        window = days_spanned(told, published)
        trigger = doc.char_span(event.trigger.start, event.trigger.end, "expand")
        if window is None or trigger is None:
            return
        lemma = trigger.root.lemma_.lower()
        index = event.sentence.index
        for sent in sents[max(0, index - WEEK_DAY_REACH) : index + WEEK_DAY_REACH + 1]:
            for tok in sent:
                if tok.i == trigger.root.i or tok.lemma_.lower() != lemma:
                    continue
                when = self.date_of(tok, published)
                if (
                    when is not None
                    and when.precision == "day"
                    and window[0] <= dt.date.fromisoformat(when.date) <= window[1]
                ):
                    event.date, event.date_precision = when.date, when.precision
                    event.date_text = when.text
                    return

    def _enclosing_date(self, tok: Token, published: dt.date | None) -> ResolvedDate | None:
        """The date of the nearest clause around ``tok`` that has one, through clauses that
        describe a noun: "deadly violence that *began March 6* in the region, where forces
        clashed" dates the clashes. Not a date of a clause that lies ahead."""
        ents = [e for e in sentence_ents_of(tok) if e.label_ in ("DATE", "TIME")]
        for clause in tok.ancestors if ents else ():
            if clause.pos_ in {"NOUN", "PROPN"}:
                # "welcomed Tuesday's announcement that Ukraine *had agreed* ...": the date
                # of the noun whose clause tells the act.
                attached = [
                    (0, e.start, e)
                    for e in ents
                    if (noun := dated_noun(e.root)) is not None and noun.i == clause.i
                ]
            elif clause.pos_ not in {"VERB", "AUX"} or lies_ahead(clause):
                continue
            else:
                attached = sorted(
                    (hops, ent.start, ent)
                    for ent in ents
                    if not dates_another_noun(ent.root, clause)
                    and (hops := _date_hops(clause, ent.root)) is not None
                )
            for _, _, ent in attached:
                resolved = resolve_date(ent.text, published, past=told_as_past(clause))
                if resolved is not None:
                    return resolved
        return None

    def _soon_after_date(
        self, tok: Token, before: Sequence[Span], published: dt.date | None
    ) -> ResolvedDate | None:
        """The day of the event an act came right after ("in a statement released hours
        after *the attack*"): the date of the nearest earlier mention of that event in the
        story, as a noun or a verb of its lemma ("came under attack Tuesday")."""
        noun = soon_after_event(tok)
        return None if noun is None else self._told_before(noun, before, published, "day")

    def _told_before(
        self,
        noun: Token,
        before: Sequence[Span],
        published: dt.date | None,
        precision: str | None = None,
    ) -> ResolvedDate | None:
        """The date of the nearest earlier mention of the event ``noun`` names, as a noun
        or a verb of its lemma ("came under attack Tuesday"), at ``precision`` if given."""
        lemma = noun.lemma_.lower()
        for sent in reversed(before):
            for mention in sent:
                if mention.lemma_.lower() == lemma and mention.pos_ in {"NOUN", "VERB"}:
                    when = self.date_of(mention, published)
                    if when is not None and precision in (None, when.precision):
                        return when
        return None

    def _told_in_document_after(
        self, index: int, sents: Sequence[Span], published: dt.date | None
    ) -> ResolvedDate | None:
        """The date of the next sentence when it goes on telling the same document ("X
        demanded ... . *In the statement* released hours after the attack, X gave ...")."""
        if index + 1 >= len(sents) or not opens_in_told_document(sents[index + 1]):
            return None
        after = sents[index + 1]
        return self._told_at(after, published) or self._soon_after_date(
            after.root, sents[: index + 1], published
        )

    def _responded_to_date(
        self, tok: Token, before: Sequence[Span], published: dt.date | None
    ) -> ResolvedDate | None:
        """The date the story gave before the event the act answers ("rebels attacked the
        town in 2012 ... In retaliation for the attack, X closed ..."; "the 2004 bombing of
        the base in Abeche ... France *responded to the Abeche attack* by destroying ...")."""
        noun = responded_event(tok)
        if noun is None:
            return None
        return self._told_before(noun, before, published) or _dated_noun_before(
            before, published, lambda m: names_same_event(noun, m)
        )

    @staticmethod
    def _occasion_told_before(
        tok: Token, before: Sequence[Span], published: dt.date | None
    ) -> ResolvedDate | None:
        """The date the story gave before the occasion the act took place at ("a Wednesday
        event at the institute ... Speaking at *the institute event*, X suggested ...")."""
        noun = occasion_mentioned_before(tok)
        if noun is None:
            return None
        lemma = noun.lemma_.lower()
        return _dated_noun_before(before, published, lambda m: m.lemma_.lower() == lemma)

    @staticmethod
    def _not_before_followed(
        tok: Token, when: ResolvedDate, published: dt.date | None
    ) -> ResolvedDate:
        """``when``, or the date of an event the act is told to follow ("following last
        month's deportations") when ``when`` lies before it."""
        for ent in sentence_ents_of(tok):
            if ent.label_ != "DATE" or not follows_dated(ent.root, tok):
                continue
            followed = resolve_date(ent.text, published, past=True)
            if followed is not None and lies_before(when, followed):
                return followed
        return when

    @staticmethod
    def _occasion_date(sent: Span, published: dt.date | None) -> ResolvedDate | None:
        """The date of the first occasion the sentence names ("talks failed at the summit
        held in February"), for a sentence after it that points back at it ("There, ...")."""
        for ent in sentence_ents(sent):
            if ent.label_ == "DATE" and dates_an_occasion(ent.root):
                resolved = resolve_date(ent.text, published, past=True)
                if resolved is not None:
                    return resolved
        return None

    def _anchor(self, sent: Span, published: dt.date | None) -> ResolvedDate | None:
        """The first date in the sentence that modifies a noun ("welcomed *Tuesday's*
        announcement"): the day of an earlier act the sentence names."""
        for ent in sentence_ents(sent):
            if ent.label_ == "DATE" and dated_noun(ent.root) is not None:
                resolved = resolve_date(ent.text, published, past=True)
                if resolved is not None:
                    return resolved
        return None

    def _told_at(self, sent: Span, published: dt.date | None) -> ResolvedDate | None:
        """The first date the sentence's main clause, or a clause it reports or coordinates,
        is told at ("X held talks with Y on Monday, the ministry said"; "In a statement
        issued Tuesday, X said ..."); not one of a clause describing a noun ("the group,
        which was founded in 2009, ..."), of another noun ("Tuesday's attack"), or of an
        act that lies ahead ("will meet on Friday")."""
        for ent in sentence_ents(sent):
            if ent.label_ not in ("DATE", "TIME") or dates_another_noun(ent.root, sent.root):
                continue
            if quoted_under_attribution(ent.root, sent.root):
                # '"The agency reported *last month* that ...," he said': the quotation's
                # date is its own act's, not the time of the saying that frames the story.
                continue
            chain = list(clause_chain(ent.root))
            verb = clause_verb(ent.root)
            participle = setting_participle(ent.root)
            if participle is not None and chain[-1].i == participle.i:
                verb = set_clause(participle) or participle
                chain.extend(clause_chain(verb))
            if chain[-1].i != sent.root.i or any(_is_time_boundary(t) for t in chain):
                continue
            past = told_as_past(verb)
            if lies_ahead(verb) or (not past and verb.dep_ == "ccomp"):
                # A plan, or a state a clause reports in the present ("said the agency
                # needs $1 billion this year"), is not when the sentence is told.
                continue
            resolved = resolve_date(ent.text, published, past=past)
            if resolved is not None:
                # "Kenya closed the border *two days after* militants attacked on Monday".
                return shifted(
                    resolved, sum(clause_offset(c) for c in chain if head_of(c).i == sent.root.i)
                )
        return None

    def _place(self, tok: Token, places: Gazetteer | None, root: str = "") -> Location | None:
        """The place the trigger's own clause names: a place phrase ("in Gaza") of the
        trigger or, for a subjectless participle ("struck targets in Gaza, *killing* 12"), of
        the verb it extends; else, for an attack, a known place as its object."""
        heads = [tok]
        if _participle_of(tok):
            heads.append(head_of(tok))
        for head in heads:
            found = self._place_phrase(head, places, strike=root in STRIKE_ROOTS)
            if found is not None:
                return found
        if root in STRIKE_ROOTS and places is not None:
            return _attacked_place(tok, places)
        return None

    def _place_phrase(
        self, tok: Token, places: Gazetteer | None, *, strike: bool = False
    ) -> Location | None:
        for ent in sentence_ents_of(tok):
            # The small model tags some town names as nationalities ("near Samarra": NORP);
            # those count when the gazetteer knows them as places.
            if ent.label_ not in PLACE_LABELS and ent.label_ != "NORP":
                continue
            # "in Seville *and Ceuta*": a later conjunct stands where the first does
            anchor = syntax.first_conjunct(ent.root)
            prep = head_of(anchor)
            named_place = ent.label_ in {"LOC", "FAC"}
            if (
                anchor.dep_ == "pobj"
                and prep.lower_ == "of"
                and head_of(prep).dep_ == "pobj"
                and head_of(prep).lemma_.lower() in PLACE_NOUNS
            ):
                prep = head_of(head_of(prep))  # "near the town of Samarra", "the city of Basra"
                named_place = True
            if (
                prep.lower_ == "of"
                and prep.dep_ == "prep"
                and head_of(prep).lower_
                in {
                    "outside",
                    "inside",
                }
            ):
                prep = head_of(prep)  # "outside of"
            if not (
                anchor.dep_ == "pobj" and prep.lower_ in PLACE_PREPOSITIONS and governs(tok, prep)
            ):
                continue
            if prep.lower_ == "on" and not (named_place or strike):
                # "on" places an act on a feature ("on the Golan Heights", "on the island
                # of Crete") and an attack where it falls ("strikes on Kharkiv"); before a
                # country or city it otherwise names whom the act is aimed at: "sanctions
                # on Belarus", "called on Washington".
                continue
            known = places.locate(ent.text) if places else None
            if known is None and places is not None:
                # "in Seville and *Ceuta*": a known place coordinated with an unknown one
                known = next(
                    (
                        found
                        for c in ent.root.conjuncts
                        if (found := places.locate(c.doc[c.left_edge.i : c.i + 1].text))
                    ),
                    None,
                )
            if known is not None:
                return replace(known, source="sentence")
            if ent.label_ != "NORP":
                return Location(name=ent.text, source="sentence")
        return None


def _agentless_custody(noun: Token, root: str) -> bool:
    """ "the arrest *of* five people in Irbil": a noun of coercion done to someone, with no
    possessor and no "by" or "from" agent, whose doer news leaves to the place (the
    authorities there). Not violence: a noun of an attack mostly recalls one already told."""
    if root != COERCE_ROOT or not syntax.prep_objects(noun, "of"):
        return False
    if any(c.dep_ == "poss" for c in children(noun)):
        return False
    return not (syntax.prep_objects(noun, "by") or syntax.prep_objects(noun, "from"))


def _participle_of(tok: Token) -> bool:
    """ "..., *killing* 12 people": a participle adjunct with no subject of its own, which
    shares its verb's setting."""
    return (
        tok.dep_ in {"advcl", "xcomp"}
        and tok.tag_ in {"VBG", "VBN"}
        and head_of(tok).pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in children(tok))
    )


def _attacked_place(tok: Token, places: Gazetteer) -> Location | None:
    """The object of an attack when it names a known place: "shelled Kharkiv", "attacked
    the town of Pokrovsk"."""
    for obj in children(tok):
        if obj.dep_ != "dobj":
            continue
        name = obj
        if obj.lemma_.lower() in PLACE_NOUNS:  # "the town of X"
            of = next((c for c in children(obj) if c.dep_ == "prep" and c.lower_ == "of"), None)
            named = next((c for c in children(of) if c.dep_ == "pobj"), None) if of else None
            if named is None:
                continue
            name = named
        if name.pos_ != "PROPN":
            continue
        text = tok.doc[name.left_edge.i : name.i + 1]
        words = [t for t in text if t.pos_ == "PROPN"]
        if not words:
            continue
        known = places.locate(tok.doc[words[0].i : name.i + 1].text)
        if known is not None and known.lat is not None:
            return replace(known, source="sentence")
    return None


def _is_time_phrase(prep: Token) -> bool:
    """A prepositional phrase of time ("on Monday", "at noon")."""
    objects = [g for g in children(prep) if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in TIME_LABELS for g in objects)


def _main_clause_offset(trigger: Span | None) -> int:
    """How many days the sentence's main clause lies after the act at ``trigger`` ("He
    spoke *a day after* the Taliban barred him": 1 for "barred")."""
    if trigger is None:
        return 0
    return sum(clause_offset(c) for c in clause_chain(clause_verb(trigger.root)))


def _breaks_paragraph(sentence: str) -> bool:
    """A sentence (with the space after it, which spaCy may keep) ends its paragraph."""
    return "\n" in sentence[len(sentence.rstrip()) :]


def _is_time_boundary(tok: Token) -> bool:
    return tok.dep_ in {"prep", "advmod"} and tok.lower_ in TIME_BOUNDARY_WORDS


def _relative_date(tok: Token) -> str | None:
    """The text of a date of the act's own clause told from another date ("attacks it had
    carried out *the previous year*")."""
    clause = clause_verb(tok)
    for ent in sentence_ents_of(tok):
        if is_relative(ent.text) and _date_hops(clause, ent.root) is not None:
            return ent.text
    return None


def _date_hops(clause: Token, date: Token) -> int | None:
    """How many words lie between a date's head word and the clause (prepositions left out:
    "in August" is as close as "this month"), or None when the date is not the clause's:
    another clause lies between, or it is a limit of the act ("since 2011")."""
    if not governs(clause, date, hops=DATE_HOPS) and not setting_governs(clause, date):
        return None
    hops, current = 0, date
    while current.i != clause.i:
        if _is_time_boundary(current):
            return None
        hops += current.dep_ != "prep"
        current = head_of(current)
    return hops


def holds_words(tok: Token, req: Requirement) -> bool:
    """The ``form``, ``words`` and ``nowords`` requirements (see lexicon.py): the trigger's
    spelling, and word patterns over its sentence before it and its own phrase after it (its
    subtree up to its last dependent that is not a coordinated clause)."""
    if req.key == "form":
        return tok.lower_ in req.values
    end = max(
        (c.right_edge.i for c in children(tok) if c.i > tok.i and c.dep_ not in {"conj", "cc"}),
        default=tok.i,
    )
    doc = tok.doc
    before = [(t.lower_, bool(t.conjuncts)) for t in doc[sentence_of(tok).start : tok.i]]
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
    # a target the article (not the sentence) names is as sure as a convention's
    implicit = target is not None and (
        (target.rule or "").startswith("implicit.")
        or any(mark in (target.rule or "") for mark in INFERRED_TARGET_MARKS)
    )
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


def _adjunct_of_other_act(tok: Token) -> bool:
    """ "rioted, joining demonstrators *in demanding* a referendum", "marched *to demand*
    ...": a request that states what another act is for is no request with an addressee of
    its own to be read from its content."""
    return tok.dep_ == "pcomp" or is_purpose_clause(tok)


def _others(targets: list[Arg], sources: list[Arg]) -> list[Arg]:
    """The targets that are not a source ("X warned that *it* would ...": X itself)."""
    return [t for t in targets if not any(same_actor(t.actor, s.actor) for s in sources)]


def _only_country(by_token: dict[int, MentionLike]) -> str | None:
    """The country of every actor and place the sentence names, when there is one only."""
    countries = {a.country for m in by_token.values() for a in (m.actor, *m.members) if a.country}
    return countries.pop() if len(countries) == 1 else None


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
        and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in children(prep))
        for prep in children(tok)
    )


def _attributes_quotation(tok: Token) -> bool:
    """ "“The danger has not passed,” *agreed* X": the clause said comes before the verb and
    its subject after it, the order of a quotation's attribution."""
    if tok.lemma_.lower() not in CONCURRING_VERBS:
        return False
    said_before = any(c.dep_ == "ccomp" and c.i < tok.i for c in children(tok))
    subject_after = any(c.dep_ == "nsubj" and c.i > tok.i for c in children(tok))
    return said_before and subject_after


def _is_joint_exercise(tok: Token, rule: TriggerRule, sources: list[Arg]) -> bool:
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
            heads = {tok.i, head_of(tok).i}
            if head_of(tok).dep_ == "prep":
                heads.add(head_of(head_of(tok)).i)
            for h in heads:
                protests.setdefault((h, ev.source.start), set()).add(tok.i)
    if not protests:
        return events
    kept = []
    for ev in events:
        tok, rule = origin[id(ev)]
        served = is_purpose_of(tok)
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


def sentence_ents(span: Span) -> list[Span]:
    """The named entities inside ``span`` (see ``_doc_memo.span_ents``)."""
    return span_ents(span)


def sentence_contexts(doc: Doc, offset: int = 0) -> list[SentenceContext]:
    return [SentenceContext(i, s, offset) for i, s in enumerate(sentences(doc))]


# -- the named checks -----------------------------------------------------------------------
# Every check that vetoes, changes or drops a candidate event has a name, which ``dateline
# explain`` shows (docs/explain.md lists them in the order they run).
SENTENCE_TOO_LONG = "sentence_too_long"  # over MAX_SENTENCE_TOKENS: not coded at all
NO_ACTORS = "no_actors"  # the sentence names no actor
CARRIED = "carried_by_other_trigger"  # a verb's object, or what a request asks for
STATEMENT_MENTION = "statement_mention"  # "the U.S. statement said": no statement issued
AGREEMENT_IN_FORCE = "agreement_in_force"  # "under the treaty": no agreement signed
COMMENTATORS_ONLY = "commentators_only"  # analysts' praise or blame is no political act
NO_SOURCE = "no_source"  # no actor does the act
JOINT_EXERCISE = "joint_exercise"  # drills of two countries' forces: military cooperation
FAILED_ACT = "failed_act"  # "failed to stop the attacks": nothing happened
OWN_NEED = "own_need"  # "we need to act": no act the lexicon knows is intended
OWN_SIDE = "own_side"  # "France must rearm," said by France: no demand on anyone
UNSAID_DEMAND = "unsaid_demand"  # "X must ..." with no one saying so
OWN_STATE_REQUEST = "own_state_request"  # a request the story's state would address to itself
MOOD = "mood"  # a mood, obligation or demand re-coded the act
NO_DYAD = "no_dyad"  # no target, and the rule codes none without one
SENTENCE_COUNTRY = "sentence_country"  # an unplaced source of an internal act
TARGET_CONVENTION = "target_convention"  # a target filled or placed by a coding convention
REPLY_TARGET = "reply_target"  # a reply aimed at whoever did the earlier act it answers
THREAT_CONDITION = "threat_condition_target"  # a threat aimed at its condition's subject


def _requested_by_noun(tok: Token) -> bool:
    return requested_of(tok) is not None


def _responds_unasked(tok: Token) -> bool:
    """A response by another act, not demanded: "Y should respond by ..." is one demand."""
    return _responds_by_other_act(tok) and not is_reported_obligation(tok)


def _trigger_veto(tok: Token, carried: set[int]) -> str | None:
    """The name of the first check that finds ``tok`` no act of its own, or None."""
    if tok.i in carried:
        return CARRIED
    for name, vetoes in TRIGGER_CHECKS:
        if vetoes(tok):
            return name
    return None


def _rule_veto(tok: Token, rule: TriggerRule) -> str | None:
    """The name of the first check that finds ``tok`` no act of the code its rule gives."""
    for name, vetoes in RULE_CHECKS:
        if vetoes(tok, rule.cameo):
            return name
    return None


def _private_traveller_visit(
    tok: Token, rule: TriggerRule, coding: Coding, source: Arg, target: Arg | None
) -> bool:
    """Tourists and migrants arriving somewhere pay no state visit (a dictionary's pattern
    codes what it says)."""
    return (
        coding.code.startswith(VISIT_CODES)
        and not rule.literal
        and _is_private_traveller(source.actor)
    )


def _idle_wish(
    tok: Token, rule: TriggerRule, coding: Coding, source: Arg, target: Arg | None
) -> bool:
    return is_idle_wish(rule, source.actor, target.actor if target else None)


def _conveyance(
    tok: Token, rule: TriggerRule, coding: Coding, source: Arg, target: Arg | None
) -> bool:
    """ "flew the migrants to X": a transport, not a visit."""
    return (
        coding.code.startswith(VISIT_CODES)
        and tok.lemma_.lower() in CONVEYING_VERBS
        and "obj" not in rule.targets
        and syntax.object_of(tok) is not None
    )


def _press_consultation(
    tok: Token, rule: TriggerRule, coding: Coding, source: Arg, target: Arg | None
) -> bool:
    """ "speaking to reporters": a public statement, no consultation."""
    return (
        coding.code.startswith(CONSULT_ROOT)
        and target is not None
        and _is_press_audience(target.actor)
    )


def _own_audience_consultation(
    tok: Token, rule: TriggerRule, coding: Coding, source: Arg, target: Arg | None
) -> bool:
    """ "speaking to British lawmakers, Starmer said": a speech."""
    return coding.code.startswith(CONSULT_ROOT) and is_own_audience(tok, source, target)


def _press_interview(
    tok: Token, rule: TriggerRule, coding: Coding, source: Arg, target: Arg | None
) -> bool:
    """ "VOA spoke with X": an interview, no consultation."""
    return coding.code.startswith(CONSULT_ROOT) and is_press_interview(tok, source, target)


def _own_forces_order(
    tok: Token, rule: TriggerRule, coding: Coding, source: Arg, target: Arg | None
) -> bool:
    """ "ordered its military to seal the border": the forces' act, no request."""
    return is_order_to_own_forces(coding.code, source.actor, target.actor if target else None)


def _dyad_veto(
    tok: Token, rule: TriggerRule, coding: Coding, source: Arg, target: Arg | None
) -> str | None:
    """The name of the first check that vetoes the event of one dyad, or None."""
    for name, vetoes in DYAD_CHECKS:
        if vetoes(tok, rule, coding, source, target):
            return name
    return None


@dataclass
class _Coded:
    """What the checks of a whole sentence need besides its events."""

    span: Span
    offset: int
    origin: dict[int, tuple[Token, TriggerRule]]  # id(event) -> its trigger and rule
    governors: set[tuple[int, int]]  # (mood verb, source) already coded through


def _token_index(span: Span, char: int) -> int:
    for tok in span_tokens(span):
        if tok.idx == char:
            return tok.i
    return -1


def _governed_by_mood(events: list[Event], coded: _Coded) -> list[Event]:
    """ "threatened to impose sanctions on Y" is one event (1312 against Y), not also a bare
    "threatened" with no target: the governing verb's own event is dropped."""
    off = coded.offset
    return [
        e
        for e in events
        if not (
            e.target is None
            and (_token_index(coded.span, e.trigger.start - off), e.source.start) in coded.governors
        )
    ]


def _protest_content(events: list[Event], coded: _Coded) -> list[Event]:
    return _without_protest_content(events, coded.origin)


def _reported_as_done(events: list[Event], coded: _Coded) -> list[Event]:
    """The labelling guide skips hypotheticals: an act not reported as done is no row of the
    data. What is "yet to" happen or is denied stays, flagged negated (docs/conventions.md,
    "Not coded as having happened")."""
    return [e for e in events if e.negated or not e.hypothetical]


def _prescribed_twins(events: list[Event], coded: _Coded) -> list[Event]:
    """ "X urged Y to cooperate, saying Y must share evidence": one request, not two."""
    return without_prescribed_twins(events)


def _one_per_dyad(events: list[Event], coded: _Coded) -> list[Event]:
    return _best_per_dyad(events)


def _targetless_twins(events: list[Event], coded: _Coded) -> list[Event]:
    return without_targetless_twins(events)


def _sentence_cap(events: list[Event], coded: _Coded) -> list[Event]:
    return events[:MAX_EVENTS_PER_SENTENCE]


# The checks of a trigger word, before its actors are looked for, in the order they run
# (after CARRIED): each finds the word no act of its own here.
TRIGGER_CHECKS: tuple[tuple[str, Callable[[Token], bool]], ...] = (
    ("requested_content", is_requested_content),  # "urged Y *to withdraw*"
    ("requested_conjunct", is_requested_conjunct),  # "urged Y to leave, ... and *return*"
    ("wished_content", is_wished_content),  # "wants Y *to halt* enrichment"
    ("carries_rejection", carries_rebuff),  # "*met* with opposition from X"
    ("time_anchor", is_time_anchor),  # "the deadliest attack since the *uprising*"
    ("adjectival_participle", syntax.is_adjectival_participle),  # "met *visiting* officials"
    ("requested_by_noun", _requested_by_noun),  # "a proposal for Y *to lift* sanctions"
    ("response_by_other_act", _responds_unasked),  # "retaliated *by announcing* tariffs"
    ("quotation_attribution", _attributes_quotation),
    ("existing_mention", is_existing_mention),  # "the cooperation still *stands*"
    ("misread_charge", is_misread_charge),  # "X said ..., *charges* Y denied"
)
# The checks of a trigger word that need the code its rule gives, in the order they run
# (after TRIGGER_CHECKS).
RULE_CHECKS: tuple[tuple[str, Callable[[Token, str], bool]], ...] = (
    (STATEMENT_MENTION, is_statement_mention),  # "the U.S. *statement* said"
    (AGREEMENT_IN_FORCE, is_agreement_in_force),  # "under the 2015 *deal*"
    ("commentator_speaker", is_commentary),  # "X, a security *expert*, said Y attacked Z"
    ("in_condition", in_condition),  # "could face deportation *if* ... *pardoned*"
    ("negotiated_content", is_negotiated),  # "negotiating *to import* eggs"
    ("question_asked", is_question_asked),  # "*asked* X *if* he agreed"
    ("open_question", in_open_question),  # "*how far* X *will* back Y was not made clear"
    ("advice_to_know", is_advice_to_know),  # "they *should know* that war will not win"
)
# The checks of one dyad's event, once its code is known, in the order they run.
DYAD_CHECKS: tuple[
    tuple[str, Callable[[Token, TriggerRule, Coding, Arg, Arg | None], bool]], ...
] = (
    ("private_traveller", _private_traveller_visit),
    ("idle_wish", _idle_wish),  # "people in X want their government to ..."
    ("conveyance", _conveyance),
    ("press_audience", _press_consultation),
    ("own_audience", _own_audience_consultation),
    ("press_interview", _press_interview),
    ("own_forces_order", _own_forces_order),  # "ordered *its military* to seal the border"
)
# The checks of a whole sentence's events, in the order they run: each keeps some.
SENTENCE_CHECKS: tuple[tuple[str, Callable[[list[Event], _Coded], list[Event]]], ...] = (
    ("governed_by_mood", _governed_by_mood),
    ("protest_content", _protest_content),
    ("not_reported_as_done", _reported_as_done),
    ("prescribed_twin", _prescribed_twins),
    ("best_per_dyad", _one_per_dyad),
    ("targetless_twin", _targetless_twins),
    ("events_per_sentence", _sentence_cap),
)


def _dated_noun_before(
    before: Sequence[Span], published: dt.date | None, matches: Callable[[Token], bool]
) -> ResolvedDate | None:
    """The date of the nearest earlier noun a date modifies ("a *Wednesday* event", "the
    *2004* bombing") that ``matches``."""
    for sent in reversed(before):
        for ent in sentence_ents(sent):
            mention = dated_noun(ent.root)
            if (
                ent.label_ == "DATE"
                and mention is not None
                and matches(mention)
                and (when := resolve_date(ent.text, published, past=True)) is not None
            ):
                return when
    return None
