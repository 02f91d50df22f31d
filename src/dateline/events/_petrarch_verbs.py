"""Import a PETRARCH/TABARI verb dictionary as trigger rules.

The format (PETRARCH 1's ``.verbs`` files, TABARI's with complete words):

* ``&NAME`` starts a synset; the ``+MEMBER`` lines after it are its members (words or phrases,
  ``_`` or space between their words, which must be consecutive; a member may be another
  ``&SYNSET``). Members get their regular plural too, unless the name or the member ends
  in ``_``. Synsets may be defined anywhere in the file.
* ``--- NAME [CODE] ---`` starts a verb block; CODE is the code of its verbs when no pattern
  matches (``[---]`` or none: no event).
* verb lines: ``SAY {SAID SAYS SAYING} [CODE]``: the verb, optionally all its forms in
  ``{...}`` (otherwise the regular forms are made), optionally its own code. Multi-word verbs
  join words with ``_`` and mark the verb with ``+``: ``+CORDON_OFF``, ``WIRE_+TAP``; a
  verb line of several plain words (``LASH OUT``) is the first word followed by the others.
* pattern lines: ``- PRE WORDS * POST WORDS [CODE]``: ``*`` is the verb; words joined by
  ``_`` must be consecutive, by spaces may have words between them. ``&SYN`` stands for any
  member of a synset; ``$`` marks the source, ``+`` the target, ``%`` a compound (coordinated)
  actor, ``^`` skips a phrase. ``[013:012]`` codes the event 013 and its reverse (target to
  source) 012; ``[---]`` matches and codes nothing.
* ``#`` starts a comment; ``<!-- ... -->`` blocks are comments.

Translation (``import_verb_dictionary``): every verb line and lemma of its forms gives
``TriggerRule`` s keyed on the lemma, with ``form=`` (the dictionary's spellings) and, for
each pattern, ``words=`` (its word sequences, synsets expanded); a pattern's rank is its
number of words, so longer patterns win, as in PETRARCH. A pattern that codes nothing (``[---]``)
becomes a ``nowords=`` constraint on the verb's rules it outranks.

Codes are kept as the dictionary gives them. A code that is not in the codebook but extends
one of its codes (a CAMEO root, 01-20, then one or two letters or digits: ``[174K]``,
``[1717]``, ``[095]``) is kept as the event's code, described by its longest CAMEO prefix
(``Codebook.describe``: root, quad class, Goldstein score, PLOVER; no name), with one warning
per such code. Any other code (PETRARCH's test dictionary has WEIS codes such as ``[223]``
and test codes such as ``[903]``, ``[+++]``) has no CAMEO root to describe it: that pattern
or verb is skipped with a warning, and a less specific pattern or the bare verb codes the
sentence instead, as PETRARCH does (its unit test DEMO-04 codes "restore fxll diplomatic
ties" 064, past "* FXLL DIPLOMATIC [+++]").
A reverse code dateline cannot output is dropped alone (the forward event stays).

Markers (``TriggerRule.targets`` and ``sources``): a marker after the verb is the actor after
the pattern word before it (``* TALKS WITH +``: the object of "with", else the first actor
after "with"); ``^`` skips one base noun phrase (``* IFTAR IN ^ +``: "in *Cairo* with *the
leaders of X*"), and such a pattern matches only where that noun phrase exists (``phrase=``).
``$`` after the verb is the source (``+ * FROM $``: "X was freed from *Y*"); then ``+`` before
the verb is its subject in front of it, active or passive, or the actor before the pattern
word between them (``+ HOSTING * MAY_DAY $``). Without ``$`` after the verb the source is the
subject (the passive's agent), as for every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import product
from pathlib import Path

from dateline.codebook import extension_base
from dateline.events._rules import TriggerRule, parse_requires

NO_EVENT = "---"
# Synset expansion multiplies: a pattern with three synsets of twenty members each has 8,000
# variants. Beyond this many, the pattern is skipped with a warning.
MAX_PATTERN_VARIANTS = 2000
# Synsets nested deeper than this are treated as a cycle.
MAX_SYNSET_DEPTH = 8
# Where a bare verb's target is looked for, in order (PETRARCH takes the actor of the verb's
# object or of a prepositional phrase after it).
DEFAULT_TARGETS = (
    "obj",
    "dative",
    "prep:with",
    "prep:to",
    "prep:against",
    "prep:on",
    "prep:at",
    "prep:from",
    "prep:for",
    "prep:about",
    "prep:of",
    "prep:in",
    "between",
    "after",  # PETRARCH's own default: the first coded actor after the verb in its clause
    # PETRARCH nests a complement clause as the verb's target: with no other target, the
    # verb's target is that clause's subject ("X allowed that *Y* is no place to visit")
    "clause",
)
MARKERS = {"$", "+", "^"}
_HEADER = re.compile(r"^---\s*(?P<name>[^\[\]]*?)\s*(?:\[(?P<code>[^\]]*)\].*)?$")
_CODE_AT_END = re.compile(r"\[([^\[\]]*)\]\s*$")
_CODE_ANYWHERE = re.compile(r"\[([^\[\]]*)\]")
_WORD = re.compile(r"^[a-z0-9'.\-]+$")
VOWELS = set("aeiou")


@dataclass
class _Entry:
    line: int
    head: str  # the verb word, lower case
    forms: set[str]
    before: list[str]  # words that must come right before it (multi-word verbs)
    after: list[str]  # words that must come right after it
    code: str | None
    reverse: str | None
    code_ok: bool


@dataclass
class _Pattern:
    line: int
    text: str
    body: str  # the pattern without its code
    code: str | None
    reverse: str | None
    code_ok: bool


@dataclass
class _Block:
    name: str
    line: int
    code: str | None
    reverse: str | None
    code_ok: bool
    entries: list[_Entry] = field(default_factory=list)
    patterns: list[_Pattern] = field(default_factory=list)


@dataclass
class VerbImport:
    rules: list[TriggerRule]
    warnings: list[str]
    heads: set[str]  # lemmas the dictionary defines: it decides what they code


class _LineError(ValueError):
    pass


def looks_like_verb_dictionary(text: str) -> bool:
    """True for a PETRARCH/TABARI verb dictionary (it has ``--- VERB [code] ---`` blocks)."""
    for _, line in _lines(text):
        stripped = line.strip()
        if stripped.startswith("---") and "[" in stripped:
            return True
    return False


def _lines(text: str) -> list[tuple[int, str]]:
    """Lines without comments (``#`` to the end of the line, ``<!-- -->`` blocks), numbered."""
    out: list[tuple[int, str]] = []
    in_block = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_block:
            if "-->" not in line:
                continue
            line = line.split("-->", 1)[1]
            in_block = False
        while "<!--" in line:
            head, _, rest = line.partition("<!--")
            if "-->" in rest:
                line = head + rest.split("-->", 1)[1]
            else:
                line = head
                in_block = True
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append((lineno, line))
    return out


def _parse_code(raw: str | None, valid: set[str] | None) -> tuple[str | None, str | None, bool]:
    """``013:012`` -> ("013", "012", ok); ``---`` -> (None, None, True); ok is False when the
    main code is neither in the codebook nor an extension of one of its codes ("174K")
    (a reverse code is checked apart: ``_checked_reverse``)."""
    if raw is None:
        return None, None, True
    raw = raw.strip()
    if not raw or raw == NO_EVENT:
        return None, None, True
    main, _, reverse = (part.strip() for part in raw.partition(":"))
    if reverse == NO_EVENT:
        reverse = ""
    ok = valid is None or not main or main in valid or extension_base(main, valid) is not None
    return main or None, reverse or None, ok


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def regular_forms(verb: str) -> set[str]:
    """The regular forms PETRARCH makes (-S/-ES, -D/-ED, -ING) and the English spellings it
    misses (y -> ies/ied, a doubled final consonant: "stopped")."""
    v = verb.lower()
    forms = {v, v + ("es" if v.endswith(("s", "x", "z")) else "s")}
    if v.endswith("e"):
        forms |= {v + "d", v[:-1] + "ing"}
        if v.endswith(("ee", "ye", "oe")):
            forms.add(v + "ing")  # "agreeing", "eyeing"
    else:
        forms |= {v + "ed", v + "ing"}
    if v.endswith(("ch", "sh")):
        forms.add(v + "es")
    if len(v) > 1 and v.endswith("y") and v[-2] not in VOWELS:
        forms |= {v[:-1] + "ies", v[:-1] + "ied"}
    if len(v) > 2 and v[-1] not in VOWELS | set("wxy") and v[-2] in VOWELS and v[-3] not in VOWELS:
        forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    return forms


@cache
def _irregular() -> dict[str, frozenset[str]]:
    """Inflected form -> base forms, from ``data/events/irregular_verbs.tsv``."""
    text = resources.files("dateline").joinpath("data/events/irregular_verbs.tsv")
    out: dict[str, set[str]] = {}
    for line in text.read_text("utf-8").splitlines()[1:]:
        if not line.strip() or line.startswith("#") or line.startswith("base\t"):
            continue
        base, *inflected = line.split("\t")
        for cell in inflected:
            for form in cell.split("|"):
                out.setdefault(form.strip().lower(), set()).add(base.strip().lower())
    return {form: frozenset(bases) for form, bases in out.items()}


def lemma_candidates(form: str) -> set[str]:
    """Lemmas spaCy may give a verb form: the form itself, its irregular base, and the bases
    the regular endings allow (a wrong guess costs nothing: the rule also checks the form)."""
    f = form.lower()
    out = {f, *_irregular().get(f, ())}
    if f.endswith("ies") and len(f) > 4:
        out.add(f[:-3] + "y")
    if f.endswith("es") and len(f) > 3:
        out.add(f[:-2])
    if f.endswith("s") and not f.endswith("ss") and len(f) > 2:
        out.add(f[:-1])
    if f.endswith("ied") and len(f) > 4:
        out.add(f[:-3] + "y")
    for ending in ("ed", "ing"):
        if f.endswith(ending) and len(f) > len(ending) + 1:
            stem = f[: -len(ending)]
            out |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])
    return out


