"""One row per happening of an article: rows that tell one happening again on its date are joined.

An article often tells its main happening more than once: in the lead, again in the body, again in
a quote ("on Monday the two sides agreed ...", "... said on Monday that the border ...").
Each telling is a dated clause and so a row; together they are one happening. Two rows of one
article are one happening when
  * they are of the same event type (a statement and a military action on one day are two things),
  * they have the same role: what happened, what is planned for that day and a past fact given as
    context are three things ("agreed on Saturday" and "takes effect at 17:00 today"), and
  * two clock times of one day in two sentences are two moments (in one sentence they are one
    happening told with two times: the time it was due and the time it came, or two time zones),
    and so are two rows naming actors with none in common, and
  * their dates are the same moment: the same value ("2025-05-07" twice), and the rows are alike
    (timeline.merge.similarity at least MIN_SIMILARITY), or a coarser date that holds the finer
    one ("2025" or "this year" for a summit dated "6-7 July 2025" elsewhere) with a name in common.
The kept row is the one with the most precise date, then the first; the others' evidence is joined
into it (timeline.merge.combined_fields, the one rule for joining rows), so the row's `evidence`
holds every telling's sentence. Its actors, places and headline stay its own clause's: a second
telling mostly adds the sayer or a scene mentioned in passing (on the development set, joining
them cost actors precision .84 -> .79). `merge_note` stays empty: it lists merges of several
sources, which an analyst can split again.
"""
from __future__ import annotations

from datetime import date

from timeline.merge import combined_fields, similarity


# How alike (timeline.merge.similarity: actors, places, title words, type) two same-date rows of one
# article must be to be one telling of one happening; fitted by bench/fit_same_happening.py.
MIN_SIMILARITY = 0.55
# A date this coarse or coarser can hold a finer telling of the same happening.
COARSE_PRECISIONS = frozenset({"week", "month", "quarter", "season", "year"})
CLOCK_KEY = "_clock"    # a row's clock time, set by timeline.events for this module only
QUOTED_KEY = "_quoted"  # whether a row's date is inside a quote, set by timeline.events likewise


def one_row_per_happening(rows: list[dict], min_similarity: float | None = None) -> list[dict]:
    """`rows` (one article's enriched rows, in text order) with each happening's tellings joined
    into its kept row; rows keep their order, a group taking the place of its kept row.
    `min_similarity` defaults to MIN_SIMILARITY."""
    threshold = MIN_SIMILARITY if min_similarity is None else min_similarity
    groups: list[list[int]] = []
    for index, row in enumerate(rows):
        group = next((g for g in groups if all(same_happening(rows[m], row, threshold) for m in g)), None)
        if group is None:
            groups.append([index])
        else:
            group.append(index)
    kept: dict[int, dict] = {}
    for group in groups:
        keep = min(group, key=lambda m: (_width(rows[m]), m))
        merged = rows[keep]
        for member in group:
            if member != keep:
                merged = _joined(merged, rows[member])
        kept[keep] = merged
    out = [kept[index] for index in sorted(kept)]
    for row in out:
        row.pop(CLOCK_KEY, None)
        row.pop(QUOTED_KEY, None)
    return out


def same_happening(a: dict, b: dict, min_similarity: float = MIN_SIMILARITY) -> bool:
    """Whether two rows of one article tell one happening (see the module's docstring)."""
    if not a.get("event_type") or a.get("event_type") != b.get("event_type"):
        return False
    # A row dated by inference (timeline.inferred: no date written) is a happening of its own
    # sentence that borrowed a date, not a second telling of the date's happening.
    if not a.get("date_text") or not b.get("date_text"):
        return False
    if (a.get("role") or "happening") != (b.get("role") or "happening"):
        return False
    if a.get(CLOCK_KEY) and b.get(CLOCK_KEY) and a[CLOCK_KEY] != b[CLOCK_KEY] \
            and a.get("evidence") != b.get("evidence"):
        return False
    if (bool(a.get(QUOTED_KEY)) != bool(b.get(QUOTED_KEY)) and a.get("date") == b.get("date")
            and a.get("precision") == b.get("precision") == "day"):
        # A quote retells the article's happening of that day in the speaker's words ("Kemarin,
        # ... terjadi baku tembak," ujarnya), naming other parties than the reporter's sentence.
        return True
    # Two named parties with no one in common are two happenings of one day ("X was sworn in as
    # president; Y as vice-president the same day").
    actors_a, actors_b = _split(a.get("actors")), _split(b.get("actors"))
    if actors_a and actors_b and not actors_a & actors_b:
        return False
    if a.get("date") == b.get("date"):
        return similarity(a, b)[0] >= min_similarity
    # A coarser date (a month, a year) holds the finer one: the same happening told less precisely,
    # when the two name someone or somewhere in common.
    (a_first, a_last), (b_first, b_last) = _days(a), _days(b)
    if None in (a_first, a_last, b_first, b_last):
        return False
    if a.get("precision") in COARSE_PRECISIONS and b_first >= a_first and b_last <= a_last \
            or b.get("precision") in COARSE_PRECISIONS and a_first >= b_first and a_last <= b_last:
        return bool(_names(a) & _names(b))
    return False


def _split(cell) -> set[str]:
    return {name.strip() for name in str(cell or "").split(";") if name.strip()}


def _names(row: dict) -> set[str]:
    return _split(row.get("actors")) | _split(row.get("places"))


def _days(row: dict) -> tuple[date | None, date | None]:
    try:
        return date.fromisoformat(str(row.get("start"))), date.fromisoformat(str(row.get("end")))
    except ValueError:
        return None, None


def _width(row: dict) -> int:
    first, last = _days(row)
    return (last - first).days if first and last else 1 << 30


def _joined(keep: dict, other: dict) -> dict:
    merged = combined_fields(keep, other)
    # Still one source's row, merged with no other report: what merge.py fills when reports of
    # several sources join (sources, source_count, merge_note, which the dashboard lists as
    # merges an analyst can split) stays as extraction left it, and so do the names (see above).
    for column in ("sources", "source_count", "merge_note", "actors", "places"):
        merged[column] = keep.get(column)
    return {column: merged.get(column, keep.get(column)) for column in {*keep, *merged}}
