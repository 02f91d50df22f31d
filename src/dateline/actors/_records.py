"""What resolution builds: ``Mention`` (the output) and ``_Code`` (a code being composed).

``_make_actor`` turns a finished ``_Code`` into the ``dateline.model.Actor`` of a mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.model import Actor


@dataclass
class Mention:
    """One actor mention in a spaCy ``Doc``. Offsets are characters into ``doc.text``."""

    start: int
    end: int
    actor: Actor
    head: int
    members: list[Actor] = field(default_factory=list)


@dataclass(slots=True)
class _Code:
    """What a phrase resolves to before it becomes an ``Actor``."""

    base: str | None = None  # CAMEO country or IGO/NGO/IMG code
    country: str | None = None  # ISO3
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    kind: str | None = None
    rule: list[str] = field(default_factory=list)
    # codes of imported agents beyond the sector: "[~GOVFRM]" adds FRM, "[NGO~]" goes before
    suffix: str = ""
    prefix: str = ""

    def code(self) -> str | None:
        if self.base is None:
            return None
        code = self.base
        chunks = [self.base[k : k + 3] for k in range(3, len(self.base), 3)]
        if self.sector and self.sector not in chunks and self.base not in ("---", self.sector):
            code = self.base + self.sector
        if self.suffix and not code.endswith(self.suffix):
            code += self.suffix
        if self.prefix and not code.startswith(self.prefix):
            code = self.prefix + code
        return code


def _make_actor(text: str, start: int, end: int, c: _Code) -> Actor:
    return Actor(
        text=text,
        start=start,
        end=end,
        code=c.code(),
        country=c.country,
        sector=c.sector,
        name=c.name,
        role=c.role,
        kind=c.kind,
        rule="+".join(dict.fromkeys(c.rule)) or None,
    )
