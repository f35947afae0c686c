"""DateMention: one temporal expression found in a text, as the engine returns it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DateMention:
    """One temporal expression found in a text.

    `value` is TIMEX3 style (2024-12-08, 2024-12, 2024, 2024-W50, 2024-SU, PRESENT_REF, P25Y,
    2024-12-04T01:00, 2024-12-04TMO); `end_value` is set for ranges ("26-28 Oktober").
    `first_day`/`last_day` are the days the value covers (None for durations, sets and
    reference words), so a month covers all its days and no precision is invented.
    """

    start: int
    end: int
    text: str
    value: str
    type: str                 # DATE, TIME, DURATION, SET
    precision: str            # day, week, weekend, month, quarter, season, year, decade, century, time, part_of_day, duration, reference
    first_day: date | None = None
    last_day: date | None = None
    end_value: str | None = None
    confidence: float = 1.0
    points_to: str | None = None   # a duration counted from the story ("two days later"): the date it reaches

    def as_dict(self) -> dict:
        """A JSON-ready dict of this mention (dates as ISO strings)."""
        return {
            "start": self.start, "end": self.end, "text": self.text, "value": self.value,
            "type": self.type, "precision": self.precision,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "end_value": self.end_value, "confidence": self.confidence, "points_to": self.points_to,
        }

    @property
    def is_event_date(self) -> bool:
        """True when this mention can date a happening (not a duration, set or vague reference)."""
        return self.type in ("DATE", "TIME") and self.first_day is not None


# ---------------------------------------------------------------------------------------------
# Public entry point
