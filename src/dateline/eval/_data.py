"""Loaders for the event gold sets in ``../shared/data`` (read in place, never copied)."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError


class EvalDataError(DatelineError):
    """A development set is missing or not in the expected format."""


@dataclass
class GoldActor:
    text: str
    code: str  # country (ISO3 or IGO...) as the gold states it; "" when the gold gives none
    sector: str | None
    start: int | None = None  # offsets into the sentence, when found
    end: int | None = None
    given_span: bool = False  # the offsets are the gold's own, not found by its text


@dataclass
class PloverRecord:
    id: str
    text: str
    event: str | None  # the gold label: a PLOVER category, a PentaClass or an actor code
    sources: list[GoldActor]
    targets: list[GoldActor]
    mode: str | None = None
    context: str | None = None
    event_text: str | None = None
    published: str | None = None  # ISO date, when the record has one


@dataclass
class PentaRecord:
    index: int
    text: str
    label: int
    source: tuple[int, int] | None = None  # character span in text
    target: tuple[int, int] | None = None
    published: str | None = None


@dataclass
class PetrarchRecord:
    id: str
    category: str
    date: str
    text: str
    codings: list[tuple[str, str, str]] = field(default_factory=list)  # (source, target, code)
    no_events: bool = False


def record_date(value: str | None) -> dt.date | None:
    """A record's date: an ISO date or the date part of an ISO timestamp, else None."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _require(path: Path) -> Path:
    if not path.exists():
        raise EvalDataError(f"{path} not found: give the folder of the development set")
    return path


def _locate(sentence: str, phrase: str) -> tuple[int, int] | None:
    if not phrase:
        return None
    pos = sentence.find(phrase)
    if pos < 0:
        pos = sentence.lower().find(phrase.lower())
    return (pos, pos + len(phrase)) if pos >= 0 else None


def _offsets(item: dict[str, Any], sentence: str) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence):
        return start, end
    return None


def _actor(item: object, sentence: str) -> GoldActor | None:
    """One gold actor: a text ("Russia"), or an object with a text (``text`` or PLOVER's
    ``actorText``) and/or character offsets (``start``, ``end``), and a ``code`` (or
    ``country``) and ``sector`` when the gold codes it. A combined CAMEO code ("RUSGOV")
    gives country and sector."""
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, dict):
        return None
    span = given = _offsets(item, sentence)
    text = str(item.get("actorText") or item.get("text") or "")
    if span is None:
        span = _locate(sentence, text)
    elif not text:
        text = sentence[span[0] : span[1]]
    if not text:
        return None
    code = str(item.get("code") or item.get("country") or "").strip()
    sector = item.get("sector") or None
    if sector is None and len(code) >= 6:
        code, sector = split_actor_code(code)
    return GoldActor(
        text=text,
        code=code,
        sector=str(sector) if sector else None,
        start=span[0] if span else None,
        end=span[1] if span else None,
        given_span=given is not None,
    )


def phrase_actor(text: str, code: str) -> GoldActor:
    """A gold actor that is a whole phrase with its CAMEO actor code (a TSV line)."""
    country, sector = split_actor_code(code.strip())
    return GoldActor(text, country, sector, 0, len(text), given_span=True)


def split_actor_code(code: str) -> tuple[str, str | None]:
    """A CAMEO actor code as (country or IGO/NGO prefix, sector): "KAZGOV" -> (KAZ, GOV);
    "IGOUNO" -> (IGO, None), since UNO is no sector."""
    from dateline.actors import SECTORS

    head, rest = code[:3].upper(), code[3:6].upper()
    return head, rest if rest in SECTORS else None


def first_span(actors: list[GoldActor]) -> tuple[int, int] | None:
    """The span of the first gold actor found in its sentence."""
    for actor in actors:
        if actor.start is not None and actor.end is not None:
            return actor.start, actor.end
    return None


def _actors(value: object, sentence: str) -> list[GoldActor]:
    items = value if isinstance(value, list) else [value] if value else []
    return [a for a in (_actor(item, sentence) for item in items) if a is not None]


def load_plover(path: Path) -> list[PloverRecord]:
    """The PLOVER gold-standard records: the shipped folder, or a user's own gold file."""
    if path.is_dir():
        path = path / "PLOVER_GSR_CAMEO.json"
    return read_gold(_require(path))


