"""Prescriptions: what a speaker says another actor should, must or needs to do.

"X said Y must withdraw", '"Y should release them," X said', "X says Y's trade policy needs
reform": an obligation a speaker lays on another political actor is the speaker's demand on
it (CAMEO 10, PLOVER REQUEST). ``_clauses.obligation_of`` finds the obligation and the coder
turns it into the speaker's demand; this module holds the parts of that frame that decide
whether an obligation is a prescription at all, and whose:

- the deontic reading only: not a forecast ("the delegation *should arrive by Friday*"), a
  state or an outcome ("Iran *should have* enough uranium", "Japan *should expect* more
  ships"), a conclusion ("China *must be behind* the attack"), a question ("Why *should*
  Turkey apologise?") or an inverted condition ("*Should* Egypt attack, ...");
- the need of a change: "Y's trade policy *needs reform*" asks Y to change it;
- the speaker of an aside: "Y, *X said*, must pay", "*according to X*, Y must pay";
- the speaker's own side: "France must rearm", said by France's president, or "the U.S. and
  *our* allies must ...", is its own resolve, not a demand on anyone.

Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._words import word_class
from dateline.model import Actor, Event

# "should" also forecasts: with a time still to come ("should arrive by Friday") it says what
# is expected, not what is asked.
FORECAST_AUX = word_class("forecast_aux")
# Verbs of having, undergoing or coming to a state: under "should" or "must" they forecast or
# conclude ("Iran should *have* enough uranium", "Japan should *expect* more ships").
OUTCOME_VERBS = word_class("outcome_verb")
# "Y has *got* to leave": a perfect of these verbs governs an obligation like "has to".
PERFECT_OBLIGATION_GOVERNORS = word_class("perfect_obligation_governor")
# Verbs whose object is what their subject needs: "Y's policy *needs* reform".
NEED_VERBS = word_class("need_verb")
# Nouns of change whose need is asked of whoever owns the thing to change: "needs *reform*".
CHANGE_NOUNS = word_class("change_noun")
# Words by which the speaker names itself: "*we* must", "*our* allies must".
SPEAKER_WORDS = word_class("speaker_word")
# Verbs of saying whose subject an aside names: "Y, X *said*, must pay".
SAYING_VERBS = (
    word_class("reporting_verb") | word_class("attribution_verb") | word_class("saying_verb")
)
# Verbs of telling an addressee a clause: "X *told* Y it must ...", "X *reminded* Y that it
# should ...".
TELLING_VERBS = word_class("telling_verb")
# Pronouns that, as the subject of an obligation told to an addressee, are the addressee.
ADDRESSEE_PRONOUNS = word_class("addressee_pronoun")
# Words of need or timeliness whose "for Y to" or "that Y" clause, after an "it is", is what
# Y is told to do: "it is *time* for Y to withdraw", "it is *imperative* that Y return".
PRESCRIBING_WORDS = word_class("prescribing_word")
# Named-entity labels of a time: "by *Friday*", "*next week*", "*within weeks*".
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Links that open a clause of its own: a time in it does not time the obliged act.
OWN_CLAUSE_DEPS = frozenset({"ccomp", "relcl", "advcl", "acl", "csubj", "parataxis", "conj"})
# Predicates of a copula that describe its subject ("must be *ready* to talk", "must be
# *a partner*"); a copula with a place or a cause only ("must be *behind* the attack") concludes.
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp", "ccomp"})
# Sectors by which an actor is its state itself: a government, or a country named bare.
STATE_SECTORS = frozenset({None, "GOV"})
# The knowledge base's mark of a nation's people ("Americans", "the French"): not its state.
PEOPLE_RULE = ":people"
# Dependencies of a subject phrase through which it may name the speaker: "*our* allies",
# "the U.S. and *we*".
SUBJECT_PHRASE_DEPS = frozenset({"poss", "conj", "appos"})


def is_prescriptive(act: Token, clause: Token) -> bool:
    """Is the obligation on ``clause`` (the verb whose subject is obliged) over ``act`` a
    prescription: not a forecast, an outcome, a conclusion, a question or an inverted
    condition?"""
    modals = {c.lower_ for c in children(act) if c.dep_ == "aux"}
    if modals & FORECAST_AUX and _timed_ahead(act):
        return False  # "should arrive by Friday"
    if act.lemma_.lower() in OUTCOME_VERBS:
        return False  # "should have enough uranium", "should expect more ships"
    if act.lemma_.lower() == "be" and _concludes(act):
        return False  # "must be behind the attack"
    return not (_inverted(clause) or _asked(clause))


def needed_change(tok: Token) -> bool:
    """ "Y's trade policy *needs* reform", "the council *requires* an overhaul": a change its
    subject needs, which whoever the subject names is asked to make. Not a change it does not
    need ("does not need reform")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in NEED_VERBS:
        return False
    if syntax.has_negation(tok):
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in CHANGE_NOUNS for c in children(tok)
    ) and not any(c.dep_ == "xcomp" for c in children(tok))


def got_to_governor(tok: Token) -> Token | None:
    """ "Y has *got* to leave": the perfect verb that obliges ``tok``'s subject, or None."""
    head = head_of(tok)
    if (
        tok.dep_ != "xcomp"
        or head.lemma_.lower() not in PERFECT_OBLIGATION_GOVERNORS
        or not syntax.is_perfect(head)
        or syntax.object_of(head) is not None
    ):
        return None
    to = next((c for c in children(tok) if c.dep_ == "aux" and c.lower_ == "to"), None)
    return head if to is not None else None


