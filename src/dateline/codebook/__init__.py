"""The CAMEO and PLOVER codebooks: names, Goldstein scores, classes and the PLOVER mapping.

>>> cb = load_codebook()
>>> cb.cameo("0431").code  # doctest: +SKIP

The tables are data files (``dateline/data/codebook/cameo.tsv`` and ``plover.tsv``);
this module is a leaf and imports only :mod:`dateline.model` and :mod:`dateline.errors`.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from functools import cache

from dateline.codebook._tables import CameoRow, PloverRow, read_cameo, read_plover
from dateline.errors import DatelineError, DictionaryError
from dateline.model import Cameo, Plover

__all__ = [
    "PLOVER_EVENTS",
    "PLOVER_2017_TO_2021",
    "Codebook",
    "UnknownCodeError",
    "extension_base",
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


# A user dictionary's code that extends CAMEO: a CAMEO root (01-20), then one or two more
# letters or digits ("174K", "1717", "095").
_EXTENSION_CODE = re.compile(r"(0[1-9]|1[0-9]|20)[0-9A-Z]{1,2}")


def extension_base(code: str, codes: Container[str]) -> str | None:
    """``Codebook.extension_base`` over a given set of codes (for readers of dictionaries
    that are handed the codebook's codes)."""
    if not isinstance(code, str):
        return None
    code = code.strip()
    if code in codes or not _EXTENSION_CODE.fullmatch(code):
        return None
    for end in range(len(code) - 1, 1, -1):
        if code[:end] in codes:
            return code[:end]
    return None


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

    def extension_base(self, code: str) -> str | None:
        """The CAMEO code that a user dictionary's own code extends: its longest prefix in the
        codebook, for a code of three or four letters and digits whose first two digits are a
        CAMEO root ("174K" -> "174", "1717" -> "171", "095" -> "09"). None for codebook codes
        and for anything else ("903", "345", "+++": no CAMEO root)."""
        return extension_base(code, self._cameo)

    def describe(self, code: str) -> tuple[Cameo, Plover]:
        """CAMEO and PLOVER of a codebook code, or of an extension code (see
        ``extension_base``): the extension keeps its own code, takes its base's root, quad
        class, Goldstein score and PLOVER mapping, and has no name (it is not CAMEO's)."""
        base = self.extension_base(code)
        if base is None:
            return self.cameo(code), self.plover(code)
        cameo = self.cameo(base)
        cameo.code, cameo.name = code.strip(), None
        return cameo, self.plover(base)

    def is_plover_event(self, code: str) -> bool:
        """True when the code maps to one of the 16 PLOVER types (not a STATEMENT)."""
        return self._plover[self._row(code).code].event in PLOVER_EVENTS


@cache
def load_codebook() -> Codebook:
    """The packaged codebook, read once per process."""
    return Codebook(read_cameo(), read_plover())


# --- CAMEO codes the event coder names (events/coder.py) -------------------------------
# Code names the codes it treats apart, so that a grep for a code's name finds every rule
# that depends on it. Roots are two digits; longer codes are as in cameo.tsv.
INTENT_ROOT = "03"  # Express intent to cooperate
APPEAL_ROOT = "02"  # Appeal
CONSULT_UNSPECIFIED_CODE = "040"  # Consult, not specified below
VISIT_CODE = "042"  # Make a visit
HOST_VISIT_CODE = "043"  # Host a visit
NEGOTIATE_CODE = "046"  # Engage in negotiation
MATERIAL_COOPERATION_ROOT = "06"  # Engage in material cooperation
MILITARY_COOPERATION_CODE = "062"  # Cooperate militarily
YIELD_ROOT = "08"  # Yield
INVESTIGATE_ROOT = "09"  # Investigate
DEMAND_ROOT = "10"  # Demand
DISAPPROVE_ROOT = "11"  # Disapprove
DISAPPROVE_CODE = "110"  # Disapprove, not specified below
ACCUSE_CODE = "112"  # Accuse, not specified below
REJECT_ROOT = "12"  # Reject
SHOW_OF_FORCE_CODE = "150"  # Demonstrate military or police power, not specified below
COERCE_ROOT = "17"  # Coerce
ASSAULT_ROOT = "18"  # Assault
FIGHT_ROOT = "19"  # Fight
MASS_VIOLENCE_ROOT = "20"  # Use unconventional mass violence
# --- end of the event coder's codes --------------------------------------------------

# --- CAMEO codes the other event modules name (events/ except coder.py) ------------------
# As above: one name per code, so that a grep finds every rule that depends on it.
STATEMENT_ROOT = "01"  # Make public statement
STATEMENT_CODE = "010"  # Make statement, not specified below
DENIAL_CODE = "016"  # Deny responsibility
APPEAL_CODE = "020"  # Make an appeal or request, not specified below
CONSULT_ROOT = "04"  # Consult
DIPLOMATIC_COOPERATION_ROOT = "05"  # Engage in diplomatic cooperation
PEACEKEEPING_CODE = "074"  # Provide military protection or peacekeeping
EASE_SANCTIONS_CODE = "081"  # Ease administrative sanctions, not specified below
ACCEDE_TO_REFORM_CODE = "083"  # Accede to requests or demands for political reform
RELEASE_CODE = "084"  # Return, release, not specified below
DE_ESCALATE_CODE = "087"  # De-escalate military engagement
DEMAND_CODE = "100"  # Demand, not specified below
CRITICIZE_CODE = "111"  # Criticize or denounce
THREAT_ROOT = "13"  # Threaten
PROTEST_ROOT = "14"  # Protest
FORCE_POSTURE_ROOT = "15"  # Exhibit force posture
REDUCE_RELATIONS_ROOT = "16"  # Reduce relations
SANCTION_CODE = "172"  # Impose administrative sanctions, not specified below
ARREST_CODE = "173"  # Arrest, detain, or charge with legal action
REPRESSION_CODE = "175"  # Use tactics of violent repression
# --- end of the other event modules' codes ------------------------------------------------
