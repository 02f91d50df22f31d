"""An imported verb with no object or prepositional target aims at the subject of its
that-clause, as PETRARCH codes it. The dictionaries and sentences are written for these
tests; each test states what must and what must not come out."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.model import Article
from dateline.pipeline import Pipeline, PipelineConfig

VERBS = """\
--- CONCEDE [080] ---
CONCEDE
"""

ACTORS = """\
ZEMBLA [ZEM]
BORDURIA [BOR]
"""


@pytest.fixture(scope="module")
def pipe(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    folder: Path = tmp_path_factory.mktemp("dicts")
    (folder / "test.verbs").write_text(VERBS, encoding="utf-8")
    (folder / "test.actors").write_text(ACTORS, encoding="utf-8")
    return Pipeline(
        PipelineConfig(
            actor_files=(folder / "test.actors",), trigger_files=(folder / "test.verbs",)
        )
    )


def dyads(pipe: Pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = pipe.code(Article(body=text, language="en", published="2019-03-02"))
    return {
        (e.source.code, e.target.code if e.target else None, e.cameo.code)
        for e in doc.events
        if not e.negated
    }


def test_the_subject_of_the_that_clause_is_the_target(pipe: Pipeline) -> None:
    found = dyads(pipe, "Zembla conceded that Borduria was no longer a safe place for tourists.")
    assert ("ZEM", "BOR", "080") in found
    assert ("ZEM", None, "080") not in found


def test_an_object_stays_the_target_before_the_clause(pipe: Pipeline) -> None:
    found = dyads(pipe, "Zembla conceded the point to Borduria.")
    assert ("ZEM", "BOR", "080") in found


def test_a_clause_without_an_actor_gives_no_target(pipe: Pipeline) -> None:
    found = dyads(pipe, "Zembla conceded that the old bridge was no longer safe.")
    assert not any(target == "BOR" for _, target, _ in found)


def test_a_clause_subject_that_is_an_act_aims_at_whom_it_is_against(pipe: Pipeline) -> None:
    found = dyads(pipe, "Zembla conceded that the sanctions against Borduria had failed.")
    assert ("ZEM", "BOR", "080") in found
    assert ("ZEM", None, "080") not in found
