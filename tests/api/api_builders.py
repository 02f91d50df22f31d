"""Databases for the API tests.

- ``build_synthetic``: many hand-made events (ties on dates, undated events, several dyads,
  negated and hypothetical mentions) for pagination, filters and validation; no NLP.
- ``build_seed``: the seed article and examples/ coded by the real pipeline. Until
  ``dateline.actors`` (which the pipeline needs) exists, the seed article is stored with a
  hand-made record of its lead event instead, so that the API and the dashboard can be
  tested; the examples are then left out.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.request import urlopen

from builders import CODEBOOK, CODES, Ev, make_doc
from dateline.ingest import article_from_text
from dateline.model import Actor, Article, Document, Entity, Event, Location, SentenceRef, Span
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

COUNTRIES = ("KAZ", "CHN", "RUS", "USA", "UKR", "IRN")
# Share of events without a date, and of negated and of hypothetical mentions.
UNDATED_SHARE = 0.15
NEGATED_SHARE = 0.05
HYPOTHETICAL_SHARE = 0.05


def synthetic_documents(n_articles: int = 60, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    # Few distinct days so that many events share a date (pagination must break ties).
    days = [f"2018-{m:02d}-{d:02d}" for m in (1, 2, 3, 11) for d in (1, 9, 20)]
    docs = []
    for n in range(n_articles):
        events = []
        for i in range(rng.randint(1, 6)):
            src, tgt = rng.sample(COUNTRIES, 2)
            day = rng.choice(days) if rng.random() > UNDATED_SHARE else None
            events.append(
                Ev(
                    src,
                    tgt,
                    rng.choice(CODES),
                    day,
                    date_text=day or "some day",
                    negated=rng.random() < NEGATED_SHARE,
                    hypothetical=rng.random() < HYPOTHETICAL_SHARE,
                    # Spread confidences so that confidence filters cut the data.
                    confidence=0.5 + (i % 5) / 10,
                )
            )
        docs.append(
            make_doc(
                events,
                title=f"Synthetic report {n}",
                outlet=rng.choice(["Test Wire", "Other News", "Third Daily"]),
                url=f"https://news.example.org/{n}",
                published="2018-11-30",
                salt=f"(Report number {n}.)",
                origin="synthetic",
            )
        )
    return docs


def build_synthetic(path: Path) -> Path:
    with Store(path) as store:
        store.ingest(synthetic_documents())
    return path


def _pipeline_available() -> bool:
    # Escape hatch while another stage is being rebuilt: code the seed by hand even though
    # the pipeline imports. Never set in CI, where the real pipeline must run.
    if os.environ.get("DATELINE_TEST_SEED_BY_HAND") == "1":
        return False
    try:
        import dateline.pipeline  # noqa: F401
    except ImportError:
        return False
    return True


def seed_article(seed_path: Path) -> Article:
    return article_from_text(
        seed_path.read_text("utf-8"), origin=str(seed_path), published="2018-11-12"
    )


def hand_coded_seed(article: Article) -> Document:
    """The seed article's lead event, coded by hand (stand-in until the pipeline runs)."""
    body = article.body
    sentence_end = body.index("Foreign Ministry said.") + len("Foreign Ministry said.")
    sentence = body[:sentence_end]
    src = "Kazakhstan’s Foreign Minister Kairat Abdrakhmanov"
    tgt = "the new Ambassador of China to Kazakhstan Zhang Xiao"
    s0, t0, m0 = sentence.index(src), sentence.index(tgt), sentence.index("meeting")

    def actor(text: str, start: int, code: str, name: str, role: str) -> Actor:
        return Actor(
            text, start, start + len(text), code, code[:3], "GOV", name, role, "person", "test"
        )

    event = Event(
        id="e0",
        sentence=SentenceRef(0, sentence, 0, sentence_end),
        date="2018-11-09",
        date_precision="day",
        source=actor(src, s0, "KAZGOV", "Kairat Abdrakhmanov", "source"),
        target=actor(tgt, t0, "CHNGOV", "Zhang Xiao", "target"),
        cameo=CODEBOOK.cameo("040"),
        plover=CODEBOOK.plover("040"),
        location=Location("Astana", "KAZ", 51.17, 71.45, "dateline"),
        negated=False,
        hypothetical=False,
        trigger=Span("meeting", m0, m0 + len("meeting")),
        confidence=0.9,
        rule="hand-coded",
        date_source="sentence",
        date_text="November 9",
    )
    entities = [
        Entity(
            "Kazakhstan",
            body.index("Kazakhstan"),
            body.index("Kazakhstan") + 10,
            "GPE",
            "KAZ",
            "KAZ",
            None,
            "Kazakhstan",
            0,
        ),
        Entity(
            "China",
            body.index("China"),
            body.index("China") + 5,
            "GPE",
            "CHN",
            "CHN",
            None,
            "China",
            0,
        ),
    ]
    return Document(article=article, events=[event], entities=entities)


def build_seed(path: Path, seed_path: Path) -> tuple[Path, bool]:
    """The seed article (+ examples/ when the pipeline runs); returns (path, used pipeline)."""
    article = seed_article(seed_path)
    with Store(path) as store:
        if _pipeline_available():
            from dateline.pipeline import code_inputs, load_pipeline

            pipe = load_pipeline()
            store.ingest([pipe.code(article)])
            store.ingest(code_inputs([str(EXAMPLES)], pipeline=pipe))
            return path, True
        store.ingest([hand_coded_seed(article)])
    return path, False


def stop_server(proc: subprocess.Popen[Any]) -> None:
    """Stop a `dateline serve` subprocess: Ctrl-C first, as a user would, then kill."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, proc: subprocess.Popen[Any], timeout: float) -> None:
    """Wait until ``url`` answers 200 (a server starting), at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server exited with {proc.returncode}")
        try:
            with urlopen(url, timeout=5) as response:  # noqa: S310 - loopback URL we built
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def get_routes(app: Any) -> list[tuple[str, list[dict[str, Any]]]]:
    """Every GET route of the app with its parameters, from the OpenAPI schema."""
    spec = app.openapi()
    return [
        (path, item["get"].get("parameters", []))
        for path, item in sorted(spec["paths"].items())
        if "get" in item
    ]


def valid_path_values(client: Any) -> dict[str, str]:
    """A value that exists in the database for each path parameter of the API."""
    event = client.get("/events", params={"limit": 1}).json()["items"][0]
    return {
        "code": "KAZ",
        "a": "KAZ",
        "b": "CHN",
        "event_id": event["event_id"],
        "article_id": event["article_id"],
    }
