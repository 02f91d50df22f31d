"""The actor knowledge base: data files -> one indexed, read-only object.

``load_kb()`` reads the TSV files under ``dateline/data/actors`` (see the README there) and
any user files (TSV in the same formats, or TABARI/PETRARCH ``.actors``/``.agents``
dictionaries), then builds one phrase index keyed on normalised token tuples. A malformed
user line becomes a ``KBWarning`` on ``kb.warnings`` and is skipped; loading goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from dateline.actors._text import (
    abbreviation_variant,
    case_pattern,
    norm,
    pluralise,
    split_phrase,
)
from dateline.actors._words import word_class
from dateline.model import Location
from dateline.places import Gazetteer

Date = dt.date

# CAMEO sector (role) codes the resolver knows; used to split imported codes such as
# "PSEREBHMS" into country PSE + sector REB.
_SECTOR_LIST = "GOV MIL COP REB OPP CVL BUS MED JUD REF NGO LEG SPY EDU HLH LAB AGR ELI PTY REL CRM"
SECTORS = frozenset(_SECTOR_LIST.split() + ["UAF", "HRI", "ENV", "DEV", "SOC", "IGO", "IMG", "MNC"])


@dataclass(frozen=True, slots=True)
class KBWarning:
    """One skipped line of a knowledge-base or user dictionary file."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` (inclusive; None = open)."""

    code: str
    country: str | None
    sector: str | None
    start: Date | None = None
    end: Date | None = None

    def covers(self, when: Date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class Term:
    """One term of office of one person."""

    code: str  # ISO3 country or IGO code
    sector: str  # sector while in office (GOV unless stated)
    office: str  # hos | hog | fm | sg | other
    role: str
    start: Date | None
    end: Date | None

    def covers(self, when: Date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(slots=True)
class Person:
    id: str
    name: str
    terms: list[Term] = field(default_factory=list)


@dataclass(slots=True)
class Entry:
    """What one knowledge-base phrase can denote."""

    id: str
    type: str  # country adjective people region place institution org group role ref person
    name: str
    country: str | None = None  # ISO3
    code: str | None = None  # base code: CAMEO country, IGO/NGO or group code
    sector: str | None = None
    kind: str | None = None
    role: str | None = None
    office: str | None = None
    flags: frozenset[str] = frozenset()
    lat: float | None = None
    lon: float | None = None
    count: int = 0
    codes: tuple[DatedCode, ...] = ()
    countries: tuple[str, ...] = ()  # where an ethnic community lives
    source: str = "kb"

    def dated_code(self, when: Date | None) -> DatedCode | None:
        """The code in force at ``when`` (dated restrictions win over an undated default)."""
        if not self.codes:
            return None
        default = next((c for c in self.codes if not c.dated), None)
        if when is None:
            if default is not None:
                return default
            return max(self.codes, key=lambda c: c.start or Date.min)
        for c in self.codes:
            if c.dated and c.covers(when):
                return c
        return default


def from_package(entry: Entry) -> bool:
    """Whether an entry comes from the package data (its files, or made while loading them
    with no file named), not from a user's file."""
    return entry.source == "kb" or entry.source in PACKAGE_FILES


@dataclass(frozen=True, slots=True)
class Alias:
    entry: Entry
    case: tuple[int, ...]


class KnowledgeBase:
    """Indexed actor knowledge. Build it with ``load_kb()``; treat it as read-only."""

    def __init__(self) -> None:
        self.warnings: list[KBWarning] = []
        self.countries: dict[str, Entry] = {}  # ISO3 -> country entry
        self.cameo_to_iso: dict[str, str] = {}
        self.regions: dict[str, Entry] = {}
        # region code -> ISO3 codes of its countries ("the Gulf state" is one of them)
        self.region_members: dict[str, frozenset[str]] = {}
        self.places: dict[str, Entry] = {}
        self.capitals: dict[str, Entry] = {}  # ISO3 -> capital
        self.persons: dict[str, Person] = {}
        self.entries: dict[str, Entry] = {}
        self.name_clashes: frozenset[str] = frozenset()
        # phrase index: normalised token tuple -> aliases; first token -> longest length
        self.phrases: dict[tuple[str, ...], list[Alias]] = {}
        self.max_len: dict[str, int] = {}
        # imported TABARI stems: phrase whose last word matches as a prefix
        self.stems: dict[str, list[tuple[tuple[str, ...], Alias]]] = {}
        self.sources: list[str] = []
        # ISO3 -> (independence date, predecessor ISO3)
        self.successions: dict[str, tuple[Date, str]] = {}
        # significant name words of a leader's full names -> person ids ("Omar El Bashir"
        # and "Omar al-Bashir" share {"omar", "bashir"})
        self.name_words: dict[frozenset[str], set[str]] = {}

    # -- building -----------------------------------------------------------------------
    def add_phrase(self, phrase: str, entry: Entry, *, case_sensitive: bool = True) -> None:
        for key, case in _phrase_keys(phrase, case_sensitive):
            bucket = self.phrases.setdefault(key, [])
            if any(a.entry is entry for a in bucket):
                continue
            if from_package(entry):
                bucket.append(Alias(entry, case))
            else:
                # a user's file (an imported dictionary) overrides the package data for the
                # same phrase: its meaning comes first, where rules take the first one
                user = sum(not from_package(a.entry) for a in bucket)
                bucket.insert(user, Alias(entry, case))
            if self.max_len.get(key[0], 0) < len(key):
                self.max_len[key[0]] = len(key)

    def add_stem(self, phrase: str, entry: Entry) -> None:
        tokens = [norm(t) for t in split_phrase(phrase)]
        if not tokens:
            return
        alias = Alias(entry, (0,) * len(tokens))
        self.stems.setdefault(tokens[0][:3], []).append((tuple(tokens), alias))

    # -- queries ------------------------------------------------------------------------
    def lookup(self, phrase: str) -> list[Entry]:
        """Entries a whole phrase denotes, ignoring case ("Kazakh" -> adjective of KAZ)."""
        return [a.entry for a in self.phrases.get(phrase_key(phrase), [])]

    def country(self, code: str | None) -> Entry | None:
        """A country by ISO3 or CAMEO code."""
        if not code:
            return None
        iso = self.cameo_to_iso.get(code, code)
        return self.countries.get(iso)

    def gazetteer(self) -> Gazetteer:
        """The places and countries this knowledge base names, as a ``Gazetteer`` (the first
        place or country a phrase denotes, as ``lookup`` orders them)."""
        places: dict[tuple[str, ...], Location] = {}
        for key, aliases in self.phrases.items():
            entry = next((a.entry for a in aliases if a.entry.type in PLACE_TYPES), None)
            if entry is not None:
                places[key] = Location(entry.name, entry.country, entry.lat, entry.lon)
        return Gazetteer(places, frozenset(self.phrases), phrase_key)

    def persons_named(self, words: Sequence[str]) -> list[Person]:
        """Leaders whose full name has exactly these significant words, in any spelling of
        the particles ("el", "al-", "bin")."""
        key = name_key(words)
        if len(key) < 2:
            return []
        return [self.persons[pid] for pid in sorted(self.name_words.get(key, ()))]

    def country_at(self, iso: str | None, when: Date | None) -> str | None:
        """The country a place of ``iso`` belonged to at ``when`` ("Juba" 2005 -> SDN)."""
        seen = 0
        while iso and when is not None and iso in self.successions and seen < 4:
            start, predecessor = self.successions[iso]
            if when >= start:
                break
            iso, seen = predecessor, seen + 1
        return iso

    def leaders(self, code: str, when: Date | None, office: str | None = None) -> list[Person]:
        """People holding an office of ``code`` at ``when`` (None = today, as the file knows)."""
        out = []
        for person in self.persons.values():
            for term in person.terms:
                if term.code != code or (office and term.office != office):
                    continue
                if (when is None and term.end is None) or (when is not None and term.covers(when)):
                    out.append(person)
                    break
        return out

    def split_code(self, code: str) -> tuple[str | None, str | None]:
        """Country (ISO3) and sector of a CAMEO code: "KAZGOV" -> ("KAZ", "GOV")."""
        head, rest = code[:3], code[3:]
        country = self.cameo_to_iso.get(head) if head not in ("IGO", "NGO", "IMG") else None
        sector = None
        for k in range(0, len(rest), 3):
            if rest[k : k + 3] in SECTORS:
                sector = rest[k : k + 3]
                break
        return country, sector


Key = tuple[tuple[str, ...], tuple[int, ...]]
# Entry types that name a place an event can happen in.
PLACE_TYPES = ("place", "country")


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The index key of a phrase, ignoring case."""
    return tuple(norm(t) for t in split_phrase(phrase))


@cache
def _phrase_keys(phrase: str, case_sensitive: bool) -> tuple[Key, ...]:
    """Index keys of a phrase: its tokens, and the variant with split abbreviations."""
    out = []
    tokens = split_phrase(phrase)
    for variant in (tokens, abbreviation_variant(tokens)):
        if variant:
            key = tuple(norm(t) for t in variant)
            out.append((key, case_pattern(variant) if case_sensitive else (0,) * len(variant)))
    return tuple(out)


Rows = Iterator[tuple[int, dict[str, str]]]

# Name particles that spellings add, drop or attach ("el-Sisi", "al Sisi", "bin Salman").
NAME_PARTICLES = word_class("name_key_particle")


def name_key(words: Sequence[str]) -> frozenset[str]:
    """The significant words of a personal name, normalised."""
    out = set()
    for word in words:
        for part in norm(word).replace("-", " ").replace(".", " ").split():
            if part not in NAME_PARTICLES and any(c.isalpha() for c in part):
                out.add(part)
    return frozenset(out)


# -- TSV reading -------------------------------------------------------------------------
def _rows(text: str, source: str, warnings: list[KBWarning]) -> Rows:
    header: list[str] | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if line != line.strip():  # only then pay for stripping every cell
            cells = [c.strip() for c in cells]
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) != len(header):
            reason = f"expected {len(header)} tab-separated cells, got {len(cells)}"
            warnings.append(KBWarning(source, lineno, reason))
            continue
        row = dict(zip(header, cells, strict=True))
        if not row.get("id"):
            warnings.append(KBWarning(source, lineno, "missing id"))
            continue
        yield lineno, row


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()] if cell else []


def _date(cell: str) -> Date | None:
    return dt.date.fromisoformat(cell) if cell else None


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


# Kind of the gazetteer rows known only from news datelines (``dateline.places``): they have
# no coordinates and were never reviewed as actors, so the knowledge base leaves them out.
DATELINE_ONLY = "dateline"


# One loader per file type, keyed by the file's column header.
def _load_countries(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for _, r in rows:
        iso = r["iso3"]
        cameo = r["cameo"] or iso
        country = Entry(r["id"], "country", r["name"], country=iso, code=cameo, source=src)
        kb.countries[iso] = country
        kb.cameo_to_iso[country.code or iso] = iso
        kb.cameo_to_iso.setdefault(iso, iso)
        kb.entries[r["id"]] = country
        for name in [r["name"], *_split(r["aliases"])]:
            kb.add_phrase(name, country)
        adj = Entry(r["id"] + ":adj", "adjective", r["name"], country=iso, code=cameo)
        for word in _split(r["adjectives"]):
            kb.add_phrase(word, adj)
        people = Entry(r["id"] + ":people", "people", r["name"], country=iso, code=cameo)
        for word in _split(r["people"]):
            kb.add_phrase(word, people)


def _load_regions(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for _, r in rows:
        region = Entry(r["id"], "region", r["name"], code=r["code"], source=src)
        kb.regions[r["code"]] = region
        kb.entries[r["id"]] = region
        for name in [r["name"], *_split(r["aliases"])]:
            kb.add_phrase(name, region)
        adj = Entry(r["id"] + ":adj", "adjective", r["name"], code=r["code"], source=src)
        for word in _split(r["adjectives"]):
            kb.add_phrase(word, adj)
        people = Entry(r["id"] + ":people", "people", r["name"], code=r["code"], source=src)
        for word in _split(r["people"]):
            kb.add_phrase(word, people)


def _load_places(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for lineno, r in rows:
        if r["kind"] == DATELINE_ONLY:
            continue
        try:
            lat, lon = _float(r["lat"]), _float(r["lon"])
        except ValueError:
            kb.warnings.append(KBWarning(src, lineno, "latitude/longitude is not a number"))
            continue
        iso = r["iso3"] or None
        code = kb.countries[iso].code if iso in kb.countries else iso
        place = Entry(
            r["id"], "place", r["name"], country=iso, code=code,
            kind=r["kind"], lat=lat, lon=lon, source=src,
        )  # fmt: skip
        kb.places[r["id"]] = place
        kb.entries[r["id"]] = place
        if r["kind"] == "capital" and iso:
            kb.capitals.setdefault(iso, place)
        for name in [r["name"], *_split(r["aliases"])]:
            kb.add_phrase(name, place)


def _load_institutions(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for _, r in rows:
        iso = r["iso3"] or None
        code = kb.countries[iso].code if iso in kb.countries else iso
        inst = Entry(
            r["id"], "institution", r["name"], country=iso, code=code,
            sector=r["sector"] or None, kind=r["kind"], source=src,
        )  # fmt: skip
        kb.entries[r["id"]] = inst
        for name in [r["name"], *_split(r["aliases"])]:
            kb.add_phrase(name, inst)


def _load_organisations(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for _, r in rows:
        org = Entry(
            r["id"], "org", r["name"], code=r["code"], sector=r["sector"] or None,
            kind=r["kind"], source=src,
        )  # fmt: skip
        kb.entries[r["id"]] = org
        for name in [r["name"], *_split(r["aliases"])]:
            kb.add_phrase(name, org)


def _load_groups(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for lineno, r in rows:
        try:
            start, end = _date(r["start"]), _date(r["end"])
        except ValueError:
            kb.warnings.append(KBWarning(src, lineno, "start/end is not an ISO date (YYYY-MM-DD)"))
            continue
        period = DatedCode(r["code"], r["iso3"] or None, r["sector"] or None, start, end)
        group = kb.entries.get(r["id"])
        if group is None:
            group = Entry(r["id"], "group", r["name"], country=period.country, code=r["code"])
            group.source = src
            kb.entries[r["id"]] = group
        group.codes = (*group.codes, period)
        for name in [r["name"], *_split(r["aliases"])]:
            kb.add_phrase(name, group)


def _load_roles(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for _, r in rows:
        role = Entry(
            r["id"], "role", r["phrase"], sector=r["sector"] or None, kind=r["kind"],
            role=r["role"] or None, office=r["office"] or None,
            flags=frozenset(_split(r["flags"].replace(",", "|"))), source=src,
        )  # fmt: skip
        kb.entries[r["id"]] = role
        kb.add_phrase(r["phrase"], role)
        plural = r["plural"]
        if role.kind in ("person", "group", "thing") and plural != "-":
            plural_entry = Entry(
                role.id + ":pl", "role", r["phrase"], sector=role.sector, kind=role.kind,
                role=role.role, office=role.office, flags=role.flags | {"plural"}, source=src,
            )  # fmt: skip
            kb.add_phrase(plural or pluralise(r["phrase"]), plural_entry)


def _load_references(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for lineno, r in rows:
        try:
            count = int(r["count"])
        except ValueError:
            kb.warnings.append(KBWarning(src, lineno, "count is not a whole number"))
            continue
        ref = Entry(r["id"], "ref", r["phrase"], kind=r["type"], count=count, source=src)
        kb.entries[r["id"]] = ref
        kb.add_phrase(r["phrase"], ref, case_sensitive=False)


def _load_leaders(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    last_aliases: dict[str, str] = {}
    for lineno, r in rows:
        try:
            term = Term(
                r["code"], r["sector"] or "GOV", r["office"] or "other", r["role"],
                _date(r["start"]), _date(r["end"]),
            )  # fmt: skip
        except ValueError:
            kb.warnings.append(KBWarning(src, lineno, "start/end is not an ISO date (YYYY-MM-DD)"))
            continue
        person = kb.persons.get(r["id"])
        if person is None:
            person = kb.persons[r["id"]] = Person(r["id"], r["name"])
            kb.entries[r["id"]] = Entry(r["id"], "person", r["name"], source=src)
            seen = None
        else:
            seen = (r["name"], r["aliases"])
        person.terms.append(term)
        # rows of one person usually repeat the same names: index them once
        if seen != (person.name, last_aliases.get(r["id"])):
            for name in [r["name"], *_split(r["aliases"])]:
                kb.add_phrase(name, kb.entries[r["id"]])
                key = name_key(_phrase_keys(name, True)[0][0])
                if len(key) >= 2:
                    kb.name_words.setdefault(key, set()).add(r["id"])
        last_aliases[r["id"]] = r["aliases"]


def _load_ethnic(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for _, r in rows:
        countries = tuple(_split(r["countries"]))
        group = Entry(
            r["id"], "ethnic", r["name"], country=countries[0] if len(countries) == 1 else None,
            code=r["code"] or None, countries=countries, source=src,
        )  # fmt: skip
        kb.entries[r["id"]] = group
        for name in [r["name"], *_split(r["aliases"]), *_split(r["people"])]:
            kb.add_phrase(name, group)
        adj = Entry(
            r["id"] + ":adj", "ethnic", r["name"], country=group.country, code=group.code,
            countries=countries, kind="adjective", source=src,
        )  # fmt: skip
        for word in _split(r["adjectives"]):
            kb.add_phrase(word, adj)


def _load_successions(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for lineno, r in rows:
        try:
            kb.successions[r["iso3"]] = (dt.date.fromisoformat(r["start"]), r["predecessor"])
        except ValueError:
            kb.warnings.append(KBWarning(src, lineno, "start is not an ISO date (YYYY-MM-DD)"))


def _load_region_members(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    for _, r in rows:
        members = frozenset(_split(r["members"]))
        kb.region_members[r["region"]] = kb.region_members.get(r["region"], frozenset()) | members


def _load_clashes(kb: KnowledgeBase, rows: Rows, src: str) -> None:
    kb.name_clashes = kb.name_clashes | {norm(r["word"]) for _, r in rows}


_LOADERS = {
    ("id", "iso3", "cameo", "name", "aliases", "adjectives", "people"): _load_countries,
    ("id", "code", "name", "aliases", "adjectives", "people"): _load_regions,
    ("id", "name", "aliases", "iso3", "kind", "lat", "lon"): _load_places,
    ("id", "name", "aliases", "iso3", "kind", "lat", "lon", "dateline"): _load_places,
    ("id", "name", "aliases", "iso3", "sector", "kind"): _load_institutions,
    ("id", "code", "name", "aliases", "sector", "kind"): _load_organisations,
    ("id", "name", "aliases", "code", "iso3", "sector", "start", "end"): _load_groups,
    ("id", "phrase", "plural", "sector", "role", "kind", "office", "flags"): _load_roles,
    ("id", "phrase", "type", "count"): _load_references,
    ("id", "name", "aliases", "code", "sector", "office", "role", "start", "end"): _load_leaders,
    ("id", "word"): _load_clashes,
    ("id", "name", "aliases", "adjectives", "people", "countries", "code"): _load_ethnic,
    ("id", "iso3", "predecessor", "start"): _load_successions,
    ("id", "region", "members"): _load_region_members,
}

# Order matters: places and institutions look up their country's CAMEO code.
PACKAGE_FILES = (
    "countries.tsv",
    "regions.tsv",
    "places.tsv",
    "institutions.tsv",
    "organisations.tsv",
    "groups.tsv",
    "roles.tsv",
    "references.tsv",
    "leaders.tsv",
    "name_clashes.tsv",
    "ethnic.tsv",
    "successions.tsv",
    "region_members.tsv",
)


def _header(text: str) -> tuple[str, ...]:
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return tuple(c.strip() for c in line.rstrip("\r\n").split("\t"))
    return ()


def load_tsv(kb: KnowledgeBase, text: str, source: str) -> None:
    """Add one TSV file, recognised by its header, to ``kb``."""
    loader = _LOADERS.get(_header(text))
    if loader is None:
        kb.warnings.append(
            KBWarning(source, 1, "unrecognised header: not one of the knowledge-base TSV formats")
        )
        return
    loader(kb, _rows(text, source, kb.warnings), source)
