"""Negative evaluation in speech: a speaker who says that an actor, or an actor's act,
statement or policy, is bad criticises that actor (CAMEO 111).

"X said Y's decision is arbitrary", '"Y is the aggressor," X said', "X said the comments of
Y were egregious and insulting": the act is the speaker's, done by what they say, and aimed
at the owner of what they judge. Only the words that predicate over the actor or its thing
are scored (the copula's complement, its conjuncts and modifiers), never the whole sentence:
"X said talks with Y were productive" judges nothing of Y's badly, "X said Y's plan is not
illegal" takes the judgement back, and praise is no criticism.

Words of condemnation are the curated word class ``negative_evaluation``
(data/events/word_classes.tsv), the same the verbs of naming use ("called Y's policy
reckless"); for a thing an actor owns, also every word that VADER's bundled lexicon
(vaderSentiment, MIT; human ratings from -4 to +4) rates at or below ``NEGATIVE_VALENCE``.
An actor itself is judged by the curated words only: VADER also rates suffering low
("Y is weak", "the minister is sad"), which describes an actor without blaming it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._authors import noun_kind
from dateline.events._clauses import is_hypothetical
from dateline.events._words import word_class

# VADER's mean human rating at or below which a word condemns what it is said of: "unfair"
# (-2.1), "problematic" (-1.9), "cruel" (-2.8) are in; mild or mixed words ("chilling" -0.1,
# "propaganda" -1.0, "aggressor" -0.8) are left to the curated class.
NEGATIVE_VALENCE = -1.5
VADER_PACKAGE = "vaderSentiment"
VADER_LEXICON = "vader_lexicon.txt"
CONDEMNING_WORDS = word_class("negative_evaluation")
# Verbs that link a subject to what is said of it: "Y's decision *is* / *remains* unfair".
COPULAS = {"be", "remain", "become", "seem", "appear"}
# Nouns of what is done to their possessor: "Z's *detention* is arbitrary" blames whoever
# detains Z, not Z.
UNDERGONE_NOUNS = word_class("undergone_noun")
# Verbs whose "by" agent is blamed for the hostile act their passive subject names: "the
# attack was *orchestrated* by X", "the plot was *masterminded* by X".
INSTIGATING_VERBS = word_class("instigating_verb")
# Nouns of hostile acts: said to be instigated by someone, or to have someone behind them.
HOSTILE_ACT_NOUNS = word_class("hostile_act_noun")
# Words of wrongdoing, and the verbs that implicate their subject in one: "X was *involved*
# in *corrupt* acts".
WRONGDOING_WORDS = word_class("wrongdoing_word") | HOSTILE_ACT_NOUNS
IMPLICATING_VERBS = word_class("implicating_verb")
# Verbs of breaking a rule or misusing an institution: "Y is *defying* the council".
VIOLATING_VERBS = word_class("violating_verb")
# The words ``blamed_for_hostile_act`` starts from: its cheap test before the parse is walked.
BLAME_HEADS = INSTIGATING_VERBS | COPULAS | VIOLATING_VERBS | IMPLICATING_VERBS
# Verbs that deny the clause they take: no judgement in it stands.
DENYING_VERBS = word_class("denying_verb")
# Dependents that carry what is predicated: "is *unfair*", "is *the aggressor*".
PREDICATE_DEPS = {"acomp", "attr"}
# Modifiers of a predicate that judge with it: "*grossly* unfair", "a *blatant* case of X".
MODIFIER_DEPS = {"amod", "advmod", "compound"}


@dataclass(frozen=True)
class Evaluation:
    """A negative judgement: the word that condemns, and the phrase whose actor is judged:
    the subject ("*Y* is the aggressor") or the owner of the thing judged ("*Y*'s decision
    is unfair", "the comments *of Y* were insulting")."""

    word: Token
    judged: Token
    blame: bool = False  # an act laid at the actor's door (CAMEO 112), not a judgement (111)
    act: bool = False  # ``judged`` is an act whose author the article tells


@cache
def _valences() -> dict[str, float]:
    """VADER's lexicon: token, mean rating, standard deviation, ratings; loaded once, from
    the file the package ships (no network, no import of its analyser)."""
    text = (resources.files(VADER_PACKAGE) / VADER_LEXICON).read_text("utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        word, _, rest = line.partition("\t")
        rating = rest.partition("\t")[0]
        if word.isalpha():
            out[word] = float(rating)
    return out


def condemns(word: Token, *, graded: bool, curated: frozenset[str] = CONDEMNING_WORDS) -> bool:
    """Is ``word`` a word of condemnation (the ``curated`` class; with ``graded``, also
    VADER's ratings at or below ``NEGATIVE_VALENCE``)?"""
    lemma = word.lemma_.lower()
    if lemma in curated or word.lower_ in curated:
        return True
    if not graded:
        return False
    valence = _valences().get(word.lower_, _valences().get(lemma))
    return valence is not None and valence <= NEGATIVE_VALENCE


def _predicate_words(predicate: Token) -> list[Token]:
    """The predicate, its conjuncts ("egregious and insulting"), their modifiers ("grossly
    unfair") and a noun's "of" object ("a case *of* weaponization")."""
    words: list[Token] = []
    for head in (predicate, *predicate.conjuncts):
        words.append(head)
        words.extend(c for c in children(head) if c.dep_ in MODIFIER_DEPS)
        for pobj in syntax.prep_objects(head, "of"):
            words.append(pobj)
            words.extend(c for c in children(pobj) if c.dep_ in MODIFIER_DEPS)
    return words


# Adjectives that brand an actor as such: "the *illegal* government", "the *puppet* regime".
EPITHETS = word_class("epithet_word")


def branded_actor(tok: Token, is_actor: Callable[[Token], bool]) -> Evaluation | None:
    """ "X says the *illegal* government is confiscating its assets": an adjective that
    brands the actor it modifies (whether a speaker says it is for the coder to check)."""
    if tok.dep_ != "amod" or tok.lemma_.lower() not in EPITHETS or syntax.has_negation(tok):
        return None
    head = head_of(tok)
    return Evaluation(tok, head) if head.i != tok.i and is_actor(head) else None


def may_evaluate(tok: Token) -> bool:
    """Can ``tok`` judge an actor at all (a copula, a verb of instigation, a word of concern
    or a noun of wrongdoing: what each test of ``EventCoder._judgement`` starts from)? A
    cheap word test, asked of every token before the parse is walked."""
    lemma = tok.lemma_.lower()
    return (
        lemma in BLAME_HEADS
        or lemma in CONCERN_WORDS
        or tok.lower_ in CONCERN_WORDS
        or lemma in WRONGDOING_NOUNS
        or lemma in EPITHETS
    )


def negative_predication(
    tok: Token,
    is_actor: Callable[[Token], bool],
    curated: frozenset[str] = CONDEMNING_WORDS,
    *,
    acts: bool = False,
) -> Evaluation | None:
    """The negative judgement the clause headed by the copula ``tok`` states of an actor
    (``is_actor`` tells which phrases name one), or None ("were productive" is no judgement;
    "is not illegal" takes one back). ``curated`` are the words that condemn whatever they
    are said of (a rule's ``content=@class`` requirement may name another class). With
    ``acts``, also of an act whose phrase names no actor ("the revocation of his bail is
    unfair", "Z's detention is arbitrary"): its author is for the article to tell."""
    if tok.lemma_.lower() not in COPULAS or tok.pos_ not in {"AUX", "VERB"}:
        return None
    # "is not illegal" takes a judgement back; "is not legal" makes one (``_denied_merit``)
    negated = syntax.has_negation(tok)
    subject = next((c for c in children(tok) if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    # "Z's detention is arbitrary": Z is detained, not to blame
    undergone = subject.lemma_.lower() in UNDERGONE_NOUNS
    if undergone and not acts:
        return None
    owner = None
    if not undergone:
        owner = next((c for c in children(subject) if c.dep_ == "poss"), None)
        if owner is None:
            owner = next(iter(syntax.prep_objects(subject, "of")), None)
    if not undergone and is_actor(subject):
        judged, graded, act = subject, False, False
    elif owner is not None and is_actor(owner):
        judged, graded, act = owner, True, False
    elif acts and is_act_noun(subject):
        judged, graded, act = subject, True, True
    else:
        return None
    for predicate in (c for c in children(tok) if c.dep_ in PREDICATE_DEPS):
        for word in _predicate_words(predicate):
            if _denied_merit(word, negated=negated) or (
                not negated
                and not syntax.has_negation(word)
                and condemns(word, graded=graded, curated=curated)
            ):
                return Evaluation(word, judged, act=act)
    return None


# Words of legitimacy and merit whose denial condemns: "the decision is *not legal*", "the
# vote was not *fair*", "this is not *acceptable*".
MERIT_WORDS = word_class("merit_word")


def _denied_merit(word: Token, *, negated: bool) -> bool:
    """Is ``word`` a word of merit denied by its copula's or its own "not"?"""
    if word.lemma_.lower() not in MERIT_WORDS and word.lower_ not in MERIT_WORDS:
        return False
    return negated or syntax.has_negation(word)


def _is_wrongdoing(noun: Token) -> bool:
    """ "the plot", "corruption", "corrupt acts", "criminal activities"."""
    return noun.lemma_.lower() in WRONGDOING_WORDS or any(
        c.dep_ == "amod" and c.lemma_.lower() in WRONGDOING_WORDS for c in children(noun)
    )


def reported_clause(tok: Token) -> Token:
    """The verb a speaker reports that ``tok`` stands in: a noun's verb ("said *Y's
    aggression* must *end*"), an infinitive's governor ("said Y *seeks* to weaponize")."""
    current = tok
    for _ in range(len(tok.doc)):  # ends at the root
        if (current.pos_ in {"VERB", "AUX"} and current.dep_ != "xcomp") or (
            head_of(current).i == current.i
        ):
            break
        current = head_of(current)
    return current


def is_denied(tok: Token) -> bool:
    """Is the clause of ``tok`` what a denial denies: "denied *that X's trial is unfair*",
    "rejected accusations *that X's trial is unfair*"?"""
    clause = reported_clause(tok)
    if clause.dep_ not in {"ccomp", "acl"}:
        return False
    head = head_of(clause)
    if head.pos_ == "NOUN":
        head = head_of(head)
    return head.lemma_.lower() in DENYING_VERBS


def according_to(tok: Token) -> Token | None:
    """The source an "according to" phrase of the clause of ``tok`` names: "X was behind the
    plot, *according to prosecutors*"."""
    current = tok
    for _ in range(3):
        for child in children(current):
            if child.lower_ == "according":
                found = syntax.prep_objects(child, "to")
                if found:
                    return found[0]
        if head_of(current).i == current.i:
            break
        current = head_of(current)
    return None


def blamed_for_hostile_act(tok: Token) -> Evaluation | None:
    """The actor a clause headed by ``tok`` lays a hostile act at: "the attack was
    *orchestrated by X*", "X was *behind* the bombing". Stated by a speaker, it is their
    accusation of X (CAMEO 112); whether anyone states it is the coder's to check."""
    lemma = tok.lemma_.lower()
    # Every token of a sentence is asked: the word test is cheap, the negation test is not.
    if lemma not in BLAME_HEADS or syntax.has_negation(tok):
        return None
    if lemma in INSTIGATING_VERBS and syntax.is_passive(tok):
        act = syntax.passive_subject_of(tok)
        agent = syntax.agent_of(tok)
        if act is not None and agent is not None and act.lemma_.lower() in HOSTILE_ACT_NOUNS:
            return Evaluation(tok, agent, blame=True)
    if lemma in VIOLATING_VERBS and tok.pos_ == "VERB" and not syntax.is_passive(tok):
        # "X said Y is flagrantly defying the council": Y is accused of it
        violator = syntax.subject_of(tok) or next(
            # "Iran *is* defying": the parser may hang the subject on the auxiliary
            (g for c in children(tok) if c.dep_ == "aux" for g in children(c) if g.dep_ == "nsubj"),
            None,
        )
        if violator is not None:
            return Evaluation(tok, violator, blame=True)
    if lemma in IMPLICATING_VERBS and (syntax.is_passive(tok) or tok.dep_ == "acomp"):
        # "X was involved in corrupt acts"; "X is implicated in the plot"
        implicated = (
            syntax.passive_subject_of(tok)
            if syntax.is_passive(tok)
            else next((c for c in children(head_of(tok)) if c.dep_ == "nsubj"), None)
        )
        acts = syntax.prep_objects(tok, "in")
        if implicated is not None and any(_is_wrongdoing(a) for a in acts):
            return Evaluation(tok, implicated, blame=True)
    if lemma in COPULAS:
        subject = next((c for c in children(tok) if c.dep_ == "nsubj"), None)
        acts = syntax.prep_objects(tok, "behind")
        if subject is not None and any(a.lemma_.lower() in HOSTILE_ACT_NOUNS for a in acts):
            return Evaluation(tok, subject, blame=True)
    return None


# Words of concern and disappointment ("concerned", "disappointed", "concerns"), and the
# prepositions of what they are about.
CONCERN_WORDS = word_class("concern_word")
CONCERN_PREPOSITIONS = ("about", "over", "by", "at", "with", "regarding")
# Reports whose own phrase names what is of concern: "the report *about* X's production".
CONTENT_NOUNS = word_class("content_noun")
CONTENT_PREPOSITIONS = ("about", "on", "of", "into")
# Where the actor of an act noun stands in its phrase: "*X's* actions", "the actions *of X*",
# "coercion *by X*".
OWNER_PREPOSITIONS = ("by", "of")
# Nouns of acts besides those the suffix rule finds ("expans-ion", "approv-al").
ACT_NOUNS = word_class("act_noun") | HOSTILE_ACT_NOUNS


def is_act_noun(noun: Token) -> bool:
    """Does the noun name something an actor does ("moves", "expansion", "approval"), not a
    thing or a state ("economy", "borders")?"""
    return noun.lemma_.lower() in ACT_NOUNS or noun_kind(noun) is not None


@dataclass(frozen=True)
class Concern:
    """Concern over an actor's act, which disapproves of that actor (CAMEO 110): the word of
    concern, who holds it (the subject of "are concerned", "expressed concern"; None: the
    speaker), the act noun it is about and the actor the act's own phrase names (None: the
    act's author is for the article to tell)."""

    word: Token
    holder: Token | None
    act: Token
    owner: Token | None


def _content(noun: Token) -> Token:
    """A report stands for what it is about: "the report about *X's production*"."""
    for _ in range(2):
        if noun.lemma_.lower() not in CONTENT_NOUNS:
            break
        inner = next((p for w in CONTENT_PREPOSITIONS for p in syntax.prep_objects(noun, w)), None)
        if inner is None:
            break
        noun = inner
    return noun


def act_owner(noun: Token, is_actor: Callable[[Token], bool]) -> Token | None:
    """The actor an act noun's phrase names as its doer: its possessor, its "of" or "by"
    object. A noun of what is done to its possessor ("the arrest of X") names no doer."""
    if noun.lemma_.lower() in UNDERGONE_NOUNS:
        return next(iter(syntax.prep_objects(noun, "by")), None)
    for child in children(noun):
        if child.dep_ == "poss" and is_actor(child):
            return child
    # "by" names the doer; "of" may name the one it is done to ("persecution of journalists")
    for w in OWNER_PREPOSITIONS:
        for obj in syntax.prep_objects(noun, w):
            if is_actor(obj):
                return obj
    agents = [*syntax.prep_objects(noun, "by")]
    # "disinformation *spread by* X", "abuses *committed by* X"
    agents += [
        a
        for c in children(noun)
        if c.dep_ == "acl" and c.tag_ == "VBN" and (a := syntax.agent_of(c)) is not None
    ]
    for obj in agents:
        if is_actor(obj):
            return obj
        # "disinformation by *Russian* bots": the doers are named by their country
        if (doer := _named_by_modifier(obj, is_actor)) is not None:
            return doer
    return _frame_owner(noun, is_actor)


def _named_by_modifier(noun: Token, is_actor: Callable[[Token], bool]) -> Token | None:
    return next(
        (c for c in children(noun) if c.dep_ in {"amod", "compound", "nmod"} and is_actor(c)),
        None,
    )


# Nouns that frame a wrongdoing named in their "of" phrase and carry its doer in their own:
# "*China's campaign* of coercion", "in the *face* of coercion by X".
WRONG_FRAME_NOUNS = word_class("wrong_frame_noun")


def _frame_owner(noun: Token, is_actor: Callable[[Token], bool]) -> Token | None:
    """The doer a frame noun names for the wrongdoing in its "of" phrase: its possessor, or
    a "by" phrase after the wrongdoing that the parser hung on the frame ("the face of
    coercion *by China*")."""
    prep = head_of(noun)
    if noun.dep_ != "pobj" or prep.lower_ != "of" or head_of(prep).i == prep.i:
        return None
    frame = head_of(prep)
    if frame.lemma_.lower() not in WRONG_FRAME_NOUNS:
        return None
    for child in children(frame):
        if child.dep_ == "poss" and is_actor(child):
            return child
    for obj in syntax.prep_objects(frame, "by"):
        if obj.i > noun.i and is_actor(obj):
            return obj
    return None


def concern_over_act(tok: Token, is_actor: Callable[[Token], bool]) -> Concern | None:
    """ "X is concerned about Y's actions", "X is disappointed by the approval of the bill",
    "X and Z shared concerns over Y's expansion": concern over an act, not over an actor or
    a situation with no one's act in it. None when negated ("not concerned")."""
    lemma = tok.lemma_.lower()
    if lemma not in CONCERN_WORDS and tok.lower_ not in CONCERN_WORDS:
        return None
    if tok.dep_ == "acomp":
        verb = head_of(tok)
        holder = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    elif tok.pos_ == "VERB" and syntax.is_passive(tok):
        verb = tok  # "X was disappointed by ...", parsed as a passive
        holder = syntax.passive_subject_of(tok)
    elif tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        verb = head_of(tok)
        holder = syntax.subject_of(verb)
    else:
        return None
    if syntax.has_negation(verb) or syntax.has_negation(tok):
        return None
    for w in CONCERN_PREPOSITIONS:
        for noun in syntax.prep_objects(tok, w):
            if noun.pos_ != "NOUN" or is_actor(noun):
                continue  # concern over an actor itself, or over a clause, judges no act
            act = _content(noun)
            if act.pos_ != "NOUN" or is_actor(act) or not is_act_noun(act):
                continue
            return Concern(tok, holder, act, act_owner(act, is_actor))
    return _concern_that(tok, holder, is_actor)


def _concern_that(
    tok: Token, holder: Token | None, is_actor: Callable[[Token], bool]
) -> Concern | None:
    """ "X is deeply disappointed *that Y approved the bill*": concern over what an actor
    did, told in a that-clause whose subject is that actor (not "concerned that a crisis
    could develop": no actor, and only what may come)."""
    for clause in (c for c in children(tok) if c.dep_ == "ccomp"):
        if not any(m.dep_ == "mark" and m.lower_ == "that" for m in children(clause)):
            continue
        if syntax.has_negation(clause) or is_hypothetical(clause):
            continue
        subject = syntax.subject_of(clause)
        if subject is not None and is_actor(subject):
            return Concern(tok, holder, clause, subject)
    return None


# Nouns that name a wrongdoing, said with its doer ("*Russia's* illegal aggression", "economic
# coercion *by China*"): in speech, an accusation of the doer. Not the hostile acts: "the
# attack by X" is news of the attack, told as fact.
WRONGDOING_NOUNS = word_class("wrongdoing_word") | CONDEMNING_WORDS
# Determiners of a doer that is no one in particular: "corruption by *any* party".
ANY_DETERMINERS = {"any", "every", "no"}
# Words the coder looks at for a judgement even when they head a rule of their own.
JUDGEMENT_HEADS = CONCERN_WORDS | WRONGDOING_NOUNS | VIOLATING_VERBS


def wrongdoing_of(tok: Token, is_actor: Callable[[Token], bool]) -> Evaluation | None:
    """ "Russia's illegal aggression", "disinformation by Russian bots", "their crackdown":
    a wrongdoing noun whose own phrase names its doer (whether anyone says it is for the
    coder to check). Not what is done to a possessor ("the killing of X")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in WRONGDOING_NOUNS:
        return None
    if syntax.has_negation(tok) or any(c.lower_ in {"no", "without"} for c in children(tok)):
        return None
    owner = act_owner(tok, is_actor)
    if owner is None or any(c.lower_ in ANY_DETERMINERS for c in children(owner)):
        return None
    return Evaluation(tok, owner, blame=True)
