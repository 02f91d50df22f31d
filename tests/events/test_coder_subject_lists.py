"""Event coder: a subject list the parser split into several subjects of one verb is one
subject. The dictionary and sentences are written for these tests; each test states what
must and what must not come out."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline, PipelineConfig

ACTORS = """\
ZEMBLA [ZEM]
BORDURIA [BOR]
"""


@pytest.fixture(scope="module")
def pipe(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    path: Path = tmp_path_factory.mktemp("dicts") / "test.actors"
    path.write_text(ACTORS, encoding="utf-8")
    return Pipeline(PipelineConfig(actor_files=(path,)))


def dyads(pipe: Pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    events: list[Event] = pipe.code(
        Article(body=text, language="en", published="2018-11-12")
    ).events
    return {
        (e.source.code, e.target.code if e.target else None, e.cameo.code[:2])
        for e in events
        if not e.negated
    }


def test_a_description_before_a_pair_of_names_leaves_both_names_the_subject(
    pipe: Pipeline,
) -> None:
    # Parsed as two subjects of "welcomed": "enemies" and "Zembla (and Borduria)".
    found = dyads(
        pipe,
        "Old enemies Zembla and Borduria welcomed a resumption of diplomatic ties with Moldova.",
    )
    assert ("ZEM", "MDA", "05") in found
    assert ("BOR", "MDA", "05") in found
    assert not any(source is None for source, _, _ in found)


def test_a_restored_relation_between_the_listed_subjects_is_coded(pipe: Pipeline) -> None:
    found = dyads(pipe, "Old enemies Zembla and Borduria have restored diplomatic ties.")
    assert ("ZEM", "BOR", "05") in found
    assert not any(target is None for _, target, _ in found)
