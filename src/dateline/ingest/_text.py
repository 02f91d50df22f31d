"""Plain-text cleaning: headline, byline, dateline and trailing boilerplate.

The body keeps the article's own lines exactly (only surrounding whitespace of each line is
stripped and line breaks are normalised), so every character of the body comes from the
input. Lines are dropped whole; the one exception is the dateline prefix, which is cut from
the front of the first paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dateline.ingest._data import LinePattern, boilerplate, outlet_names
from dateline.ingest._dates import DATE_TEXT_RE, MONTH_RE, parse_date_text
from dateline.model import Dateline
from dateline.places import dateline_country, known_place

# Header lines (headline, standfirst, byline, date) sit in the first few lines; a dateline
# further down than this is not the opening of the article.
HEADER_WINDOW = 8
# A header line (headline, subheading, byline) is short; a longer line is article prose.
HEADER_MAX_WORDS = 40
# Sentence-like lines (a standfirst) allowed between a headline and the dateline.
MAX_STANDFIRST_LINES = 1
# Headlines are short and do not end in a full stop.
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
# A dateline prefix ("KYIV, Ukraine, Nov. 9 (AP) —") is short.
DATELINE_MAX_CHARS = 90
# A byline or trailing author line names at most this many words.
NAME_MAX_WORDS = 4
BYLINE_MAX_WORDS = 12

_CAPS_WORD = r"[A-Z][A-Z'’.\-]*"
_PARTICLE = r"(?:de|del|da|do|dos|es|al|el|la|le|du|of|upon|on|am|an|der|sur)"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:[ ](?:{_CAPS_WORD}|{_PARTICLE}))*"
_TITLE_WORD = r"[A-Z][a-zà-ÿ'’.\-]*[a-zà-ÿ.]"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:[ ](?:{_TITLE_WORD}|{_PARTICLE}))*"
_REGION = rf"(?!{MONTH_RE}\b)[A-Z][\w.'’\-]*(?:[ ][A-Z][\w.'’\-]*){{0,3}}"
_OUTLET = (
    r"(?:\((?P<outlet>[A-Za-z][\w .&'’/\-]{0,40}?)\)|/(?P<outlet2>[A-Za-z][\w .&'’\-]{0,30})/)"
)
# Dash-like separators; a single hyphen needs a space on one side ("LONDON-based" is prose).
_SEP = r"(?:[ \t]*(?:—|–|―|--)[ \t]*|[ \t]+-[ \t]*|-[ \t]+|[ \t]*:[ \t]+)"
_TAIL = r"(?=[\"“‘'(\[A-Z0-9])"

_DATELINE_RE = re.compile(
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})"
    rf"(?:,[ ]*(?P<region>{_REGION}))?"
    rf"(?:,[ ]*(?P<date>{DATE_TEXT_RE}))?"
    rf"\.?[ ]*"
    rf"(?:{_OUTLET}[ ]*)?"
    rf"(?:{_SEP}|(?<=/)\.?[ ]*)"
    rf"{_TAIL}"
)

_BYLINE_RE = re.compile(r"(?:by|BY|By)[ \t:]+(?P<rest>.+)")
_NAME_WORD = re.compile(
    r"(?:[A-Z][a-zà-ÿ'’\-]+(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z]\.|[A-Z][A-Z'’\-]+|Mc[A-Z][a-z]+)"
)
_NAME_PARTICLES = frozenset(
    {"de", "del", "della", "da", "di", "van", "von", "der", "den", "al", "el", "bin", "ibn",
     "le", "la", "dos", "du", "ter", "af"}
)  # fmt: skip
_NAME_SPLIT = re.compile(r"\s*(?:,|\||/|\s-\s|\s—\s|\s–\s)\s*")


@dataclass
class CleanedText:
    body: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    dateline: Dateline | None = None
    dateline_date: date | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (rule id, line) for debugging


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").lstrip("\ufeff")


# A section heading run into the paragraph after it, when a page's markup is flattened:
# "... from Britain. Trump approval During a visit by Starmer ...". After the end of a
# sentence come a few words with no punctuation of their own, then a capitalised word that
# only opens a sentence (an article, a preposition, a pronoun, a subordinator) and a
# lower-case word or a number. A capitalised "The" or "In" inside a sentence is a name
# ("told The Associated Press", "Lost In Translation"), so the word after must not be.
RUN_IN_HEADING_MAX_WORDS = 6
_SENTENCE_OPENERS = (
    "The|A|An|In|On|At|During|Since|After|Before|According|While|When|Although|Though|"
    "But|However|Meanwhile|This|That|These|Those|It|He|She|They|We|His|Her|Their|Its|"
    "More|Some|Many|Most|Earlier|Later|Despite|Under|For|With|As|If|From|By|Over|Until"
)
_HEADING_MORE_WORDS = RUN_IN_HEADING_MAX_WORDS - 1
_RUN_IN_HEADING = re.compile(
    r"(?<=[.!?])([\"”’')\]]?) "  # the end of the previous sentence
    rf"((?:[\"“‘'(]?[A-Z0-9][^\s]*)(?: [^\s]+){{0,{_HEADING_MORE_WORDS}}}?)"  # the heading
    rf" (?=(?:{_SENTENCE_OPENERS}) [a-z0-9])"  # a sentence opener, then a common word
)
# Punctuation that ends a heading word means the words are prose, not a heading.
_PROSE_PUNCTUATION = re.compile(r"[.,;:!?]\S*$|[.,;:!?] ")


def break_run_in_headings(line: str) -> str:
    """Put a heading run into its paragraph on its own line, replacing the spaces around it
    with line breaks so the text keeps its length (character offsets stay valid)."""
    chars = list(line)
    for match in _RUN_IN_HEADING.finditer(line):
        heading = match.group(2)
        if _PROSE_PUNCTUATION.search(heading):
            continue
        chars[match.start(2) - 1] = "\n"
        chars[match.end(2)] = "\n"
    return "".join(chars)


def _words(line: str) -> int:
    return len(line.split())


def _first_match(patterns: tuple[LinePattern, ...], line: str) -> LinePattern | None:
    words = _words(line)
    for p in patterns:
        if p.match(line, words):
            return p
    return None


def _pretty_place(place: str) -> str:
    if not place.isupper():
        return place
    out = []
    for w in place.split(" "):
        if w.lower() in {"de", "del", "da", "es", "al", "el", "la", "le", "du", "of"}:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    text = " ".join(out)
    return re.sub(r"(?<=['’])([a-z])", lambda m: m.group(1).upper(), text) if "'" in text else text


def _title_case_name(name: str) -> str:
    if not name.isupper():
        return name
    return " ".join(
        w.capitalize() if len(w) > 2 or not w.endswith(".") else w for w in name.split()
    )


def match_dateline(line: str) -> tuple[Dateline, int] | None:
    """The dateline at the start of ``line`` and where the article text after it begins."""
    # a dateline is short: matching on the line's head keeps huge one-line inputs cheap
    m = _DATELINE_RE.match(line[: DATELINE_MAX_CHARS * 2])
    if not m or m.end() > DATELINE_MAX_CHARS or _words(line[m.end() :]) < 3:
        return None
    place = m.group("place").strip()
    if place.casefold() in boilerplate().not_a_dateline or place.endswith("-"):
        return None
    outlet = m.group("outlet") or m.group("outlet2")
    region = m.group("region")
    date_text = m.group("date")
    caps = place.isupper() and sum(c.isalpha() for c in place) >= 2
    if not caps:
        # A capitalised first word followed by a dash is ordinary prose unless the place is
        # a known dateline city or the wire's name follows it.
        if not (outlet or known_place(place) or (region and date_text)):
            return None
        if _words(place) > 3:
            return None
    if region and region.isupper() and not caps:
        return None
    country = dateline_country(place, region)
    dl = Dateline(
        place=_pretty_place(place),
        country=country,
        outlet=outlet.strip() if outlet else None,
        date_text=date_text,
    )
    return dl, m.end()


def _split_names(text: str) -> str | None:
    """A person-name string ("Jane Doe and John Smith") from a byline remainder, or None."""
    first = _NAME_SPLIT.split(text.strip(), maxsplit=1)[0].strip().rstrip(".")
    first = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", first)  # "Jane Doe in London"
    if not first:
        return None
    parts = re.split(r"\s+(?:and|&)\s+", first)
    names = []
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= NAME_MAX_WORDS + 1:
            return None
        if not all(_NAME_WORD.fullmatch(w) or w.lower() in _NAME_PARTICLES for w in words):
            return None
        if any(w.casefold().strip(".") in boilerplate().not_a_name for w in words):
            return None
        names.append(_title_case_name(part))
    if not names or all(len(n.split()) < 2 for n in names):
        return None
    return " and ".join(names)


def _byline(line: str) -> tuple[str | None, str | None] | None:
    """(author, outlet) of a "By ..." line, or None when the line is not a byline."""
    m = _BYLINE_RE.fullmatch(line)
    if not m or _words(line) > BYLINE_MAX_WORDS:
        return None
    rest = m.group("rest").strip()
    outlets = outlet_names()
    if rest.casefold().rstrip(".") in outlets:
        return None, outlets[rest.casefold().rstrip(".")]
    author = _split_names(rest)
    if author is None:
        return None
    outlet = None
    parts = _NAME_SPLIT.split(rest, maxsplit=1)
    if len(parts) == 2 and parts[1].casefold().strip(". ") in outlets:
        outlet = outlets[parts[1].casefold().strip(". ")]
    return author, outlet


def _name_line(line: str) -> tuple[str | None, str | None] | None:
    """A trailing author line: "Sergey Kwan", "By Jane Doe", "Jane Doe, Reuters"."""
    by = _byline(line)
    if by is not None:
        return by
    if _words(line) > BYLINE_MAX_WORDS or line.endswith((".", "!", "?", ":", ";")):
        return None
    parts = _NAME_SPLIT.split(line, maxsplit=1)
    author = _split_names(parts[0])
    if author is None:
        return None
    outlet = None
    if len(parts) == 2:
        o = parts[1].casefold().strip(". ")
        if o not in outlet_names():
            return None
        outlet = outlet_names()[o]
    return author, outlet


def _headline_like(line: str) -> bool:
    if _words(line) > HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if line.rstrip("\"'”’)").endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    return line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"“‘'"


def _same_text(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).casefold().strip()

    na, nb = norm(a), norm(b)
    return bool(na) and (na == nb or (len(nb) > 20 and (na.startswith(nb) or nb.startswith(na))))


def _credit_author(line: str) -> str | None:
    for p in boilerplate().credit:
        m = p.match(line)
        if m:
            try:
                names = m.group("names")
            except IndexError:
                return None
            return _split_names(names) if names else None
    return None


def clean_text(
    text: str,
    *,
    title: str | None = None,
    reference: date | None = None,
) -> CleanedText:
    """Split raw article text into headline, byline, dateline, body and trailing matter."""
    bp = boilerplate()
    lines = [ln.strip() for ln in normalise_newlines(text).split("\n")]
    keep = [bool(ln) for ln in lines]
    result = CleanedText(body="")
    nonempty = [i for i, ln in enumerate(lines) if ln]
    if not nonempty:
        return result

    def drop(i: int, why: str) -> None:
        keep[i] = False
        result.removed.append((why, lines[i]))

    # Header: everything above a dateline found in the first lines, or headline + byline.
    window = nonempty[:HEADER_WINDOW]
    dateline_at: int | None = None
    dateline_cut = 0
    prose_lines = 0
    for i in window:
        found = match_dateline(lines[i])
        if found:
            result.dateline, dateline_cut = found
            dateline_at = i
            break
        # Above a dateline sit a headline, a byline, dates and at most one standfirst
        # sentence; a second prose line means the article has already begun.
        if _words(lines[i]) > HEADER_MAX_WORDS:
            break
        if not (_headline_like(lines[i]) or _byline(lines[i]) or _is_header_line(lines[i])):
            prose_lines += 1
            if prose_lines > MAX_STANDFIRST_LINES:
                break
    header = [j for j in window if dateline_at is not None and j < dateline_at]
    if dateline_at is None:
        header = []
        for pos, i in enumerate(window[:4]):
            line = lines[i]
            is_last = pos + 1 >= len(nonempty)
            if _byline(line) is not None or _first_match(bp.header, line):
                header.append(i)
                continue
            standalone = (
                i + 1 >= len(lines) or not lines[i + 1] or _byline(lines[i + 1]) is not None
            )
            if (
                not header_has_title(header, lines, title)
                and not is_last
                and _headline_like(line)
                and standalone
                and (title is None or _same_text(line, title))
            ):
                header.append(i)
                continue
            break
    found_title: str | None = None
    for i in header:
        line = lines[i]
        by = _byline(line)
        if by is not None:
            result.author = result.author or by[0]
            result.outlet = result.outlet or by[1]
            drop(i, "byline")
        elif _first_match(bp.header, line) or _first_match(bp.anywhere, line):
            drop(i, "header")
        else:
            if found_title is None and _headline_like(line):
                found_title = line
            drop(i, "headline")
    result.title = title or found_title
    if result.dateline is not None:
        result.outlet = result.outlet or result.dateline.outlet
        if result.dateline.date_text:
            result.dateline_date = parse_date_text(result.dateline.date_text, reference)

    # Trailing block, scanned upwards from the end: boilerplate, outlet lines, author-name
    # lines and biographies. Loose biography lines go only if a name line sits above them.
    known_outlets = outlet_names()
    body_lines = [i for i in nonempty if keep[i] and i != dateline_at]
    header_author = result.author is not None
    pending: list[int] = []
    for i in reversed(body_lines):
        line = lines[i]
        low = line.casefold().strip(" .")
        rule: str | None = None
        p = _first_match(bp.tail, line) or _first_match(bp.anywhere, line)
        if p:
            rule = p.id
        elif low in known_outlets or (result.outlet and low == result.outlet.casefold()):
            rule = "outlet-line"
        else:
            credit = _credit_author(line)
            if credit is not None or _first_match(bp.credit, line):
                rule = "credit"
                if credit and not result.author:
                    result.author = credit
            else:
                bio = _first_match(bp.bio, line)
                name = None if bio is not None and bio.strict else _name_line(line)
                if bio is not None and bio.strict:
                    rule = bio.id
                elif name is not None:
                    rule = "author-line"
                    if name[0] and not header_author:
                        result.author = name[0]
                    result.outlet = result.outlet or name[1]
                elif bio is not None or _mentions_author(line, result.author):
                    pending.append(i)
                    continue
        if rule is None:
            break
        for j in pending:
            drop(j, "bio-loose")
        pending = []
        drop(i, rule)

    # Boilerplate lines anywhere in the body ("Advertisement", share buttons).
    for i in nonempty:
        if keep[i] and i != dateline_at:
            p = _first_match(bp.anywhere, lines[i])
            if p:
                drop(i, p.id)

    # Assemble: paragraphs stay separated as in the input; a removed line counts as a break.
    out: list[str] = []
    gap = False
    for i, line in enumerate(lines):
        if i == dateline_at:
            line = line[dateline_cut:].strip()
            if not line:
                gap = True
                continue
        elif not keep[i]:
            gap = True
            continue
        if out:
            out.append("\n\n" if gap else "\n")
        out.append(break_run_in_headings(line))
        gap = False
    result.body = "".join(out)
    return result


def _is_header_line(line: str) -> bool:
    bp = boilerplate()
    return _first_match(bp.header, line) is not None or _first_match(bp.anywhere, line) is not None


def header_has_title(header: list[int], lines: list[str], title: str | None) -> bool:
    """Whether a headline has already been taken into the header."""
    return any(_byline(lines[i]) is None and _headline_like(lines[i]) for i in header) and (
        title is None or any(_same_text(lines[i], title) for i in header)
    )


def _mentions_author(line: str, author: str | None) -> bool:
    if not author:
        return False
    surnames = {n.split()[-1] for n in author.split(" and ") if n.split()}
    return any(re.search(rf"\b{re.escape(s)}\b", line) for s in surnames)
