"""``dateline explain``: the explanation as tables, or as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app

# Written for these tests: a meeting, a pronoun for its first party, a commentator's opinion.
STORY = (
    "Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev in Astana on "
    "Sunday. He later criticized Japan over its fishing policy. Analysts praised Russia."
)
runner = CliRunner()


def test_json_explains_every_sentence() -> None:
    result = runner.invoke(app, ["explain", STORY, "--published", "2024-06-17", "--json"])
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    sentences = json.loads(line)["sentences"]
    assert len(sentences) == 3
    assert [e["cameo"][:2] for e in sentences[0]["events"]] == ["04"]
    [he] = [a for a in sentences[1]["actors"] if a["text"] == "He"]
    assert he["refers_to_sentence"] == 0
    assert sentences[2]["candidates"][0]["checks"] == ["commentators_only"]


def test_table_names_rules_and_checks(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["explain", str(story), "--published", "2024-06-17"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Sentence 2: Analysts praised Russia." in out
    assert "vetoed (commentators_only)" in out
    # rule ids and the "[rule]" notes are printed as text, not read as markup
    assert "[sentence: Sunday]" in out
    assert "Chinese President Xi Jinping (sentence 0)" in out


def test_an_unreadable_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["explain", str(empty)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "empty.txt" in result.stderr
    assert "Traceback" not in result.output


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["explain", "--help"])
    assert result.exit_code == 0
    assert "dateline explain" in result.stdout