def aside_speaker(clause: Token) -> Token | None:
    """The speaker an aside of ``clause`` names: "Y, *X* said, must pay" (a verb of saying
    set in the clause), "according to *X*, Y must pay"."""
    for child in children(clause):
        if (
            child.dep_ == "parataxis"
            and child.pos_ == "VERB"
            and child.lemma_.lower() in SAYING_VERBS
        ):
            subject = syntax.subject_of(child)
            if subject is not None:
                return subject
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in children(child):
                if to.lower_ == "to":
                    source = next((g for g in children(to) if g.dep_ == "pobj"), None)
                    if source is not None:
                        return source
    return None


def addressee_of(clause: Token) -> Token | None:
    """ "X told Y *it* must hold elections", "X reminded Y that *they* should ...": the
    pronoun subject of an obligation told to an addressee is the addressee (it is the
    speaker in "X said it will ...", but an obligation is laid on whom one tells)."""
    subject = syntax.subject_of(clause)
    if subject is None or subject.lower_ not in ADDRESSEE_PRONOUNS or clause.dep_ != "ccomp":
        return None
    if syntax.quotation_start(clause) is not None:
        return None  # '"... they should ...," X told Y': the quotation's "they" is a third party
    teller = head_of(clause)
    if teller.lemma_.lower() not in TELLING_VERBS:
        return None
    return syntax.dative_of(teller) or next((c for c in children(teller) if c.dep_ == "dobj"), None)


def necessity_frame(act: Token) -> Token | None:
    """The copula of "it is time for Y to *withdraw*", "it is imperative that Y *return*",
    "it is essential for Y to *return*", whose clause ``act`` heads with a subject of its own
    (Y, who is to act); None elsewhere, and for a frame denied ("it is not the time")."""
    if act.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in children(act)):
        return None
    head = head_of(act)
    if act.dep_ == "relcl" and head.dep_ == "attr" and head.lemma_.lower() in PRESCRIBING_WORDS:
        copula = head_of(head)  # "it is time for Y to withdraw"
    elif act.dep_ == "ccomp" and head.pos_ == "ADJ" and head.lemma_.lower() in PRESCRIBING_WORDS:
        copula = head_of(head)
    elif act.dep_ in {"advcl", "ccomp"} and any(
        c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in PRESCRIBING_WORDS and c.i < act.i
        for c in children(head)
    ):
        copula = head  # "it is imperative that Y return": the parser hangs it on the copula
    else:
        return None
    if copula.lemma_.lower() != "be" or syntax.has_negation(copula):
        return None
    expletive = any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in children(copula))
    return copula if expletive else None


def names_the_speaker(subject: Token) -> bool:
    """ "*we* must", "the U.S. and *our* allies must", "*my* government should": the obliged
    subject includes the speaker, whose own resolve it states."""
    stack, seen = [subject], set()
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        if tok.lower_ in SPEAKER_WORDS and tok.pos_ == "PRON":
            return True  # a pronoun: "us", not "the US"
        stack += [c for c in children(tok) if c.dep_ in SUBJECT_PHRASE_DEPS]
    return False


def own_side(speaker: Actor, obliged: Actor) -> bool:
    """The obliged actor is the speaker's own state, spoken of by its government or itself:
    "France must rearm," the French president said, states France's resolve. (Others of the
    same country, an opposition or a rights group, may well demand of their state; and a
    nation's people, "the French must ...", are not its state: a government asks them.)"""
    return (
        bool(speaker.country)
        and speaker.country == obliged.country
        and speaker.sector in STATE_SECTORS
        and obliged.sector in STATE_SECTORS
        and PEOPLE_RULE not in (obliged.rule or "")
    )


def is_prescribed(event: Event) -> bool:
    """Was ``event`` coded as a speaker's demand from an obligation ("X said Y must ...")?"""
    return "must.demand" in event.rule or "+m.demand." in event.rule


def without_prescribed_twins(events: Sequence[Event]) -> list[Event]:
    """A demand read from an obligation that repeats a request of the same sentence between
    the same countries ("X urged Y to cooperate and said Y must share evidence") is one
    request: the request verb's event stays."""
    asked = {
        (e.source.country, e.target.country)
        for e in events
        if e.plover.event == "REQUEST"
        and not is_prescribed(e)
        and e.target is not None
        and e.source.country
    }
    return [
        e
        for e in events
        if not (
            is_prescribed(e)
            and e.target is not None
            and (e.source.country, e.target.country) in asked
        )
    ]


def _timed_ahead(act: Token) -> bool:
    """A time in the act's own phrase, outside clauses of their own: "should arrive *by
    Friday*", "should have the weapon *within weeks*"."""
    stack = [c for c in children(act) if c.dep_ not in OWN_CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        if tok.ent_type_ in TIME_ENTITIES:
            return True
        stack += [c for c in children(tok) if c.dep_ not in OWN_CLAUSE_DEPS]
    return False


def _concludes(copula: Token) -> bool:
    """A copula with only a place or cause for predicate: "must be *behind* the attack"."""
    deps = {c.dep_ for c in children(copula)}
    return "prep" in deps and not deps & PREDICATE_DEPS


def _inverted(clause: Token) -> bool:
    """ "*Should* Egypt attack, ...", "Why *should* Turkey apologise": the auxiliary before
    the subject asks or sets a condition."""
    subject = syntax.subject_of(clause)
    if subject is None or head_of(subject).i != clause.i:
        return False
    return any(c.dep_ == "aux" and c.i < subject.i for c in children(clause))


def _asked(clause: Token) -> bool:
    """The clause is asked: a question mark closes it ("Do you think Y should leave?")."""
    doc = clause.doc
    for i in range(clause.right_edge.i, len(doc)):
        if doc[i].text == "?":
            return True
        if i > clause.right_edge.i and not doc[i].is_punct:
            return False
    return False
