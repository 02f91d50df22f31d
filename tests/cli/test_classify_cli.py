"""`dateline classify`: pair mode over JSONL, bad lines reported and skipped."""

from __future__ import annotations

import json
import subprocess
import sys


def run(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", "classify", "-"],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def pair(i: int, text: str, source: str, target: str | None) -> str:
    s = text.index(source)
    record = {"id": i, "text": text, "source": {"start": s, "end": s + len(source)}}
    if target is not None:
        t = text.index(target)
        record["target"] = {"start": t, "end": t + len(target)}
    return json.dumps(record)


def test_pairs_are_coded_in_order_and_bad_lines_fail_alone() -> None:
    lines = [
        pair(1, "Russia condemned the Ukrainian strike on Belgorod.", "Russia", "Ukrainian"),
        '{"id": 2, "text": "broken"',
        pair(
            3, "Japan will provide $5 million in humanitarian aid to Myanmar.", "Japan", "Myanmar"
        ),
        pair(4, "The weather in Paris was sunny on Monday.", "Paris", None),
    ]
    res = run("\n".join(lines) + "\n")
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert len(res.stderr.splitlines()) == 1 and res.stderr.startswith("dateline: line 2:")
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 3, 4]
    assert out[0]["plover"]["event"] == "ACCUSE" and out[0]["cameo"]["quad_class"] == 3
    # "will provide aid" is an expression of intent to give aid (CAMEO 033), not aid itself.
    assert out[1]["cameo"]["code"].startswith("033")
    assert out[2]["cameo"] is None and out[2]["confidence"] == 0.0


def test_span_outside_text_is_an_error() -> None:
    res = run('{"id": 1, "text": "short", "source": {"start": 0, "end": 50}}\n')
    assert res.returncode == 1
    assert "outside the text" in res.stderr


def test_published_option_dates_the_actors() -> None:
    text = "Obama praised the Indian prime minister during the visit."
    line = pair(1, text, "Obama", "the Indian prime minister")
    res = subprocess.run(
        [sys.executable, "-m", "dateline", "classify", "-", "--published", "2012-05-01"],
        input=line + "\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    (answer,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert answer["source"]["code"] == "USAGOV" and answer["source"]["name"] == "Barack Obama"
    assert answer["target"]["country"] == "IND"


def test_bad_published_option_is_one_line() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "dateline", "classify", "-", "--published", "May 2012"],
        input="",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 2
    assert "Traceback" not in res.stderr and "YYYY-MM-DD" in res.stderr
