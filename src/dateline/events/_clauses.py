"""Clauses that report no act done: requested, alleged, conditional, hypothetical or
entitled acts, purposes, time anchors and attributions.

The coder asks these predicates of a trigger before it codes an event: "demanded that X
*withdraw*", "accused Y of *shelling*", "will not disarm *until* ...", "may *attack*", "the
right to *fire on* Y" name an act, but none that took place."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dateline.docmemo import children, head_of, per_token, sentence_index, sentences
from dateline.events import prescriptions, syntax
from dateline.events._words import word_class
from dateline.events.apposed_charges import apposed_charge
from dateline.events.mood import (
    CONDITION_MARKS,
    INTENT_GOVERNORS,
    detect_mood,
)

# Verbs whose infinitive their subject is obliged to do: "Y needs to / has to / ought to leave".
OBLIGATION_GOVERNORS = word_class("obligation_governor")
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
# "Y needs to / has to / ought to withdraw": an obligation, not an act done.
INTENT_VERBS |= OBLIGATION_GOVERNORS
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
# "since the war", "since the uprising began": the words that name a past act to date another,
# and the verbs that mark its start or end.
TIME_ANCHOR_WORDS = {"since"}
ASPECTUAL_VERBS = {"begin", "start", "end", "erupt", "break", "finish", "stop"}
# Nouns of a right, power or chance: their infinitive is a possible act ("the right to fire").
ENTITLEMENT_NOUNS = word_class("entitlement_noun")
# Verbs of accusing, and the prepositions of what they allege ("accused X *of* shelling Y").
ACCUSATION_HEADS = word_class("accusation_head")
ALLEGATION_PREPOSITIONS = {"of", "for", "with"}
# Words whose clause states what is asked for, not what happened.
REQUEST_HEADS = word_class("request_head")
# How many coordinated verbs are walked back to the first ("limit or cease or end ...").
MAX_CONJUNCT_HOPS = 3
# Time clauses that condition a demand, promise or refusal ("must agree *before* they
# demobilize", "will not disarm *until* ...").
TEMPORAL_CONDITION_MARKS = {"before", "until", "till"}
# Verbs of the source clause that follows the news it attributes ("X demanded ..., diplomats
# *said*"); the parser may hang it as the demand's complement clause, which it is not.
ATTRIBUTION_VERBS = word_class("reporting_verb") | word_class("attribution_verb")
# Verbs of saying whose clause is what their subject states: the reporting and attribution
# verbs, and those that add a stance ("insisted", "argued", "wrote").
SAYING_VERBS = ATTRIBUTION_VERBS | word_class("saying_verb")
# Nouns of saying: the author of "a reminder that Y must ..." makes the demand.
SPEECH_NOUNS = word_class("speech_noun")
# Words that ask only through an infinitive ("ordered Y to leave", "told Y to stop").
REQUEST_HEADS_XCOMP = word_class("request_head_xcomp")
# "X said Y must ...": a demand by X on Y, whatever Y must do (CAMEO 100, demand). Words of
# obligation: auxiliaries ("Y must / should leave"), verbs whose infinitive their subject is
# obliged to do ("Y needs to / has to / ought to leave") and nouns of duty ("Y is under an
# obligation to leave", "Y has a duty to protect").
OBLIGATION_AUX = word_class("obligation_aux")
OBLIGATION_NOUNS = word_class("obligation_noun")
# The verbs that put a subject under a duty noun: "*is* under an obligation", "*has* a duty".
DUTY_VERBS = {"be", "have"}
# Obligations that a negation lifts rather than turns into a ban: "need not", "does not have
# to" free their subject; "must not", "should not" forbid.
NEGATION_FREES = {"need", "have"}
# Modals of possibility: "may have to consider" weighs an obligation, it states none.
POSSIBILITY_AUX = {"may", "might", "could", "would"}
# Subjects that are no actor: "it should be something on our consciences", "there must be".
THING_SUBJECTS = {"it", "this", "that", "there", "what"}
# How many sentences after a quotation's sentence its attribution may come ('"... . ...,"
# X said'), and how many before it ('X said: "..." "..."').
QUOTE_LOOK_AHEAD = 4
QUOTE_LOOK_BACK = 3
# Marks that may close a quotation (a straight one opens or closes).
QUOTE_MARKS = syntax.CLOSING_QUOTES | syntax.STRAIGHT_QUOTES
# Auxiliaries of the future: "will meet on Tuesday" is the coming Tuesday. ("would" is also
# the past's future, "said it would meet", so it does not place the act ahead.)
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# Words whose infinitive is an act set for later: "is scheduled to meet", "is due to visit",
# "is to sign" (present tense only: "was to sign" may lie in the past).
SCHEDULE_GOVERNORS = word_class("schedule_governor")
# Participles and adjectives whose "for" phrase sets a thing for later: hearings "are set
# for Friday", talks "are scheduled for next week" (present tense only).
SCHEDULED_FOR = word_class("scheduled_for")
# Moods of an act that lies ahead of its report.
AHEAD_MOODS = {"intent", "threat", "conditional"}
# Frames that weigh, want or judge an act rather than report it (see is_unasserted_frame).
NECESSITY_NOUNS = word_class("necessity_noun")
NECESSITY_ADJECTIVES = word_class("necessity_adjective")
EPISTEMIC_NOUNS = word_class("epistemic_noun")
COGNITION_VERBS = word_class("cognition_verb")
KNOWING_VERBS = word_class("knowing_verb")
ENSURING_WORDS = word_class("ensuring_word")
SCANT_WORDS = word_class("scant_word")
# "make sure", "make certain": the light verb of an ensuring adjective.
ENSURING_LIGHT_VERBS = {"make"}
# Links from an act's clause to the frame above it.
FRAME_DEPS = frozenset({"advcl", "acl", "relcl", "ccomp", "xcomp"})
# Dependencies that open another clause: what hangs below them is not the trigger's own.
CLAUSE_DEPS = frozenset({"ccomp", "relcl", "advcl", "csubj", "parataxis"})


def is_attribution(clause: Token, head: Token) -> bool:
    """ "X demanded ..., *diplomats said*": a reporting clause after a comma, attributing the
    sentence to its source, that the parser hung under the head as its complement."""
    return (
        clause.i > head.i
        and clause.lemma_.lower() in ATTRIBUTION_VERBS
        and "," in (clause.left_edge.text, clause.doc[max(clause.left_edge.i - 1, 0)].text)
        and not any(c.dep_ == "mark" for c in children(clause))
    )


def is_purpose_clause(tok: Token) -> bool:
    """An infinitive or participle clause of purpose or manner hanging off another verb."""
    if tok.pos_ != "VERB" or tok.dep_ not in {"advcl", "acl"}:
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))
    return infinitive or tok.tag_ == "VBG"


def is_requested_content(tok: Token, depth: int = 0) -> bool:
    """ "X urged Y *to release* ...", "X demanded that Y *withdraw*": what is asked for has not
    happened; the request itself is the event (coded on the requesting word). So is what the
    asked-for act governs: "demanded that Y refuse *to recognize* Z"."""
    if (
        depth < MAX_CONJUNCT_HOPS
        and tok.dep_ == "xcomp"
        and head_of(tok).i != tok.i
        and is_requested_content(head_of(tok), depth + 1)
    ):
        return True
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "nsubjpass"}:
        tok = head_of(tok)  # "demanded that Y *lift the restrictions*": the noun's verb decides
    if is_alleged(tok) or is_condition(tok) or is_entitled(tok):
        return True
    if (
        tok.dep_ == "xcomp"
        and head_of(tok).dep_ == "acomp"
        and is_reported_obligation(head_of(head_of(tok)))
    ):
        return True  # "X said Y must be ready *to mediate*": X demands it of Y
    for _ in range(MAX_CONJUNCT_HOPS):
        if tok.dep_ != "conj" or head_of(tok).i == tok.i:
            break
        tok = head_of(tok)  # "called on Y to limit or *cease* support": the first conjunct decides
    if (
        tok.dep_ == "pcomp"
        and head_of(tok).lower_ == "for"
        and head_of(head_of(tok)).lemma_.lower() in REQUEST_HEADS
    ):
        return True  # "after calls for *boosting* aid to Y": the gerund is what is asked for
    # "calling on Y at home and abroad *to loosen* ...": the parser may attach a long-distance
    # infinitive as an adverbial clause; after a request verb it is still what is asked for.
    infinitive = tok.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)
    )
    if tok.dep_ not in {"ccomp", "acl", "xcomp"} and not infinitive:
        return False
    head = head_of(tok)
    lemma = head.lemma_.lower()
    if head.i == tok.i:
        return False
    if tok.dep_ == "ccomp" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in REQUEST_HEADS for c in children(head)
    ):
        return True  # "reiterated its demand that Y *ease* ...": the parser hangs it on the verb
    # "told Y to withdraw" asks; "was told that soldiers beat ..." reports.
    return lemma in REQUEST_HEADS or (
        (tok.dep_ == "xcomp" or infinitive) and lemma in REQUEST_HEADS_XCOMP
    )


def is_time_anchor(tok: Token) -> bool:
    """ "the deadliest attack *since the uprising* began", "the worst violence *since the
    2008 clashes*": a past act named to date the present one is not reported again."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if tok.dep_ == "pobj" and head_of(tok).lower_ in TIME_ANCHOR_WORDS:
        return True
    clause = head_of(tok)
    return (
        tok.dep_ in {"nsubj", "nsubjpass"}
        and clause.dep_ == "advcl"
        and clause.lemma_.lower() in ASPECTUAL_VERBS
        and any(c.dep_ == "mark" and c.lower_ in TIME_ANCHOR_WORDS for c in children(clause))
    )


