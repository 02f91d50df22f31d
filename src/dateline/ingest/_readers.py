"""Readers: paths, folders, globs and stdin -> a stream of Articles or InputErrors.

Every document is read on its own with a size limit, so memory stays flat however large a
JSONL or WARC file is, and a bad document becomes one InputError while the rest go on.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

from dateline.budget import DEFAULT_DOCUMENT_SECONDS, DocumentTimeout, time_budget
from dateline.errors import (
    EMPTY_TEXT,
    EXPANDS_TOO_MUCH,
    INVALID_JSON,
    NO_SUCH_INPUT,
    NOT_A_RECORD,
    NOT_A_WARC,
    NOT_HTML_RECORD,
    TOO_LARGE,
    TRUNCATED_GZIP,
    TRUNCATED_WARC,
    UNREADABLE_INPUT,
    InputError,
)
from dateline.ingest._article import Meta, build_article
from dateline.ingest._decode import DecodeFailure, decode_bytes, is_binary
from dateline.ingest._html import html_to_article, looks_like_html
from dateline.model import Article

# Largest single document (a file, a JSONL record, a WARC record) read, in bytes after
# decompression. News articles are far below this; a larger one is a dump or an accident.
DEFAULT_MAX_BYTES = 5_000_000
# Bytes looked at to tell JSONL, WARC, HTML and text apart when the file name does not say.
SNIFF_BYTES = 4096
# Chunk size used to skip the rest of an over-long JSONL line without holding it in memory.
SKIP_CHUNK = 1 << 20
# A compressed input may expand to this many bytes whatever its compression ratio ...
DECOMPRESSED_FLOOR = 16_000_000
# ... and beyond that to at most this many times the compressed bytes read so far. Text and
# HTML compress 3 to 20 times with gzip; deflate cannot exceed about 1,030 (a run of one
# byte): 2 MB of gzip expanding to 2 GB of blank lines is refused after 16 MB.
MAX_EXPANSION = 100

_GZIP_MAGIC = b"\x1f\x8b"
_KIND_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".warc": "warc",
}
# Suffixes taken from folder walks (".md" is left out: READMEs sit next to news files).
_WALK_SUFFIXES = frozenset(k for k in _KIND_BY_SUFFIX if k != ".md")
_HTML_TYPES = ("text/html", "application/xhtml+xml")

Result = Article | InputError


@dataclass(frozen=True)
class _Limits:
    """What one document may take: bytes (after decompression) and seconds."""

    max_bytes: int
    seconds: float | None


def read_inputs(
    paths: Sequence[str],
    *,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    seconds: float | None = DEFAULT_DOCUMENT_SECONDS,
) -> Iterator[Result]:
    """Yield one Article (or one InputError naming file/record and reason) per document, in
    input order, streaming.

    ``paths``: files (txt, html/htm, jsonl, warc, warc.gz, any of them .gz), directories and
    globs (recursive, sorted), and ``-`` for stdin (sniffed: WARC, JSONL, HTML or text).
    ``published``: the ``--published`` option, used when a document carries no better date.
    ``max_bytes``: the largest document read (after decompression).
    ``seconds``: the time budget for reading one document (None: no limit); a document over
    it becomes an InputError (see ``dateline.budget``).
    """
    limits = _Limits(max_bytes, seconds)
    for raw in paths:
        if raw == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", None, published, limits)
            continue
        files = _expand(raw)
        if files is None:
            yield InputError(raw, NO_SUCH_INPUT)
            continue
        for path in files:
            yield from _read_file(path, published, limits)


def input_files(raw: str) -> list[Path] | None:
    """The files ``read_inputs`` reads for one path, folder or glob (None: nothing there):
    a folder's news files, without hidden ones or a README."""
    return _expand(raw)


