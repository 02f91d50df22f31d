"""Import TABARI/PETRARCH ``.actors`` and ``.agents`` dictionaries into a knowledge base.

The format, as the Phoenix and PETRARCH validation dictionaries use it:

* actors: an entry line ``NAME_WITH_UNDERSCORES_ [CODE]``; ``+SYNONYM`` lines add names;
  indented ``[CODE DATE-DATE]``, ``[CODE >DATE]`` (from DATE), ``[CODE <DATE]`` (before
  DATE) lines add dated codes; an undated code is the default. ``[A/B/C]`` (undated) codes
  the name as several actors at once ("THE_SHIRE [FRO/BIL/SAM]"). Dates are ``YYMMDD`` or
  ``YYYYMMDD``. A name ending in ``_`` matches exactly; otherwise its last word is a stem
  ("ARGENTIN" matches "Argentina" and "Argentine"). ``[---]`` codes the name as nothing.
* agents: ``!SET! = A, B, C`` defines a substitution set; ``PHRASE {PLURAL} [~CODE]``
  defines a role whose code is appended to the actor's (``[CODE~]`` prepends it);
  ``{}`` means no plural, otherwise the regular plural is added.
* ``#`` starts a comment; ``<!-- ... -->`` blocks are comments.

Every malformed line becomes a ``KBWarning`` (file, line number, reason) and is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateline.actors._kb import SECTORS, Alias, DatedCode, Entry, KBWarning, KnowledgeBase
from dateline.actors._text import norm, pluralise, split_phrase
from dateline.actors._words import word_class

_CODE_BLOCK = re.compile(r"\[([^\[\]]*)\]")
_SUBST_DEF = re.compile(r"^(![A-Za-z0-9]+!)\s*=\s*(.+)$")
_SUBST_USE = re.compile(r"![A-Za-z0-9]+!")
_CODE = re.compile(r"^[A-Za-z0-9]{3,15}$|^-{3}$")
# Two-digit years below this pivot are 20xx, the rest 19xx (the dictionaries list birth
# years from the 1930s and were compiled up to 2014: "331108" is 1933, "030101" 2003).
_YEAR_PIVOT = 30
# A stem shorter than this is matched exactly: "UN" must not match "UNDER".
_MIN_STEM = 4
_FUNCTION_WORDS = word_class("dictionary_function_word")


class _LineError(ValueError):
    pass


def _parse_date(text: str) -> dt.date:
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise _LineError(f"bad date {text.strip()!r}: expected YYMMDD or YYYYMMDD")
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy < _YEAR_PIVOT else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise _LineError(f"bad date {text.strip()!r}: {exc}") from None


def _parse_code(kb: KnowledgeBase, block: str) -> DatedCode | None:
    """``KAZGOV >900424`` -> DatedCode; ``---`` -> None (coded as nothing)."""
    parts = block.split(None, 1)
    if not parts:
        raise _LineError("empty code []")
    code, rest = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    if "~" in code:
        raise _LineError(f"unsupported code {code!r} in an actor entry")
    if not _CODE.match(code):
        raise _LineError(f"malformed code {code!r}")
    start = end = None
    if rest.startswith(">"):
        start = _parse_date(rest[1:])
    elif rest.startswith("<"):
        end = _parse_date(rest[1:]) - dt.timedelta(days=1)
    elif rest:
        if "-" not in rest:
            raise _LineError(f"bad date restriction {rest!r}")
        lo, hi = rest.split("-", 1)
        start, end = _parse_date(lo), _parse_date(hi)
        if start > end:
            raise _LineError(f"date range {rest!r} ends before it starts")
    if code == "---":
        return DatedCode("---", None, None, start, end)
    code = code.upper()
    country, sector = kb.split_code(code)
    return DatedCode(code, country, sector, start, end)


def _phrase(raw: str) -> tuple[str, bool]:
    """``NURSULTAN_NAZARBAYEV_`` -> ("NURSULTAN NAZARBAYEV", exact=True)."""
    raw = raw.strip()
    exact = raw.endswith("_")
    text = " ".join(raw.replace("_", " ").split())
    return text, exact


def _case_for_import(tokens: list[str]) -> tuple[int, ...]:
    # Dictionaries are upper-case, so case carries no information: names must start with a
    # capital in the text (function words excepted), nothing more.
    out = []
    seen_name = False
    for tok in tokens:
        if not seen_name and norm(tok) not in _FUNCTION_WORDS:
            out.append(1)
            seen_name = True
        else:
            out.append(0)
    return tuple(out)


@dataclass
class _ActorBuilder:
    names: list[tuple[str, bool, int]] = field(default_factory=list)  # phrase, exact, line
    codes: list[DatedCode] = field(default_factory=list)
    line: int = 0
    # undated codes of a ``[A/B/C]`` block: the name denotes all of these actors together
    several: list[DatedCode] = field(default_factory=list)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _lines(text: str) -> list[tuple[int, str]]:
    """Lines with comments removed (``#`` and ``<!-- -->`` blocks), numbered from 1."""
    out = []
    in_block = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_block:
            if "-->" in line:
                in_block = False
            continue
        stripped = line.strip()
        if stripped.startswith("<"):
            if "-->" not in stripped and stripped.startswith(("<!--", "<! --")):
                in_block = True
            continue
        line = _strip_comment(line)
        if line.strip():
            out.append((lineno, line))
    return out


def load_dictionary(kb: KnowledgeBase, text: str, source: str) -> None:
    """Add a TABARI/PETRARCH actors or agents dictionary to ``kb`` (warnings on ``kb``)."""
    # the file's own name says what it is: a folder named "agents" holds actors files too
    lowered = source.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if "verb" in lowered or "discard" in lowered or "issue" in lowered:
        reason = "not an actors or agents dictionary (verbs/discards/issues): skipped"
        kb.warnings.append(KBWarning(source, 0, reason))
        return
    lines = _lines(text)
    is_agents = "agent" in lowered or any(
        "~" in blk for _, ln in lines[:200] for blk in _CODE_BLOCK.findall(ln)
    )
    if is_agents:
        _load_agents(kb, lines, source)
    else:
        _load_actors(kb, lines, source)


def _load_actors(kb: KnowledgeBase, lines: list[tuple[int, str]], source: str) -> None:
    current: _ActorBuilder | None = None
    count = 0

    def finish(b: _ActorBuilder | None) -> None:
        nonlocal count
        if b is None or not b.names:
            return
        if not b.codes:
            kb.warnings.append(KBWarning(source, b.line, f"entry {b.names[0][0]!r} has no code"))
            return
        count += 1
        first = b.names[0][0]
        default = next((c for c in b.codes if not c.dated), b.codes[-1])
        codes = tuple(b.codes)
        flags: frozenset[str] = frozenset()
        if len(b.several) > 1:
            # "[FRO/BIL/SAM]": every code is an actor; the first stands as the default
            codes, flags = tuple(b.several), frozenset({"several"})
            default = b.several[0]
        entry = Entry(
            f"dict:{source}:{b.line}", "dict", first.title(), country=default.country,
            code=default.code, sector=default.sector, codes=codes, flags=flags, source=source,
        )  # fmt: skip
        for phrase, exact, _ in b.names:
            _index_name(kb, phrase, exact, entry)

    for lineno, line in lines:
        body = line.strip()
        try:
            if body.startswith("+"):
                if current is None:
                    raise _LineError("synonym line before any entry")
                name, codes, several = _split_codes(kb, body[1:])
                if not name:
                    raise _LineError("empty synonym")
                current.names.append((*_phrase(name), lineno))
                current.codes.extend(codes)
                current.several.extend(several)
            elif body.startswith("["):
                if current is None:
                    raise _LineError("code line before any entry")
                name, codes, several = _split_codes(kb, body)
                if name:
                    raise _LineError(f"text {name!r} outside brackets on a code line")
                current.codes.extend(codes)
                current.several.extend(several)
            elif line[:1].isspace():
                raise _LineError("indented line is neither a [code] nor a +synonym")
            else:
                finish(current)
                current = None
                name, codes, several = _split_codes(kb, body)
                if not name:
                    raise _LineError("entry without a name")
                current = _ActorBuilder([(*_phrase(name), lineno)], codes, lineno, several)
        except _LineError as exc:
            kb.warnings.append(KBWarning(source, lineno, str(exc)))
    finish(current)


def _split_codes(kb: KnowledgeBase, body: str) -> tuple[str, list[DatedCode], list[DatedCode]]:
    """Name part, parsed codes and the codes of a ``[A/B]`` block of one line; raises on a
    malformed bracket."""
    if body.count("[") != body.count("]"):
        raise _LineError("unbalanced [brackets]")
    codes: list[DatedCode] = []
    several: list[DatedCode] = []
    for block in _CODE_BLOCK.findall(body):
        parts = block.split(None, 1)
        if parts and "/" in parts[0]:
            if len(parts) > 1:
                raise _LineError(f"dated code {block.strip()!r} with several actors")
            block_codes = [c for one in parts[0].split("/") if (c := _parse_code(kb, one))]
            several.extend(block_codes)
            codes.extend(block_codes[:1])
            continue
        code = _parse_code(kb, block)
        if code is not None:
            codes.append(code)
    name = _CODE_BLOCK.sub(" ", body).strip()
    return name, codes, several


def _index_name(kb: KnowledgeBase, phrase: str, exact: bool, entry: Entry) -> None:
    tokens = split_phrase(phrase)
    if not tokens:
        return
    key = tuple(norm(t) for t in tokens)
    case = _case_for_import(tokens)

    bucket = kb.phrases.setdefault(key, [])
    # A user's dictionary decides what its names denote: its entry goes before the built-in
    # ones for the same phrase ("NEW_ZEALAND [NZE]" over the shipped NZL).
    bucket.insert(0, Alias(entry, case))
    if kb.max_len.get(key[0], 0) < len(key):
        kb.max_len[key[0]] = len(key)
    if not exact and len(key[-1]) >= _MIN_STEM:
        kb.stems.setdefault(key[0][:3], []).append((key, Alias(entry, case)))


def _load_agents(kb: KnowledgeBase, lines: list[tuple[int, str]], source: str) -> None:
    substitutions: dict[str, list[str]] = {}
    for lineno, line in lines:
        body = line.strip()
        try:
            m = _SUBST_DEF.match(body)
            if m:
                values = [v.strip() for v in m.group(2).split(",") if v.strip()]
                if not values:
                    raise _LineError(f"substitution set {m.group(1)} is empty")
                substitutions[m.group(1).upper()] = values
                continue
            _agent_line(kb, body, substitutions, source, lineno)
        except _LineError as exc:
            kb.warnings.append(KBWarning(source, lineno, str(exc)))


def _agent_line(
    kb: KnowledgeBase, body: str, subst: dict[str, list[str]], source: str, lineno: int
) -> None:
    if body.count("[") != body.count("]") or body.count("{") != body.count("}"):
        raise _LineError("unbalanced brackets")
    blocks = _CODE_BLOCK.findall(body)
    if not blocks:
        raise _LineError("agent entry without a [~CODE]")
    raw_code = blocks[0].strip().replace(" ", "")
    if raw_code.startswith("~"):
        code, position = raw_code[1:], "suffix"
    elif raw_code.endswith("~"):
        code, position = raw_code[:-1], "prefix"
    else:
        raise _LineError(f"agent code {raw_code!r} has no '~' marking where it attaches")
    if not code.isalnum():
        raise _LineError(f"malformed agent code {raw_code!r}")
    code = code.upper()
    rest = _CODE_BLOCK.sub(" ", body)
    plural_spec: str | None = None
    brace = re.search(r"\{([^{}]*)\}", rest)
    if brace:
        plural_spec = brace.group(1).strip()
        rest = rest[: brace.start()] + rest[brace.end() :]
    phrase_raw = rest.strip()
    if not phrase_raw:
        raise _LineError("agent entry without a phrase")
    sector = code[:3] if code[:3] in SECTORS else None
    entry = Entry(
        f"agent:{source}:{lineno}", "role", _phrase(phrase_raw)[0].lower(), sector=sector,
        code=code, kind="agent", role=_phrase(phrase_raw)[0].lower(),
        flags=frozenset({position}), source=source,
    )  # fmt: skip
    variants = _expand(phrase_raw, subst)
    for variant in variants:
        phrase, _exact = _phrase(variant)
        _add_agent_phrase(kb, phrase, entry)
    uses_subst = bool(_SUBST_USE.search(phrase_raw))
    if plural_spec is None and not uses_subst:
        _add_agent_phrase(kb, pluralise(_phrase(phrase_raw)[0]), entry)
    elif plural_spec:
        _add_agent_phrase(kb, _phrase(plural_spec)[0], entry)


def _add_agent_phrase(kb: KnowledgeBase, phrase: str, entry: Entry) -> None:
    kb.add_phrase(phrase, entry, case_sensitive=False)
    # As for actors, the user's dictionary decides what its phrases denote: its agent goes
    # before a built-in role of the same words ("PRESIDENT [~GOV]" over the shipped title).
    key = tuple(norm(t) for t in split_phrase(phrase))
    bucket = kb.phrases.get(key)
    if not bucket:
        return
    ours = [a for a in bucket if a.entry is entry]
    bucket[:] = ours + [a for a in bucket if a.entry is not entry]


def _expand(phrase: str, subst: dict[str, list[str]]) -> list[str]:
    m = _SUBST_USE.search(phrase)
    if not m:
        return [phrase]
    values = subst.get(m.group(0).upper())
    if values is None:
        raise _LineError(f"unknown substitution set {m.group(0)}")
    out = []
    for value in values:
        out.extend(_expand(phrase[: m.start()] + value + phrase[m.end() :], subst))
    return out
