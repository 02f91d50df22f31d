"""The CAMEO and PLOVER codebooks: names, Goldstein scores, classes and the PLOVER mapping.

>>> cb = load_codebook()
>>> cb.cameo("0431").code  # doctest: +SKIP

The tables are data files (``dateline/data/codebook/cameo.tsv`` and ``plover.tsv``);
this module is a leaf and imports only :mod:`dateline.model` and :mod:`dateline.errors`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from dateline.codebook._tables import CameoRow, PloverRow, read_cameo, read_plover
from dateline.errors import DatelineError, DictionaryError
from dateline.model import Cameo, Plover

__all__ = [
    "PLOVER_EVENTS",
    "PLOVER_2017_TO_2021",
    "Codebook",
    "UnknownCodeError",
    "load_codebook",
    "normalise_plover_event",
]

# The 16 event types of the PLOVER codebook (Draft 0.8, 2021). dateline's mapping also
# uses STATEMENT for CAMEO 01 statements that PLOVER leaves uncoded.
PLOVER_EVENTS: frozenset[str] = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)

# Earlier PLOVER drafts (used by the 2017 gold-standard records) had four more types that
# the 2021 codebook folded into others; comparing old gold with new output needs this.
PLOVER_2017_TO_2021: Mapping[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "COOPERATION": "COOPERATE",
}


def normalise_plover_event(event: str) -> str:
    """Upper-case a PLOVER event name and translate pre-2021 names to the 2021 ones."""
    name = event.strip().upper()
    return PLOVER_2017_TO_2021.get(name, name)


class UnknownCodeError(DatelineError, KeyError):
    """A CAMEO code that is not in the CAMEO 1.1b3 codebook."""

    def __init__(self, code: object) -> None:
        self.code = code
        super().__init__(
            f"unknown CAMEO code {code!r}: give a CAMEO 1.1b3 code as a string with its "
            "leading zero, e.g. '0431', '163' or '19' (see dateline/data/codebook/cameo.tsv)"
        )

    def __str__(self) -> str:
        # KeyError would otherwise wrap the message in quotes.
        return str(self.args[0])


class Codebook:
    """Lookup of CAMEO codes: name, Goldstein score, quad and penta class, PLOVER mapping."""

    def __init__(self, cameo: Mapping[str, CameoRow], plover: Mapping[str, PloverRow]) -> None:
        missing = sorted(set(cameo) - set(plover))
        if missing:
            raise DictionaryError(
                f"plover.tsv has no mapping for CAMEO codes {missing}: add a row for each"
            )
        extra = sorted(set(plover) - set(cameo))
        if extra:
            raise DictionaryError(f"plover.tsv maps codes that are not in cameo.tsv: {extra}")
        self._cameo = dict(cameo)
        self._plover = dict(plover)

    def _row(self, code: str) -> CameoRow:
        # Ints are rejected rather than converted: 10 could be the root '10' or code '010'.
        row = self._cameo.get(code.strip()) if isinstance(code, str) else None
        if row is None:
            raise UnknownCodeError(code)
        return row

    def is_valid(self, code: str) -> bool:
        return isinstance(code, str) and code.strip() in self._cameo

    def codes(self) -> list[str]:
        """All codes, roots included, in codebook order."""
        return list(self._cameo)

    def name(self, code: str) -> str:
        return self._row(code).name

    def goldstein(self, code: str) -> float:
        return self._row(code).goldstein

    def quad_class(self, code: str) -> int:
        return self._row(code).quad_class

    def penta(self, code: str) -> int:
        """ConfliBERT's PentaClass (0 statement/appeal .. 4 material conflict)."""
        return self._row(code).penta_class

    def root(self, code: str) -> str:
        return self._row(code).code[:2]

    def cameo(self, code: str) -> Cameo:
        row = self._row(code)
        return Cameo(
            code=row.code,
            root=row.code[:2],
            quad_class=row.quad_class,
            goldstein=row.goldstein,
            name=row.name,
        )

    def plover(self, code: str) -> Plover:
        row = self._plover[self._row(code).code]
        return Plover(event=row.event, mode=row.mode, context=list(row.context))

    def is_plover_event(self, code: str) -> bool:
        """True when the code maps to one of the 16 PLOVER types (not a STATEMENT)."""
        return self._plover[self._row(code).code].event in PLOVER_EVENTS


@cache
def load_codebook() -> Codebook:
    """The packaged codebook, read once per process."""
    return Codebook(read_cameo(), read_plover())
