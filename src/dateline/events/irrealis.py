"""Acts a sentence names without reporting them as done, beyond the modality of its verbs.

The labelling guide keeps acts that happened (and stated intents, threats, demands and
refusals, which are acts of speech) and skips the rest: hypotheticals, experts' views and
the writer's own expectations. ``_clauses.is_hypothetical`` reads modal verbs; this module
reads the frames around an act that say it is only expected, generic, a purpose, a need or
a question:

- expectation: the passive of a verb of predicting ("X *is expected to* discuss ties")
  reports what others foresee, not X's stated intent ("X *expects to* meet Y" stays an
  intent, and so does an act set for a day: "is expected to meet Y on Thursday");
- correlative: "*the more* X threatens Y, *the more* Y arms" states a tendency, no act;
- purpose: "*in order to* / *in an effort to* deter attacks", "talks *aimed at* ending the
  war": the act aimed at has not happened (the act done for it is coded on its own verb);
- need: "needs two million dollars *to deliver* aid": what the money is wanted for;
- judged: "X's support is *crucial* for Y to negotiate": an act judged needed, whatever the
  subject of the judgement (``_clauses`` reads "it is crucial for Y to ...");
- question: "Will X attack Y?" asks, it reports nothing; "it is unclear *whether* X will
  attack Y" asks it too, inside another clause;
- opinion: a hedged act ("X *will likely* increase cooperation with Y", "X *appears to be*
  punishing Y") is someone's reading of events, not an act reported;
- permitted: "the law *allows* the government *to seize* the assets" says what may be done;
- commissioned: "*hired* a gunman *to kill* X", "*paid* Y *to attack* Z": what the hire or
  payment was for, an allegation of a plot, not the act;
- plan: "the next step *will be for* X *to sign*": a predicate of what should come;
- opinion of commentators: "*analysts say* X will attack Y", "there is a *consensus among
  experts* that X is punishing Y": what analysts and experts hold is their view (the
  guide skips it), whoever it names as acting;
- possibility: "the *threat of* al-Shabab attacks", "*fears of* a Russian invasion", "the
  *risk of* sanctions": an act named as a danger or prospect;
- deadline: "they *have until* Feb. 4 *to appeal*": the time left for an act, not the act;
- unrealised plan: "the two countries *were supposed to* sign a deal": a past plan, told
  as one because it did not come about;
- plot offer: "X *offered to pay* two men *to plan* Y's murder": a commission offered for a
  use of force is an alleged plot, not an offer of cooperation.

Every class of words is data (``data/events/word_classes.tsv``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.codebook import (
    ASSAULT_ROOT,
    FIGHT_ROOT,
    MASS_VIOLENCE_ROOT,
)
from dateline.docmemo import children, head_of, per_token, remember, sentence_of
from dateline.events import syntax
from dateline.events._words import word_class
from dateline.events.mood import CONDITION_MARKS

# Verbs of predicting whose passive with an infinitive is someone's forecast.
EXPECTATION_VERBS = word_class("expectation_verb")
# Nouns of aim in "in order to", "in an effort to", "with the aim of".
PURPOSE_NOUNS = word_class("purpose_noun")
PURPOSE_PREPOSITIONS = {"in", "with"}
# Participles whose "at" gerund is an aim: "aimed at ending", "designed at"...
AIMING_PARTICIPLES = word_class("purpose_participle")
# Adjectives of need or importance: "X's support is *crucial* for Y to negotiate".
NECESSITY_ADJECTIVES = word_class("necessity_adjective")
# Verbs of needing or seeking whose object an infinitive says the use of.
WANTING_VERBS = word_class("wanting_verb")
# Verbs that try an act: an attempted use of force is coded as the force (CAMEO codes
# attempted assassinations and attacks), any other attempted act did not happen.
ATTEMPT_VERBS = word_class("attempt_verb")
FORCE_ROOTS = (ASSAULT_ROOT, FIGHT_ROOT, MASS_VIOLENCE_ROOT)
# How far up its clause chain an act inherits a frame ("in an effort to *start* *talking*").
MAX_HOPS = 3
CHAIN_DEPS = {"xcomp", "conj", "acl", "advcl", "pcomp", "relcl"}
# "will ask": an act announced for later. "would" is the future of a reported clause only
# ("said he *would* ask"); on its own it is the conditional ("China *would* lose").
FUTURE_AUX = {"will", "shall", "'ll"}
REPORTED_FUTURE_AUX = {"would"}
SAYING_VERBS = word_class("reporting_verb") | word_class("saying_verb")
COMPARATIVE_TAGS = {"JJR", "RBR"}
# Entities that set an expected act for a time: a schedule, not a forecast.
SCHEDULE_LABELS = {"DATE", "TIME"}
# Adverbs and adjectives that hedge an act into a reading of events: "will *likely* meet".
HEDGE_WORDS = word_class("hedge_word")
# Verbs whose infinitive is how things look, not what was done: "*appears* to be punishing".
RAISING_VERBS = word_class("raising_verb")
HEDGED_GOVERNORS = RAISING_VERBS | HEDGE_WORDS
# Verbs whose object's infinitive is what it may do: "*allows* the government to seize".
PERMISSION_VERBS = word_class("permission_verb")
# Verbs of hiring or paying someone whose infinitive is what they are hired for.
COMMISSIONING_VERBS = word_class("commissioning_verb")
# Subordinators of an indirect question: "unclear *whether* X will attack Y".
QUESTION_MARKS = word_class("question_subordinator")
# Nouns of danger or prospect whose "of" object is an act that may come: "the *threat* of
# attacks", "*fears* of an invasion".
RISK_NOUNS = word_class("risk_noun")
# Roles of those whose views are opinion, not news: "analysts", "experts".
COMMENTATOR_ROLES = word_class("commentator_role")
# "have until Feb. 4 to appeal": verbs of holding time, and the prepositions of a deadline.
DEADLINE_VERBS = word_class("deadline_verb")
DEADLINE_PREPOSITIONS = word_class("deadline_preposition")
# "were supposed to sign": verbs whose past passive with an infinitive is a plan not carried out.
UNREALISED_PLAN_VERBS = word_class("unrealised_plan_verb")
PAST_TAGS = {"VBD"}
# Words of a commission's purpose that make it a plot: "pay two men to plan the *murder*".
PLOT_WORDS = word_class("plot_purpose_word")
# Links by which a clause hangs from the verb or noun of a view ("say *that* ...", "a
# consensus *that* ...", "tests *that* experts think ..."), and how far up one is looked for.
VIEW_CLAUSE_DEPS = {"ccomp", "relcl", "acl"}
VIEW_HOLDER_PREPOSITIONS = {"among", "of"}
MAX_VIEW_HOPS = 6
# Subordinators of a time clause: what it dates the view by is presupposed, not held ("...
# remains smaller than *before* Russia invaded Ukraine", an analyst noted).
TIME_MARKS = {"before", "after", "since", "when", "until", "while"}
# Clause links under which a "whether" or "if" clause is an indirect question, not a
# condition ("will retaliate *if* attacked" is an advcl, kept for the mood's conditional).
QUESTION_CLAUSE_DEPS = {"ccomp", "csubj", "csubjpass"}


@per_token  # asked for each source and target of the act's events
def unreported(tok: Token) -> str | None:
    """Why the act at ``tok`` is not reported as done ("expectation", "correlative",
    "purpose", "need", "judged", "question"), or None."""
    if _in_question(tok):
        return "question"
    if _in_correlative(tok):
        return "correlative"
    if _at_risk(tok):
        return "possibility"
    if _commentators_view(tok):
        return "opinion"
    if _offers_a_plot(tok):
        return "plot"
    current = tok
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        current = head_of(tok)  # an event noun shares its verb's frame
    for _ in range(MAX_HOPS):
        kind = _frame(current) or _hedged(current) or _deadline_aux(current)
        if kind is not None:
            return kind
        if current.dep_ not in CHAIN_DEPS or head_of(current).i == current.i:
            return None
        current = head_of(current)
    return None


def is_attempted_force(tok: Token, code: str) -> bool:
    """ "tried to kill X", "attempted to storm the building": an attempt at force is coded as
    the force, though its verb governs the act as an unrealised complement."""
    return (
        code.startswith(FORCE_ROOTS)
        and tok.dep_ == "xcomp"
        and head_of(tok).lemma_.lower() in ATTEMPT_VERBS
        and not any(c.dep_ == "aux" and c.lower_ != "to" for c in children(head_of(tok)))
    )


def is_stated_future(tok: Token) -> bool:
    """ "X will ask Y to ...", "X said he would ask Y to ...": an act announced, with no
    condition, is a stated intent; the guide keeps it, as the act's own code when the mood
    table has no intent code for it."""
    aux = {c.lower_ for c in children(tok) if c.dep_ == "aux"}
    clause = tok
    for _ in range(MAX_HOPS):
        if clause.dep_ != "conj" or head_of(clause).i == clause.i:
            break
        clause = head_of(clause)  # "said it was illegal and that he *would* ask ..."
    reported = clause.dep_ == "ccomp" and head_of(clause).lemma_.lower() in SAYING_VERBS
    if not (aux & FUTURE_AUX or (aux & REPORTED_FUTURE_AUX and reported)):
        return False
    if syntax.has_negation(tok):
        return False
    return not any(
        c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in children(c))
        for c in children(tok)
    )


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))


def _frame(clause: Token) -> str | None:
    """The frame ``clause`` hangs from, if it is one that reports no act."""
    head = head_of(clause)
    if head.i == clause.i:
        return None
    lemma = head.lemma_.lower()
    if (
        clause.dep_ in {"xcomp", "advcl"}
        and _infinitive(clause)
        and lemma in EXPECTATION_VERBS
        and any(c.dep_ == "auxpass" for c in children(head))
        and not any(t.ent_type_ in SCHEDULE_LABELS for t in clause.subtree)
    ):
        # "is expected to sign": a forecast; "is expected to meet X on Thursday" is a
        # meeting set for a day, a plan like "is due to meet"
        return "expectation"
    if clause.dep_ in {"acl", "relcl"} and _infinitive(clause):
        noun = head
        if (
            noun.lemma_.lower() in PURPOSE_NOUNS
            and noun.dep_ == "pobj"
            and head_of(noun).lower_ in PURPOSE_PREPOSITIONS
        ):
            return "purpose"  # "in order to deter", "in an effort to end"
        if noun.dep_ == "dobj" and head_of(noun).lemma_.lower() in WANTING_VERBS:
            return "need"  # "needs two million dollars to deliver aid"
    if clause.dep_ == "pcomp":
        prep = head
        noun = head_of(prep)
        if prep.lower_ == "of" and noun.lemma_.lower() in PURPOSE_NOUNS and noun.dep_ == "pobj":
            return "purpose"  # "with the aim of ending"
        if prep.lower_ == "at" and noun.lemma_.lower() in AIMING_PARTICIPLES:
            return "purpose"  # "talks aimed at ending the war"
    if (
        clause.dep_ in {"advcl", "xcomp", "ccomp"}
        and _infinitive(clause)
        and any(
            c.dep_ == "acomp" and c.lemma_.lower() in NECESSITY_ADJECTIVES and c.i < clause.i
            for c in children(head)
        )
    ):
        return "judged"  # "X's support is crucial for Y to negotiate": wanted, not done
    if (
        clause.dep_ in {"advcl", "xcomp"}
        and _infinitive(clause)
        and lemma in WANTING_VERBS
        and any(c.dep_ == "dobj" for c in children(head))
    ):
        return "need"  # the parser's other reading of "needs money to deliver aid"
    return _unrealised_complement(clause)


def _commentators_view(tok: Token) -> bool:
    """The act is in a clause that analysts or experts hold: the subject of its verb ("*analysts*
    say ...") or the holder of its noun ("a consensus *among experts* that ...")."""
    current = tok
    for _ in range(MAX_VIEW_HOPS):
        head = head_of(current)
        if head.i == current.i or is_time_clause(current):
            return False
        if current.dep_ in VIEW_CLAUSE_DEPS and (
            _held_by_commentators(head)
            # "a consensus among experts *that X is ...*": the parser may hang the view's
            # clause, with a subject of its own, on the experts
            or (head.lemma_.lower() in COMMENTATOR_ROLES and syntax.subject_of(current))
        ):
            return True
        current = head
    return False


def is_time_clause(clause: Token) -> bool:
    """``clause`` is a time clause ("*before* Russia invaded Ukraine"): what a view is dated
    by is presupposed, not held."""
    return any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in children(clause))


