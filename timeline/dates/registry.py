"""The one recogniser registry.

A `Recogniser` is one object: the `Patterns` field it runs, the candidate kind it proposes,
its rank among equally long spans, the guard that accepts a match, the trigger kinds every match
contains (so it scans only the stretches around them), what extra data it reads from the match,
and the resolver that turns its candidates into values. `register` adds one; the engine and the
resolvers read `RECOGNISERS` and `RESOLVERS`, nothing else.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

DIGIT, MONTH, WEEKDAY, UNIT = ("digit",), ("month",), ("weekday",), ("unit",)


@dataclass(frozen=True)
class Recogniser:
    pattern: str                      # field of timeline.patterns.Patterns
    kind: str                         # candidate kind, which names its resolver
    rank: int                         # higher wins between equally long spans
    triggers: tuple[str, ...]         # trigger kinds every match contains
    resolver: Callable
    guard: Callable | None = None     # (text, match, patterns) -> accept?
    extra: Callable[[re.Match], dict | None] | None = None   # more data from the match; None drops it


RECOGNISERS: list[Recogniser] = []
RESOLVERS: dict[str, Callable] = {}


def register(recogniser: Recogniser) -> Recogniser:
    """Add `recogniser`; its kind resolves with its resolver (one resolver per kind)."""
    known = RESOLVERS.get(recogniser.kind)
    if known is not None and known is not recogniser.resolver:
        raise ValueError(f"kind {recogniser.kind!r} already resolves with {known.__name__}")
    RECOGNISERS.append(recogniser)
    RESOLVERS[recogniser.kind] = recogniser.resolver
    return recogniser