def is_entitled(tok: Token) -> bool:
    """ "defended the right of X *to fire* on Y", "has a mandate *to protect* civilians": an
    act someone has the right, power or chance to do is possible, not done."""
    return (
        tok.dep_ == "acl"
        and head_of(tok).lemma_.lower() in ENTITLEMENT_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))
    )


def is_condition(tok: Token) -> bool:
    """ "will launch an offensive *unless Baghdad accepts* its terms", "would meet the mediator
    *if he gave* them a veto": the condition a threat or an offer sets is what it asks of the
    other side (the threat's target), not an act that took place. "as if" compares; it sets no
    condition."""
    for _ in range(2 * MAX_CONJUNCT_HOPS):
        if tok.dep_ not in {"conj", "xcomp"} or head_of(tok).i == tok.i:
            break
        # "unless Y agrees to hold elections and *frees* the ministers"
        tok = head_of(tok)
    if tok.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in children(tok) if c.dep_ == "mark"}
    if marks & TEMPORAL_CONDITION_MARKS and (
        detect_mood(head_of(tok)) is not None or syntax.is_negated(head_of(tok))
    ):
        # "Y must agree to reforms *before they demobilize*", "will not disarm *until* Y
        # withdraws": what a demand, promise or refusal waits for has not happened.
        return True
    return bool(marks & CONDITION_MARKS) and "as" not in marks