def _held_by_commentators(view: Token) -> bool:
    for child in children(view):
        if child.dep_ in {"nsubj", "nsubjpass"} and child.lemma_.lower() in COMMENTATOR_ROLES:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in VIEW_HOLDER_PREPOSITIONS
            and any(g.lemma_.lower() in COMMENTATOR_ROLES for g in children(child))
        ):
            return True
    return False


def _at_risk(tok: Token) -> bool:
    """ "the threat *of attacks*", "fears *of an invasion*": a nominal act named as a danger."""
    prep = head_of(tok)
    return (
        tok.pos_ in {"NOUN", "PROPN"}
        and tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and head_of(prep).i != prep.i
        and head_of(prep).lemma_.lower() in RISK_NOUNS
    )


def _hedged(clause: Token) -> str | None:
    """The clause hedges its act ("X will *likely* meet Y"), or is the infinitive of a verb of
    seeming ("X *appears* to be punishing Y") or of a hedging adjective ("X is *likely* to
    visit Y"), or an indirect question ("*whether* X will attack Y")."""
    if any(c.dep_ == "advmod" and c.lemma_.lower() in HEDGE_WORDS for c in children(clause)):
        return "opinion"
    head = head_of(clause)
    if head.i == clause.i:
        return None
    if (
        clause.dep_ in {"xcomp", "advcl"}
        and _infinitive(clause)
        and head.lemma_.lower() in HEDGED_GOVERNORS
    ):
        return "opinion"
    if clause.dep_ in QUESTION_CLAUSE_DEPS and any(
        c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in children(clause)
    ):
        return "question"
    return None


