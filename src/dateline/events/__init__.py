"""Events: who did what to whom, when and where, coded in CAMEO and PLOVER.

    lexicon = load_lexicon(extra_files, valid_codes=codebook.codes())  # package + user rows
    coder = EventCoder(lexicon, codebook)
    memory = coder.article_memory(doc, mentions)     # actors named earlier in the article
    for sent in sentence_contexts(doc):
        events.extend(coder.code_sentence(
            sent, mentions, article_id=article.id, published=day, default_location=None,
            memory=memory,
        ))
    coder.date_by_frame(doc, events, day)            # a time frame set earlier
    carry_places(events, named_places)               # a scene set earlier
    coding = code_pair(coder, sent, source, target)  # what one given actor does to another

``EventCoder`` matches the trigger lexicon (``data/events/*.tsv``) on the dependency parse,
finds sources and targets among the actor mentions, and reads mood, negation, date and place;
``Event.rule`` names the lexicon row that coded an event. ``resolve_date`` and
``parse_iso_date`` read dates, ``extract_quantities`` money and counts. With a
``CodingTrace`` the coder records its candidates and the checks that dropped or changed
them (``dateline explain``). The modules whose
names begin with ``_`` are the coder's parts and not for use outside this package.
"""

from __future__ import annotations

from dateline.events.coder import (
    MOOD,
    PLACE_LABELS,
    RECIPROCAL_CODE_PREFIXES,
    REVERSE_SUFFIX,
    EventCoder,
    SentenceContext,
    sentence_contexts,
)
from dateline.events.lexicon import Lexicon, TriggerRule, load_lexicon
from dateline.events.pair import PairCoding, code_pair
from dateline.events.places import NamedPlace, carry_places
from dateline.events.quantities import extract_quantities
from dateline.events.time import ResolvedDate, parse_iso_date, resolve_date
from dateline.events.trace import CheckRecord, CodingTrace

__all__ = [
    "MOOD",
    "PLACE_LABELS",
    "RECIPROCAL_CODE_PREFIXES",
    "REVERSE_SUFFIX",
    "CheckRecord",
    "CodingTrace",
    "EventCoder",
    "Lexicon",
    "NamedPlace",
    "PairCoding",
    "ResolvedDate",
    "SentenceContext",
    "TriggerRule",
    "carry_places",
    "code_pair",
    "extract_quantities",
    "load_lexicon",
    "parse_iso_date",
    "resolve_date",
    "sentence_contexts",
]