# Verbs and nouns whose that-clause is an allegation: "the suits *allege* that Y denied ...",
# "*allegations* that Y tortured ...". What the clause says Y did is the accuser's charge.
ALLEGATION_CLAUSE_HEADS = word_class("allegation_clause_head")
# How many heads are climbed from an act to the clause an allegation takes ("allege that Y
# overstepped its bounds *by denying* ...": denying, by, overstepped).
MAX_ALLEGATION_HOPS = 6


def in_allegation_clause(tok: Token) -> bool:
    """Is ``tok`` inside the that-clause of an allegation: "the suits allege that Y *denied*
    migrants access", "allegations that Y *tortured* detainees"? The accusation is the
    event; what it says the accused did is not told as done."""
    current = tok
    for _ in range(MAX_ALLEGATION_HOPS):
        head = head_of(current)
        if head.i == current.i:
            return False
        if current.dep_ in {"ccomp", "acl"} and head.lemma_.lower() in ALLEGATION_CLAUSE_HEADS:
            return True
        current = head
    return False


def is_alleged(tok: Token) -> bool:
    """ "accused Y *of shelling* Z", "blamed Y *for attacking* Z", "alleged that Y *denied*
    Z access": an alleged act is the accusation's content; the accusation is the event."""
    if apposed_charge(tok) is not None:
        return False  # "..., allegations Y denies": Y's reply to the charge, misparsed
    if in_allegation_clause(tok):
        return True
    for _ in range(MAX_CONJUNCT_HOPS):
        if tok.dep_ != "conj" or head_of(tok).i == tok.i:
            break
        tok = head_of(tok)  # "accused Y of violating ... and *sending* ..."
    if (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        # a list: "A, B and C" (the accuser's own participle, "..., threatening to
        # retaliate", closes no list)
        and any(c.dep_ == "conj" for c in children(tok))
        and head_of(tok).lemma_.lower() in ACCUSATION_HEADS
        and any(
            p.dep_ == "prep"
            and p.lower_ in ALLEGATION_PREPOSITIONS
            and p.i < tok.i
            and any(g.dep_ == "pcomp" for g in children(p))
            for p in children(head_of(tok))
        )
    ):
        # "accused Y of violating rights, *ignoring* the law ...": the list goes on, though
        # the parser hangs the next item on the accusation.
        return True
    prep = head_of(tok)
    return (
        tok.dep_ == "pcomp"
        and prep.lower_ in ALLEGATION_PREPOSITIONS
        and head_of(prep).lemma_.lower() in ACCUSATION_HEADS
    )