def _parse(text: str, origin: str, valid: set[str] | None) -> tuple[
    dict[str, tuple[bool, list[list[str]], int]], list[_Block], list[str]
]:  # fmt: skip
    """Synsets (name -> (no plural, members as raw word lists, line)), blocks, warnings."""
    synsets: dict[str, tuple[bool, list[list[str]], int]] = {}
    blocks: list[_Block] = []
    warnings: list[str] = []
    current_synset: str | None = None
    block: _Block | None = None
    for lineno, line in _lines(text):
        body = line.strip()
        try:
            if body.startswith("&"):
                name = body.split()[0].upper()
                no_plural = name.endswith("_")
                name = name.rstrip("_")
                synsets[name] = (no_plural, [], lineno)
                current_synset = name
                continue
            if body.startswith("+") and current_synset is not None:
                member = body[1:].strip()
                if not member:
                    raise _LineError("empty synset member")
                synsets[current_synset][1].append(member.upper().split())
                continue
            current_synset = None
            if body.startswith("---"):
                m = _HEADER.match(body)
                if m is None:
                    raise _LineError("malformed block header")
                code, reverse, ok = _parse_code(m.group("code"), valid)
                block = _Block(m.group("name").strip(), lineno, code, reverse, ok)
                blocks.append(block)
                continue
            if block is None:
                raise _LineError("verb or pattern before any '--- VERB [code] ---' block")
            if body.startswith("-"):
                block.patterns.append(_pattern(body, lineno, valid))
            else:
                block.entries.append(_entry(body, lineno, block, valid))
        except _LineError as exc:
            warnings.append(f"{origin}:{lineno}: {exc}; line skipped")
    return synsets, blocks, warnings