def read_gold(path: Path) -> list[PloverRecord]:
    """A user's gold file, in one of three layouts:

    - PLOVER GSR-style JSON: an array of ``{"id", "text", "event", "source": [{"actorText",
      "code", "sector"}], "target": [...], "date"}`` objects;
    - JSONL: one ``{"id", "text", "source", "target", "event", "published"}`` object a line,
      an actor given as a text, an object (``text`` and/or ``start``/``end``, ``code``,
      ``sector``) or a list of them;
    - TSV: ``text<TAB>label`` lines (no actors).

    Records without text, and PLOVER's ``DOCUMENT`` records, are left out.
    """
    raw = path.read_text("utf-8-sig")
    head = raw.lstrip()[:1]
    if head == "[":
        try:
            items = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise EvalDataError(f"{path}: not JSON ({exc})") from exc
        if not isinstance(items, list):
            raise EvalDataError(f"{path}: expected a JSON array of records")
        numbered = list(enumerate(items, start=1))
    elif head == "{":
        numbered = []
        for n, line in enumerate(raw.splitlines(), start=1):
            if line.strip():
                try:
                    numbered.append((n, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise EvalDataError(f"{path}:{n}: not a JSON line ({exc.msg})") from exc
    else:
        return _read_tsv(path, raw)
    records = []
    for n, item in numbered:
        if not isinstance(item, dict):
            raise EvalDataError(f"{path}:{n}: a record must be a JSON object")
        record = _gold_record(item, n)
        if record is not None:
            records.append(record)
    return records


def _gold_record(item: dict[str, Any], n: int) -> PloverRecord | None:
    text = item.get("text")
    event = item.get("event", item.get("label"))
    if not isinstance(text, str) or not text.strip() or event == "DOCUMENT":
        return None
    published = item.get("published") or item.get("date")
    return PloverRecord(
        id=str(item.get("id") or n),
        text=text,
        event=str(event) if event not in (None, "") else None,
        sources=_actors(item.get("source"), text),
        targets=_actors(item.get("target"), text),
        mode=item.get("mode") or None,
        context=item.get("context") or None,
        event_text=item.get("eventText"),
        published=str(published) if published else None,
    )


def _read_tsv(path: Path, raw: str) -> list[PloverRecord]:
    records = []
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        text, tab, label = line.rpartition("\t")
        if not tab or not text.strip() or not label.strip():
            raise EvalDataError(f"{path}:{n}: expected text<TAB>label")
        records.append(
            PloverRecord(id=str(n), text=text, event=label.strip(), sources=[], targets=[])
        )
    return records


def load_penta(path: Path) -> list[PentaRecord]:
    """ConfliBERT's CAMEO test set (the shipped folder), or a user's gold file (see
    ``read_gold``) whose labels are PentaClasses 0-4; spans come from the first located
    source and target."""
    if not path.is_dir():
        records = []
        for i, rec in enumerate(read_gold(_require(path))):
            label = (rec.event or "").strip()
            if label not in {"0", "1", "2", "3", "4"}:
                raise EvalDataError(f"{path}: record {rec.id}: label {label!r} is not 0-4")
            source, target = first_span(rec.sources), first_span(rec.targets)
            records.append(PentaRecord(i, rec.text, int(label), source, target, rec.published))
        return records
    classes = _require(path / "cameo_class" / "test.tsv")
    spans = list(_conll_spans(path / "cameo_ner" / "test.txt"))
    records = []
    for i, line in enumerate(classes.read_text("utf-8").splitlines()):
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t")
        record = PentaRecord(index=i, text=text, label=int(label))
        if i < len(spans):
            record.source, record.target = _spans_in(text, spans[i])
        records.append(record)
    return records


def _conll_spans(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (token, tag) from a CoNLL file; empty iterator when missing."""
    if not path.exists():
        return
    sentence: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        token, _, tag = line.rpartition(" ")
        sentence.append((token, tag))
    if sentence:
        yield sentence


def _spans_in(
    text: str, tagged: list[tuple[str, str]]
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Character spans of the first source (S or R) and target (T or R) phrase."""
    pos = 0
    phrases: dict[str, tuple[int, int]] = {}
    current: str | None = None  # kind of the phrase being extended, if it is the first one
    for token, tag in tagged:
        found = text.find(token, pos)
        if found < 0:
            current = None
            continue
        start, end = found, found + len(token)
        pos = end
        kind = tag[2:] if tag[:2] in {"B-", "I-"} else None
        if tag.startswith("B-") and kind:
            current = kind if kind not in phrases else None
            phrases.setdefault(kind, (start, end))
        elif tag.startswith("I-") and kind is not None and kind == current:
            phrases[kind] = (phrases[kind][0], end)
        else:
            current = None
    source = phrases.get("S") or phrases.get("R")
    target = phrases.get("T") or (phrases.get("R") if phrases.get("S") else None)
    return source, target


_WS = re.compile(r"\s+")


def load_petrarch(folder: Path) -> list[PetrarchRecord]:
    path = _require(folder / "PETR.UnitTest.records.xml")
    try:
        root = ET.parse(path).getroot()  # noqa: S314 - local development file, not user input
    except ET.ParseError as exc:
        raise EvalDataError(f"{path}: not XML ({exc})") from exc
    records = []
    for sent in root.iter("Sentence"):
        text_el = sent.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            continue
        record = PetrarchRecord(
            id=sent.get("id", ""),
            category=sent.get("category", ""),
            date=sent.get("date", ""),
            text=_WS.sub(" ", text_el.text or "").strip(),
        )
        for coding in sent.findall("EventCoding"):
            if coding.get("noevents", "").lower() == "true":
                record.no_events = True
                continue
            record.codings.append(
                (
                    coding.get("sourcecode", ""),
                    coding.get("targetcode", ""),
                    coding.get("eventcode", ""),
                )
            )
        records.append(record)
    return records


@dataclass
class GoldTimex:
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 normalised value ("1998-02-06", "1998-W06", "PAST_REF")
    start: int  # offsets into TimeDocument.text
    end: int


@dataclass
class TimeDocument:
    id: str
    dct: str  # document creation time, ISO date
    text: str  # the TEXT element with its markup removed
    timexes: list[GoldTimex]


def parse_timeml(content: str, doc_id: str = "") -> TimeDocument:
    """One TimeML document: its creation time and the TIMEX3s of its text, with offsets into
    the text stripped of markup."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        raise EvalDataError(f"{doc_id or 'TimeML'}: not well-formed XML ({exc})") from exc
    dct_node = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct_node is None or body is None:
        raise EvalDataError(f"{doc_id or 'TimeML'}: no DCT/TIMEX3 or TEXT element")
    parts: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(node: ET.Element) -> None:
        start = sum(len(p) for p in parts)
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if node.tag == "TIMEX3":
            end = sum(len(p) for p in parts)
            text = "".join(parts)[start:end]
            timexes.append(GoldTimex(text, node.get("type", ""), node.get("value", ""), start, end))

    walk(body)
    return TimeDocument(
        id=doc_id or (root.findtext("DOCID") or "").strip(),
        dct=(dct_node.get("value") or "")[:10],
        text="".join(parts),
        timexes=timexes,
    )


def load_timeml(folder: Path) -> list[TimeDocument]:
    """Every ``*.tml`` under ``folder`` (TempEval-3 TBAQ-cleaned: TimeBank + AQUAINT)."""
    files = sorted(_require(folder).rglob("*.tml"))
    if not files:
        raise EvalDataError(f"no .tml files under {folder}: give the tempeval3 folder")
    return [parse_timeml(f.read_text(encoding="utf-8"), f.stem) for f in files]


@dataclass
class GoldToponym:
    phrase: str
    start: int  # offsets into GeoArticle.text
    end: int
    lat: float | None
    lon: float | None
    country: str | None = None  # the gazetteer's country name (LGL: GeoNames), if given


@dataclass
class GeoArticle:
    id: str
    corpus: str  # lgl | geovirus
    text: str
    toponyms: list[GoldToponym]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


# How far a gold toponym's offsets may be from its phrase in the text: GeoVirus counts from 1.
OFFSET_SLACK = 3


def _align(text: str, phrase: str, start: int) -> int | None:
    """Where ``phrase`` stands in ``text`` nearest the gold ``start``, within the slack."""
    for shift in sorted(range(-OFFSET_SLACK, OFFSET_SLACK + 1), key=abs):
        at = start + shift
        if at >= 0 and text[at : at + len(phrase)] == phrase:
            return at
    return None


def parse_geo_xml(content: str, corpus: str) -> list[GeoArticle]:
    """Articles of LGL (``<toponym>`` with a GeoNames ``<gaztag>``) or GeoVirus
    (``<location>`` with lat/lon); toponyms whose phrase is not at their offsets (within
    ``OFFSET_SLACK``) are dropped."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        raise EvalDataError(f"{corpus}: not well-formed XML ({exc})") from exc
    out: list[GeoArticle] = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        toponyms: list[GoldToponym] = []
        for node in [*art.iter("toponym"), *art.iter("location")]:
            start, end = node.findtext("start"), node.findtext("end")
            if not (start and end and start.strip().isdigit() and end.strip().isdigit()):
                continue
            phrase = (node.findtext("phrase") or node.findtext("name") or "").strip()
            at = _align(text, phrase, int(start)) if phrase else None
            if at is None:
                continue
            tag = node.find("gaztag")
            where = tag if tag is not None else node
            toponyms.append(
                GoldToponym(
                    phrase=phrase,
                    start=at,
                    end=at + len(phrase),
                    lat=_float(where.findtext("lat")),
                    lon=_float(where.findtext("lon")),
                    country=(where.findtext("country") or "").strip() or None,
                )
            )
        doc_id = art.get("docid") or (art.findtext("source") or "").rsplit("/", 1)[-1]
        out.append(GeoArticle(doc_id or f"{corpus}-{i}", corpus, text, toponyms))
    return out


GEO_FILES = {"lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}


def load_geoparsing(folder: Path) -> dict[str, list[GeoArticle]]:
    """LGL and GeoVirus from the geoparsing folder (either may be missing, not both)."""
    _require(folder)
    out = {
        corpus: parse_geo_xml((folder / name).read_text(encoding="utf-8"), corpus)
        for corpus, name in GEO_FILES.items()
        if (folder / name).exists()
    }
    if not out:
        raise EvalDataError(f"neither lgl.xml nor GeoVirus.xml in {folder}")
    return out


# --- whole-article key events (VOA) --------------------------------------------------------

# Country fields of a key event that name no country (an actor the labeller left open).
_NO_COUNTRY = {"", "---"}


@dataclass(frozen=True)
class KeyEvent:
    """One hand-labelled key event of a story (``key_events.jsonl``; see its LABELLING.md)."""

    article_id: str
    source: str  # ISO3 country, or IGO / NGO / MNC
    target: str | None  # None: the act has no other party (or the labeller left it open)
    plover: str  # PLOVER 2021 category
    cameo_root: str  # "01".."20"
    date: str  # YYYY-MM-DD (YYYY-MM-01 for month precision, YYYY-01-01 for year)
    date_precision: str  # day | month | year
    evidence: str  # verbatim substring of the story
    symmetric: bool = False
    source_text: str = ""
    target_text: str = ""


KEY_EVENTS = "key_events.jsonl"
STORIES = "voa_stories.jsonl"


def _country(actor: object) -> str | None:
    if not isinstance(actor, dict):
        return None
    code = str(actor.get("country") or "").strip().upper()
    return None if code in _NO_COUNTRY else code


def load_key_events(folder: Path) -> list[KeyEvent]:
    """The key events of ``folder/key_events.jsonl``, in file order."""
    path = _require(folder / KEY_EVENTS)
    events = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            source = _country(item["source"])
            if source is None:
                raise KeyError("source.country")
            target = item.get("target")
            events.append(
                KeyEvent(
                    article_id=str(item["article_id"]),
                    source=source,
                    target=_country(target),
                    plover=str(item["plover"]).upper(),
                    cameo_root=str(item["cameo_root"]).zfill(2),
                    date=str(item["date"]),
                    date_precision=str(item.get("date_precision") or "day"),
                    evidence=str(item.get("evidence") or ""),
                    symmetric=bool(item.get("symmetric")),
                    source_text=str(item["source"].get("text") or ""),
                    target_text=str(target.get("text") or "") if isinstance(target, dict) else "",
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise EvalDataError(f"{path} line {number}: not a key event ({exc})") from exc
    return events
