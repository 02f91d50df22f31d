"""Who is acted on: the target phrases of a trigger.

``TargetFinder.target`` reads one target slot of a trigger's rule (objects, datives,
prepositions, "between X and Y", purposes, the actor after the trigger, a verb dictionary's
markers); when the rule's own slots are empty, ``fallback_target`` looks where news puts the
target (the subject of a speech act's that-clause, the complement of a threat, whom a
protest is against, the purpose of a force); ``beyond_own`` looks past the source's own
forces."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.codebook import (
    APPEAL_ROOT,
    ASSAULT_ROOT,
    COERCE_ROOT,
    CONSULT_ROOT,
    DEMAND_ROOT,
    DENIAL_CODE,
    DISAPPROVE_ROOT,
    FIGHT_ROOT,
    FORCE_POSTURE_ROOT,
    MASS_VIOLENCE_ROOT,
    PROTEST_ROOT,
    REDUCE_RELATIONS_ROOT,
    REJECT_ROOT,
    STATEMENT_ROOT,
    THREAT_ROOT,
)
from dateline.docmemo import children, head_of, sentence_of
from dateline.events import syntax
from dateline.events._clauses import (
    REQUEST_HEADS,
    governs,
    is_attribution,
)
from dateline.events._phrases import (
    Arg,
    MentionLike,
    PhraseReader,
    is_own_part,
    partaken,
    same_actor,
)
from dateline.events._words import word_class
from dateline.events.appeals import addressed_by_object
from dateline.events.lexicon import TriggerRule

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
# How deep into a protest's purpose clause or phrase we look for whom it is against ("to
# show their disapproval of the United States' policies").
PROTEST_PURPOSE_DEPTH = 5
PROTEST_PREPOSITIONS = {"against", "over"}  # not "in", "at": those give the place
PROTEST_STANCE_NOUNS = word_class("protest_stance_noun")
# Prepositions of a threatened or offered act that name its target.
COMPLEMENT_PREPOSITIONS = ("to", "against", "on", "at", "with")
# CAMEO roots of speech acts (statements, appeals, demands, disapproval, rejection, threats,
# denials), whose target may be the subject of the clause they introduce.
SPEECH_ACT_ROOTS = {
    STATEMENT_ROOT,
    APPEAL_ROOT,
    DEMAND_ROOT,
    DISAPPROVE_ROOT,
    REJECT_ROOT,
    THREAT_ROOT,
    REDUCE_RELATIONS_ROOT,
}
# Only actions done *with* someone make a dyad of coordinated subjects ("X and Y met",
# "X and Y agreed"); "X and Y condemned ..." is two statements, not X condemning Y.
RECIPROCAL_TARGETS = {"prep:with", "between"}
# CAMEO roots of uses of force (coercion, assault, fighting, mass violence), and the first
# root of a purpose that makes force aimed at its object ("fired to disperse X": 175).
FORCE_ROOTS = (COERCE_ROOT, ASSAULT_ROOT, FIGHT_ROOT, MASS_VIOLENCE_ROOT)
COERCIVE_PURPOSE_ROOT = COERCE_ROOT
# How far "the resumption of talks of ..." chains are followed inside an object phrase.
MAX_OF_CHAIN = 2
# Prepositions of the cause of a complaint or concern ("protested *over* the arrests"): the
# target is who did what they name, not whom it was done to.
CAUSE_PREPOSITIONS = {"over", "about"}
# Prepositions of a demanded or requested noun naming who is to do it: "demanded an admission
# *by* Moscow that ...", "demanded an apology *from* Japan".
DEMANDED_AGENT_PREPOSITIONS = ("by", "from")


class TargetFinder(PhraseReader):
    """The target finder of the event coder."""

    def beyond_own(
        self,
        tok: Token,
        own: list[Arg],
        sources: list[Arg],
        by_token: dict[int, MentionLike],
    ) -> list[Arg]:
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
                same_actor(mention.actor, s.actor) or is_own_part(mention.actor, sources)
                for s in sources
            ):
                continue
            return self.actors_at(word, by_token)
        return []

    def _protest_target(self, tok: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """Whom a protest is against, when its purpose names it: "blocked a road to show their
        disapproval *of the United States*", "in defiance *of Chinese authorities*"."""
        verb = head_of(tok) if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "dobj" else tok
        frontier = [
            c
            for c in children(verb)
            if c.dep_ in {"advcl", "xcomp"}
            or (c.dep_ == "prep" and c.lower_ in PROTEST_PREPOSITIONS)
            or (
                c.dep_ == "prep"
                and any(g.lemma_.lower() in PROTEST_STANCE_NOUNS for g in children(c))
            )
        ]
        for _ in range(PROTEST_PURPOSE_DEPTH):
            nxt: list[Token] = []
            for node in frontier:
                if node.dep_ in {"nsubj", "nsubjpass"} or node.lemma_.lower() == "accord":
                    continue  # the protesters themselves; "according to X" is who reports it
                if node.i in by_token:
                    return self.actors_at(node, by_token)
                nxt.extend(children(node))
            frontier = nxt
        return []

    def _complement_target(self, tok: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """Threats and offers name their target in the complement or the condition:
        "threatened to deliver blows *to the US*", "threatened to stop talks if *the US*
        deploys missiles", "will launch an offensive unless *Baghdad* accepts"."""
        clauses = [tok, *(c for c in children(tok) if c.dep_ == "xcomp")]
        if tok.dep_ == "xcomp":
            clauses.append(head_of(tok))
        for clause in clauses[1:]:
            obj = syntax.object_of(clause)
            found = self.actors_at(obj, by_token) if obj is not None else []
            for preposition in COMPLEMENT_PREPOSITIONS:
                if found:
                    break
                for pobj in syntax.prep_objects(clause, preposition):
                    found = self.actors_at(pobj, by_token)
                    if not found and pobj.lemma_.lower() in REQUEST_HEADS:
                        # "refused to respond to a demand *from X*": its author
                        found = next(
                            (
                                f
                                for author in syntax.prep_objects(pobj, "from")
                                if (f := self.actors_at(author, by_token))
                            ),
                            [],
                        )
                    if found:
                        break
            if found:
                return found
        for clause in clauses:
            for child in children(clause):
                marks = {g.lower_ for g in children(child) if g.dep_ == "mark"}
                if child.dep_ == "advcl" and marks & {"if", "unless"}:
                    found = self.actors_at(syntax.subject_of(child), by_token)
                    if found:
                        return found
        return []

    def fallback_target(
        self, tok: Token, rule: TriggerRule, by_token: dict[int, MentionLike]
    ) -> list[Arg]:
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
                        for a in self.actors_at(p, by_token)
                    ]
                    if found:
                        return found
                for child in children(head):
                    if child.dep_ == "ccomp" and is_attribution(child, tok):
                        continue
                    if child.dep_ in clause_deps:
                        if head is not tok and rule.cameo[:2] == REJECT_ROOT:
                            continue  # "rejected claims that X ...": X made no claim
                        found = self.actors_at(syntax.subject_of(child), by_token)
                        if found:
                            return found
                    elif (
                        # "a call for X to (be) ...": the parser reads the infinitive as a
                        # relative clause; X is its subject, active or passive.
                        child.dep_ == "relcl"
                        and head.pos_ in {"NOUN", "PROPN"}
                        and any(g.dep_ == "mark" and g.lower_ == "for" for g in children(child))
                    ):
                        found = self.actors_at(syntax.surface_subject_of(child), by_token)
                        if found:
                            return found
        # A denial is aimed at its accusers, not at whoever the denied act was done to:
        # "denied providing sanctuary *to the fighters*" names no target.
        # A request's object is whom it asks: "ordered *schools* to admit students" does not
        # ask the students.
        found = (
            []
            if rule.cameo.startswith(DENIAL_CODE) or addressed_by_object(tok, rule.cameo)
            else self._complement_target(tok, by_token)
        )
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
        found = self.actors_at(obj, by_token)
        if found:
            return found
        return self._object_phrase_actors(obj, by_token)

    def _object_phrase_actors(self, noun: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """The actor an action noun is about, in its prepositional phrases, also down a short
        "of" chain: "the resumption of ties *with* X", "part of a programme *for* X"."""
        nouns = [noun]
        for _ in range(MAX_OF_CHAIN):
            nouns.extend(p for p in syntax.prep_objects(nouns[-1], "of") if p.pos_ == "NOUN")
        for head in nouns:
            for preposition in OBJECT_PHRASE_PREPOSITIONS:
                for pobj in syntax.prep_objects(head, preposition):
                    found = self.actors_at(pobj, by_token)
                    if found:
                        return found
        return []

    def _forced_purpose_target(self, tok: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """Force used to coerce someone is aimed at him: "opened fire *to disperse the
        protesters*", "fired tear gas to break up the crowd". Only a coercive purpose counts:
        "opened fire to protect the civilians" does not fire on them."""
        for purpose in children(tok):
            if purpose.dep_ != "advcl" or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in children(purpose)
            ):
                continue  # "..., killing X" reports a result, coded on its own
            rule = self.match(purpose)
            if rule is None or rule.cameo[:2] < COERCIVE_PURPOSE_ROOT:
                continue
            obj = syntax.object_of(purpose)
            found = self.actors_at(obj, by_token) if obj is not None else []
            if found:
                return found
        return []

    def _purpose_opponent(self, tok: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """The "against" phrase of the act a force posture is for: "mobilized reservists *for
        a possible war against X*", "massed troops *for an offensive against X*"."""
        for purpose in syntax.prep_objects(tok, "for"):
            for opponent in syntax.prep_objects(purpose, "against"):
                found = self.actors_at(opponent, by_token)
                if found:
                    return found
        return []

    def target(
        self, tok: Token, target: str, passive: bool, by_token: dict[int, MentionLike]
    ) -> list[Arg]:
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
            noun = head_of(tok)  # "a mediation *effort* between X and Y": the frame noun
            anchors.append(noun)
        if tok.pos_ in {"NOUN", "PROPN"} and partaken(tok, self.match(tok)):
            anchors.append(
                head_of(head_of(tok))
            )  # "marched in solidarity *with X*" hangs off the verb
        if noun.pos_ in {"NOUN", "PROPN"} and noun.dep_ == "dobj":
            anchors.append(head_of(noun))  # "continued military aid *to* X": it hangs off the verb
        # "lifting the sanctions Washington imposed *on* X": the measure's own relative clause
        # says whom it is aimed at
        measures = [m for m in (noun, obj) if m is not None and m.pos_ in {"NOUN", "PROPN"}]
        anchors.extend(
            c for m in measures for c in children(m) if c.dep_ == "relcl" and c.pos_ == "VERB"
        )
        if target == "obj":
            patient = syntax.passive_subject_of(tok) if passive else obj
            found = self.actors_at(patient, by_token)
            if not found and patient is not None and patient.pos_ == "NOUN":
                # "welcomed the resumption of ties *with* X", "criticised the talks *between*
                # X and Y": the object is an action, its partner is whom the verb is about;
                # "a camp *for* Congolese refugees was attacked": a place, whose people it is.
                found = self._object_phrase_actors(patient, by_token)
            return found
        if target == "dative":
            return self.actors_at(syntax.dative_of(tok), by_token)
        if target == "instrument":
            # "hit back *with duties on X*": whom the measure it is done with is aimed at
            for pobj in syntax.prep_objects(tok, "with"):
                found = self._object_phrase_actors(pobj, by_token)
                if found:
                    return found
            return []
        if target == "purpose":
            # "sent weapons to help defend X": whom the aid is for.
            return self.actors_at(syntax.beneficiary_of(tok), by_token)
        if target == "after":
            return self._actor_after(tok, by_token)
        if target == "clause":
            for child in children(tok):
                if child.dep_ == "ccomp":
                    subject = syntax.subject_of(child)
                    found = self.actors_at(subject, by_token)
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
                found = self.actors_at(head, by_token)
                if found:
                    return found
            return []
        if target == "poss":
            return next(
                (self.actors_at(c, by_token) for c in children(tok) if c.dep_ == "poss"), []
            )
        if target == "subj":
            return self.actors_at(syntax.subject_of(tok), by_token)
        if target == "between":
            # "mediate *in* the dispute between X and Y": the parties of what it is about
            disputes = [
                p for a in anchors for p in syntax.prep_objects(a, "in") if p.pos_ == "NOUN"
            ]
            for anchor in [*anchors, *disputes]:
                for pobj in syntax.prep_objects(anchor, "between"):
                    found = self.actors_at(pobj, by_token)
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
                        found = self.actors_at(pobj, by_token)
                    if not found and pobj.pos_ == "NOUN" and preposition in TARGET_PREPOSITIONS:
                        # "restrictions on the labour market *for X*", "sanctions on imports
                        # *from X*": the thing acted on is X's.
                        found = next(
                            (
                                f
                                for inner in OBJECT_PHRASE_PREPOSITIONS
                                for p in syntax.prep_objects(pobj, inner)
                                if (f := self.actors_at(p, by_token))
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
                    found = self.actors_at(aimed, by_token)
                    if found:
                        return found
        return []

    def _agents_of_act(self, noun: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """Who did the act a complaint or concern is about: "over *Israeli* air raids", "over
        *China's* detention of X", "about attacks *by* X"; never the act's patient ("over the
        detention *of a citizen*": the citizen is not the one complained of)."""
        for child in children(noun):
            if child.dep_ in {"poss", "amod", "compound", "nmod"} and child.i in by_token:
                return self.actors_at(child, by_token)
        for agent in syntax.prep_objects(noun, "by"):
            found = self.actors_at(agent, by_token)
            if found:
                return found
        return []

    def _actor_after(self, tok: Token, by_token: dict[int, MentionLike]) -> list[Arg]:
        """PETRARCH's default target: the first coded actor after the trigger in its own
        clause ("appealed for peace *in X*", "called for a boycott against *X*"), not in a
        clause of its own ("after *Y* said ...")."""
        own = by_token.get(tok.i)
        for later in tok.doc[tok.i + 1 : sentence_of(tok).end]:
            mention = by_token.get(later.i)
            if mention is None or mention is own:
                continue
            if not (mention.actor.code or mention.members) or not governs(
                tok, later, through_participles=True
            ):
                continue
            if mention.actor.kind == "place":
                continue  # "met *in Doha*": a place after the verb is where, not whom
            return self.actors_at(later, by_token)
        return []