@dataclass(frozen=True)
class Obligation:
    """What an act is under: the clause whose subject is obliged (the one a reporting verb
    takes: "X said *Y needs* to leave"), and whether it is a ban ("must not leave")."""

    clause: Token
    forbidden: bool

    @property
    def first_person(self) -> bool:
        """ "we need to act", "I must go": the speaker's own intent."""
        subject = syntax.subject_of(self.clause)
        return subject is not None and prescriptions.names_the_speaker(subject)


@per_token
def obligation_of(tok: Token) -> Obligation | None:
    """The obligation the act at ``tok`` is under: "Y *must* / *should* withdraw", "Y *needs
    to* / *has to* / *ought to* withdraw", "Y is under an *obligation* to withdraw". None for
    an obligation lifted ("need not withdraw") or concluded about the past ("must have
    known")."""
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "dobj":
        tok = head_of(tok)  # "must *end the occupation*": the noun's verb is obliged
    # "X said Y must *be* ready to ...": a copula heading its clause carries the obligation.
    clause_head = tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in {"aux", "auxpass"})
    if not clause_head or syntax.is_perfect(tok):
        return None
    auxiliaries = {c.lower_ for c in children(tok) if c.dep_ == "aux"}
    obligation = (
        Obligation(tok, syntax.has_negation(tok))
        if auxiliaries & OBLIGATION_AUX
        else _governed_obligation(tok)
    )
    if obligation is None and prescriptions.needed_change(tok):
        obligation = Obligation(tok, False)  # "Y's trade policy needs reform"
    if obligation is None and prescriptions.necessity_frame(tok) is not None:
        obligation = Obligation(tok, False)  # "it is time for Y to withdraw"
    if obligation is None or not _binds_an_actor(obligation.clause):
        return None
    if not prescriptions.is_prescriptive(tok, obligation.clause):
        return None  # "should arrive by Friday", "must be behind the attack", a question
    return obligation


