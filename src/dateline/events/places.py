"""Places carried through an article: an event with no place of its own takes the scene
an earlier sentence set."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from dateline.model import Event, Location

# A known place the text names: (start, end) offsets into the body, and its country.
NamedPlace = tuple[int, int, str]


def carry_places(events: Iterable[Event], named: Sequence[NamedPlace] = ()) -> None:
    """Give an event that has no place of its own (no place in its sentence, no dateline)
    the place the article last named for an event before it, as news narrative keeps its
    setting until it names a new one ("Israeli aircraft struck targets in Gaza. ... The
    strikes destroyed two houses"). Its ``source`` is "article".

    Carried only into an event one of whose actors is of the scene's country: a statement
    from elsewhere ("the U.N. chief said ...") is made where its speaker is, not at the scene.
    Not carried either into an event before the first placed one (the article has set no
    scene yet), nor into a sentence that names a known place of another country outside the
    event's actors (``named``), where the scene may have moved.
    """
    setting: Location | None = None
    for event in sorted(events, key=lambda e: e.sentence.start):
        if event.location is None:
            if setting is not None and _party(event, setting) and not _moved(event, setting, named):
                event.location = replace(setting, source="article")
        elif event.location.source == "sentence" and event.location.country:
            setting = event.location


def _party(event: Event, setting: Location) -> bool:
    countries = {event.source.country, event.target.country if event.target else None}
    return setting.country in countries


def _moved(event: Event, setting: Location, named: Sequence[NamedPlace]) -> bool:
    actors = [a for a in (event.source, event.target) if a is not None]
    for start, end, country in named:
        if not (event.sentence.start <= start < event.sentence.end) or country == setting.country:
            continue
        if any(a.start < end and start < a.end for a in actors):
            continue  # the place is an actor of the event ("Kabul condemned ...")
        return True
    return False
