"""A short English "who did what, where" line for an event row, readable whatever the article's language.

    headline(event_type, actors, places, role) -> "Meeting: Mikhail Bogdanov, Ahmed al-Sharaa, Damascus"

It is composed only from what the row already says in English: the type's label
(data/event_types.json), the canonical actor names and the first place. A plan is marked
"(planned)", background "(background)". At most HEADLINE_MAX_WORDS words: actors are kept in the
order the text names them until the budget is spent, and the rest are counted ("+2").
"""
from __future__ import annotations

from collections.abc import Iterable

HEADLINE_MAX_WORDS = 12
_ROLE_MARK = {"plan": " (planned)", "background": " (background)"}


def _names(cell: str | Iterable[str] | None) -> list[str]:
    if cell is None:
        return []
    parts = cell.split(";") if isinstance(cell, str) else list(cell)
    return [p.strip() for p in parts if p and str(p).strip()]


def type_label(event_type: str) -> str:
    """The label of an event type ("military_action" -> "Military action"); "Event" for none."""
    from timeline.enrich import event_taxonomy

    if not event_type:
        return "Event"
    spec = event_taxonomy().get(event_type, {})
    return spec.get("label") or event_type.replace("_", " ").capitalize()


def headline(event_type: str, actors: str | Iterable[str] | None, places: str | Iterable[str] | None,
             role: str = "happening") -> str:
    """The headline of one row; `actors` and `places` as the table holds them ("; "-joined) or as lists."""
    lead = type_label(event_type) + _ROLE_MARK.get(role or "", "")
    place_names = _names(places)
    place = place_names[0] if place_names else ""
    # A state that is also the row's place says nothing twice ("Syria ... , Syria").
    people = [a for a in _names(actors) if a != place]
    budget = HEADLINE_MAX_WORDS - len(lead.split()) - len(place.split())
    kept: list[str] = []
    for name in people:
        if len(name.split()) > budget - (1 if name is not people[-1] else 0) and kept:
            break
        kept.append(name)
        budget -= len(name.split())
    parts = list(kept)
    if len(kept) < len(people):
        parts[-1] += f" +{len(people) - len(kept)}"
    if place:
        parts.append(place)
    return f"{lead}: {', '.join(parts)}" if parts else lead
