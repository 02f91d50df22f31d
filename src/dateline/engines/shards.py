"""Sharded batch runs: one input file is one shard, and one shard gives one output file.

A shard's output is written to a temporary name in the output folder and renamed into place
only when the whole shard is coded, so an output file that exists is complete. A run skips
every shard whose output exists: rerunning after a crash, a pre-empted node or a Ctrl-C
codes only what is missing. Deleting an output file makes the next run redo that shard.
"""

from __future__ import annotations

import glob
import os
import re
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.engines.base import Coder, Item, Result, chunked, code_chunk
from dateline.errors import InputError
from dateline.model import Document

SHARD_FORMATS = ("jsonl", "parquet")
# Suffix of a shard output being written; a leftover one (from a killed run) is overwritten.
PARTIAL_SUFFIX = ".partial"
# Articles coded per call of the pipeline inside one shard.
SHARD_CHUNK = 32


@dataclass
class ShardResult:
    input: str
    output: str
    skipped: bool = False  # its output existed already
    articles: int = 0
    events: int = 0
    input_errors: int = 0  # documents of the shard that could not be read (not coded)
    failure: str | None = None  # the shard failed as a whole; no output was written

    @property
    def ok(self) -> bool:
        return self.failure is None


def expand_shards(inputs: Sequence[str]) -> list[str]:
    """Files, folders (every non-hidden file below, sorted) and globs -> sorted shard files."""
    found: set[str] = set()
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for child in path.rglob("*"):
                rel = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in rel.parts):
                    found.add(str(child))
        elif path.is_file():
            found.add(str(path))
        else:
            found.update(p for p in glob.glob(raw, recursive=True) if Path(p).is_file())
    return sorted(found)


def shard_output(shard: str, out_dir: str | Path, fmt: str) -> Path:
    """The output file of a shard: its path as given, made into one safe file name.

    The name depends only on the path string, so giving the same inputs the same way on the
    next run finds the same outputs.
    """
    if fmt not in SHARD_FORMATS:
        raise ValueError(f"shard format must be one of {', '.join(SHARD_FORMATS)}")
    rel = os.path.normpath(shard).lstrip(os.sep)
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", rel.replace(os.sep, "__"))
    return Path(out_dir) / f"{name}.{fmt}"


class ShardedEngine:
    """The sharded batch run of an engine: the engine codes the shards left to do
    (``_code_todo``); what is already done is skipped and reported here."""

    def code_shards(
        self,
        inputs: Sequence[str],
        out_dir: str | Path,
        fmt: str = "jsonl",
        *,
        published: str | None = None,
        max_bytes: int | None = None,
    ) -> list[ShardResult]:
        """Code every shard (input file) whose output does not exist yet into ``out_dir``.

        Returns one result per shard, skipped ones included, sorted by input; failed shards
        have ``failure`` set and no output, so the next run retries them.
        """
        todo, done = plan_shards(inputs, out_dir, fmt)
        results = [ShardResult(input=s, output=str(o), skipped=True) for s, o in done]
        if todo:
            results += self._code_todo(todo, fmt, published, max_bytes)
        return sorted(results, key=lambda r: r.input)

    def _code_todo(
        self, todo: list[tuple[str, Path]], fmt: str, published: str | None, max_bytes: int | None
    ) -> list[ShardResult]:
        raise NotImplementedError


def plan_shards(
    inputs: Sequence[str], out_dir: str | Path, fmt: str = "jsonl"
) -> tuple[list[tuple[str, Path]], list[tuple[str, Path]]]:
    """(shards to code, shards already done), each as (input, output) pairs."""
    todo: list[tuple[str, Path]] = []
    done: list[tuple[str, Path]] = []
    for shard in expand_shards(inputs):
        out = shard_output(shard, out_dir, fmt)
        (done if out.exists() else todo).append((shard, out))
    return todo, done


def code_shard(
    coder: Coder,
    shard: str,
    output: str | Path,
    fmt: str = "jsonl",
    *,
    published: str | None = None,
    max_bytes: int | None = None,
) -> ShardResult:
    """Code one shard and write its output atomically. Never raises for a bad shard: the
    failure is returned, no output is written, and the next run tries the shard again."""
    from dateline import output as writers
    from dateline.ingest import DEFAULT_MAX_BYTES, read_inputs

    out = Path(output)
    result = ShardResult(input=shard, output=str(out))
    partial = out.with_name(out.name + PARTIAL_SUFFIX)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        items = read_inputs([shard], published=published, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
        documents = _count(_coded(coder, items), result)
        if fmt == "jsonl":
            with open(partial, "w", encoding="utf-8") as stream:
                writers.write_jsonl(documents, stream)
        else:
            with open(partial, "wb") as binary:
                writers.write_parquet(documents, binary)
        os.replace(partial, out)
    except Exception as exc:  # one bad shard must not stop a run of thousands
        partial.unlink(missing_ok=True)
        result.failure = "".join(traceback.format_exception_only(exc)).strip()
    return result


def _coded(coder: Coder, items: Iterable[Item]) -> Iterator[Result]:
    for chunk in chunked(items, SHARD_CHUNK):
        yield from code_chunk(coder, chunk)


def _count(results: Iterable[Result], into: ShardResult) -> Iterator[Document]:
    for item in results:
        if isinstance(item, InputError):
            into.input_errors += 1
            continue
        into.articles += 1
        into.events += len(item.events)
        yield item
