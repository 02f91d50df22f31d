"""Seed inputs for the fuzzers, written for them (no third-party text): one small valid
document per format, so that mutation starts from inputs that reach deep into each reader.

``write_seeds(folder, target)`` writes them as files the harness reads back (libFuzzer
corpus folders); the first byte of a readers seed selects the format (see
``fuzz_readers.FORMATS``).
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

ARTICLE = (
    "Kazakhstan and China sign transit deal\n\n"
    "ASTANA, Nov. 9 (Dateline Wire) - Kazakhstan's foreign minister met his Chinese "
    "counterpart in Beijing on Friday, and the two signed an agreement on rail transit, "
    "officials said. The ministers also discussed $3 billion in loans.\n"
)
PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Transit deal</title>'
    '<meta property="article:published_time" content="2018-11-09"></head><body><article>'
    + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    + "</article></body></html>"
)
XHTML = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html [<!ENTITY a "b">]>\n'
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>'
    f"<article><p>&a;</p>{PAGE.split('<article>')[1]}"
)


def _warc(body: bytes) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://example.org/a", "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)
    return buf.getvalue()


def reader_seeds() -> dict[str, bytes]:
    """Seeds of fuzz_readers: a format byte (index into FORMATS) then the document."""
    jsonl = "".join(
        json.dumps(r) + "\n"
        for r in (
            {"id": 1, "text": ARTICLE, "published": "2018-11-09"},
            {"id": 2, "html": PAGE, "url": "https://example.org/b"},
            {"text": 42},
        )
    )
    return {
        "text": b"\x00" + ARTICLE.encode(),
        "html": b"\x01" + PAGE.encode(),
        "xhtml": b"\x02" + XHTML.encode(),
        "jsonl": b"\x03" + jsonl.encode(),
        "json-array": b"\x04" + json.dumps([{"text": ARTICLE}]).encode(),
        "warc": b"\x05" + _warc(PAGE.encode()),
        "gzip-text": b"\x07" + gzip.compress(ARTICLE.encode(), mtime=0),
        "sniffed": b"\x08" + PAGE.encode("cp1252"),
    }


def coder_seeds() -> dict[str, bytes]:
    return {
        "article": ARTICLE.encode(),
        "caps": ARTICLE.upper().encode(),
        "pronouns": b"They met him in Moscow. He accused them of lying, and she did not.",
    }


def write_seeds(folder: Path, target: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    seeds = reader_seeds() if target == "readers" else coder_seeds()
    for name, data in seeds.items():
        (folder / f"seed-{name}").write_bytes(data)
