"""Word sense from the object: a force verb aimed at a text or a policy is criticism, a
retaliation made with tariffs is a sanction.

The trigger lexicon codes a verb by its frame ("attacked X": 190). Many verbs of force and
hostility have a figurative sense that their object or instrument gives away: "attacked
the newspaper's *coverage*" and "fired back at the *criticism*" are criticism (111),
"hit back *with import duties*" and "retaliated *against the tariffs*" are economic
measures (163), not military ones. Rather than one lexicon row per verb and object, the
sense table (``data/events/senses.tsv``) says, per CAMEO root of the matched rule, which
slot (the direct object, or the object of given prepositions) in which semantic class
(a word class of ``data/events/word_classes.tsv``) shifts the act to which code.

Some senses lie outside politics altogether, and the domain shows in the trigger's clause
rather than in one slot: a country "on high alert" over a disease, a striker's "attack", a
march "in celebration" of a decision. Such rows re-read the act as no event at all.

Columns: ``id``; ``roots`` (``|``-separated CAMEO code prefixes of the rules it re-reads);
``slots`` (space-separated: ``obj`` the direct object, or the passive subject, with its
conjuncts; ``prep:W`` the object of preposition W on the head; ``prep:W>V|U`` one that
has a phrase of preposition V or U itself; ``obj.`` before a slot: that slot of the direct
object, "imposed restrictions *on* travel"; ``self`` the trigger itself, with the modifiers
naming its kind, "*trade* war"; ``clause`` every word of the trigger's clause, save what
hangs under a reported clause or a circumstance such as "amid" or "during"; ``alone`` is no
slot but a condition: the row holds only when the trigger names no other party, neither a
"with" or "between" phrase nor coordinated subjects: "X signed a constitutional
declaration", not "X and Y signed" one); ``class`` (a
word class); ``cameo`` (the code the act becomes, or ``-``: no event); ``targets`` (where
its target is, as in the lexicon's target column; empty: the rule's own); ``note``. The
first row that holds wins; a shifted rule's id is ``<rule id>+<sense id>``. Imported
dictionary rules are literal and are never re-read.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import partial
from importlib import resources

from spacy.tokens import Token

from dateline.docmemo import children, head_of, remember
from dateline.events import syntax
from dateline.events._rules import TriggerRule, parse_targets
from dateline.events._words import word_class
from dateline.events.misread import misread_noun

SENSES_FILE = "senses.tsv"
# Dependents of a slot's head that name its kind ("*export* controls", "*economic* measures").
KIND_MODIFIERS = {"compound", "amod"}
# A slot that starts so is a slot of the trigger's object: "obj.prep:on".
OBJECT_PHRASE = "obj."
# The cameo of a sense that is no event between political actors.
NO_EVENT = "-"
# Links from a nominal trigger up to the verb of its clause ("went on high *alert*").
NOMINAL_DEPS = {"pobj", "prep", "dobj", "nsubj", "nsubjpass", "compound", "attr", "appos"}
# What a "clause" slot leaves out: reported clauses, and circumstances that set the scene
# without naming the act's domain ("threatened Y *amid the pandemic*").
OTHER_CLAUSE_DEPS = {"ccomp", "parataxis"}
CIRCUMSTANCE_PREPOSITIONS = word_class("circumstance_only_preposition")
MAX_NOMINAL_HOPS = 3
# The condition of a row that holds only for an act done alone, and the prepositions that
# name a party to it.
ALONE = "alone"
PARTY_PREPOSITIONS = ("with", "between")


@dataclass(frozen=True)
class Sense:
    id: str
    roots: tuple[str, ...]
    slots: tuple[str, ...]
    words: frozenset[str]
    cameo: str
    targets: tuple[str, ...] = ()

    def holds(self, tok: Token) -> bool:
        return not self.words.isdisjoint(_slot_lemmas(tok, self.slots))

    @property
    def alone(self) -> bool:
        return ALONE in self.slots


def _names_no_party(tok: Token) -> bool:
    """The act at ``tok`` names no one it is done with: no "with" or "between" phrase, no
    second subject ("X *and Y* signed")."""
    if any(syntax.prep_objects(tok, p) for p in PARTY_PREPOSITIONS):
        return False
    subject = syntax.subject_of(tok)
    return subject is None or len(syntax.expand_conjuncts(subject)) < 2


def _slot_lemmas(tok: Token, slots: tuple[str, ...]) -> set[str]:
    """The lemmas of the slots' words and of the modifiers naming their kind ("*export*
    controls", "*trade* measures")."""
    return {
        w.lemma_.lower()
        for head in _slot_words(tok, slots)
        for w in (head, *(c for c in children(head) if c.dep_ in KIND_MODIFIERS))
    }


