"""A government's order to its own forces is no request between political actors.

"The government ordered its military to seal the border": CAMEO codes what the forces do
(here a border closure against the rebels), not a request from a state to its own army or
police; the order itself has no other party. The labelling guide lists no such request.
"""

from __future__ import annotations

from dateline.codebook import DEMAND_ROOT
from dateline.model import Actor

# Sectors of a state's own forces, and of the state that commands them.
FORCE_SECTORS = frozenset({"MIL", "COP"})
COMMANDING_SECTORS = frozenset({"GOV"})


def is_order_to_own_forces(code: str, source: Actor, target: Actor | None) -> bool:
    """A demand (``code``: an order) from a government to the forces of its own country; an
    appeal to them ("called on the coast guard to widen the search") stays a request."""
    return (
        code.startswith(DEMAND_ROOT)
        and target is not None
        and source.sector in COMMANDING_SECTORS
        and target.sector in FORCE_SECTORS
        and source.country is not None
        and source.country == target.country
    )
