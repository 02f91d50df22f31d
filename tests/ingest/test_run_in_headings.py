"""Section headings run into the paragraph after them when a page's markup is flattened.

The sentences are written for these tests (fictional, realistic); each case states what
must be split off and what must stay one sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest import article_from_text
from dateline.ingest._text import break_run_in_headings


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        (
            "The port reopened on Monday. Border talks In a statement, Chile said the "
            "crossing would stay open.",
            "Border talks",
        ),
        (
            "Fighting continued overnight. Rebel gains Since early March, the rebels have "
            "taken four towns.",
            "Rebel gains",
        ),
        (
            "“We will not leave,” she said. Election dispute The opposition rejected the "
            "count on Friday.",
            "Election dispute",
        ),
        (
            "The vote was delayed. ‘A matter of time’ During a visit to Lima, the minister "
            "said the vote would happen.",
            "‘A matter of time’",
        ),
    ],
)
def test_a_run_in_heading_stands_on_its_own_line(text: str, heading: str) -> None:
    broken = break_run_in_headings(text)
    assert f"\n{heading}\n" in broken
    assert len(broken) == len(text)  # offsets into the body stay valid


@pytest.mark.parametrize(
    "text",
    [
        "He said so. Smith told The Associated Press that the talks were over.",
        "It ended. The envoy travelled to The Hague on Monday.",
        "It ended. She starred in Lost In Translation years ago.",
        "It ended. Officials, however, said In the coming days more troops would come.",
        "Talks resumed. Officials said the meeting in Geneva would go on.",
    ],
)
def test_prose_and_names_are_not_headings(text: str) -> None:
    assert break_run_in_headings(text) == text


def test_the_article_body_breaks_before_and_after_a_run_in_heading() -> None:
    article = article_from_text(
        "Peru and Chile held talks on Monday on the maritime border, officials said. "
        "Fishing rights The two governments agreed to share the catch in the disputed zone "
        "for three years."
    )
    assert "\nFishing rights\nThe two governments" in article.body


@given(st.text(alphabet=st.sampled_from("Ab .”’In The a1,\n"), max_size=80))
def test_breaking_headings_keeps_every_other_character(text: str) -> None:
    broken = break_run_in_headings(text)
    assert len(broken) == len(text)
    assert all(a == b or (a == " " and b == "\n") for a, b in zip(text, broken, strict=True))
