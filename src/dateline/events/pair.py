"""Pair mode: the actors are given, find what one did to the other in this sentence.

Researchers who already know the dyad ask only for the event category. The coder first tries
its full frame matching with exactly these two mentions; failing that, it takes the trigger
that sits closest to both actors in the dependency tree (the shortest path through their
lowest common ancestor), so that in "X said Y attacked Z" the pair (Y, Z) gets the attack and
the pair (X, Y) the statement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dateline.codebook import (
    ACCUSE_CODE,
    COERCE_ROOT,
    DEMAND_CODE,
    MILITARY_COOPERATION_CODE,
    SHOW_OF_FORCE_CODE,
    STATEMENT_CODE,
    STATEMENT_ROOT,
)
from dateline.docmemo import children
from dateline.events._clauses import is_purpose_clause
from dateline.events._phrases import MentionLike
from dateline.events._words import word_class
from dateline.events.coder import EventCoder, SentenceContext
from dateline.events.lexicon import TriggerRule
from dateline.events.syntax import has_negation
from dateline.model import Event

# Beyond this many dependency steps a trigger is not about the given pair.
MAX_PATH_LENGTH = 8
# Confidence for the fallback that uses only tree distance, not the rule's frame.
PATH_CONFIDENCE_BASE = 0.6
PATH_CONFIDENCE_STEP = 0.05  # lost per dependency step
# Verbs that report a clause: their subject is the source of a statement about it.
REPORTING_VERBS = word_class("reporting_verb")
# Verbs of saying and believing: a speaker with no act towards the other actor made a statement.
SPEECH_HEADS = REPORTING_VERBS | {"hope", "believe", "expect", "think", "say"}
FIRST_HOSTILE_ACT = COERCE_ROOT  # coerce, assault, fight, mass violence
REPORT_CONFIDENCE = 0.4  # nothing in the clause is the speaker's own act
# How far up a chain of coordinated or complement verbs a shared subject is looked for.
MAX_SHARED_SUBJECT_HOPS = 2
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBLIGATION_AUX = {"must"}
MUST_RULE_ID = "g.must.demand"  # as the coder names a reported obligation
# Military exercises (CAMEO 150, a show of force) by coordinated parties ("X and Y held
# drills", "X and Y warships began war games") are joint: military cooperation (062).
EXERCISE_NOUNS = word_class("exercise_noun")
JOINT_EXERCISE_CODE = MILITARY_COOPERATION_CODE
# "in defiance of X", "in protest at X": the noun gives the stance of the verb's act.
STANCE_NOUNS = word_class("protest_stance_noun")
# Clauses that give a statement's content: "issued a statement *demanding* ...", "a
# declaration *that condemned* ...", "said in a statement it *would* ...".
CONTENT_DEPS = {"acl", "relcl", "ccomp"}


@dataclass
class PairCoding:
    code: str  # CAMEO code
    rule: str  # rule id (with the mood rule, when one applied)
    trigger: Token
    confidence: float
    method: str  # frame | path


def _ancestors(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 50:
        chain.append(chain[-1].head)
    return chain


def _distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of one sentence."""
    up_a = {t.i: n for n, t in enumerate(_ancestors(a))}
    for n, t in enumerate(_ancestors(b)):
        if t.i in up_a:
            return n + up_a[t.i]
    return 99


def _head_token(span: Span, start: int, end: int) -> Token | None:
    tokens = [t for t in span if start <= t.idx < end]
    if not tokens:
        return None
    # The syntactic head of the phrase: the token whose head lies outside the phrase.
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])


def _main_act(
    token: Token, chosen: Event, events: Sequence[Event], sent: SentenceContext
) -> tuple[Event, Token] | None:
    """ "staged a strike *to demand* reforms": the pair's event is the strike, which the
    demand only explains. The act of the governing verb (or of its object noun) by the same
    source wins over one in its purpose clause."""
    if not is_purpose_clause(token):
        return None
    governor = token.head
    heads = {governor.i, *(c.i for c in children(governor) if c.dep_ in {"dobj", "attr"})}
    for ev in events:
        if ev is chosen or ev.source.start != chosen.source.start:
            continue
        tok = next((t for t in sent.span if t.idx + sent.offset == ev.trigger.start), None)
        if tok is not None and tok.i in heads:
            return ev, tok
    return None