def _governed_obligation(tok: Token) -> Obligation | None:
    """ "Y *needs to* / *has to* / *ought to* act", "Y is under an *obligation* to act"."""
    to = next((c for c in children(tok) if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return None
    head = head_of(tok)
    lemma = head.lemma_.lower()
    got = prescriptions.got_to_governor(tok)
    if got is not None:
        # "Y has got to leave"; "has not got to" frees Y, as "need not" does
        return None if syntax.has_negation(got) else Obligation(got, False)
    if tok.dep_ in {"xcomp", "advcl"} and lemma in OBLIGATION_GOVERNORS:
        if to.i != head.i + 1 or syntax.object_of(head) is not None:
            return None  # "needs a billion dollars *to provide* aid", "has a record of using"
        if {c.lower_ for c in children(head) if c.dep_ == "aux"} & POSSIBILITY_AUX:
            return None  # "may have to consider": a possibility weighed, no obligation
        negated = syntax.has_negation(head)
        if negated and lemma in NEGATION_FREES:
            return None
        return Obligation(head, negated)
    if tok.dep_ == "acl" and lemma in OBLIGATION_NOUNS:
        verb = head_of(head_of(head)) if head.dep_ == "pobj" else head_of(head)
        if head.dep_ in {"pobj", "dobj"} and verb.lemma_.lower() in DUTY_VERBS:
            return Obligation(verb, syntax.has_negation(verb))
    return None


def _binds_an_actor(clause: Token) -> bool:
    """The obliged clause has an actor to act: not a passive ("talks should be held", "refugees
    must be treated with humanity" name no one to hold or treat), nor a clause describing a
    noun, nor a thing ("it should be on our consciences")."""
    described = clause.dep_ == "relcl" and prescriptions.necessity_frame(clause) is None
    if described or syntax.is_passive(clause):
        return False
    subject = syntax.subject_of(clause)
    if subject is None:
        return False
    # "X told Y it must ...": "it" is Y
    return subject.lower_ not in THING_SUBJECTS or prescriptions.addressee_of(clause) is not None


def is_reported_obligation(tok: Token) -> bool:
    """ "X said Y *must* withdraw", "Y should withdraw," X said": an obligation someone else
    reports is a demand, whatever the verb (the lexicon only knows some). An unreported one
    is the writer's, not coded."""
    obligation = obligation_of(tok)
    return (
        obligation is not None
        and not obligation.forbidden
        and obligation_speaker(obligation) is not None
    )


def obligation_speaker(obligation: Obligation) -> Token | None:
    """Who states the obligation: the subject of the verb that reports its clause, or of the
    attribution of the direct quotation it stands in."""
    clause = prescriptions.necessity_frame(obligation.clause) or obligation.clause
    return speaker_of(clause) or quotation_speaker(clause) or prescriptions.aside_speaker(clause)


def quotation_speaker(tok: Token) -> Token | None:
    """The subject of the attribution of the direct quotation ``tok`` stands in: '"..., Y must
    leave," *X* said', in its sentence or the next ones while the quotation runs on, else the
    last one before it ('*X* said. "Y must leave."'). None outside quotation marks."""
    if syntax.quotation_start(tok) is None:
        return None
    sents = sentences(tok.doc)
    here = sentence_index(tok)
    for k in range(here, min(here + QUOTE_LOOK_AHEAD + 1, len(sents))):
        speaker = _attribution_in(sents[k])
        if speaker is not None:
            return speaker
        if any(t.i > tok.i and t.text in QUOTE_MARKS for t in sents[k]):
            break  # the quotation closed unattributed: what follows is another's
    for k in range(here - 1, max(here - QUOTE_LOOK_BACK, 0) - 1, -1):
        speaker = _attribution_in(sents[k])
        if speaker is not None:
            return speaker
    return None


def _attribution_in(sent: Span) -> Token | None:
    """The subject of a verb of saying of ``sent`` outside quotation marks ("..., *X* said",
    '*X* assured Y that "..."')."""
    for verb in sent:
        if verb.lemma_.lower() not in SAYING_VERBS or verb.pos_ != "VERB":
            continue
        subject = syntax.subject_of(verb)
        if (
            subject is not None
            and syntax.quotation_start(verb) is None
            and syntax.quotation_start(subject) is None
        ):
            return subject
    return None


def speaker_of(tok: Token) -> Token | None:
    """The subject of the verb that reports the clause of ``tok`` ("*X* said Y must ..."), or
    the author of the noun of saying it belongs to ("*X* issued a reminder that Y must ...",
    "*X*'s warning that Y must ...")."""
    current = tok
    for _ in range(3):
        if current.dep_ in {"ccomp", "xcomp", "conj"} and head_of(current).i != current.i:
            current = head_of(current)
            subject = syntax.subject_of(current)
            if subject is not None and current.lemma_.lower() in KNOWING_VERBS:
                # '"They know they need to leave," X said': the knower is the one the
                # clause is about; the quotation's speaker states it (outside a quotation
                # the knower is all there is)
                return quotation_speaker(tok) or subject
            if subject is not None:
                return subject
        elif current.dep_ == "acl" and head_of(current).lemma_.lower() in SPEECH_NOUNS:
            noun = head_of(current)
            author = next((c for c in children(noun) if c.dep_ == "poss"), None)
            if author is None and noun.dep_ == "dobj":
                author = syntax.subject_of(head_of(noun))
            return author
        else:
            break
    return None


def stated_by(tok: Token) -> Token | None:
    """The speaker of the clause of ``tok`` when a verb of saying reports it ("*X* said Y's
    plan is ...", "*X* told VOA ...") or it stands in a quotation ('"...," *X* said'); not
    the subject of a verb that weighs or proves it ("they will have to prove he is ...")."""
    current = tok
    for _ in range(3):
        # (an open complement too: the parser may hang "assured *visiting* Y that ..."'s
        # clause from the participle)
        if current.dep_ not in {"ccomp", "conj", "xcomp"} or head_of(current).i == current.i:
            break
        current = head_of(current)
        if current.lemma_.lower() in SAYING_VERBS:
            return syntax.subject_of(current)
    if tok.dep_ == "acl" and head_of(tok).lemma_.lower() in SPEECH_NOUNS:
        return speaker_of(tok)  # "X reiterated *the claim* that the attack was ..."
    return quotation_speaker(tok)


def is_purpose_of(tok: Token) -> Token | None:
    """The verb whose purpose ``tok`` states: an infinitive ("began a strike *to demand* ...",
    which the parser may hang as an open complement) or a participle ("marched, *calling*
    for ...") under another verb."""
    if tok.pos_ != "VERB" or tok.dep_ not in {"advcl", "xcomp", "acl"} or head_of(tok).i == tok.i:
        return None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))
    if infinitive or (tok.tag_ == "VBG" and tok.dep_ == "advcl"):
        return head_of(tok)
    return None