def _unrealised_complement(clause: Token) -> str | None:
    """An act that a permission, a hire or a plan's predicate names: "allows X *to seize*",
    "hired X *to kill* Y", "the next step is *for* X *to sign*"."""
    head = head_of(clause)
    if head.i == clause.i or not _infinitive(clause):
        return None
    lemma = head.lemma_.lower()
    if clause.dep_ in {"ccomp", "xcomp"} and lemma in PERMISSION_VERBS:
        return "permitted"
    if (
        clause.dep_ in {"xcomp", "advcl"}
        and lemma in COMMISSIONING_VERBS
        and any(c.dep_ == "dobj" for c in children(head))
    ):
        return "commissioned"
    if (
        clause.dep_ in {"advcl", "ccomp", "xcomp"}
        and lemma == "be"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in children(clause))
    ):
        return "plan"
    if (
        clause.dep_ in {"xcomp", "advcl"}
        and lemma in DEADLINE_VERBS
        and any(c.dep_ == "prep" and c.lower_ in DEADLINE_PREPOSITIONS for c in head.children)
    ):
        return "deadline"  # "have until Feb. 4 to appeal", "were given until Friday to leave"
    if (
        clause.dep_ == "xcomp"
        and lemma in UNREALISED_PLAN_VERBS
        and any(c.dep_ == "auxpass" and c.tag_ in PAST_TAGS for c in head.children)
    ):
        return "unrealised"  # "were supposed to sign"; "is supposed to meet" is a plan
    return None