def _pattern(body: str, lineno: int, valid: set[str] | None) -> _Pattern:
    m = _CODE_AT_END.search(body)
    if m is None:
        raise _LineError("pattern without a [code] at its end")
    text = body[1 : m.start()].strip()
    if "*" not in text:
        raise _LineError("pattern without '*' for the verb")
    if "{" in text or "(" in text:
        # TABARI's disjunctions and PETRARCH 2's phrase brackets: not this format.
        raise _LineError("pattern with {...} or (...) alternatives is not supported")
    code, reverse, ok = _parse_code(m.group(1), valid)
    return _Pattern(lineno, body, text, code, reverse, ok)


def _entry(body: str, lineno: int, block: _Block, valid: set[str] | None) -> _Entry:
    codes = _CODE_ANYWHERE.findall(body)
    rest = _CODE_ANYWHERE.sub(" ", body)
    if codes:
        code, reverse, ok = _parse_code(codes[0], valid)
    else:
        code, reverse, ok = block.code, block.reverse, block.code_ok
    braces = re.search(r"\{([^{}]*)\}", rest)
    listed: list[str] = []
    if braces:
        listed = braces.group(1).split()
        rest = rest[: braces.start()] + rest[braces.end() :]
    if "{" in rest or "}" in rest:
        raise _LineError("unbalanced {forms}")
    words = rest.split()
    if not words:
        raise _LineError("verb line without a verb")
    # "LASH OUT": the verb and the words that follow it.
    phrase = "+" + "_".join(words) if len(words) > 1 else words[0]
    if "_" in phrase:
        head, before, after = _multiword(phrase)
    else:
        head, before, after = phrase.strip("+").lower(), [], []
    if not _WORD.match(head):
        raise _LineError(f"verb {head!r} is not a word")
    if listed:
        forms = {head}
        for form in listed:
            if "_" in form:
                form = _multiword(form)[0]
            forms.add(form.strip("+").lower())
    else:
        forms = regular_forms(head)
    return _Entry(lineno, head, forms, before, after, code, reverse, ok)


