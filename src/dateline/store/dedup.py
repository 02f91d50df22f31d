"""Cross-article deduplication: which event mentions report the same real-world event.

GDELT counts one meeting reported by forty outlets as forty events; dateline clusters the
mentions into one event and counts the reports instead (``num_mentions``, ``num_articles``,
``num_sources``).

Two mentions are *compatible* when all of these hold:

- **same dyad**: the same source and target keys (country + sector codes, see
  :func:`actor_key`); for symmetric CAMEO codes (meet, negotiate, sign: listed in
  ``data/store/dedup.yaml``) either way round;
- **compatible codes**: the same CAMEO code, or the same CAMEO root or PLOVER event;
- **similar evidence**: the same trigger word, or content-word overlap (Jaccard) of the two
  sentences at least ``SIMILARITY_SAME_CODE`` (same CAMEO code) or ``SIMILARITY_SAME_ROOT``
  (only the root or the PLOVER event agree). Two mentions with the same code in the same
  article need no textual evidence: a story restates its lead event.

Clustering is a greedy pass over the mentions of one block (undirected dyad) in a canonical
order, ``(date, mention_id)``; mention ids start with the article's content hash, so the order,
and therefore every cluster, depends only on *which* mentions are stored, never on ingest
order or batching. A mention joins the first open cluster whose anchor (earliest mention) is
at most ``DEDUP_WINDOW_DAYS`` away and which holds a compatible mention; otherwise it starts
a new cluster. Anchoring on the earliest mention bounds a cluster's span to the window, so a
daily series of similar events is not chained into one.

Dates: mentions dated to the day are compared with the window; month- or year-precision
dates only match the same period at the same precision.

Undated mentions (no date in the sentence, the article or the input): an undated mention
joins a compatible undated mention of the *same article* and nothing else, neither a dated
mention nor another article's undated one. Without a date nothing says that two reports
describe the same occasion, while one story restating its lead is the same event. Undated
mentions sort after every dated one, so they never change a dated cluster, and the events
they form depend on their own article only: a store re-clusters them per article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

# Reports of one event are normally dated within a day or two of each other (time zones,
# "yesterday" resolved against different publication dates, follow-up stories); three days
# covers that without merging a week of similar daily events.
DEDUP_WINDOW_DAYS = 3

# Minimum content-word Jaccard overlap of two evidence sentences. With the same CAMEO code
# (and the same dyad and window) little textual evidence is needed; with only the same root
# or PLOVER event the sentences must describe the action in more of the same words.
SIMILARITY_SAME_CODE = 0.10
SIMILARITY_SAME_ROOT = 0.25

# Tokens shorter than this carry little meaning for overlap (initials, "US" is kept by code).
MIN_TOKEN_CHARS = 3

NO_ACTOR = "-"


@cache
def _settings() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("dateline").joinpath("data/store/dedup.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    symmetric = frozenset(str(entry["id"]) for entry in data["symmetric_cameo"])
    stopwords = frozenset(str(entry["id"]).casefold() for entry in data["stopwords"])
    return symmetric, stopwords


def symmetric_codes() -> frozenset[str]:
    return _settings()[0]


def actor_key(code: str | None, country: str | None, sector: str | None, text: str | None) -> str:
    """The dyad side of one actor: ``COUNTRY|SECTOR`` when coded, else the code, else text."""
    if country or sector:
        return f"{country or ''}|{sector or ''}"
    if code:
        return f"code:{code}"
    if text and text.strip():
        return "text:" + " ".join(text.casefold().split())
    return NO_ACTOR


def block_key(source_key: str, target_key: str) -> str:
    """The undirected dyad: mentions are only ever compared within one block."""
    first, second = sorted((source_key, target_key))
    return f"{first} ~ {second}"


def content_tokens(sentence: str) -> frozenset[str]:
    _, stopwords = _settings()
    words = re.findall(r"[^\W\d_]+", sentence.casefold())
    return frozenset(w for w in words if len(w) >= MIN_TOKEN_CHARS and w not in stopwords)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class MentionKey:
    """What deduplication needs to know about one mention."""

    mention_id: str
    article_id: str
    date: dt.date | None
    date_precision: str | None
    dyad_source: str
    dyad_target: str
    cameo_code: str
    cameo_root: str
    plover_event: str | None
    trigger: str | None
    sentence: str
    confidence: float = 0.0

    @property
    def tokens(self) -> frozenset[str]:
        """Content words of the sentence, computed when first compared (most mentions a
        re-scan reads are never compared with anything)."""
        cached: frozenset[str] | None = self.__dict__.get("_tokens")
        if cached is None:
            cached = content_tokens(self.sentence)
            object.__setattr__(self, "_tokens", cached)
        return cached

    def sort_key(self) -> tuple[bool, dt.date, str]:
        return (self.date is None, self.date or dt.date.min, self.mention_id)


def _same_direction(a: MentionKey, b: MentionKey) -> bool:
    if (a.dyad_source, a.dyad_target) == (b.dyad_source, b.dyad_target):
        return True
    symmetric = symmetric_codes()
    return a.cameo_code in symmetric and b.cameo_code in symmetric


def _dates_compatible(anchor: MentionKey, m: MentionKey) -> bool:
    if anchor.date is None or m.date is None:
        return anchor.date is None and m.date is None and anchor.article_id == m.article_id
    if anchor.date_precision == "day" and m.date_precision == "day":
        return abs((m.date - anchor.date).days) <= DEDUP_WINDOW_DAYS
    return anchor.date == m.date and anchor.date_precision == m.date_precision


def _trigger_match(a: MentionKey, b: MentionKey) -> bool:
    if not a.trigger or not b.trigger:
        return False
    return a.trigger.casefold().strip() == b.trigger.casefold().strip()


def compatible(a: MentionKey, b: MentionKey) -> bool:
    """Whether two mentions (already in one block and date window) report the same event."""
    if not _same_direction(a, b):
        return False
    if a.cameo_code == b.cameo_code:
        if a.article_id == b.article_id:
            return True
        return _trigger_match(a, b) or jaccard(a.tokens, b.tokens) >= SIMILARITY_SAME_CODE
    same_family = a.cameo_root == b.cameo_root or (
        a.plover_event is not None and a.plover_event == b.plover_event
    )
    if not same_family:
        return False
    return _trigger_match(a, b) or jaccard(a.tokens, b.tokens) >= SIMILARITY_SAME_ROOT


def _still_open(anchor: MentionKey, day: dt.date) -> bool:
    if anchor.date is None:
        return True
    if anchor.date_precision == "day":
        return (day - anchor.date).days <= DEDUP_WINDOW_DAYS
    return day == anchor.date


def _place(
    m: MentionKey, clusters: list[list[MentionKey]], open_clusters: list[list[MentionKey]]
) -> list[MentionKey]:
    """Put ``m`` into the first open cluster it fits, or into a new one (added to both
    lists); the cluster it went to."""
    for cluster in open_clusters:
        if _dates_compatible(cluster[0], m) and any(compatible(x, m) for x in cluster):
            cluster.append(m)
            return cluster
    cluster = [m]
    clusters.append(cluster)
    open_clusters.append(cluster)
    return cluster


def cluster_block(
    mentions: Sequence[MentionKey], initial: Sequence[Sequence[MentionKey]] = ()
) -> list[list[MentionKey]]:
    """Cluster the mentions of one block; each cluster lists its members, anchor first.

    ``initial``: the clusters already formed by the mentions that come before all of
    ``mentions`` in the canonical order (anchors in that order), which lets a store resume
    the scan where new mentions start instead of re-clustering a whole block.
    """
    ordered = sorted(mentions, key=MentionKey.sort_key)
    clusters: list[list[MentionKey]] = [list(c) for c in initial]
    open_clusters = list(clusters)
    for m in ordered:
        if m.date is not None:
            # Sorted by date: a cluster anchored more than a window ago can take nothing more.
            open_clusters = [c for c in open_clusters if _still_open(c[0], m.date)]
        _place(m, clusters, open_clusters)
    return clusters


def rescan(
    mentions: Sequence[MentionKey],
    initial: Sequence[Sequence[MentionKey]],
    stored: Mapping[str, str | None],
    dirty: Set[str] = frozenset(),
) -> tuple[list[list[MentionKey]], set[str]]:
    """Resume the scan of one block over ``mentions`` (those from the first new one on) and
    stop as soon as it provably repeats the stored result.

    ``stored`` maps mention ids to their stored event id (None for new mentions); ``dirty``
    lists stored events that lost a mention (re-coded articles). Once every new or dirty
    mention has been placed, and no mention placed in the last window differs from its
    stored event, the open clusters are exactly the stored ones and everything after
    follows as stored: the scan stops there.

    Returns the clusters to (re)write and the ids of the stored events they replace: those
    of the initial clusters and of every mention re-placed, except the clusters still open
    at the stop, which stand as stored (they go on with mentions not re-placed here).
    """
    ordered = sorted(mentions, key=MentionKey.sort_key)
    last_perturbed = -1
    for i, m in enumerate(ordered):
        eid = stored.get(m.mention_id)
        if eid is None or eid in dirty:
            last_perturbed = i
    clusters: list[list[MentionKey]] = [list(c) for c in initial]
    open_clusters = list(clusters)
    stale = {cluster_id(c[0]) for c in clusters}
    last_changed: dt.date | None = None  # date of the latest mention placed differently
    for i, m in enumerate(ordered):
        if m.date is not None:
            open_clusters = [c for c in open_clusters if _still_open(c[0], m.date)]
            if (
                i > last_perturbed
                and (last_changed is None or (m.date - last_changed).days > DEDUP_WINDOW_DAYS)
                and not any(cluster_id(c[0]) in dirty for c in open_clusters)
            ):
                kept = {id(c) for c in open_clusters}
                return (
                    [c for c in clusters if id(c) not in kept],
                    stale - {cluster_id(c[0]) for c in open_clusters},
                )
        cluster = _place(m, clusters, open_clusters)
        before = stored.get(m.mention_id)
        if before is not None:
            stale.add(before)
        if before != cluster_id(cluster[0]) or before in dirty or m.date is None:
            last_changed = m.date or dt.date.max
    return clusters, stale


def cluster_id(anchor: MentionKey) -> str:
    """A deterministic id: the hash of the anchor mention (stable while the anchor is)."""
    return "ev" + hashlib.sha256(anchor.mention_id.encode("utf-8")).hexdigest()[:18]


def representative(cluster: Sequence[MentionKey]) -> MentionKey:
    """The mention whose coding stands for the cluster: most confident, then earliest."""
    order = {m.mention_id: i for i, m in enumerate(cluster)}
    return min(cluster, key=lambda m: (-m.confidence, order[m.mention_id]))