def _expand(raw: str) -> list[Path] | None:
    p = Path(raw)
    if p.is_dir():
        return sorted(
            q
            for q in p.rglob("*")
            if q.is_file() and not _hidden(q.relative_to(p)) and _walkable(q)
        )
    if p.exists():
        return [p]
    if any(c in raw for c in "*?["):
        files: list[Path] = []
        for m in _glob(raw):
            if m.is_dir():
                files.extend(sorted(q for q in m.rglob("*") if q.is_file() and _walkable(q)))
            elif m.is_file():
                files.append(m)
        # "news/**" matches a folder and its subfolders: each file is read once
        return list(dict.fromkeys(files)) or None
    return None


def _glob(pattern: str) -> list[Path]:
    """Sorted matches of ``pattern`` (``**`` spans folders). Unlike ``glob.glob``, symlinked
    folders are not followed (two links back to a parent made ``**`` run without end) and,
    as in a folder walk, hidden files and folders are left out."""
    parts = Path(pattern).parts
    first = next(i for i, part in enumerate(parts) if any(c in part for c in "*?["))
    base = Path(*parts[:first]) if first else Path()
    return sorted(
        m for m in base.glob(str(Path(*parts[first:]))) if not _hidden(m.relative_to(base))
    )


def _walkable(path: Path) -> bool:
    """Files taken from a folder walk: news formats and files without a suffix. A README, a
    CSV or an image in the same folder is not news; a file named explicitly is always read."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return not suffixes or suffixes[-1] in _WALK_SUFFIXES or len(suffixes[-1]) > 6


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _kind_from_name(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _KIND_BY_SUFFIX.get(suffixes[-1]) if suffixes else None


def _read_file(path: Path, published: str | None, limits: _Limits) -> Iterator[Result]:
    origin = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 -- closed below, after the generator is done
    except OSError as exc:
        yield InputError(origin, UNREADABLE_INPUT.format(detail=exc.strerror or exc))
        return
    with fh:
        yield from _read_stream(fh, origin, _kind_from_name(path), published, limits)


def _peekable(stream: IO[bytes]) -> io.BufferedReader:
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream)  # type: ignore[arg-type]


def _peek(stream: io.BufferedReader | gzip.GzipFile, n: int) -> bytes:
    """Up to ``n`` bytes from the front of ``stream`` without consuming them."""
    head = stream.peek(n)
    return head[:n]


def _sniff(head: bytes) -> str:
    if head.startswith(b"WARC/"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[{", b"[\n", b"[\r", b"[ ")):
        return "jsonl"
    if stripped.startswith(b"<") and looks_like_html(head.decode("utf-8", "replace")):
        return "html"
    return "text"


def _read_stream(
    raw: IO[bytes], origin: str, kind: str | None, published: str | None, limits: _Limits
) -> Iterator[Result]:
    stream = _peekable(raw)
    try:
        gzipped = _peek(stream, 2) == _GZIP_MAGIC
    except OSError as exc:
        yield InputError(origin, UNREADABLE_INPUT.format(detail=exc))
        return
    if kind == "warc" or (kind is None and gzipped and _gzip_head(stream).startswith(b"WARC/")):
        # warcio reads .warc.gz itself, member by member, which lets it resume after a record
        yield from _read_warc(stream, origin, published, limits)
        return
    source = _inflated(stream) if gzipped else stream
    try:
        head = _peek(source, SNIFF_BYTES)
    except (OSError, EOFError, zlib.error) as exc:
        yield _stream_error(origin, exc)
        return
    kind = kind or _sniff(head)
    if kind == "warc":
        yield from _read_warc(source, origin, published, limits)
    elif kind == "jsonl" and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        yield from _read_json_array(source, origin, published, limits)
    elif kind == "jsonl":
        yield from _read_jsonl(source, origin, published, limits)
    else:
        yield _read_single(source, origin, kind, published, limits)


def _gzip_head(stream: io.BufferedReader) -> bytes:
    """The first decompressed bytes of a gzipped stream, without consuming the stream."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(stream.peek(SNIFF_BYTES), 16)
    except zlib.error:
        return b""


class ExpansionLimit(OSError):
    """A compressed input expands past ``MAX_EXPANSION`` times its compressed size."""