def _multiword(phrase: str) -> tuple[str, list[str], list[str]]:
    """``WIRE_+TAP`` -> ("tap", ["wire"], []); ``+CORDON_OFF`` -> ("cordon", [], ["off"])."""
    words = [w for w in phrase.split("_") if w]
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(marked) != 1:
        raise _LineError(f"multi-word verb {phrase!r} needs one '+' before the verb")
    at = marked[0]
    lowered = [w.lstrip("+").lower() for w in words]
    return lowered[at], lowered[:at], lowered[at + 1 :]


# A pattern as slots: (connector to the previous slot: "_" adjacent, "~" gap, "" first; item).
_Slots = list[tuple[str, str]]


def _tokenise(body: str) -> _Slots:
    # PETRARCH reads "WORD_ " as an open "WORD " and ignores a final "_".
    body = re.sub(r"_\s", " ", body.strip()).rstrip("_")
    slots: _Slots = []
    connector = ""
    for part in re.split(r"(\s+|_)", body):
        if not part:
            continue
        if part == "_":
            connector = "_"
        elif part.isspace():
            connector = "~"
        else:
            slots.append((connector if slots else "", part))
            connector = "~"
    return slots


def _expand_synset(
    name: str, synsets: dict[str, tuple[bool, list[list[str]], int]], depth: int = 0
) -> list[list[str]]:
    """Members of a synset as word lists (plurals added, nested synsets expanded)."""
    if depth > MAX_SYNSET_DEPTH:
        raise _LineError(f"synset {name} nests too deeply (a cycle?)")
    if name not in synsets:
        raise _LineError(f"undefined synset {name}")
    no_plural, members, _ = synsets[name]
    out: list[list[str]] = []
    for member in members:
        words: list[list[str]] = [[]]
        for word in member:
            if word.startswith("&"):
                alternatives = _expand_synset(word.rstrip("_").upper(), synsets, depth + 1)
                words = [w + alt for w in words for alt in alternatives]
            else:
                words = [[*w, *(p for p in word.split("_") if p)] for w in words]
        for variant in words:
            lowered = [w.lower() for w in variant]
            if not lowered:
                continue
            out.append(lowered)
            if not no_plural and not member[-1].endswith("_") and not member[-1].startswith("&"):
                out.append([*lowered[:-1], _plural(lowered[-1])])
    return out


def _variants(
    slots: _Slots, synsets: dict[str, tuple[bool, list[list[str]], int]]
) -> tuple[list[str], int]:
    """Word-pattern strings (``lexicon.words_match`` syntax) for a tokenised pattern, and its
    number of words (its rank). Markers ($ + ^) are dropped; % stays as a slot."""
    choices: list[list[list[tuple[str, str]]]] = []
    after_marker = False  # words on either side of a dropped marker are not adjacent
    rank = 0
    for connector, item in slots:
        if item in MARKERS:
            after_marker = True
            continue
        if after_marker:
            connector, after_marker = "~", False
        if item.startswith("&"):
            members = _expand_synset(item.rstrip("_").upper(), synsets)
            choices.append([[(connector, m[0]), *(("_", w) for w in m[1:])] for m in members])
            rank += 1
            continue
        word = item.lower()
        if word not in {"*", "%"} and not _WORD.match(word):
            raise _LineError(f"pattern word {item!r} is not a word")
        if word != "*":
            rank += 1
        choices.append([[(connector, word)]])
    total = 1
    for options in choices:
        total *= len(options)
    if total > MAX_PATTERN_VARIANTS:
        raise _LineError(f"pattern expands to {total} variants (limit {MAX_PATTERN_VARIANTS})")
    out = []
    for combo in product(*choices):
        flat = [slot for part in combo for slot in part]
        text = "".join(("" if i == 0 else (c or "~")) + w for i, (c, w) in enumerate(flat))
        out.append(text)
    return out, rank


