"""The Ray engine against a local Ray instance (num_cpus=2) started by the test: the same
documents as the local engine, in order, errors in place; sharded runs resume."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import fakes
import pytest
from fakes import fake_factory

from dateline.errors import InputError
from dateline.model import Article, Document

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'dateline[ray]')")

pytestmark = [
    pytest.mark.slow,
    # Ray Data warns about its own deprecated settings when it pickles its context.
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    from ray import cloudpickle

    # Ray workers may not see the tests folder on their path: ship the stand-in by value.
    cloudpickle.register_pickle_by_value(fakes)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        configure_logging=False,
        runtime_env={"env_vars": {"RAY_DEDUP_LOGS": "0"}},
    )
    yield
    ray.shutdown()


def test_ray_fake_coder_order_and_errors(local_ray: None) -> None:
    from dateline.engines import RayEngine, get_engine

    # Two windows (two Ray Datasets): the order must hold across them too.
    engine = get_engine("ray", factory=fake_factory, batch_size=3, window=13, workers=2)
    assert isinstance(engine, RayEngine)
    data: list[Article | InputError] = []
    for i in range(25):
        if i % 6 == 0:
            data.append(InputError(f"f{i}", "bad"))
        else:
            data.append(Article(body="w " * i, input_id=f"a{i}"))
    out = list(engine.code(data))
    assert len(out) == len(data)
    for given_item, got in zip(data, out, strict=True):
        if isinstance(given_item, InputError):
            assert got is given_item
        else:
            assert isinstance(got, Document)
            assert got.article == given_item
            assert got.topics == [f"words={len(given_item.body.split())}"]


def test_ray_shards_resume(local_ray: None, tmp_path: Path) -> None:
    from dateline.engines import RayEngine

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLES / "records.jsonl", src / "records.jsonl")
    shutil.copy(EXAMPLES / "border-clash.txt", src / "border-clash.txt")
    engine = RayEngine(factory=fake_factory, workers=2)
    first = engine.code_shards([str(src)], tmp_path / "out")
    assert [(r.skipped, r.ok, r.articles) for r in first] == [(False, True, 1), (False, True, 3)]
    lines = Path(first[1].output).read_text().splitlines()
    assert [json.loads(x)["article"]["input_id"] for x in lines] == ["ex-001", "ex-002", "ex-003"]
    Path(first[0].output).unlink()
    second = engine.code_shards([str(src)], tmp_path / "out")
    assert [r.skipped for r in second] == [False, True]


def test_ray_codes_the_examples_exactly_like_the_local_engine(local_ray: None) -> None:
    import io

    from dateline.engines import LocalEngine, RayEngine
    from dateline.ingest import read_inputs
    from dateline.output import write_jsonl

    inputs = [str(p) for p in sorted(EXAMPLES.iterdir()) if p.name != "README.md"]
    inputs.insert(1, str(EXAMPLES / "missing.txt"))

    def run(engine: object) -> tuple[str, list[str]]:
        results = list(engine.code(read_inputs(inputs)))  # type: ignore[attr-defined]
        stream = io.StringIO()
        write_jsonl((r for r in results if isinstance(r, Document)), stream)
        return stream.getvalue(), [type(r).__name__ for r in results]

    local = run(LocalEngine(workers=1))
    remote = run(RayEngine(workers=2, batch_size=2))
    assert remote[1][1] == "InputError" and remote[1].count("Document") == 6
    assert remote == local
    assert '"cameo"' in local[0]
