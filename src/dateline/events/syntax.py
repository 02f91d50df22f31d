"""Dependency-parse helpers: who is the subject, the object, the agent of a trigger word.

These functions read spaCy's ClearNLP-style labels (``nsubj``, ``dobj``, ``prep``/``pobj``,
``agent``, ``xcomp``...) as produced by ``en_core_web_sm``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.docmemo import (
    children,
    doc_tokens,
    head_of,
    noun_chunks,
    per_token,
    remember,
    rights,
    sentence_of,
)
from dateline.events._words import word_class

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "attr", "oprd"}
# Clauses that share their subject with the verb they hang from ("X met Y and signed ...",
# "X agreed to meet Y", "X visited Beijing, meeting Y"), and the adjective of a copula that
# governs the action ("X is *ready* to help", "X is *about* to restore ties").
SUBJECT_SHARING_DEPS = {"xcomp", "conj", "advcl", "pcomp", "acomp"}
# Prepositions whose gerund shares the subject of the verb they hang from ("X responded *by*
# firing", "X resorted *to* throwing", "X left *without* signing"); not "for", "from",
# "of", "against": "praised Y *for* helping", "stopped Y *from* entering" are Y's acts.
SUBJECT_CONTROL_PREPOSITIONS = {"by", "after", "before", "without", "in", "to", "upon", "on"}
# How the parser attaches the subject of a sentence it misreads as one noun phrase ("*Trump*
# hosted Erdogan": a modifier of "Erdogan").
MISPARSED_SUBJECT_DEPS = {"nmod", "compound", "npadvmod"}
# Verbs of a subject that suffers a nominal act: "X *came* under attack from Y", "X *was*
# under fire from Y".
UNDERGOING_VERBS = word_class("undergoing_verb")
# "that", "which", "whom" as the object of a relative clause.
RELATIVE_PRONOUN_TAGS = {"WDT", "WP"}
# Verbs of helping whose object, in a purpose infinitive, is whom an aid act is for: "sent
# arms to *help defend* Y".
HELPING_VERBS = word_class("helping_verb")
# How a purpose infinitive hangs off its verb.
PURPOSE_CLAUSE_DEPS = {"advcl", "xcomp", "acl"}
# Verbs whose participle aims a nominal act at its object: "drills *encircling* X".
AIMING_VERBS = word_class("aiming_verb")
# Verbs whose subject does to their object what an "under" phrase names: "*put* X under
# arrest", "*placed* X under investigation".
SUBJECTING_VERBS = word_class("subjecting_verb")
# How far up a chain of subject-sharing clauses we look for a subject.
MAX_SUBJECT_HOPS = 3
# Verbs whose gerund after one of these prepositions is an act their subject holds out
# rather than does: "X *hinted at* lifting sanctions", "X *talked about* easing the embargo".
PROSPECT_VERBS = word_class("prospect_verb")
PROSPECT_PREPOSITIONS = frozenset({"at", "about", "of"})
# Verbs whose "in" phrase names what the subject does: "engaged in ethnic cleansing".
PARTAKING_VERBS = word_class("partaking_verb")
# Verbs of coming together whose "for" phrase names what the subject takes part in:
# "converged for a rally", "returned to Geneva for talks".
GATHERING_VERBS = word_class("gathering_verb")
# Verbs that carry a nominal trigger: "held talks", "launched an attack", "signed a deal".
LIGHT_VERBS = word_class("light_verb")
# Nouns that measure an act out ("two *rounds* of talks", "*hours* of talks"): the verb
# taking them carries the act.
MEASURE_NOUNS = word_class("measure_noun")
# Adverbs right after a verb that are its particle ("hit *back*"): see particle_lemmas.
ADVERB_PARTICLES = word_class("adverb_particle")
# Nouns whose infinitive is an intended act ("a plan to impose"), and the verbs whose subject
# owns such a noun ("X announced a plan to ...").
INTENT_NOUNS = word_class("intent_noun")
# Nouns whose infinitive is a refused act ("X's refusal to resume talks"): owned as above.
REFUSAL_NOUNS = word_class("refusal_noun")
ADJECTIVAL_PARTICIPLES = word_class("adjectival_participle")
GERUND_VERBS = word_class("gerund_verb")
MESSAGE_NOUNS = word_class("message_noun")
# Named-entity labels of places: "stopped visiting *Russia*" is a gerund with a place object,
# not a participle describing people.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ANNOUNCING_VERBS = word_class("announcing_verb")
# Nouns of saying, whose author says what their clauses say ("issued a statement condemning").
SPEECH_NOUNS = word_class("speech_noun")
ISSUING_VERBS = word_class("issuing_verb")


def _is_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))


@per_token
def is_passive(tok: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in children(tok))


def misparsed_clause(tok: Token) -> tuple[Token, Token] | None:
    """ "Trump hosted Erdogan on Monday", read by the parser as one noun phrase ("Trump" a
    modifier, "hosted" an adjective of "Erdogan", the sentence's root): a subject, a verb
    and its object. Only a verbless sentence is read so: with a root verb elsewhere the
    participle is an adjective ("the Trump-hosted summit ended"), and a hyphen joins the
    words of a compound adjective ("US-backed forces")."""
    if tok.pos_ != "VERB" or tok.dep_ != "amod" or tok.tag_ not in {"VBD", "VBN"}:
        return None
    head = head_of(tok)
    if head.dep_ != "ROOT" or head.i <= tok.i or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if tok.i == 0:
        return None
    subject = tok.doc[tok.i - 1]
    if (
        head_of(subject).i != head.i
        or subject.dep_ not in MISPARSED_SUBJECT_DEPS
        or subject.pos_ not in {"NOUN", "PROPN"}
        or not subject.whitespace_
    ):
        return None
    return subject, head


def _misparsed_subject_phrase(tok: Token) -> Token | None:
    """ "Doctors from two aid groups donated goods to X", read by the parser as a verbless
    sentence whose root is "Doctors" and "donated" a participle of "groups": a participle
    of the root's phrase that takes a direct object (a passive participle takes none) is the
    sentence's verb, and the root its subject."""
    if tok.pos_ != "VERB" or tok.dep_ != "acl" or tok.tag_ not in {"VBN", "VBD"}:
        return None
    if not any(c.dep_ == "dobj" for t in (tok, *tok.conjuncts) for c in children(t)):
        return None
    noun = head_of(tok)
    if noun.dep_ == "pobj" and head_of(noun).dep_ == "prep":
        noun = head_of(head_of(noun))  # "Doctors *from* two groups donated"
    if noun.dep_ != "ROOT" or noun.pos_ not in {"NOUN", "PROPN"} or noun.i > tok.i:
        return None
    return noun


@per_token
def prospect_governor(tok: Token) -> Token | None:
    """The verb that holds out the act at ``tok`` without doing it: "X *hinted* at lifting
    sanctions", "X *talked* about easing the embargo" (the parser makes the gerund the
    preposition's pcomp or pobj), and its conjuncts ("hinted at lifting or *reducing*
    them"). None for any other act."""
    if tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.tag_ == "VBG":
        tok = tok.head
    prep = tok.head
    if (
        tok.tag_ != "VBG"
        or tok.dep_ not in {"pcomp", "pobj"}
        or prep.dep_ != "prep"
        or prep.lower_ not in PROSPECT_PREPOSITIONS
    ):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in PROSPECT_VERBS:
        return None
    return verb


def subject_of(tok: Token) -> Token | None:
    """The grammatical subject of a verb, following shared-subject clauses upwards."""
    misparsed = misparsed_clause(tok)
    if misparsed is not None:
        return misparsed[0]
    shared = _passive_subject_shared_by(tok) or _raised_passive_subject(tok)
    if shared is not None:
        return shared
    message = message_of(tok)
    if message is not None:
        return message  # "an email requesting comment" asks, not whoever got it
    current = tok
    for _ in range(MAX_SUBJECT_HOPS + 1):
        subjects = [c for c in children(current) if c.dep_ in SUBJECT_DEPS]
        if len(subjects) > 1:
            # "REPORTER: The minister visited ...": an interview's speaker label, read as a
            # second subject, is not who acted.
            subjects = [s for s in subjects if not _is_speaker_label(s)] or subjects
        if subjects:
            subject = subjects[0]
            if _is_speaker_label(subject):
                # "REPORTER: The minister visited ...", parsed as the label with the actor
                # in apposition: the actor after the colon is the subject.
                subject = next(
                    (c for c in rights(subject) if c.dep_ == "appos"),
                    subject,
                )
            return subject
        prospect = prospect_governor(current)
        if prospect is not None:
            current = prospect  # "X hinted at *lifting* ...": X would lift
            continue
        doer = _misparsed_subject_phrase(current)
        if doer is not None:
            return doer
        if current.dep_ == "relcl" and head_of(current).pos_ in {"NOUN", "PROPN", "PRON"}:
            return head_of(current)
        if (
            current.dep_ == "acl"
            and current.tag_ == "VBG"
            and head_of(current).pos_ in {"NOUN", "PROPN", "PRON"}
        ):
            if head_of(current).lemma_.lower() in SPEECH_NOUNS:
                # "X issued a statement *condemning* Y", "X's letter *demanding* ...": the
                # author says it, not the paper.
                return _author_of(head_of(current)) or head_of(current)
            return head_of(current)  # "demonstrators *protesting* the results": they protest
        noun = head_of(current)
        if (
            current.dep_ == "acl"
            and noun.lemma_.lower() in INTENT_NOUNS | REFUSAL_NOUNS
            and _is_infinitive(current)
        ):
            # "X's plan *to impose* ...", "X announced a plan *to impose* ...": the intent's
            # owner acts.
            owner = next((c for c in children(noun) if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
            if noun.dep_ == "dobj" and head_of(noun).lemma_.lower() in ANNOUNCING_VERBS:
                current = head_of(noun)
                continue
            break
        if current.dep_ in SUBJECT_SHARING_DEPS and head_of(current).i != current.i:
            came_from_pcomp = current.dep_ == "pcomp"
            if _conjoined_to_reporter(current):
                # "X argue Y has no claim *and object* to ...": the parser hangs the second
                # verb on the reported clause, its tense says it is X's
                current = head_of(current)
            current = head_of(current)
            if (
                came_from_pcomp
                and current.dep_ == "prep"
                and current.lower_ in SUBJECT_CONTROL_PREPOSITIONS
                and head_of(current).pos_ in {"VERB", "AUX"}
            ):
                current = head_of(current)  # "X responded *by firing* ...": X fires
            continue
        break
    return None


def _passive_subject_shared_by(tok: Token) -> Token | None:
    """ "X was indicted by the court *and will resign*", "X was detained and *later left*":
    an active verb coordinated with a passive one shares its surface subject. A participle
    ("was arrested and *fined*") shares the passive too, and is left to the passive rules."""
    if tok.dep_ != "conj" or tok.tag_ == "VBN" or head_of(tok).i == tok.i:
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in children(tok)):
        return None
    head = head_of(tok)
    if head.pos_ not in {"VERB", "AUX"} or any(c.dep_ in SUBJECT_DEPS for c in children(head)):
        return None
    return next((c for c in children(head) if c.dep_ in PASSIVE_SUBJECT_DEPS), None)


def _raised_passive_subject(tok: Token) -> Token | None:
    """ "X is *set* to travel", "X was invited to visit": the open complement of a passive
    verb is done by its passive subject."""
    if tok.dep_ != "xcomp" or any(c.dep_ in SUBJECT_DEPS for c in children(tok)):
        return None
    head = head_of(tok)
    if any(c.dep_ in SUBJECT_DEPS for c in children(head)):
        return None
    return next((c for c in children(head) if c.dep_ in PASSIVE_SUBJECT_DEPS), None)


# "X is *out of the question*": the idiom by which news reports an act ruled out.
RULED_OUT_IDIOM = ("out", "of", "question")


def ruled_out_by(act: Token) -> Token | None:
    """The copula of "removing the sanctions is *out of the question*", "talks with the rebels
    were out of the question", when ``act`` is its subject; else None."""
    if act.dep_ not in {"csubj", "nsubj"}:
        return None
    copula = head_of(act)
    if copula.lemma_.lower() != "be":
        return None
    first, second, noun = RULED_OUT_IDIOM
    for prep in children(copula):
        if prep.dep_ != "prep" or prep.lower_ != first:
            continue
        for inner in children(prep):
            if (
                inner.dep_ == "prep"
                and inner.lower_ == second
                and any(o.dep_ == "pobj" and o.lemma_.lower() == noun for o in children(inner))
            ):
                return copula
    return None


def _author_of(noun: Token) -> Token | None:
    """Who issued a statement: its possessor, or the subject of the verb issuing it (not of
    one receiving it: "did not answer a message seeking talks")."""
    owner = next((c for c in children(noun) if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ == "dobj" and head_of(noun).lemma_.lower() in ISSUING_VERBS:
        owner = subject_of(head_of(noun))
    return owner


def _tense(tok: Token) -> str | None:
    """Past or present of a finite (or auxiliary-sharing) verb; None for other forms."""
    if _has_modal_or_to(tok):
        return None
    if tok.tag_ in {"VBD", "VBN"}:
        return "past"
    if tok.tag_ in {"VBZ", "VBP", "VB"}:
        return "present"
    return None


def _conjoined_to_reporter(tok: Token) -> bool:
    """Is a conjoined verb that the parser hangs on a reported clause really coordinated with
    the reporting verb above it? Only when its tense matches that verb's and not the reported
    clause's ("The panel *determined* that the detention is arbitrary and *called* for ...");
    with both alike the nearer clause keeps it ("said Kenya had closed X and expelled Y")."""
    if tok.dep_ != "conj" or head_of(tok).dep_ != "ccomp":
        return False
    clause, reporter = head_of(tok), head_of(head_of(tok))
    if tok.tag_ == "VB" and _has_modal_or_to(clause):
        # "X say Y *may* hesitate and then *start* ...": a bare verb after a modal clause
        # shares the modal, it is no finite verb beside the reporting one.
        return False
    own = _tense(tok)
    return own is not None and own == _tense(reporter) and own != _tense(clause)


def _has_modal_or_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in children(tok))


def _is_speaker_label(tok: Token) -> bool:
    """A name followed by a colon ("VOA: ...", "Smith: ...") that the parse took as a subject."""
    after = tok.i + 1
    return after < len(tok.doc) and tok.doc[after].text == ":"


def passive_subject_of(tok: Token) -> Token | None:
    for child in children(tok):
        if child.dep_ in PASSIVE_SUBJECT_DEPS:
            if (
                child.tag_ in RELATIVE_PRONOUN_TAGS
                and tok.dep_ == "relcl"
                and head_of(tok).pos_ in {"NOUN", "PROPN"}
                and agent_of(tok) is not None
            ):
                return head_of(tok)  # "X, *who* was sanctioned by Y": X was
            return child
    # "sanctions imposed by the US on Iran": participle modifying its logical object.
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return head_of(tok)
    return None


def agent_of(tok: Token) -> Token | None:
    """The 'by X' agent of a passive verb."""
    for child in children(tok):
        if child.dep_ == "agent":
            for grandchild in children(child):
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


@per_token
def object_of(tok: Token) -> Token | None:
    relativised = _relativised_object(tok)
    if relativised is not None:
        return relativised
    for child in children(tok):
        if child.dep_ in OBJECT_DEPS:
            return child
    described = next((c for c in children(tok) if is_adjectival_participle(c)), None)
    if described is not None:
        # "met visiting Chinese officials", parsed as "met" + a clause "visiting officials":
        # the officials are what was met
        return _direct_object(described)
    misparsed = misparsed_clause(tok)
    if misparsed is not None:
        return misparsed[1]
    return _counted_object(tok) or _shifted_object(tok)


def _direct_object(tok: Token) -> Token | None:
    return next((c for c in children(tok) if c.dep_ == "dobj"), None)


def is_adjectival_participle(tok: Token) -> bool:
    """Is ``tok`` a participle describing the people after it ("assured *visiting* minister
    X", "met *visiting* officials") that the parser read as a clause of the verb before it?
    Not a gerund of the verb ("stopped visiting Russia")."""
    head = head_of(tok)
    if (
        tok.tag_ != "VBG"
        or tok.lower_ not in ADJECTIVAL_PARTICIPLES
        or tok.dep_ not in {"xcomp", "advcl", "ccomp"}
        or tok.i != head.i + 1
        or head.pos_ != "VERB"
        or head.lemma_.lower() in GERUND_VERBS
        or any(c.dep_ in OBJECT_DEPS for c in children(head))
    ):
        return False
    obj = _direct_object(tok)
    return obj is not None and obj.ent_type_ not in PLACE_LABELS


def message_of(tok: Token) -> Token | None:
    """The message noun right before an "-ing" clause that the parser hung on the verb ("did
    not reply to VOA's email *requesting* comment"): the clause modifies the message."""
    if tok.tag_ != "VBG" or tok.dep_ not in {"advcl", "xcomp"} or tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    if (
        before.pos_ == "NOUN"
        and before.lemma_.lower() in MESSAGE_NOUNS
        and before.i > head_of(tok).i
    ):
        return before
    return None


def _relativised_object(tok: Token) -> Token | None:
    """ "the sanctions (that) X imposed on Y": an active relative clause with its own
    subject and no object but its relative pronoun has the noun it modifies as object."""
    if tok.dep_ != "relcl" or tok.pos_ != "VERB" or head_of(tok).pos_ not in {"NOUN", "PROPN"}:
        return None
    if not any(c.dep_ in SUBJECT_DEPS for c in children(tok)):
        return None
    objects = [c for c in children(tok) if c.dep_ in OBJECT_DEPS]
    if objects and not all(c.tag_ in RELATIVE_PRONOUN_TAGS for c in objects):
        return None
    if any(c.dep_ in {"ccomp", "xcomp"} for c in children(tok)):
        return None  # "the talks X said *would* resume": the noun is the clause's
    return head_of(tok)


def _shifted_object(tok: Token) -> Token | None:
    """ "denounced *as an ugly crime* Serbia's suppression of ...": a heavy object moved after
    the verb's "as" predicate, which the parser hangs inside the "as" phrase (as its
    apposition, its object, or deeper). Only a possessed noun phrase that follows the
    predicate counts: "served as Russia's envoy" has no object."""
    if tok.pos_ != "VERB" or is_passive(tok):
        return None
    doc = tok.doc
    for prep in children(tok):
        if prep.dep_ != "prep" or prep.lower_ != "as" or prep.i + 1 >= len(doc):
            continue
        # "as unacceptable China's seizure": the parser may hang the predicate adjective on
        # the possessor.
        adjective_predicate = doc[prep.i + 1].pos_ == "ADJ"
        for word in prep.subtree:
            possessor = next((c for c in children(word) if c.dep_ == "poss"), None)
            if (
                possessor is not None
                and word.pos_ == "NOUN"
                and possessor.pos_ == "PROPN"
                and possessor.i > prep.i + 1
                and (adjective_predicate or possessor.left_edge.i > prep.i + 1)
            ):
                return word
    return None


def _counted_object(tok: Token) -> Token | None:
    """ "kidnapped *up to 16* advisers": the small model reads "up" as the verb's particle and
    "to 16 advisers" as a prepositional phrase; the counted phrase is the object."""
    for up in children(tok):
        if up.dep_ != "prt" or up.lower_ != "up":
            continue
        for to in children(up):
            if to.dep_ != "prep" or to.lower_ != "to":
                continue
            for obj in children(to):
                if obj.dep_ == "pobj" and any(c.dep_ == "nummod" for c in children(obj)):
                    return obj
    return None


def dative_of(tok: Token) -> Token | None:
    for child in children(tok):
        if child.dep_ == "dative":
            # "gave aid to Y": the dative is a preposition whose object is the recipient.
            if child.pos_ == "ADP":
                return next((g for g in children(child) if g.dep_ == "pobj"), None)
            return child
    return None


def prep_objects(tok: Token, preposition: str) -> list[Token]:
    """Objects of ``preposition`` attached to ``tok`` ("met *with* X", "sanctions *on* Y")."""
    out: list[Token] = []
    for word, objects in _prep_phrases(tok):
        if word == preposition:
            out.extend(objects)
    return out


@per_token
def _prep_phrases(tok: Token) -> tuple[tuple[str, tuple[Token, ...]], ...]:
    """Each preposition attached to ``tok`` with its objects, in order."""
    phrases = []
    for child in children(tok):
        if child.dep_ in {"prep", "dative", "agent"}:
            objects = [g for g in children(child) if g.dep_ in {"pobj", "pcomp"}]
            if not objects:
                stranded = _phrase_after(child)
                objects = [stranded] if stranded is not None else []
            phrases.append((child.lower_, tuple(objects)))
    return tuple(phrases)


# Dependents that can open a noun phrase before its head ("to *five Panamanian army* officers").
_NP_PREMODIFIERS = {"det", "nummod", "amod", "compound", "poss", "case", "quantmod", "nmod"}
# How far past a stranded preposition its noun phrase's head is looked for.
MAX_STRANDED_PHRASE = 6


def _phrase_after(prep: Token) -> Token | None:
    """The head of the noun phrase right after a preposition the parser left without an
    object ("granted asylum *to* five Panamanian army officers holed up ...", where the small
    model made "officers" the subject of "holed"): the first noun after the phrase's
    premodifiers."""
    doc = prep.doc
    end = min(len(doc), prep.i + 1 + MAX_STRANDED_PHRASE)
    for i in range(prep.i + 1, end):
        tok = doc[i]
        if tok.pos_ in {"NOUN", "PROPN", "PRON"} and tok.dep_ not in _NP_PREMODIFIERS:
            return tok
        if tok.dep_ not in _NP_PREMODIFIERS and tok.pos_ not in {"NUM", "ADJ", "DET"}:
            return None
    return None


def particle_lemmas(tok: Token) -> set[str]:
    """The verb's particles: "called *off*", and "hit *back*", "lashed *out*", which the
    small model often reads as adverbs right after the verb."""
    return {
        c.lower_
        for c in children(tok)
        if c.dep_ == "prt"
        or (c.dep_ == "advmod" and c.i == tok.i + 1 and c.lower_ in ADVERB_PARTICLES)
    }


@per_token
def has_negation(tok: Token) -> bool:
    """A "not"/"never" on the word, or "no longer" ("will no longer grant access")."""
    return any(
        c.dep_ == "neg" or (c.lower_ == "longer" and any(g.lower_ == "no" for g in children(c)))
        for c in children(tok)
    )


def is_perfect(tok: Token) -> bool:
    """ "have given", "must have known": the verb is a past participle with "have"."""
    return tok.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children(tok)
    )


# "has yet to comment", "is yet to be signed": the act has not happened (so far).
NOT_YET_GOVERNORS = {"have", "be"}
# "did not *hesitate* to expel them": holding back denied negates nothing of the act.
HESITATION_VERBS = word_class("hesitation_verb")


@per_token
def is_negated(tok: Token) -> bool:
    if has_negation(tok):
        return True
    if tok.dep_ != "xcomp":
        return False
    head = head_of(tok)
    if head.lemma_.lower() in NOT_YET_GOVERNORS and any(
        c.dep_ == "advmod" and c.lower_ == "yet" for c in children(head)
    ):
        return True
    # "did not agree to meet": the negation sits on the governing verb.
    return has_negation(head) and head.lemma_.lower() not in HESITATION_VERBS


def undergoing_verb_of(noun: Token) -> Token | None:
    """The verb of "X *came* under attack", "X *remained* under fire": its subject
    suffers what the noun names, done by the noun's "from"/"by" phrase."""
    prep = head_of(noun)
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "under":
        return None
    verb = head_of(prep)
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in UNDERGOING_VERBS:
        return None
    return verb


def beneficiary_of(tok: Token) -> Token | None:
    """Whom an act is done to help, named by its purpose infinitive: "sent arms *to help*
    Y", "provided money to help *defend* Y", "sent aid to support Y"."""
    objects = [c for c in children(tok) if c.dep_ == "dobj"]
    # "sent ammunition *to help* Y": the parser may hang the purpose on the object.
    for clause in [*children(tok), *(g for o in objects for g in children(o))]:
        if (
            clause.dep_ not in PURPOSE_CLAUSE_DEPS
            or clause.lemma_.lower() not in HELPING_VERBS
            or not _is_infinitive(clause)
        ):
            continue
        helped = next((c for c in children(clause) if c.dep_ == "dobj"), None)
        if helped is not None:
            return helped
        for inner in children(clause):
            if inner.dep_ == "xcomp" and inner.lemma_.lower() in HELPING_VERBS:
                return next((c for c in children(inner) if c.dep_ == "dobj"), None)
    return None


def aimed_at(noun: Token) -> Token | None:
    """The object of a participle that aims a nominal act: "drills *encircling* X",
    "tariffs *targeting* X", "strikes *aimed at* X"."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    for clause in children(noun):
        if clause.dep_ != "acl" or clause.lemma_.lower() not in AIMING_VERBS:
            continue
        obj = next((c for c in children(clause) if c.dep_ == "dobj"), None)
        if obj is None and clause.tag_ == "VBN":
            # "strikes *aimed at* X", "sanctions *directed against* X"
            obj = next((p for prep in ("at", "against") for p in prep_objects(clause, prep)), None)
        if obj is not None:
            return obj
    return None


def subjecting_verb_of(noun: Token) -> Token | None:
    """The verb of "X *put* Y under arrest", "Y *was placed* under investigation": its
    subject (or agent) does what the noun names to its object (or passive subject)."""
    prep = head_of(noun)
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "under":
        return None
    verb = head_of(prep)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SUBJECTING_VERBS:
        return None
    return verb


def light_verb_of(noun: Token) -> Token | None:
    """The verb that carries a nominal trigger as its object ("*held* talks", "*held* two
    rounds of talks"), as the
    object of "in" after a verb of taking part ("*engaged* in ethnic cleansing"), or as the
    object of "for" after a verb of coming together ("*converged* for a rally")."""
    if noun.dep_ in OBJECT_DEPS and head_of(noun).pos_ in {"VERB", "AUX"}:
        return head_of(noun)
    prep = head_of(noun)
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    if prep.lower_ == "of" and head_of(prep).lemma_.lower() in MEASURE_NOUNS:
        return light_verb_of(head_of(prep))  # "held two *rounds* of talks", "led hours of talks"
    verb = head_of(prep).lemma_.lower()
    if (prep.lower_ == "in" and verb in PARTAKING_VERBS) or (
        prep.lower_ == "for" and verb in GATHERING_VERBS and head_of(prep).pos_ == "VERB"
    ):
        return head_of(prep)
    return None


def expand_conjuncts(tok: Token) -> list[Token]:
    """``X`` in "X and Y" stands for both: one event per conjunct."""
    return [tok, *_conjuncts(tok)]


@per_token
def _conjuncts(tok: Token) -> tuple[Token, ...]:
    return tuple(tok.conjuncts)


def first_conjunct(tok: Token) -> Token:
    """The first of the conjuncts ``tok`` is one of ("Ceuta" in "Seville and Ceuta": Seville),
    where the coordination is attached; ``tok`` itself when it is no later conjunct."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def split_subjects(tok: Token) -> list[Token]:
    """The other parts of a subject the parser split into several subjects of one verb:
    "Lions, tigers, and *Gondor* welcomed ...", "Old foes *Gondor and Osgiliath* renewed ..."
    (a verb has one subject: subjects that follow each other with nothing but commas and
    conjunctions between them, all before the verb, are one list or apposition)."""
    if tok.dep_ not in SUBJECT_DEPS or tok.i > head_of(tok).i:
        return []
    subjects = sorted(
        (
            c
            for c in children(head_of(tok))
            if c.dep_ in SUBJECT_DEPS and c.i < head_of(tok).i and not _is_speaker_label(c)
        ),
        key=lambda c: c.i,
    )
    if len(subjects) < 2:
        return []
    doc = tok.doc
    for left, right in zip(subjects, subjects[1:], strict=False):
        between = doc[left.right_edge.i + 1 : right.left_edge.i]
        if left.right_edge.i >= right.left_edge.i or any(
            t.dep_ not in {"punct", "cc"} for t in between
        ):
            return []
    return [s for s in subjects if s.i != tok.i]


def surface_subject_of(tok: Token) -> Token | None:
    """The subject in front of a verb, active or passive ("*X* was freed from Y", "*X* freed
    Y"), following shared-subject clauses upwards ("*X* was seen to break in"): where a
    verb dictionary's pattern marker before the verb points."""
    current = tok
    for _ in range(MAX_SUBJECT_HOPS + 1):
        for child in children(current):
            if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                return child
        doer = _misparsed_subject_phrase(current)
        if doer is not None:
            return doer
        if current.dep_ == "relcl" and head_of(current).pos_ in {"NOUN", "PROPN", "PRON"}:
            return head_of(current)
        if current.dep_ in SUBJECT_SHARING_DEPS and head_of(current).i != current.i:
            current = head_of(current)
            continue
        break
    return None


def phrase_end(tok: Token) -> int:
    """The index of the last token of a word's own phrase: its subtree up to its last
    dependent that is not a coordinated clause."""
    return max(
        (c.right_edge.i for c in children(tok) if c.i > tok.i and c.dep_ not in {"conj", "cc"}),
        default=tok.i,
    )


def noun_phrases_after(tok: Token, word: str = "", skip: int = 0) -> list[Token]:
    """Heads of the noun phrases in ``tok``'s phrase after ``word`` (its first occurrence
    after ``tok``; right after ``tok`` when empty), in text order, without the first ``skip``
    of them: PETRARCH's "IN ^ +" (the actor after "in" and one more noun phrase). A noun
    phrase is a base noun chunk ("the leaders", "Gondor" in "the leaders of Gondor"); the
    rest of a chunk that ``word`` falls inside counts as one."""
    doc = tok.doc
    end = phrase_end(tok)
    start = tok.i + 1
    if word:
        at = next((t.i for t in doc[tok.i + 1 : end + 1] if t.lower_ == word), None)
        if at is None:
            return []
        start = at + 1
    heads = [
        chunk.root if chunk.root.i >= start else doc[chunk.end - 1]
        for chunk in noun_chunks(doc)
        if chunk.end > start and chunk.end - 1 <= end
    ]
    return heads[skip:]


def phrases_before(tok: Token, word: str = "") -> list[Token]:
    """Where the actor before a verb is, nearest first: its subject in front of it (active or
    passive); with ``word``, the actor before that word (its last occurrence before ``tok``
    in the sentence): the subject of a verb ("*X* will be hosting Y to celebrate": PETRARCH's
    "+ HOSTING *"), else the noun phrases before it."""
    if not word:
        return [s for s in (surface_subject_of(tok),) if s is not None]
    sent = sentence_of(tok)
    at = next((t for t in reversed(tok.doc[sent.start : tok.i]) if t.lower_ == word), None)
    if at is None:
        return []
    if at.pos_ in {"VERB", "AUX"}:
        return [s for s in (surface_subject_of(at),) if s is not None]
    chunks = [c for c in noun_chunks(tok.doc) if c.sent == sent and c.end <= at.i]
    return [c.root for c in reversed(chunks)]


# Quotation marks that open or close a direct quotation; a straight double quote does
# either, told apart by how many came before it in the article.
OPENING_QUOTES = {"“", "«"}
CLOSING_QUOTES = {"”", "»"}
STRAIGHT_QUOTES = {'"', "''", "``"}
# How far back (tokens) a direct quotation's opening mark is looked for: a quotation runs
# over a few sentences at most.
MAX_QUOTE_LOOKBACK = 300


def quotation_start(tok: Token) -> int | None:
    """Index of the first token of the direct quotation ``tok`` stands in, or None when it
    stands outside quotation marks. A quotation may begin sentences earlier ("... fighting,"
    he said. "*They* ...")."""
    doc = tok.doc
    return remember(doc, "syntax.quotation_starts", lambda: _quotation_starts(doc))[tok.i]


def _quotation_starts(doc: Doc) -> list[int | None]:
    """``quotation_start`` of every token, in one pass: the nearest quotation mark before a
    token (at most ``MAX_QUOTE_LOOKBACK`` back) decides; a straight one opens a quotation
    when an even number of them came before it."""
    out: list[int | None] = [None] * len(doc)
    last = -1  # the last quotation mark so far, and the start it gives the tokens after it
    start: int | None = None
    straight = 0
    for i, tok in enumerate(doc_tokens(doc)):
        if last >= 0 and last >= i - MAX_QUOTE_LOOKBACK:
            out[i] = start
        text = tok.text
        if text in OPENING_QUOTES:
            last, start = i, i + 1
        elif text in CLOSING_QUOTES:
            last, start = i, None
        elif text in STRAIGHT_QUOTES:
            last, start = i, (i + 1 if straight % 2 == 0 else None)
            straight += 1
    return out


def is_present(tok: Token) -> bool:
    """ "*is* scheduled to", "*are* due to", "*is* to": the verb or its auxiliary is present."""
    if tok.tag_ in {"VBZ", "VBP"}:
        return True
    if tok.dep_ == "acomp" and head_of(tok).tag_ in {"VBZ", "VBP"}:
        return True  # "is *due* to visit": the copula carries the tense
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in children(tok))