class _Inflating(io.RawIOBase):
    """The decompressed bytes of a gzipped stream, all of them counted (blank lines too):
    past ``DECOMPRESSED_FLOOR`` bytes, more than ``MAX_EXPANSION`` times the compressed
    bytes read so far is a compression bomb, refused then, within seconds."""

    def __init__(self, compressed: io.BufferedReader) -> None:
        self._compressed = _CountingReader(compressed)
        self._gzip = gzip.GzipFile(fileobj=self._compressed)  # type: ignore[call-overload]
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self._gzip.readinto(buffer)
        self.count += n
        if self.count > max(DECOMPRESSED_FLOOR, MAX_EXPANSION * self._compressed.count):
            raise ExpansionLimit(
                EXPANDS_TOO_MUCH.format(
                    count=f"{self.count:,}", compressed=f"{self._compressed.count:,}"
                )
            )
        return n


def _inflated(stream: io.BufferedReader) -> io.BufferedReader:
    return io.BufferedReader(_Inflating(stream), buffer_size=SKIP_CHUNK)


def _stream_error(origin: str, exc: BaseException) -> InputError:
    """The InputError for a stream that cannot be read on (a bomb, corrupt gzip data)."""
    if isinstance(exc, ExpansionLimit):
        return InputError(origin, str(exc))
    return InputError(origin, TRUNCATED_GZIP.format(detail=exc))


def _built(origin: str, seconds: float | None, build: Callable[[], Result]) -> Result:
    """``build()`` within the time budget for one document; InputError when over it."""
    try:
        with time_budget(seconds):
            return build()
    except DecodeFailure as exc:
        return InputError(origin, str(exc))
    except InputError as exc:
        return exc
    except DocumentTimeout as exc:
        return InputError(origin, str(exc))


def _read_single(
    source: io.BufferedIOBase, origin: str, kind: str, published: str | None, limits: _Limits
) -> Result:
    """One document per file (text or HTML)."""
    max_bytes = limits.max_bytes
    try:
        data = source.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return _stream_error(origin, exc)
    if len(data) > max_bytes:
        return InputError(origin, TOO_LARGE.format(limit=max_bytes))
    if kind == "html":
        return _built(
            origin,
            limits.seconds,
            lambda: html_to_article(data, Meta(option_published=published), origin),
        )
    return _built(
        origin,
        limits.seconds,
        lambda: build_article(decode_bytes(data), Meta(option_published=published), origin),
    )


# --- JSONL -------------------------------------------------------------------------------