def _deadline_aux(clause: Token) -> str | None:
    """The parser's other reading of "has until March 3 to appeal": "has" an auxiliary of the
    infinitive, with the deadline hung from it."""
    for aux in clause.children:
        if (
            aux.dep_ == "aux"
            and aux.lemma_.lower() in DEADLINE_VERBS
            and any(c.dep_ == "prep" and c.lower_ in DEADLINE_PREPOSITIONS for c in aux.children)
        ):
            return "deadline"
    return None


def _offers_a_plot(tok: Token) -> bool:
    """ "offered to pay two men to plan the murder": what is offered (or agreed, promised) is
    a commission whose purpose is a use of force."""
    for clause in tok.children:
        if not (
            clause.dep_ == "xcomp"
            and clause.lemma_.lower() in COMMISSIONING_VERBS
            and _infinitive(clause)
        ):
            continue
        # the purpose hangs from the commission or from what it pays ("$500,000 *to plan*")
        for purpose in clause.subtree:
            if (
                purpose.i != clause.i
                and purpose.pos_ == "VERB"
                and _infinitive(purpose)
                and any(w.lemma_.lower() in PLOT_WORDS for w in purpose.subtree)
            ):
                return True
    return False


def _in_question(tok: Token) -> bool:
    """The act is asked about: its sentence ends with a question mark (before any closing
    quotation mark)."""
    sent = sentence_of(tok)
    return remember(tok.doc, ("irrealis.question", sent.start), lambda: _asks(sent))


def _asks(sent: Span) -> bool:
    ending = [t for t in sent if not t.is_space][-2:]
    return any(t.text == "?" for t in ending)


def _in_correlative(tok: Token) -> bool:
    """ "*The more* X threatens Y, *the more* Y arms": two "the" + comparative pairs in one
    sentence, the act after the first."""
    sent = sentence_of(tok)
    starts = remember(tok.doc, ("irrealis.correlative", sent.start), lambda: _the_more(sent))
    return len(starts) >= 2 and tok.i > starts[0]


def _the_more(sent: Span) -> list[int]:
    """Where "the" + a comparative starts in the sentence."""
    doc = sent.doc
    return [
        t.i
        for t in sent
        if t.lower_ == "the" and t.i + 1 < sent.end and doc[t.i + 1].tag_ in COMPARATIVE_TAGS
    ]
