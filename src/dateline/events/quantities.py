"""Quantities: money with currency and scale, and counts of things ("51 joint projects",
"12 people killed", "3,000 troops"), with the object they count."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dateline.docmemo import children, entities, head_of, sentence_of
from dateline.model import Quantity

_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR"}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "rupee": "INR",
    "rupees": "INR",
    "tenge": "KZT",
    "hryvnia": "UAH",
}
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "dozens": 24,
    "hundred": 100,
    "hundreds": 100,
    "thousands": 1000,
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Participles and nouns after a count that say what happened to the counted people.
_OUTCOME_WORDS = {
    "killed",
    "dead",
    "died",
    "wounded",
    "injured",
    "hurt",
    "arrested",
    "detained",
    "missing",
    "displaced",
    "evacuated",
    "kidnapped",
    "abducted",
    "released",
    "freed",
    "deported",
}
QUANTITY_LABELS = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT"}


def parse_number(text: str) -> float | None:
    """'27 billion' -> 27e9, '2.5bn' -> 2.5e9, 'three' -> 3, '1,200' -> 1200."""
    lowered = text.lower().replace("\u00a0", " ")
    match = _NUMBER.search(lowered)
    value: float | None = None
    if match:
        raw = match.group(0)
        # "1,200" is a thousands separator; "2,5" (European decimal) is rare in English news.
        raw = raw.replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            return None
    else:
        for word, number in _WORD_NUMBERS.items():
            if re.search(rf"\b{word}\b", lowered):
                value = float(number)
                break
    if value is None:
        return None
    for word, scale in _SCALES.items():
        if re.search(rf"(\d|\b){word}\b", lowered):
            value *= scale
            break
    return value


def _currency(span: Span) -> str | None:
    for tok in span:
        if tok.text in _CURRENCY_SYMBOLS:
            return _CURRENCY_SYMBOLS[tok.text]
        if tok.lower_ in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[tok.lower_]
    # "US$" is tokenised as "US$" in some texts.
    symbol = next((s for s in _CURRENCY_SYMBOLS if s in span.text), None)
    return _CURRENCY_SYMBOLS[symbol] if symbol else None


def _counted_object(span: Span) -> str | None:
    """The noun a number counts: '51 joint projects' -> 'projects', '12 people killed' ->
    'people killed'."""
    root = span.root
    head = head_of(root) if root.dep_ in {"nummod", "quantmod", "npadvmod"} else None
    if head is None or head.i in range(span.start, span.end) or head.pos_ not in {"NOUN", "PROPN"}:
        # "worth $27 billion": the money is the object of 'worth' and counts nothing itself.
        return None
    obj = head.text
    after = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if after is not None and after.lower_ in _OUTCOME_WORDS:
        return f"{obj} {after.lower_}"
    outcome = next((c for c in children(head) if c.lower_ in _OUTCOME_WORDS), None)
    return f"{obj} {outcome.lower_}" if outcome is not None else obj


def extract_quantities(doc: Doc, sentence_index: dict[int, int], offset: int = 0) -> list[Quantity]:
    """Quantities from spaCy's numeric entities; ``sentence_index`` maps a sentence's first
    token index to its index in the article."""
    out: list[Quantity] = []
    for ent in entities(doc):
        if ent.label_ not in QUANTITY_LABELS:
            continue
        value = parse_number(ent.text)
        if value is None:
            continue
        if ent.label_ == "MONEY":
            unit = _currency(ent)
        elif ent.label_ == "PERCENT":
            unit = "percent"
        else:
            unit = None
        out.append(
            Quantity(
                text=ent.text,
                value=value,
                unit=unit,
                object=_counted_object(ent) if ent.label_ != "PERCENT" else None,
                sentence_index=sentence_index.get(sentence_of(ent[0]).start, -1),
                start=offset + ent.start_char,
                end=offset + ent.end_char,
            )
        )
    return out