def _bounded_lines(source: io.BufferedIOBase, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; a line longer than ``limit`` comes as None, skipped in
    chunks so it is never held in memory whole."""
    lineno = 0
    while True:
        if isinstance(source, io.BufferedReader):
            lineno += _skip_blank_lines(source)
        line = source.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = source.readline(SKIP_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line


def _skip_blank_lines(source: io.BufferedReader) -> int:
    """Consume the blank lines at the front of ``source`` a buffer at a time, not a line at
    a time (millions of them cost minutes read one by one); return how many there were."""
    skipped = 0
    while True:
        buffered = source.peek(SKIP_CHUNK)
        blank = len(buffered) - len(buffered.lstrip(b" \t\r\n"))
        whole = buffered.rfind(b"\n", 0, blank) + 1  # only whole lines: up to a newline
        if whole == 0:
            return skipped
        skipped += buffered.count(b"\n", 0, whole)
        source.read(whole)
        if whole < len(buffered):
            return skipped


def _read_jsonl(
    source: io.BufferedIOBase, origin: str, published: str | None, limits: _Limits
) -> Iterator[Result]:
    max_bytes = limits.max_bytes
    lines = _bounded_lines(source, max_bytes)
    while True:
        try:
            item = next(lines)
        except StopIteration:
            return
        except (OSError, EOFError, zlib.error) as exc:
            yield _stream_error(origin, exc)
            return
        lineno, line = item
        where = f"{origin}:{lineno}"
        if line is None:
            yield InputError(where, TOO_LARGE.format(limit=max_bytes))
            continue
        if not line.strip():
            continue
        yield _built(where, limits.seconds, partial(_jsonl_record, line, where, published))


def _read_json_array(
    source: io.BufferedIOBase, origin: str, published: str | None, limits: _Limits
) -> Iterator[Result]:
    """A JSON file holding one array of records (read whole, so bounded by ``max_bytes``)."""
    max_bytes = limits.max_bytes
    try:
        data = source.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield _stream_error(origin, exc)
        return
    if len(data) > max_bytes:
        yield InputError(origin, TOO_LARGE.format(limit=max_bytes))
        return
    try:
        records = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        yield InputError(origin, INVALID_JSON.format(detail=detail))
        return
    for n, rec in enumerate(records, start=1):
        where = f"{origin}[{n}]"
        yield _built(where, limits.seconds, partial(_record, rec, where, published))


def _text_field(rec: dict[str, Any], *names: str) -> str | None:
    for n in names:
        v = rec.get(n)
        if isinstance(v, str) and v.strip():
            return v
    return None


def _author_field(rec: dict[str, Any]) -> str | None:
    v = rec.get("author") or rec.get("authors")
    if isinstance(v, list):
        names = [str(x) for x in v if isinstance(x, str | int) and str(x).strip()]
        return ", ".join(names) or None
    return v.strip() or None if isinstance(v, str) else None


def _jsonl_record(line: bytes, where: str, published: str | None) -> Result:
    if is_binary(line):
        return InputError(where, INVALID_JSON.format(detail="binary data"))
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = decode_bytes(line)
        except DecodeFailure as exc:
            return InputError(where, str(exc))
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as exc:
        return InputError(where, INVALID_JSON.format(detail=f"{exc.msg} at column {exc.colno}"))
    except RecursionError:
        return InputError(where, INVALID_JSON.format(detail="nested too deeply"))
    return _record(rec, where, published)


def _record(rec: Any, where: str, published: str | None) -> Result:
    """One JSON record -> Article or InputError."""
    if not isinstance(rec, dict):
        return InputError(where, NOT_A_RECORD)
    body = _text_field(rec, "text", "body", "content")
    html = _text_field(rec, "html", "raw_html")
    if body is None and html is None:
        given = any(isinstance(rec.get(n), str) for n in ("text", "body", "content"))
        return InputError(where, EMPTY_TEXT if given else NOT_A_RECORD)
    rid = rec.get("id")
    rec_published = rec.get("published") or rec.get("date") or rec.get("published_at")
    meta = Meta.from_record(
        title=_text_field(rec, "title", "headline"),
        author=_author_field(rec),
        outlet=_text_field(rec, "outlet", "source", "sitename", "site_name", "publisher"),
        url=_text_field(rec, "url", "link"),
        record_published=str(rec_published) if rec_published else None,
        published=published,
        input_id=str(rid) if isinstance(rid, str | int) and not isinstance(rid, bool) else None,
    )
    try:
        if body is not None:
            return build_article(body, meta, where)
        assert html is not None
        return html_to_article(html, meta, where)
    except InputError as exc:
        return exc


# --- WARC --------------------------------------------------------------------------------


class _CountingReader:
    """A read-only byte stream that knows how many bytes it has given out (its ``tell``),
    so WARCs also stream from stdin and a truncated tail can be detected."""

    def __init__(self, stream: io.BufferedIOBase) -> None:
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self._stream.readline(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count


# Bytes after the last complete WARC record that may be left over: none in a .warc.gz (the
# separating blank lines are inside each gzip member), the final CRLF CRLF in a plain .warc.
WARC_TRAILING_SLACK = {True: 0, False: 4}


def _read_warc(
    source: io.BufferedIOBase, origin: str, published: str | None, limits: _Limits
) -> Iterator[Result]:
    """HTML responses of a WARC / WARC.gz file; other responses are reported and skipped,
    requests, metadata and redirects silently skipped; a truncated file ends with an error."""
    from warcio.archiveiterator import ArchiveIterator

    if not _starts_like_an_archive(source):
        yield InputError(origin, NOT_A_WARC)
        return
    counting = _CountingReader(source)
    count = 0
    last_end = 0
    gzipped = False
    try:
        records = ArchiveIterator(counting, arc2warc=True)
        # warcio writes a warning about a wrong Content-Length straight to stderr; the
        # record that it cuts short is reported as this document's error instead.
        records.INC_RECORD = ""
        for record in records:
            if record.rec_type in ("response", "resource"):
                count += 1
                result = _warc_record(record, f"{origin}#{count}", published, limits)
                if result is _TRUNCATED:
                    yield InputError(
                        origin, TRUNCATED_WARC.format(detail=f"record {count} is cut off")
                    )
                    return
                if result is not None:
                    yield result
            records.read_to_end()
            if _cut_off(record):
                yield InputError(origin, TRUNCATED_WARC.format(detail=f"record {count} is cut off"))
                return
            last_end = records.get_record_offset() + records.get_record_length()
            gzipped = records.reader is not None and records.reader.decompressor is not None
        while counting.read(SKIP_CHUNK):
            pass
        if counting.count - last_end > WARC_TRAILING_SLACK[gzipped]:
            detail = f"{counting.count - last_end} bytes after record {count} do not form a record"
            yield InputError(origin, TRUNCATED_WARC.format(detail=detail))
    except Exception:  # noqa: BLE001 -- warcio raises many types on corrupt input
        # Its messages quote the raw bytes and name its internals: not for users.
        detail = f"unreadable data after record {count}"
        yield InputError(origin, TRUNCATED_WARC.format(detail=detail))


# The first bytes of an archive: a WARC record, or the header of an ARC file (which warcio
# reads too); blank lines may come before.
_ARCHIVE_STARTS = (b"WARC/", b"filedesc://")


def _starts_like_an_archive(source: io.BufferedIOBase) -> bool:
    """Whether ``source`` begins as a WARC or ARC file does (gzipped or not)."""
    if not isinstance(source, io.BufferedReader):
        return True  # cannot look ahead: warcio will tell
    try:
        head = source.peek(SNIFF_BYTES)[:SNIFF_BYTES]
        if head.startswith(_GZIP_MAGIC):
            head = _gzip_head(source)
    except (OSError, EOFError, zlib.error):
        return True  # a read error: reported by the reading itself
    return not head or head.lstrip(b"\r\n").startswith(_ARCHIVE_STARTS)


_TRUNCATED = object()
_WARC_TYPES = frozenset(
    {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
     "continuation", "arc_header"}
)  # fmt: skip


def _cut_off(record: Any) -> bool:
    """A record whose header block or content ends before its declared length."""
    if record.rec_type not in _WARC_TYPES:
        return True
    length = record.rec_headers.get_header("Content-Length") or ""
    if record.format == "warc" and not length.strip().isdigit():
        return True
    return bool(getattr(record.raw_stream, "limit", 0) > 0)


def _warc_record(record: Any, where: str, published: str | None, limits: _Limits) -> Any:
    """One WARC response/resource record -> Article, InputError, None (skip) or _TRUNCATED."""
    max_bytes = limits.max_bytes
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if uri:
        where = f"{where} <{uri}>"
    if record.rec_type == "response":
        if record.http_headers is None:
            record.content_stream().read()
            return _TRUNCATED if getattr(record.raw_stream, "limit", 0) > 0 else None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None  # redirects and errors are not documents
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return InputError(where, TOO_LARGE.format(limit=max_bytes))
    if getattr(record.raw_stream, "limit", 0) > 0:
        return _TRUNCATED  # the stream ended before the record's declared length
    mime = ctype.split(";")[0].strip().lower()
    html_like = mime in _HTML_TYPES or (
        not mime and looks_like_html(payload[:SNIFF_BYTES].decode("utf-8", "replace"))
    )
    if not html_like:
        return InputError(where, NOT_HTML_RECORD.format(content_type=mime or "no type"))
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    return _built(
        where,
        limits.seconds,
        lambda: html_to_article(
            payload, Meta(url=uri, option_published=published, input_id=record_id), where
        ),
    )
