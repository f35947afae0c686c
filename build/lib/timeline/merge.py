"""Several reports of one happening -> one event, with every source and evidence sentence kept.

    similarity(a, b) -> (score, reasons)              0..1 for two event rows, and why
    find_clusters(frame, threshold) -> list[Cluster]  which rows are one happening (cluster_records for dicts)
    merge_events(frame, threshold=0.6) -> DataFrame   one row per happening (schema + merge_score, merged_from)
    split_event(merged, originals, event_id) -> DataFrame   a wrong merge taken apart again
    combined_fields(keep, other, note) -> dict        the one rule for joining two rows (the store uses it too)

When two rows are one happening:
  * Their dates can be the same moment: the days they cover overlap ("2024-12-08" lies in "2024-12"),
    and both are at most a month wide. Dates that cannot be the same moment never merge, whatever
    else they share ("2024-12-08" and "2024-12-09"; "2024" with anything but "2024").
  * Then the score is a weighted mean of what the two rows say: how well the dates agree, the
    share of the actors and of the places named by either row that both name (Jaccard), how
    alike the titles are (rapidfuzz token_set_ratio on folded text) and whether the event types match. A
    part one row cannot speak to (it names no actor) is left out of the mean rather than counted
    as a mismatch. The weights were chosen on tests/merge_pairs.jsonl (see tests/test_merge_quality.py).
  * Rows of one source are kept apart by default: one article that dates two clauses on one day
    is usually telling two things (`within_source=True` lifts this).

Clustering is greedy: candidate pairs from the best score down, each joining two groups only when
the groups share no source, a day lies in every member's date (so a group's date is never
contradicted), and the rows of the two groups score at least the threshold on average (so one
strong pair does not chain two unlike groups together). The kept row of a group is its most
precise date (a day refines a month), then the highest confidence; it keeps its id, title and
date, and the others' names, evidence, sources and notes are joined into it.

Candidate pairs are never all pairs: rows are indexed by what they name (actors, places, and title
words of four or more letters), and only rows that share a name and whose dates overlap are
compared (per name, a sort by first day and a sweep). In a large table the most common names are
used less (see `candidate_pairs`); bench/merge_scale.py measures 100k rows.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from rapidfuzz import fuzz

from timeline.schema import EVENT_COLUMNS, conform

DEFAULT_THRESHOLD = 0.6
# What each part weighs in the score (parts neither row can speak to are left out of the mean).
WEIGHTS: dict[str, float] = {"date": 0.15, "actors": 0.30, "places": 0.10, "title": 0.30, "event_type": 0.15}
# How well two compatible dates agree: the same span, one inside the other, or only overlapping.
DATE_AGREEMENT = {"same": 1.0, "inside": 0.5, "overlap": 0.35}
MAX_SPAN_DAYS = 31             # wider dates (quarter, year, ...) only match the very same value
MIN_KEY_LETTERS = 4            # title words shorter than this are not used to find candidates
COMMON_WORD_SHARE = 0.01       # nor words in more than this share of rows (and more than COMMON_WORD_MIN)
COMMON_WORD_MIN = 50
COMMON_NAME_SHARE = 0.01       # actors and places in more rows than this share (and COMMON_NAME_MIN)
COMMON_NAME_MIN = 500          # find candidates only together with another such name

NOTE_SEPARATOR = " | "         # between the notes of several merges in `merge_note`
LIST_SEPARATOR = "; "
NAME_LISTS = ("actors", "places", "tags", "sources")   # joined name by name, without repeats
WHOLE_TEXTS = ("notes", "evidence", "source", "url")   # joined whole, without repeats
KEPT_FROM_KEEP = ("event_id", "origin", "date", "precision", "start", "end")

_NOT_WORD = re.compile(r"[\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u064b-\u065f\u0670]")  # accents and Arabic marks that NFKD splits off


# --- one pair ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Row:
    """What similarity needs from a row, prepared once."""
    value: str
    first: int            # ordinal of the first day, 0 when the row has no usable date
    last: int
    title: str            # folded: lower case, no accents, words separated by single spaces
    actors: dict          # folded name -> name as written
    places: dict
    event_type: str
    source: str
    actor_keys: frozenset = frozenset()
    place_keys: frozenset = frozenset()


def similarity(a: Mapping, b: Mapping) -> tuple[float, list[str]]:
    """(score from 0 to 1, reasons) for two rows of the events table: how likely they are one happening.

    The reasons name what agreed and what did not ("same date 2025-02-12", "actors in common:
    Vladimir Putin (1 of 3)", "titles 64% alike", "event types differ: call / meeting"); a score of
    0 with "dates cannot be the same moment" means the rows never merge.
    """
    left, right = _prepare(a), _prepare(b)
    return _pair_score(left, right), _reasons(left, right)


def _prepare(row: Mapping) -> _Row:
    first, last = _day_number(row.get("start")), _day_number(row.get("end"))
    actors, places = _names(row.get("actors")), _names(row.get("places"))
    return _Row(
        value=_text(row.get("date")),
        first=first, last=last if last >= first else first,
        title=_fold(_text(row.get("title")) or _text(row.get("evidence"))),
        actors=actors, places=places,
        event_type=_text(row.get("event_type")).strip().casefold(),
        source=_text(row.get("source")).strip() or _text(row.get("url")).strip(),
        actor_keys=frozenset(actors), place_keys=frozenset(places),
    )


def _pair_score(a: _Row, b: _Row) -> float:
    """The score: a weighted mean of the parts the two rows can speak to (0 for incompatible dates)."""
    agreement = _date_agreement(a, b)
    if agreement is None:
        return 0.0
    weight = WEIGHTS["date"]
    total = weight * DATE_AGREEMENT[agreement]
    for name, mine, theirs in (("actors", a.actor_keys, b.actor_keys), ("places", a.place_keys, b.place_keys)):
        if mine and theirs:
            weight += WEIGHTS[name]
            total += WEIGHTS[name] * _jaccard(mine, theirs)
    if a.title and b.title:
        weight += WEIGHTS["title"]
        total += WEIGHTS["title"] * _title_similarity(a, b)
    if a.event_type and b.event_type:
        weight += WEIGHTS["event_type"]
        total += WEIGHTS["event_type"] * (a.event_type == b.event_type)
    return round(total / weight, 3)


def _jaccard(mine: frozenset, theirs: frozenset) -> float:
    """Share of the names on either list that are on both."""
    shared = len(mine & theirs)
    return shared / (len(mine) + len(theirs) - shared)


def _title_similarity(a: _Row, b: _Row) -> float:
    # token_set_ratio rather than WRatio: WRatio's partial matching rates a short title that shares
    # one name with a long one at 86%, which reads as "alike" in the reasons; on the labelled
    # pairs the two score the same.
    return fuzz.token_set_ratio(a.title, b.title) / 100


def _date_agreement(a: _Row, b: _Row) -> str | None:
    """"same", "inside" or "overlap" for dates that can be the same moment, else None."""
    if not a.first or not b.first or a.last < b.first or b.last < a.first:
        return None
    if a.last - a.first >= MAX_SPAN_DAYS or b.last - b.first >= MAX_SPAN_DAYS:
        return "same" if a.value == b.value and a.value else None
    if (a.first, a.last) == (b.first, b.last):
        return "same"
    if a.first <= b.first and b.last <= a.last or b.first <= a.first and a.last <= b.last:
        return "inside"
    return "overlap"


def _reasons(a: _Row, b: _Row) -> list[str]:
    """What agreed and what did not, part by part, in the order of the score's parts."""
    agreement = _date_agreement(a, b)
    if agreement is None:
        return [f"dates cannot be the same moment: {a.value or 'no date'} / {b.value or 'no date'}"]
    if agreement == "same":
        reasons = [f"same date {a.value}"]
    elif agreement == "inside":
        inner, outer = (a, b) if a.last - a.first <= b.last - b.first else (b, a)
        reasons = [f"{inner.value} lies in {outer.value}"]
    else:
        reasons = [f"dates overlap: {a.value} / {b.value}"]
    for column in ("actors", "places"):
        mine, theirs = getattr(a, column), getattr(b, column)
        if not mine or not theirs:
            continue
        shared = [mine[key] for key in mine if key in theirs]
        if shared:
            named = len(mine.keys() | theirs.keys())
            reasons.append(f"{column} in common: {', '.join(shared)} ({len(shared)} of {named})")
        else:
            reasons.append(f"no {column[:-1]} in common")
    if a.title and b.title:
        reasons.append(f"titles {round(_title_similarity(a, b) * 100)}% alike")
    if a.event_type and b.event_type:
        if a.event_type == b.event_type:
            reasons.append(f"same event type {a.event_type}")
        else:
            reasons.append(f"event types differ: {a.event_type} / {b.event_type}")
    return reasons


# --- many rows -----------------------------------------------------------------------------------

@dataclass
class Link:
    """Two rows (positions in the frame) whose score joined their groups, and why."""
    left: int
    right: int
    score: float
    reasons: list[str]


@dataclass
class Cluster:
    """Rows of one happening: `members` are positions in the frame, the kept row first."""
    members: list[int]
    links: list[Link] = field(default_factory=list)

    @property
    def keep(self) -> int:
        return self.members[0]

    @property
    def score(self) -> float:
        """The weakest link's score: how sure the whole group is."""
        return min((link.score for link in self.links), default=1.0)


def find_clusters(frame: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD,
                  within_source: bool = False) -> list[Cluster]:
    """Groups of two or more rows of `frame` that are one happening (positions, kept row first).

    Rows that join no group are not listed. See the module docstring for the rules.
    """
    return cluster_records(frame.to_dict("records"), threshold, within_source)


def cluster_records(records: list[Mapping], threshold: float = DEFAULT_THRESHOLD,
                    within_source: bool = False) -> list[Cluster]:
    """find_clusters for rows given as dicts of the schema's columns (the store's rows)."""
    _check_threshold(threshold)
    rows = [_prepare(record) for record in records]
    scored = []
    for i, j in candidate_pairs(rows):
        if not within_source and rows[i].source and rows[i].source == rows[j].source:
            continue
        score = _pair_score(rows[i], rows[j])
        if score >= threshold:
            scored.append((score, i, j))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    known = {(i, j): score for score, i, j in scored}

    def pair_score(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        if key not in known:
            known[key] = _pair_score(rows[i], rows[j])
        return known[key]

    groups = _Groups(rows, within_source, threshold, pair_score)
    joined = [(score, i, j) for score, i, j in scored if groups.join(i, j)]
    links: dict[int, list[Link]] = defaultdict(list)
    for score, i, j in joined:
        links[groups.root(i)].append(Link(i, j, score, _reasons(rows[i], rows[j])))
    clusters = []
    for root, members in groups.members().items():
        if len(members) >= 2:
            ranked = sorted(members, key=lambda index: _keep_rank(rows[index], records[index], index))
            clusters.append(Cluster(ranked, links[root]))
    clusters.sort(key=lambda cluster: min(cluster.members))
    return clusters


def candidate_pairs(rows: list[_Row]) -> Iterator[tuple[int, int]]:
    """Each pair (i < j) of rows, once, that names something in common and whose dates may be the
    same moment: per name, the rows sorted by first day and swept with the ones still open.

    Names that would make too many pairs are used less: a title word in more than COMMON_WORD_SHARE
    of the rows (and more than COMMON_WORD_MIN) is not used at all, and an actor or place named by
    more than COMMON_NAME_SHARE of the rows (and more than COMMON_NAME_MIN) only counts together
    with another such name ("Russia" and "Ukraine" both), so two rows that share nothing but
    "United States" are not compared in a large table.
    """
    keys = [_keys(row) for row in rows]
    counts: dict[str, int] = defaultdict(int)
    for row_keys in keys:
        for key in row_keys:
            counts[key] += 1
    common_word = max(COMMON_WORD_MIN, COMMON_WORD_SHARE * len(rows))
    common_name = max(COMMON_NAME_MIN, COMMON_NAME_SHARE * len(rows))
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, row_keys in enumerate(keys):
        kept = set()
        frequent = []
        for key in row_keys:
            if counts[key] <= (common_word if key.startswith("w:") else common_name):
                kept.add(key)
            elif not key.startswith("w:"):
                frequent.append(key)
        frequent.sort()
        kept.update(f"{first}+{second}" for n, first in enumerate(frequent) for second in frequent[n + 1:])
        keys[index] = frozenset(kept)
        for key in kept:
            by_key[key].append(index)
    for key, members in by_key.items():
        if len(members) < 2:
            continue
        members.sort(key=lambda index: rows[index].first)
        active: list[int] = []
        for index in members:
            first = rows[index].first
            active = [other for other in active if rows[other].last >= first]
            for other in active:
                # A pair sharing several names is given once: under the first name they share.
                if key == min(keys[index] & keys[other]):
                    yield (other, index) if other < index else (index, other)
            active.append(index)


def _keys(row: _Row) -> frozenset[str]:
    """The names a row is found by; a wide date's names carry its value, as it only meets that value."""
    if not row.first:
        return frozenset()
    keys = {"a:" + name for name in row.actor_keys} | {"p:" + name for name in row.place_keys}
    keys.update("w:" + word for word in row.title.split() if len(word) >= MIN_KEY_LETTERS)
    if row.last - row.first >= MAX_SPAN_DAYS:
        keys = {f"{key}@{row.value}" for key in keys}
    return frozenset(keys)


class _Groups:
    """Union-find over rows that refuses a join putting two rows of one source, or dates without a
    common day, in one group, or joining groups whose rows score below the threshold on average
    (one strong pair does not pull two unlike groups together)."""

    def __init__(self, rows: list[_Row], within_source: bool, threshold: float, pair_score):
        self.parent: dict[int, int] = {}
        self.rows = rows
        self.within_source = within_source
        self.threshold = threshold
        self.pair_score = pair_score
        self.sources: dict[int, set[str]] = {}
        self.span: dict[int, tuple[int, int]] = {}
        self.listed: dict[int, list[int]] = {}

    def root(self, index: int) -> int:
        if index not in self.parent:
            self.parent[index] = index
            self.sources[index] = {self.rows[index].source} - {""}
            self.span[index] = (self.rows[index].first, self.rows[index].last)
            self.listed[index] = [index]
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, i: int, j: int) -> bool:
        """Puts the groups of i and j together; False when refused (or they are together already)."""
        a, b = self.root(i), self.root(j)
        if a == b:
            return False
        if not self.within_source and self.sources[a] & self.sources[b]:
            return False
        first = max(self.span[a][0], self.span[b][0])
        last = min(self.span[a][1], self.span[b][1])
        if first > last:
            return False
        cross = [self.pair_score(i, j) for i in self.listed[a] for j in self.listed[b]]
        if sum(cross) / len(cross) < self.threshold:
            return False
        self.parent[b] = a
        self.listed[a].extend(self.listed.pop(b))
        self.sources[a] |= self.sources.pop(b)
        self.span[a] = (first, last)
        del self.span[b]
        return True

    def members(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for index in list(self.parent):
            found[self.root(index)].append(index)
        return found


def _keep_rank(row: _Row, record: Mapping, index: int) -> tuple:
    """Most precise date first, then the highest confidence, then the earliest row."""
    confidence = record.get("confidence")
    confidence = 0.0 if confidence is None or _missing(confidence) else float(confidence)
    return (row.last - row.first, -confidence, index)


def merge_events(frame: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD,
                 within_source: bool = False) -> pd.DataFrame:
    """One row per happening: the events table (schema columns) plus `merge_score` and `merged_from`.

    A merged row is its group's kept row (the most precise date) with the others' actors, places,
    tags, evidence, sources, urls and notes joined in, `sources`/`source_count` listing every
    source, and `merge_note` saying which rows joined and why. `merge_score` is the weakest link's
    score (NaN for a row that merged with nothing), `merged_from` the "; "-joined event ids of the
    group, kept row first ("" for a row that merged with nothing). Rows keep the frame's order,
    a group taking the place of its first member.
    """
    records = conform(frame).to_dict("records")
    clusters = cluster_records(records, threshold, within_source)
    in_cluster = {index: cluster for cluster in clusters for index in cluster.members}
    out, scores, merged_from = [], [], []
    for index, record in enumerate(records):
        cluster = in_cluster.get(index)
        if cluster is None:
            out.append(_with_sources(record))
            scores.append(math.nan)
            merged_from.append("")
        elif index == min(cluster.members):
            out.append(combine_cluster(records, cluster))
            scores.append(cluster.score)
            merged_from.append(LIST_SEPARATOR.join(records[member]["event_id"] for member in cluster.members))
    result = conform(pd.DataFrame(out, columns=list(EVENT_COLUMNS)))
    result["merge_score"] = pd.Series(scores, dtype="float64")
    result["merged_from"] = pd.Series(merged_from, dtype="string")
    return result


def combine_cluster(records: list[Mapping], cluster: Cluster) -> dict:
    """The merged record of a cluster: its kept row with the others joined in, and every link's note."""
    merged = dict(records[cluster.keep])
    for member in cluster.members[1:]:
        merged = combined_fields(merged, records[member])
    notes = [note for notes in link_notes(records, cluster).values() for note in notes]
    merged["merge_note"] = _join_whole(merged["merge_note"], *notes, separator=NOTE_SEPARATOR)
    return merged


def link_notes(records: list[Mapping], cluster: Cluster) -> dict[int, list[str]]:
    """Each link's merge note, filed under the row it brought in: of its two rows, the one that comes
    later in the group's ranking (the kept row comes first), so the notes read the same whatever the
    order of the rows in the table."""
    rank = {member: position for position, member in enumerate(cluster.members)}
    notes: dict[int, list[str]] = {}
    for link in cluster.links:
        joined, peer = (link.left, link.right) if rank[link.left] > rank[link.right] else (link.right, link.left)
        notes.setdefault(joined, []).append(merge_note(records[joined], records[peer], link.score, link.reasons))
    return notes


def merge_note(row: Mapping, peer: Mapping, score: float, reasons: Iterable[str]) -> str:
    """One merge explained: "ev-2 (wire-en) ~ ev-1 (kabar-id), score 0.82: same date ...; titles 71% alike"."""
    def name(record: Mapping) -> str:
        source = _text(record.get("source"))
        return f"{_text(record.get('event_id'))} ({source})" if source else _text(record.get("event_id"))
    return f"{name(row)} ~ {name(peer)}, score {score:.2f}: {'; '.join(reasons)}"


def combined_fields(keep: Mapping, other: Mapping, note: str = "") -> dict:
    """`keep` with `other` joined in: every schema column, the rule shared by merge_events and the store.

    Id, origin and date come from `keep`; actors, places, tags and sources are joined name by name;
    notes, evidence, source and url are joined whole ("; ", no repeats); `source_count` counts the
    sources; `merge_note` gets `note`; confidence is the higher one; verified when either was;
    any other empty field is filled from `other`.
    """
    merged = {}
    for column in EVENT_COLUMNS:
        mine, theirs = keep.get(column), other.get(column)
        if column in KEPT_FROM_KEEP:
            merged[column] = mine
        elif column == "sources":
            merged[column] = join_names(_sources_of(keep), _sources_of(other))
        elif column in NAME_LISTS:
            merged[column] = join_names(_text(mine), _text(theirs))
        elif column in WHOLE_TEXTS:
            merged[column] = _join_whole(_text(mine), _text(theirs))
        elif column == "merge_note":
            merged[column] = _join_whole(_text(mine), _text(theirs), note, separator=NOTE_SEPARATOR)
        elif column == "source_count":
            continue
        elif column == "confidence":
            scores = [float(value) for value in (mine, theirs) if value is not None and not _missing(value)]
            merged[column] = max(scores) if scores else None
        elif column == "verified":
            merged[column] = bool(_truthy(mine) or _truthy(theirs))
        else:
            merged[column] = theirs if _empty(mine) else mine
    names = [name for name in merged["sources"].split(";") if name.strip()]
    merged["source_count"] = len(names) or None
    return merged


def _with_sources(record: Mapping) -> dict:
    """A row that merged with nothing, with `sources` and `source_count` filled from its own source."""
    out = dict(record)
    out["sources"] = _sources_of(record)
    names = [name for name in out["sources"].split(";") if name.strip()]
    out["source_count"] = len(names) or None
    return out


def _sources_of(record: Mapping) -> str:
    return join_names(_text(record.get("sources")) or _text(record.get("source")) or _text(record.get("url")))


def join_names(*values: str) -> str:
    """"; "-joined names from several "; "-joined values, each once (case aside), in order of appearance."""
    names: dict[str, str] = {}
    for value in values:
        for name in (value or "").split(";"):
            if name.strip():
                names.setdefault(name.strip().casefold(), name.strip())
    return LIST_SEPARATOR.join(names.values())


def _join_whole(*values: str, separator: str = LIST_SEPARATOR) -> str:
    return separator.join(dict.fromkeys(value for value in values if value))


# --- taking a merge apart ------------------------------------------------------------------------

def split_event(merged: pd.DataFrame, originals: pd.DataFrame, event_id: str,
                member_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """`merged` (from merge_events) with the group kept as `event_id` taken apart again.

    Without `member_ids` every row of the group comes back as it was in `originals`; with them,
    only those rows come back and the rest stay merged (their kept row chosen afresh). ValueError
    when `event_id` is not a merged row or a member id is not in its group.
    """
    found = merged.index[merged["event_id"] == event_id].tolist()
    if not found or "merged_from" not in merged.columns or not _text(merged.at[found[0], "merged_from"]):
        raise ValueError(f"{event_id!r} is not a merged event in this table")
    position = found[0]
    members = [name.strip() for name in merged.at[position, "merged_from"].split(";") if name.strip()]
    wanted = members if member_ids is None else list(dict.fromkeys(member_ids))
    strangers = [member for member in wanted if member not in members]
    if strangers:
        raise ValueError(f"{', '.join(strangers)} not merged into {event_id!r}")
    table = conform(originals)
    by_id = {record["event_id"]: record for record in table.to_dict("records")}
    missing = [member for member in members if member not in by_id]
    if missing:
        raise ValueError(f"the original rows of {', '.join(missing)} are not in `originals`")
    staying = [member for member in members if member not in wanted]
    if len(staying) < 2:  # one row left is no group: it comes back too
        wanted, staying = members, []
    pieces, scores, merged_from = [], [], []
    if staying:
        records = [by_id[member] for member in staying]
        rows = [_prepare(record) for record in records]
        ranked = sorted(range(len(records)), key=lambda index: _keep_rank(rows[index], records[index], index))
        links = [Link(ranked[0], index, *similarity(records[ranked[0]], records[index])) for index in ranked[1:]]
        cluster = Cluster(ranked, links)
        pieces.append(combine_cluster(records, cluster))
        scores.append(cluster.score)
        merged_from.append(LIST_SEPARATOR.join(records[index]["event_id"] for index in ranked))
    for member in wanted:
        pieces.append(_with_sources(by_id[member]))
        scores.append(math.nan)
        merged_from.append("")
    middle = conform(pd.DataFrame(pieces, columns=list(EVENT_COLUMNS)))
    middle["merge_score"] = pd.Series(scores, dtype="float64")
    middle["merged_from"] = pd.Series(merged_from, dtype="string")
    before, after = merged.iloc[:position], merged.iloc[position + 1:]
    return pd.concat([before, middle, after], ignore_index=True)


# --- small helpers -------------------------------------------------------------------------------

def _check_threshold(threshold: float) -> None:
    if not isinstance(threshold, (int, float)) or isinstance(threshold, bool) or not 0 <= threshold <= 1:
        raise ValueError(f"the threshold is a number from 0 to 1, not {threshold!r}")


def _fold(text: str) -> str:
    """Lower case, without accents or Arabic vowel and hamza marks, words separated by single spaces."""
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return _NOT_WORD.sub(" ", stripped).strip()


def _names(value: object) -> dict:
    names = {}
    for name in _text(value).split(";"):
        if name.strip():
            names.setdefault(_fold(name), name.strip())
    names.pop("", None)
    return names


def _day_number(value: object) -> int:
    try:
        return date.fromisoformat(_text(value).strip()).toordinal()
    except ValueError:
        return 0


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if value is None or _missing(value):
        return ""
    return str(value)


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _empty(value: object) -> bool:
    return value is None or value == "" or _missing(value)


def _truthy(value: object) -> bool:
    return False if _empty(value) else bool(value)