def _slot_words(tok: Token, slots: tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for slot in slots:
        if slot.startswith(OBJECT_PHRASE):
            # "imposed restrictions *on travel from X*": a phrase of the object the verb carries
            for carried in _slot_words(tok, ("obj",)):
                out.extend(_slot_words(carried, (slot.removeprefix(OBJECT_PHRASE),)))
        elif slot == ALONE:
            continue  # a condition, no words
        elif slot == "self":
            out.append(tok)
            modifier = misread_noun(tok)
            if modifier is not None:
                out.append(modifier)  # "the Oval *Office* clash", parsed as its subject
        elif slot == "clause":
            out.extend(_clause_words(tok))
        elif slot == "obj":
            obj = syntax.object_of(tok)
            if obj is None and tok.pos_ == "VERB" and syntax.is_passive(tok):
                obj = syntax.passive_subject_of(tok)
            if obj is not None:
                out.extend(syntax.expand_conjuncts(obj))
        else:
            # "prep:on>from|to": the object of "on" that has a "from" or "to" phrase of its
            # own ("restrictions on travel *from* X" crosses a border, "on travel" alone may not)
            _, _, preposition = slot.partition(":")
            preposition, _, onward = preposition.partition(">")
            for pobj in syntax.prep_objects(tok, preposition):
                heads = syntax.expand_conjuncts(pobj)
                if onward:
                    heads = [
                        h
                        for h in heads
                        if any(syntax.prep_objects(h, w) for w in onward.split("|"))
                    ]
                out.extend(heads)
    return out


def _clause_words(tok: Token) -> list[Token]:
    """The words of the clause ``tok`` stands in, without reported clauses and scene-setting
    circumstances."""
    head = tok
    for _ in range(MAX_NOMINAL_HOPS):
        if (
            head.pos_ in {"VERB", "AUX"}
            or head.dep_ not in NOMINAL_DEPS
            or head_of(head).i == head.i
        ):
            break
        head = head_of(head)
    words: list[Token] = []
    stack = [head]
    while stack:
        word = stack.pop()
        words.append(word)
        stack.extend(
            c
            for c in children(word)
            if c.dep_ not in OTHER_CLAUSE_DEPS
            and not (c.dep_ == "prep" and c.lower_ in CIRCUMSTANCE_PREPOSITIONS)
        )
    return words


class SenseTable:
    """The sense rows, tried in file order."""

    def __init__(self, senses: list[Sense]) -> None:
        self.senses = senses

    def reread(self, tok: Token, rule: TriggerRule) -> TriggerRule | None:
        """``rule`` as the object or instrument at ``tok`` reads it; None when the sense is
        no political act."""
        if rule.literal:
            return rule
        for sense in self.senses:
            if not rule.cameo.startswith(sense.roots):
                continue
            # Rows share their slots, and a word may be re-read for several of its rules:
            # each slot's words are read once per trigger.
            found = remember(
                tok.doc,
                ("senses.slots", tok.i, sense.slots),
                partial(_slot_lemmas, tok, sense.slots),
            )
            if not sense.words.isdisjoint(found):
                if sense.alone and not _names_no_party(tok):
                    continue
                if sense.cameo == NO_EVENT:
                    return None
                targets = sense.targets or rule.targets
                return replace(rule, id=f"{rule.id}+{sense.id}", cameo=sense.cameo, targets=targets)
        return rule


def load_senses() -> SenseTable:
    text = resources.files("dateline").joinpath("data/events", SENSES_FILE).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return SenseTable(
        [
            Sense(
                id=row["id"],
                roots=tuple(row["roots"].split("|")),
                slots=tuple(row["slots"].split()),
                words=word_class(row["class"]),
                cameo=row["cameo"],
                targets=parse_targets(row["targets"]) if row["targets"] else (),
            )
            for row in rows
        ]
    )
