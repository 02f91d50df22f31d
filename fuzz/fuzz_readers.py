"""Fuzz the readers: bytes -> a file of some format -> ``read_inputs`` -> checked items.

    python fuzz/fuzz_readers.py [corpus folder] -runs=100000

The first byte picks the format (file suffix, and whether the rest is gzipped first); the
rest is the document. Every item must be an Article with a body or an InputError: any other
exception, or an unsound item, is a crash. libFuzzer options (-runs, -max_total_time,
-seed...) are passed through.
"""

from __future__ import annotations

import gzip
import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["dateline"]):
    from dateline.ingest import read_inputs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import check_read  # noqa: E402

# (file suffix, gzip the document first): the first input byte selects one.
FORMATS = [
    (".txt", False), (".html", False), (".xhtml", False), (".jsonl", False), (".json", False),
    (".warc", False), (".warc.gz", True), (".txt.gz", True), ("", False), (".txt.gz", False),
]  # fmt: skip
# Small documents keep each run fast; larger ones only repeat the same code paths.
MAX_BYTES = 256 * 1024

_DIR = Path(tempfile.mkdtemp(prefix="dateline-fuzz-"))


def test_one_input(data: bytes) -> None:
    if not data:
        return
    suffix, compress = FORMATS[data[0] % len(FORMATS)]
    payload = gzip.compress(data[1:], mtime=0) if compress else data[1:]
    path = _DIR / f"doc{suffix}"
    path.write_bytes(payload)
    for item in read_inputs([str(path)], max_bytes=MAX_BYTES):
        check_read(item)


def main() -> None:
    from seeds import write_seeds

    folders = [a for a in sys.argv[1:] if not a.startswith("-")]
    for folder in folders:
        if not os.path.isdir(folder) or not os.listdir(folder):
            write_seeds(Path(folder), "readers")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