def governs(
    trigger: Token, tok: Token, *, through_participles: bool = False, hops: int = 6
) -> bool:
    """True when ``tok`` hangs from ``trigger`` without crossing into another clause, within
    ``hops`` links. A participle modifying a noun ("an exile *living* in Australia") is
    another clause for places and dates; PETRARCH's first-actor-after-the-verb target looks
    through it ("the roads *leading* into X")."""
    barriers = CLAUSE_DEPS if through_participles else CLAUSE_DEPS | {"acl"}
    current = tok
    for _ in range(hops):
        if current.i == trigger.i:
            return True
        if current.dep_ in barriers or head_of(current).i == current.i:
            return False  # crossed into another clause, or reached the root without the trigger
        current = head_of(current)
    return False


# Links by which a word hangs from a noun it describes ("the group *that attacked* X", "an
# exile *living* in Australia"): such a clause tells its own time, not its noun's clause's.
NOUN_MODIFIER_DEPS = frozenset({"relcl", "acl", "appos"})


def clause_chain(tok: Token) -> Iterator[Token]:
    """``tok``, then the words it hangs from, clause by clause up to the sentence's root:
    coordinated acts ("removed him and *jailed* him"), adverbial and complement clauses ("said
    Monday it *would resume*"), a noun's verb ("launched an *attack* Tuesday"). A time any of
    them governs is the time the act is told in. The chain stops at a clause that describes a
    noun (``NOUN_MODIFIER_DEPS``), whose time is not its noun's."""
    current = tok
    yield current
    for _ in range(len(tok.doc)):  # ends at the root; tok.sent would cost a scan
        if current.dep_ in NOUN_MODIFIER_DEPS or head_of(current).i == current.i:
            return
        current = head_of(current)
        yield current


