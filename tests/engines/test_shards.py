"""Sharded runs: one output per input file, written atomically, skipped when it exists."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
from fakes import FakeCoder, fake_factory

from dateline.engines import LocalEngine
from dateline.engines.shards import (
    PARTIAL_SUFFIX,
    code_shard,
    expand_shards,
    plan_shards,
    shard_output,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def make_shards(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLES / "records.jsonl", src / "records.jsonl")
    shutil.copy(EXAMPLES / "border-clash.txt", src / "sub" / "border-clash.txt")
    (src / "empty.txt").write_text("")
    (src / ".hidden.txt").write_text("not a shard")
    return src


def test_expand_and_name(tmp_path: Path) -> None:
    src = make_shards(tmp_path)
    shards = expand_shards([str(src)])
    assert [Path(s).name for s in shards] == ["empty.txt", "records.jsonl", "border-clash.txt"]
    assert expand_shards([str(src / "*.jsonl")]) == [str(src / "records.jsonl")]
    out = shard_output("data/2019/01.warc.gz", tmp_path, "parquet")
    assert out == tmp_path / "data__2019__01.warc.gz.parquet"
    assert shard_output("/abs/x y.txt", tmp_path, "jsonl").name == "abs__x_y.txt.jsonl"


def test_code_shard_writes_every_document_and_counts_errors(tmp_path: Path) -> None:
    src = make_shards(tmp_path)
    out = tmp_path / "out" / "records.jsonl"
    result = code_shard(FakeCoder(), str(src / "records.jsonl"), out)
    assert result.ok and result.articles == 3 and result.input_errors == 0
    ids = [json.loads(line)["article"]["input_id"] for line in out.read_text().splitlines()]
    assert ids == ["ex-001", "ex-002", "ex-003"]
    empty = code_shard(FakeCoder(), str(src / "empty.txt"), tmp_path / "out" / "empty.jsonl")
    assert empty.ok and empty.articles == 0 and empty.input_errors == 1


def test_a_failing_shard_leaves_no_output(tmp_path: Path) -> None:
    class Broken(FakeCoder):
        def code_many(self, articles):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

    src = make_shards(tmp_path)
    out = tmp_path / "out" / "records.jsonl"
    result = code_shard(Broken(), str(src / "records.jsonl"), out)
    assert not result.ok and "boom" in (result.failure or "")
    assert not out.exists() and not out.with_name(out.name + PARTIAL_SUFFIX).exists()


def test_rerun_skips_done_shards_and_redoes_missing_ones(tmp_path: Path) -> None:
    src = make_shards(tmp_path)
    out_dir = tmp_path / "out"
    with LocalEngine(workers=2, chunk_size=2, factory=fake_factory) as engine:
        first = engine.code_shards([str(src)], out_dir)
        assert [r.skipped for r in first] == [False, False, False]
        assert all(r.ok for r in first)
        assert sum(r.articles for r in first) == 4
        again = engine.code_shards([str(src)], out_dir)
        assert [r.skipped for r in again] == [True, True, True]
    # A killed run leaves a partial file, never a final one: that shard is redone.
    victim = Path(first[1].output)
    victim.rename(victim.with_name(victim.name + PARTIAL_SUFFIX))
    todo, done = plan_shards([str(src)], out_dir)
    assert [s for s, _ in todo] == [first[1].input] and len(done) == 2
    one = LocalEngine(workers=1, chunk_size=2, factory=fake_factory)
    third = one.code_shards([str(src)], out_dir)
    assert [r.skipped for r in third] == [True, False, True]
    assert victim.exists()


def test_parquet_shards(tmp_path: Path) -> None:
    src = make_shards(tmp_path)
    engine = LocalEngine(workers=1, chunk_size=2, factory=fake_factory)
    results = engine.code_shards([str(src / "records.jsonl")], tmp_path / "pq", "parquet")
    table = pq.read_table(results[0].output)
    assert table.num_rows == 0  # the stand-in codes no events; the file is still valid
    assert "cameo_code" in table.column_names