def _reported_clause(source: Token) -> Token | None:
    """The clause that ``source`` reports ("*X* said [Y would ...]"), unless its subject is the
    source itself again ("X said *it* would ...", "X said X ...")."""
    verb = source.head
    if source.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    clause = next((c for c in children(verb) if c.dep_ in {"ccomp", "parataxis"}), None)
    if clause is None:
        return None
    subject = next((c for c in children(clause) if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON":
        return None  # "X said it would ...": the clause is the speaker's own act
    return clause


def _describes_noun(tok: Token) -> bool:
    """A participle used as an adjective before its noun ("the *besieged* town of X", "the
    *banned* party") describes the noun's state; it reports no act of the sentence."""
    return tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.i < tok.head.i


def _background(tok: Token, src: Token) -> bool:
    """A participle after its noun ("the curfew *imposed* in May", "the deal *signed* last
    year") describes the noun as a reduced relative clause: a past act in the background, not
    the sentence's own, unless the source is its agent ("sanctions imposed *by X*")."""
    if tok.pos_ != "VERB" or tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.i < tok.head.i:
        return False
    return not any(
        c.dep_ == "agent" and any(g.i == src.i for g in c.subtree) for c in children(tok)
    )


def _undergoes(tok: Token, src: Token, tgt: Token | None) -> bool:
    """``src`` is the passive subject of ``tok`` (the act was done to it), and the other actor
    is not named as the doer ("X was attacked *by Y*" is still the pair's event)."""
    if src.dep_ not in {"nsubjpass", "csubjpass"} or src.head.i != tok.i:
        return False
    if tgt is None:
        return True
    return not any(
        c.dep_ == "agent" and any(g.i == tgt.i for g in c.subtree) for c in children(tok)
    )


def _acts(tok: Token, src: Token) -> bool:
    """``src`` is the active subject of ``tok``, directly or shared by coordination ("X was
    indicted and *will resign*", "X met Y and *signed* ..."), or of the verb whose object
    ``tok`` names ("X *completed* an *investigation*")."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        tok = tok.head
    if tok.pos_ != "VERB":
        return False
    current, hops = tok, 0
    for _ in range(MAX_SHARED_SUBJECT_HOPS + 1):
        subjects = [c for c in children(current) if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return any(c.i == src.i for c in subjects) and (hops > 0 or subjects[0].dep_ == "nsubj")
        if current.dep_ not in {"conj", "xcomp"} or current.head.i == current.i:
            return False
        current, hops = current.head, hops + 1
    return False


def _governing_act(coder: EventCoder, tok: Token, rule: TriggerRule) -> tuple[Token, TriggerRule]:
    """The act that the nearest trigger belongs to.

    "started a hunger strike *to protest* X": the purpose clause explains the strike, which is
    the pair's event (as ``_main_act`` does for frame-coded events). "issued a statement
    *demanding* that X ...": the statement is only the medium of the demand."""
    if is_purpose_clause(tok):
        governor = tok.head
        for cand in (
            governor,
            *(c for c in children(governor) if c.dep_ in {"dobj", "attr"}),
        ):
            governing_rule = coder.match(cand)
            if governing_rule is not None:
                return cand, governing_rule
    if tok.pos_ == "NOUN" and tok.dep_ in {"dobj", "nsubjpass"}:
        # "agreed to *postpone* the demonstration", "*lifted* the curfew": the verb says what
        # was done with the act its object names.
        verb_rule = coder.match(tok.head)
        if verb_rule is not None and tok.head.pos_ == "VERB":
            return tok.head, verb_rule
    prep = tok.head
    if tok.lemma_.lower() in STANCE_NOUNS and tok.dep_ == "pobj" and prep.head.pos_ == "VERB":
        # "blocked streets *in defiance of* X": the stance is the manner of the blocking,
        # which is the act against X.
        verb_rule = coder.match(prep.head)
        if verb_rule is not None:
            return prep.head, verb_rule
    if rule.cameo.startswith(STATEMENT_ROOT):
        # The content hangs off the statement noun or off the verb that issued it.
        holders = [tok, *(c for c in children(tok) if c.dep_ in {"dobj", "attr"})]
        for holder in holders:
            for clause in children(holder):
                if clause.dep_ not in CONTENT_DEPS or clause.pos_ != "VERB":
                    continue
                content_rule = coder.match(clause)
                if content_rule is not None and not content_rule.cameo.startswith(STATEMENT_ROOT):
                    return clause, content_rule
    return tok, rule


def _obliges(clause: Token) -> bool:
    """The reported clause says its subject must act: "Y *must* withdraw", "Y *must* be ready
    to mediate" (not "must not", which the coder leaves uncoded as well)."""
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in children(clause)) and not (
        has_negation(clause)
    )


def _inside(tok: Token, clause: Token) -> bool:
    return clause.left_edge.i <= tok.i <= clause.right_edge.i


def code_pair(
    coder: EventCoder,
    sent: SentenceContext,
    source: MentionLike,
    target: MentionLike | None,
    *,
    published: dt.date | None = None,
) -> PairCoding | None:
    """The event that ``source`` directs at ``target`` in ``sent``, or None."""
    mentions: Sequence[MentionLike] = [m for m in (source, target) if m is not None]
    events = coder.code_sentence(
        sent, mentions, article_id="pair", published=published, default_location=None
    )

    def overlaps(actor_start: int, mention: MentionLike | None) -> bool:
        return mention is not None and mention.start <= actor_start < mention.end

    best = None
    for ev in events:
        # A target supplied by convention ("protesters -> their government") stands for the
        # given one: the text named none of its own.
        implicit = ev.target is not None and (ev.target.rule or "").startswith("implicit.")
        forward = overlaps(ev.source.start, source) and (
            target is None
            or implicit
            or (ev.target is not None and overlaps(ev.target.start, target))
        )
        backward = (
            target is not None
            and overlaps(ev.source.start, target)
            and ev.target is not None
            and overlaps(ev.target.start, source)
        )
        if forward or backward:
            score = ev.confidence + (0.1 if forward else 0.0)
            if best is None or score > best[0]:
                best = (score, ev)
    if best is not None:
        ev = best[1]
        token = next(t for t in sent.span if t.idx + sent.offset == ev.trigger.start)
        main = _main_act(token, ev, events, sent)
        if main is not None:
            ev, token = main
        if ev.cameo.code == SHOW_OF_FORCE_CODE and _joint_exercise(token):
            return PairCoding(
                JOINT_EXERCISE_CODE, f"{ev.rule}+p.joint", token, ev.confidence, "frame"
            )
        return PairCoding(ev.cameo.code, ev.rule, token, ev.confidence, "frame")
    return _nearest_trigger(coder, sent, source, target)


def _nearest_trigger(
    coder: EventCoder, sent: SentenceContext, source: MentionLike, target: MentionLike | None
) -> PairCoding | None:
    span = sent.span
    src = _head_token(span, source.start - sent.offset, source.end - sent.offset)
    tgt = (
        _head_token(span, target.start - sent.offset, target.end - sent.offset)
        if target is not None
        else None
    )
    if src is None:
        return None
    reported = _reported_clause(src)
    # "X said Y *must* withdraw": what Y must do is X's demand on Y, not Y's act.
    obligation = reported is not None and _obliges(reported)
    candidates: list[tuple[int, Token, TriggerRule]] = []
    for tok in span:
        rule = coder.match(tok)
        if rule is None:
            continue
        if reported is not None and _inside(tok, reported) and not obligation:
            continue  # "X said Y attacked Z": the attack is Y's, X only made a statement
        inside = source.start <= tok.idx + sent.offset < source.end
        if inside or (target is not None and target.start <= tok.idx + sent.offset < target.end):
            continue  # a word inside an actor's name ("Defence Council") is not its action
        if _describes_noun(tok):
            continue  # "the *besieged* town", "the *detained* journalists": a state, no act
        length = _distance(tok, src) + (_distance(tok, tgt) if tgt is not None else 0)
        if length > MAX_PATH_LENGTH * (2 if tgt is not None else 1):
            continue
        candidates.append((length, tok, rule))
    # What was done to the source ("X *was indicted* ... and will resign") is not its own act
    # when the sentence also says what the source itself did.
    source_acts = any(_acts(tok, src) for _, tok, _ in candidates)
    best: tuple[tuple[int, int, int, int], Token, TriggerRule] | None = None
    for length, tok, rule in candidates:
        # Second choices: what was done to the source, or what the other actor itself did
        # ("X completed an investigation into claims that *Y took over* Z"), when the source
        # also acts; then an act in the background of a noun ("the curfew *imposed* in May").
        patient = int(
            source_acts and (_undergoes(tok, src, tgt) or (tgt is not None and _acts(tok, tgt)))
        )
        background = int(_background(tok, src))
        # Prefer verbs over nouns at equal distance: the clause's predicate is the event.
        key = (patient, background, length, 0 if tok.pos_ == "VERB" else 1)
        if best is None or key < best[0]:
            best = (key, tok, rule)
    if best is None:
        if reported is not None and obligation:
            return PairCoding(DEMAND_CODE, MUST_RULE_ID, reported, REPORT_CONFIDENCE, "path")
        if reported is not None:
            # The speaker's only act towards the other actor is what was said about it; saying
            # that someone used force or coercion is an accusation ("X said Y attacked Z").
            hostile = any(
                (rule := coder.match(t)) is not None and rule.cameo[:2] >= FIRST_HOSTILE_ACT
                for t in span
                if _inside(t, reported)
            )
            code, rule_id = (
                (ACCUSE_CODE, "p.accuse") if hostile else (STATEMENT_CODE, "p.statement")
            )
            return PairCoding(code, rule_id, reported.head, REPORT_CONFIDENCE, "path")
        if src.dep_ == "nsubj" and src.head.lemma_.lower() in SPEECH_HEADS:
            # "X said it hoped Y would ...", "X said he was confident that Y ...": no act in
            # the sentence, only what the speaker said about the other actor.
            return PairCoding(STATEMENT_CODE, "p.statement", src.head, REPORT_CONFIDENCE, "path")
        return None
    (_, _, length, _), tok, rule = best
    tok, rule = _governing_act(coder, tok, rule)
    confidence = max(0.1, PATH_CONFIDENCE_BASE - PATH_CONFIDENCE_STEP * length)
    if reported is not None and obligation and _inside(tok, reported):
        row = coder.moods.lookup("demand", rule.cameo)
        code, rule_id = (
            (row.code, f"{rule.id}+{row.id}") if row is not None else (DEMAND_CODE, MUST_RULE_ID)
        )
        return PairCoding(code, rule_id, tok, round(confidence, 3), "path")
    coding = coder.mood_coding(tok, rule)
    if coding.code == SHOW_OF_FORCE_CODE and _joint_exercise(tok):
        return PairCoding(
            JOINT_EXERCISE_CODE, f"{coding.rule}+p.joint", tok, round(confidence, 3), "path"
        )
    return PairCoding(coding.code, coding.rule, tok, round(confidence, 3), "path")


def _joint_exercise(tok: Token) -> bool:
    """Exercises held by coordinated parties: "*X and Y* held drills", "*French and Egyptian*
    warships launched war games"."""
    nouns = [tok] if tok.pos_ == "NOUN" else [c for c in children(tok) if c.dep_ == "dobj"]
    # "launched ten days *of* war games"
    nouns += [g for n in nouns for p in children(n) if p.lower_ == "of" for g in children(p)]
    if not any(n.lemma_.lower() in EXERCISE_NOUNS for n in nouns):
        return False
    verb = tok.head if tok.pos_ == "NOUN" else tok
    subject = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return bool(subject.conjuncts) or any(
        c.dep_ in {"amod", "compound"} and c.conjuncts for c in children(subject)
    )