def _infinitive_or_clause(tok: Token) -> bool:
    """ "(for X) *to* invest", "*that* X invades", or a bare that-less clause."""
    return (
        any(
            (c.dep_ == "aux" and c.lower_ == "to")
            or (c.dep_ == "mark" and c.lower_ in {"for", "that"})
            for c in children(tok)
        )
        or tok.dep_ == "ccomp"
    )


def _scant(noun: Token) -> bool:
    """ "*no* sign", "*little* reason", "there is *not* any sign": the noun is denied."""
    if any(c.dep_ in {"det", "amod"} and c.lower_ in SCANT_WORDS for c in children(noun)):
        return True
    return noun.dep_ in {"attr", "dobj"} and syntax.is_negated(head_of(noun))


def _frame_of(clause: Token) -> bool:
    """The word ``clause`` hangs from weighs, wants or judges it (see is_unasserted_frame)."""
    head = head_of(clause)
    lemma = head.lemma_.lower()
    if clause.dep_ not in FRAME_DEPS or head.i == clause.i:
        return False
    if (
        head.pos_ == "NOUN"
        and lemma in EPISTEMIC_NOUNS
        and clause.dep_ == "relcl"
        and not any(c.tag_ in {"WDT", "WP", "WRB"} for c in children(clause))
        and _scant(head)
    ):
        return True  # "no sign Iran has supplied ...": a that-less clause the parser calls relcl
    if not _infinitive_or_clause(clause):
        return False
    if head.pos_ == "NOUN" and lemma in NECESSITY_NOUNS and clause.dep_ != "ccomp":
        return True  # "the need for X to invest", "not the time to consider"
    if head.pos_ == "NOUN" and lemma in EPISTEMIC_NOUNS and _scant(head):
        return True  # "no sign that X attacked"
    if lemma in COGNITION_VERBS and clause.dep_ == "ccomp":
        noun = head_of(head)
        if (
            head.dep_ in {"relcl", "acl", "advcl"}
            and noun.lemma_.lower() in EPISTEMIC_NOUNS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(head))
        ):
            return True  # "reason to think that X will meet"
    if lemma in NECESSITY_ADJECTIVES and head.pos_ == "ADJ":
        return True  # "it is unlikely that X invades", "X is likely to attack"
    # "it is important for X *to provide*": the parser hangs the clause on the copula
    copula_frame = (
        head.pos_ in {"AUX", "VERB"}
        and clause.dep_ in {"advcl", "ccomp", "xcomp"}
        and any(
            c.dep_ in {"acomp", "attr"}
            and c.lemma_.lower() in NECESSITY_ADJECTIVES | NECESSITY_NOUNS
            and c.i < clause.i
            for c in children(head)
        )
        and any(c.dep_ in {"nsubj", "expl"} and c.lower_ in {"it", "there"} for c in children(head))
    )
    if copula_frame:
        return True
    if lemma in ENSURING_WORDS and clause.dep_ == "ccomp":
        verb = head
        if head.pos_ == "ADJ":
            verb = head_of(head)
            if verb.lemma_.lower() not in ENSURING_LIGHT_VERBS:
                return False
        # "ensured that the aid reached ...": a past ensuring reports its outcome as done.
        return verb.tag_ != "VBD" and not syntax.is_perfect(verb)
    return False


