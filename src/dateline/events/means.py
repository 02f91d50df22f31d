"""What an act sends is not whom it is aimed at.

A rule of sending people that requires its object to be of a kind ("sent *a delegation*
to", "deployed *troops* to") and looks for its target elsewhere names, in that object, the
source's own agents or means: "the White House sent an unofficial delegation to attend ..."
is aimed at where the delegation goes, never at the delegation. Without the place or party
it goes to, the act has the target the rest of its sentence gives it, or none.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events import syntax
from dateline.events._arguments import Arg
from dateline.events._rules import TriggerRule

OBJECT_SLOT = "obj"
# Acts that send people: visits and delegations (04), deployments (15). Elsewhere a required
# object may be whom the act is done to ("holding *hostages*").
SENDING_ROOTS = ("04", "15")


def without_means(tok: Token, rule: TriggerRule, targets: list[Arg], offset: int) -> list[Arg]:
    """``targets`` without the actor that is the rule's required object, when the rule
    does not take its target from the object."""
    if (
        OBJECT_SLOT in rule.targets
        or not rule.cameo.startswith(SENDING_ROOTS)
        or not any(r.key == OBJECT_SLOT for r in rule.requires)
    ):
        return targets
    obj = syntax.object_of(tok)
    if obj is None:
        return targets
    # the actor the object itself heads, not one its phrase names ("an agreement *with X*")
    head = offset + obj.idx
    return [a for a in targets if not a.actor.start <= head < a.actor.end]
