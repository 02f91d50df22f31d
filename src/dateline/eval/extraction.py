"""Body-extraction and publication-date evaluation on an annotated web-page set.

The set (for development: ``../shared/data/trafilatura-eval-en``) is a folder with
``evaldata_en.json`` -- ``{url: {file, with: [...], without: [...], date, ...}}`` -- and the
pages as ``html/<file>.gz``. Scoring follows trafilatura's own benchmark: each ``with``
snippet found in the extracted text (whitespace-normalised substring) is a true positive,
each one missing a false negative; each ``without`` snippet found is a false positive, each
one absent a true negative. Date accuracy counts the pages with a gold date whose extracted
publication date (YYYY-MM-DD) equals it.

Two systems are scored side by side on the same pages: dateline's HTML reader
(``dateline.ingest.article_from_html``: the cleaned ``Article.body`` and
``Article.published``) and plain ``trafilatura.extract`` / ``bare_extraction`` with default
settings.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.ingest import article_from_html

ANNOTATIONS = "evaldata_en.json"


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    dates_gold: int = 0
    dates_correct: int = 0
    failures: int = 0  # pages where the system produced no text at all

    def add(self, item: dict[str, Any], text: str | None) -> None:
        found = _norm(text) if text else ""
        tp = sum(1 for s in item["with"] if _norm(s) in found) if found else 0
        fp = sum(1 for s in item["without"] if _norm(s) in found) if found else 0
        self.tp += tp
        self.fn += len(item["with"]) - tp
        self.fp += fp
        self.tn += len(item["without"]) - fp

    def add_date(self, gold: str | None, found: str | None) -> None:
        if not gold:
            return
        self.dates_gold += 1
        self.dates_correct += int(bool(found) and str(found)[:10] == gold[:10])

    def scores(self) -> dict[str, Any]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total = self.tp + self.fp + self.fn + self.tn
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "accuracy": round((self.tp + self.tn) / total, 4) if total else 0.0,
            "date_accuracy": round(self.dates_correct / self.dates_gold, 4)
            if self.dates_gold
            else 0.0,
            "dates_correct": self.dates_correct,
            "dates_gold": self.dates_gold,
            "counts": {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn},
            "no_text": self.failures,
        }


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _dateline(html: bytes, url: str) -> tuple[str | None, str | None]:
    try:
        art = article_from_html(html, origin=url, url=url)
    except InputError:
        return None, None
    return art.body, art.published


def _trafilatura_default(html: bytes, url: str) -> tuple[str | None, str | None]:
    import trafilatura

    text = trafilatura.extract(html)
    meta = trafilatura.bare_extraction(html, with_metadata=True)
    date = getattr(meta, "date", None) if meta is not None else None
    return text, date


SYSTEMS: dict[str, Callable[[bytes, str], tuple[str | None, str | None]]] = {
    "dateline": _dateline,
    "trafilatura_default": _trafilatura_default,
}


def load(path: Path) -> list[tuple[str, dict[str, Any], bytes]]:
    """(url, annotation, page bytes) for every annotated page of the set."""
    annotations = json.loads((path / ANNOTATIONS).read_text(encoding="utf-8"))
    pages = []
    for url, item in annotations.items():
        page = path / "html" / f"{item['file']}.gz"
        pages.append((url, item, gzip.decompress(page.read_bytes())))
    return pages


def run(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Score dateline's HTML reader and default trafilatura on the set at ``path`` (the
    first ``limit`` pages only, when given)."""
    pages = load(Path(path))[:limit]
    results = {name: Confusion() for name in SYSTEMS}
    for url, item, html in pages:
        for name, system in SYSTEMS.items():
            text, date = system(html, url)
            conf = results[name]
            if not text:
                conf.failures += 1
            conf.add(item, text)
            conf.add_date(item.get("date") or None, date)
    report: dict[str, Any] = {
        "dataset": str(path),
        "pages": len(pages),
        "pages_with_gold_date": sum(1 for _, item, _ in pages if item.get("date")),
        "snippets": {
            "with": sum(len(item["with"]) for _, item, _ in pages),
            "without": sum(len(item["without"]) for _, item, _ in pages),
        },
    }
    for name, conf in results.items():
        report[name] = conf.scores()
    report["notes"] = [
        "dateline scores Article.body, which leaves out a dateline prefix such as "
        "'KOBE -' by design (it goes to Article.dateline); a must-include snippet that "
        "starts with the dateline therefore counts as missed."
    ]
    return report


if __name__ == "__main__":  # pragma: no cover - development convenience
    import sys

    print(json.dumps(run(Path(sys.argv[1])), indent=2))