def is_unasserted_frame(tok: Token) -> bool:
    """ "the need for X *to invest*", "it is not the time to *consider* ...", "it is vital for
    X *to help*", "make sure X *makes* concessions", "little reason to think X *will meet*",
    "no sign that X *attacked*", "it is unlikely that X *invades*": the act is wanted, judged
    or weighed, not reported as done; nor is any mood it carries ("will meet")."""
    current = tok
    if tok.pos_ in {"NOUN", "PROPN"}:
        head = head_of(tok)
        if (
            tok.dep_ == "pobj"
            and head.lower_ == "for"
            and head_of(head).lemma_.lower() in NECESSITY_NOUNS
        ):
            return True  # "the need for talks"
        if tok.dep_ in {"dobj", "nsubj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
            current = head  # an event noun shares its verb's clause
    for _ in range(MAX_MODALITY_HOPS + 1):
        if _frame_of(current):
            return True
        if current.dep_ not in {"xcomp", "conj"} or head_of(current).i == current.i:
            return False
        current = head_of(current)  # "need to *start* investing", "consider *imposing*"
    return False


def is_hypothetical(tok: Token, hops: int = MAX_MODALITY_HOPS) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children(tok)):
        return True
    prospect = syntax.prospect_governor(tok)
    if prospect is not None and syntax.has_negation(prospect):
        return True  # "did not talk about lifting the tariffs": nothing was lifted or offered
    if hops > 0 and head_of(tok).i != tok.i:
        head = head_of(tok)
        if (
            tok.dep_ == "xcomp"
            and head.lemma_.lower() not in ONGOING_GOVERNORS
            and is_hypothetical(head, hops - 1)
        ):
            # "will start reaching out", "can help push for": the modal of the governing verb
            return True
        if (
            tok.dep_ == "conj"
            and tok.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in SUBJECT_OR_AUX_DEPS for c in children(tok))
            and is_hypothetical(head, hops - 1)
        ):
            # "may overreach and start threatening": a conjunct verb without its own subject
            # or auxiliary shares the first verb's modality
            return True
        if (
            tok.dep_ in {"nsubj", "nsubjpass", "dobj"}
            and tok.pos_ in {"NOUN", "PROPN"}
            and is_hypothetical(head, hops - 1)
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
    if (
        tok.dep_ == "pcomp"
        and head_of(tok).dep_ == "prep"
        and head_of(head_of(tok)).pos_ in {"VERB", "AUX"}
    ):
        # "could escalate *by testing* ...": the means shares the modality of its verb
        return is_hypothetical(head_of(head_of(tok)))
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in children(tok)):
        return True
    return tok.dep_ == "xcomp" and head_of(tok).lemma_.lower() in INTENT_VERBS


@per_token
def lies_ahead(tok: Token) -> bool:
    """The act at ``tok`` is reported as lying ahead of the news: "X *will meet* Y on
    Tuesday", "plans to visit on Friday", "is scheduled to sign ...", "are set for Friday". Its bare
    weekday is then the coming one."""
    mood = detect_mood(tok)
    if mood is not None and mood.kind in AHEAD_MOODS:
        return True
    if (
        tok.lemma_.lower() in SCHEDULED_FOR
        and syntax.is_present(tok)
        and any(c.dep_ == "prep" and c.lower_ == "for" for c in children(tok))
    ):
        return True
    current = tok
    for _ in range(MAX_CONJUNCT_HOPS):
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_AUX for c in children(current)):
            return True
        if current.dep_ not in {"xcomp", "conj"} or head_of(current).i == current.i:
            return False
        head = head_of(current)
        if (
            current.dep_ == "xcomp"
            and head.lemma_.lower() in SCHEDULE_GOVERNORS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(current))
            and syntax.is_present(head)
        ):
            return True
        current = head
    return False


def told_as_past(tok: Token) -> bool:
    """The clause at ``tok`` is in a past tense: "*removed*", "*had* ordered", "*was*
    arrested", "*did* not meet". A month or a weekday it names is then the last one."""
    return tok.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in children(tok)
    )


def clause_verb(tok: Token) -> Token:
    """The verb of the clause ``tok`` is in (``tok`` itself for a verb): a noun's act ("an
    *attack*") is told in its verb's tense ("*launched* an attack")."""
    current = tok
    for _ in range(len(tok.doc)):  # ends at the root; tok.sent would cost a scan
        if current.pos_ in {"VERB", "AUX"} or head_of(current).i == current.i:
            break
        current = head_of(current)
    return current