def _after_verb(items: list[str], star: int, at: int) -> tuple[str, ...]:
    """Where the actor of a marker after the verb (at ``items[at]``) is: after the pattern word
    before it, past one noun phrase per ``^`` between them ("IN ^ +": the actor after "in"
    and one more noun phrase)."""
    between = items[star + 1 : at]
    skips = 0
    for item in reversed(between):
        if item != "^":
            break
        skips += 1
    words = [w for w in between if w not in MARKERS]
    previous = words[-1].lower() if words else ""
    if previous == "between":
        return ("between",)
    if previous and not _WORD.match(previous):
        return DEFAULT_TARGETS  # a synset or "%": no one word to look after
    if skips:
        return (f"np:{previous}:{skips}",)  # PETRARCH requires the actor right there
    if not previous:
        return ("obj", "after")
    # The object of that preposition; else the first actor after that word ("* MONEY $":
    # "received money *from X*"); else the verb's object or the first actor after it.
    return (f"prep:{previous}", f"np:{previous}:0", "obj", "after")


def _targets(slots: _Slots) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Where the target and the source are, from the pattern's markers (``$`` source, ``+``
    target, ``%`` compound, ``^`` skip a noun phrase). Markers before the verb are its
    subject; the source there (or none) is the subject as for any verb (empty sources)."""
    items = [item for _, item in slots]
    star = items.index("*")
    sources: tuple[str, ...] = ()
    source_after = "$" in items[star + 1 :]
    if source_after:
        sources = _after_verb(items, star, items.index("$", star + 1))
    for marker in ("+", "%"):
        if marker not in items:
            continue
        at = items.index(marker)
        if at < star:
            if marker == "%":
                return ("between",), sources
            if not source_after:
                return ("obj",), sources
            # "+ * FROM $": the source after the verb, the target its subject in front of it;
            # "+ HOSTING * MAY_DAY $": the actor before "hosting".
            words = [w.lower() for w in items[at + 1 : star] if w not in MARKERS]
            if words and _WORD.match(words[0]):
                return (f"before:{words[0]}", "before"), sources
            return ("before",), sources
        return _after_verb(items, star, at), sources
    if source_after:
        return ("before", *DEFAULT_TARGETS), sources
    return DEFAULT_TARGETS, sources


def _compose(pattern: str, entry: _Entry) -> str:
    """Put a multi-word verb's own words around the ``*`` of a pattern string."""
    if not entry.before and not entry.after:
        return pattern
    unit = "_".join([*entry.before, "*", *entry.after])
    return pattern.replace("*", unit, 1)


