"""Readers: paths, folders, globs and stdin -> a stream of Articles or InputErrors."""

from __future__ import annotations

import glob
import gzip
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from dateline.errors import TOO_LARGE, InputError
from dateline.ingest._article import Meta, build_article
from dateline.ingest._decode import DecodeFailure, decode_bytes
from dateline.model import Article

# Largest single document (a file, a JSONL record, a WARC record) read, in bytes after
# decompression. News articles are far below this; a larger one is a dump or an accident.
DEFAULT_MAX_BYTES = 5_000_000


def read_inputs(
    paths: Sequence[str], *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """Yield one Article (or one InputError naming file/record and reason) per document."""
    for raw in paths:
        if raw == "-":
            yield from _read_text_stream(sys.stdin.buffer, "<stdin>", published, max_bytes)
            continue
        files = _expand(raw)
        if not files:
            yield InputError(raw, "no such file or directory")
            continue
        for f in files:
            opener = gzip.open if f.suffix == ".gz" else open
            with opener(f, "rb") as fh:
                yield from _read_text_stream(fh, str(f), published, max_bytes)


def _expand(raw: str) -> list[Path]:
    p = Path(raw)
    if p.is_dir():
        return sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith("."))
    if p.is_file():
        return [p]
    if any(c in raw for c in "*?["):
        return sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file())
    return []


def _read_text_stream(fh, origin: str, published: str | None, max_bytes: int):
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield InputError(origin, TOO_LARGE.format(limit=max_bytes))
        return
    try:
        text = decode_bytes(data)
        yield build_article(text, Meta(option_published=published), origin)
    except DecodeFailure as exc:
        yield InputError(origin, str(exc))
    except InputError as exc:
        yield exc