def _file_tag(origin: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", Path(origin).stem.lower()).strip("-") or "verbs"


def import_verb_dictionary(
    text: str, origin: str, valid_codes: Iterable[str] | None = None
) -> VerbImport:
    """Translate a PETRARCH/TABARI verb dictionary into trigger rules (see the module doc)."""
    valid = set(valid_codes) if valid_codes is not None else None
    synsets, blocks, warnings = _parse(text, origin, valid)
    tag = _file_tag(origin)
    rules: list[TriggerRule] = []
    heads: set[str] = set()
    for block in blocks:
        if not block.entries:
            warnings.append(f"{origin}:{block.line}: block {block.name!r} has no verb line")
            continue
        compiled: list[_Compiled] = []
        for pattern in block.patterns:
            try:
                slots = _tokenise(pattern.body)
                if sum(1 for _, item in slots if item == "*") != 1:
                    raise _LineError("pattern needs exactly one '*'")
                variants, rank = _variants(slots, synsets)
                targets, sources = _targets(slots)
                items = [item for _, item in slots]
                compound = "%" in items[: items.index("*")]
            except _LineError as exc:
                warnings.append(f"{origin}:{pattern.line}: {exc}; pattern skipped")
                continue
            code, reverse = pattern.code, pattern.reverse
            if not pattern.code_ok:
                # A less specific pattern or the bare verb codes the sentence instead: the
                # same dyad, in codes dateline can output.
                warnings.append(
                    f"{origin}:{pattern.line}: code {code!r} is not a CAMEO code "
                    "(nor an extension of one); pattern skipped"
                )
                continue
            reverse = _checked_reverse(reverse, valid, f"{origin}:{pattern.line}", warnings)
            compiled.append(
                _Compiled(pattern, code, reverse, variants, rank, targets, sources, compound)
            )
        for entry in block.entries:
            if not entry.code_ok:
                warnings.append(
                    f"{origin}:{entry.line}: code {entry.code!r} is not a CAMEO code (nor an "
                    f"extension of one): {entry.head!r} alone codes no event (its patterns "
                    "still do)"
                )
            lemmas = set().union(*(lemma_candidates(f) for f in entry.forms))
            heads |= lemmas
            forms = "form=" + "|".join(sorted(entry.forms))
            # (rank, order) of the patterns that code nothing: they block what they outrank.
            blockers = [
                (cp.rank, i, [_compose(v, entry) for v in cp.variants])
                for i, cp in enumerate(compiled)
                if cp.code is None
            ]
            candidates: list[_Candidate] = []
            if entry.code is not None and entry.code_ok:
                own = [_compose("*", entry)] if entry.before or entry.after else []
                reverse = _checked_reverse(entry.reverse, valid, f"{origin}:{entry.line}", warnings)
                candidates.append(
                    _Candidate(0, len(compiled), entry.code, reverse, f"{entry.line}",
                               own, DEFAULT_TARGETS, (), f"--- {block.name} [{entry.code}]",
                               False)
                )  # fmt: skip
            for i, cp in enumerate(compiled):
                if cp.code is None:
                    continue
                composed = [_compose(v, entry) for v in cp.variants]
                candidates.append(
                    _Candidate(cp.rank, i, cp.code, cp.reverse, f"{cp.pattern.line}.{entry.line}",
                               composed, cp.targets, cp.sources, cp.pattern.text, cp.compound)
                )  # fmt: skip
            for c in candidates:
                requires = [forms]
                if c.words:
                    requires.append("words=" + "|".join(c.words))
                # "IN ^ +": the pattern matches only with a noun phrase where its actor is.
                skipping = [t for t in (*c.targets, *c.sources) if t.startswith("np:")]
                phrases = [t[len("np:") :] for t in skipping if not t.endswith(":0")]
                if phrases:
                    requires.append("phrase=" + "|".join(phrases))
                blocking = [
                    v
                    for b_rank, b_order, b_words in blockers
                    if b_rank > c.rank or (b_rank == c.rank and b_order < c.order)
                    for v in b_words
                ]
                if blocking:
                    requires.append("nowords=" + "|".join(blocking))
                parsed = parse_requires(" ".join(requires))
                for lemma in sorted(lemmas):
                    rules.append(
                        TriggerRule(
                            id=f"petr.{tag}:{c.where}:{lemma}", lemma=lemma, pos="VERB",
                            requires=parsed, targets=c.targets, cameo=c.code, note=c.note,
                            rank=c.rank, reverse_cameo=c.reverse, literal=True,
                            compound=c.compound, sources=c.sources,
                        )
                    )  # fmt: skip
    if valid is not None:
        extensions = {c for r in rules for c in (r.cameo, r.reverse_cameo) if c and c not in valid}
        warnings.extend(
            f"{origin}: code {code!r} is not a CAMEO 1.1b3 code: its events are coded as an "
            f"extension of {extension_base(code, valid)!r} (that code's root, quad class, "
            "Goldstein score and PLOVER mapping; no CAMEO name)"
            for code in sorted(extensions)
        )
    return VerbImport(rules, warnings, heads)


@dataclass
class _Candidate:
    rank: int
    order: int  # position among the block's patterns (a bare verb comes last)
    code: str
    reverse: str | None
    where: str  # line numbers for the rule id: pattern.verb, or the verb's
    words: list[str]
    targets: tuple[str, ...]
    sources: tuple[str, ...]  # where the source is when the pattern puts it after the verb
    note: str
    compound: bool  # the pattern's "%" before the verb: the subjects are the dyads


@dataclass
class _Compiled:
    pattern: _Pattern
    code: str | None  # None: matches and codes nothing (blocks what it outranks)
    reverse: str | None
    variants: list[str]
    rank: int
    targets: tuple[str, ...]
    sources: tuple[str, ...]
    compound: bool


def _checked_reverse(
    reverse: str | None, valid: set[str] | None, where: str, warnings: list[str]
) -> str | None:
    """A reverse code dateline can output, else None (the forward event stays)."""
    if reverse is None or valid is None:
        return reverse
    if reverse in valid or extension_base(reverse, valid) is not None:
        return reverse
    warnings.append(
        f"{where}: reverse code {reverse!r} is not a CAMEO code (nor an extension of one); "
        "only the forward event is coded"
    )
    return None
