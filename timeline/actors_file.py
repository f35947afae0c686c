"""The curated actors file (data/actors.csv): read it, check an edited table, save it safely,
and find the actors, places and types of a collection's events again afterwards. No streamlit.

    current = read_actors()                                   # ActorsFile: table, comments, digest
    check_actors(edited)                                      # ["Line 27 (Vladimir Putin): ..."]
    save_actors(edited, expected_digest=current.digest)       # checked, temp file + rename
    refresh_collection(store, "demo", user="rina")            # what an analyst set is kept

The file is TIMELINE_ACTORS when that is set (the tests edit a copy), else data/actors.csv.
After a save, timeline.enrich reads the saved file on its next lookup.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from timeline import enrich, settings

ENV_VAR = "TIMELINE_ACTORS"
DEFAULT_FILE = enrich.DATA_DIR / "actors.csv"
COLUMNS = ("name", "kind", "country", "aliases", "titles", "term")
KINDS = ("person", "organisation", "state")
ENRICHED = ("actors", "places", "event_type", "event_type_cue")
# Changes after which a field holds what an analyst chose (imports too: the file is theirs).
BY_HAND = ("edit", "merge", "import")
MIN_STEM_LETTERS = 3

_COUNTRY = re.compile(r"[A-Z]{2}")
_PERIOD = re.compile(r"(\d{4}-\d{2}-\d{2})?/(\d{4}-\d{2}-\d{2})?")
_SAVING = threading.Lock()   # one save at a time per process (dashboard sessions are threads)


class ActorsFileError(ValueError):
    """The actors file or an edited table cannot be used; `problems` names each line."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{self.problems[0]}{more}" if self.problems else "the actors file cannot be used")


@dataclass(frozen=True)
class ActorsFile:
    """The actors file as read: its table (text cells), leading comment lines, and content digest."""

    path: Path
    table: pd.DataFrame
    comments: str = ""
    digest: str = ""
    problems: list[str] = field(default_factory=list)   # check_actors of the table as it is on disk

    @property
    def first_line(self) -> int:
        """The file line of the table's first row (after the comments and the column names)."""
        return _first_line(self.comments)


def actors_path() -> Path:
    """The actors file: TIMELINE_ACTORS when set, else an edited copy in the user data folder,
    else the one shipped in the package (timeline.settings.actors_file)."""
    return settings.actors_file()


def use_for_enrichment(path: str | Path | None = None) -> None:
    """Make timeline.enrich read `path` (default: `actors_path()`), if it reads another file now."""
    path = Path(path) if path is not None else actors_path()
    if Path(enrich.ACTORS_FILE) != path:
        enrich.reload(path)


def read_actors(path: str | Path | None = None) -> ActorsFile:
    """The actors file, parsed the way timeline.enrich reads it (lines starting with # are
    comments; only those at the top are kept when saving). ActorsFileError, naming the line,
    when it cannot be parsed at all; problems `check_actors` finds are returned in `.problems`,
    so they can be fixed in an editor."""
    path = Path(path) if path is not None else actors_path()
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ActorsFileError([f"{path}: cannot be read ({error.strerror or error})"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise ActorsFileError([f"Line {line}: not UTF-8 text; save the file as UTF-8"]) from None
    lines = io.StringIO(text).readlines()  # \n only, as enrich reads it
    comments = _leading_comments(text)
    leading = comments.count("\n")
    kept = [(number, line) for number, line in enumerate(lines, start=1)
            if number > leading and not line.startswith("#")]
    reader = csv.reader(line for _, line in kept)
    records, problems, header = [], [], None
    consumed = 0
    for record in reader:
        line_number = kept[consumed][0]
        consumed = reader.line_num
        if not record or not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = [cell.strip() for cell in record]
            missing = [column for column in COLUMNS if column not in header]
            if missing:
                raise ActorsFileError([f"Line {line_number}: the column names must include "
                                       f"{', '.join(missing)} (found: {', '.join(header)})"])
            continue
        if len(record) != len(header):
            problems.append(f"Line {line_number}: {len(record)} cells where the column names give "
                            f"{len(header)}; a comma inside a cell needs the cell in double quotes")
            continue
        records.append(record)
    if header is None:
        raise ActorsFileError([f"{path.name}: no column names ({', '.join(COLUMNS)}) found"])
    if problems:
        raise ActorsFileError(problems)
    table = pd.DataFrame(records, columns=header, dtype=object)
    return ActorsFile(path, table, comments, hashlib.sha256(raw).hexdigest(),
                      check_actors(table, _first_line(comments)))


def normalised(table: pd.DataFrame) -> pd.DataFrame:
    """The table as it will be saved: text cells without surrounding spaces, empty alias and
    title pieces dropped, kind in lower case, country codes in capitals, empty rows left out."""
    clean = table.copy()
    for column in clean.columns:
        clean[column] = [("" if _missing(value) else str(value)).strip() for value in clean[column]]
    for column in ("aliases", "titles"):
        if column in clean:
            clean[column] = ["|".join(piece.strip() for piece in value.split("|") if piece.strip())
                             for value in clean[column]]
    for column in ("term",):
        if column in clean:
            clean[column] = [";".join(piece.strip() for piece in value.split(";") if piece.strip())
                             for value in clean[column]]
    if "kind" in clean:
        clean["kind"] = clean["kind"].str.lower()
    if "country" in clean:
        clean["country"] = clean["country"].str.upper()
    return clean[(clean != "").any(axis=1)].reset_index(drop=True)


def check_actors(table: pd.DataFrame, first_line: int = 2) -> list[str]:
    """What is wrong with an actors table, one message per problem naming the file line the row
    is (or will be) on, from `first_line` for the first row. Empty when it can be saved."""
    missing = [column for column in COLUMNS if column not in table.columns]
    if missing:
        return [f"The table has no {', '.join(missing)} column"]
    clean = normalised(table)
    problems: list[str] = []
    first_seen: dict[str, int] = {}
    for offset, row in enumerate(clean.to_dict("records")):
        line = first_line + offset
        name = row["name"]
        where = f"Line {line} ({name})" if name else f"Line {line} (no name)"
        found: list[str] = []
        say = found.append
        broken = [column for column, value in row.items() if "\n" in value or "\r" in value]
        if broken:
            say(f"{', '.join(broken)} holds a line break; keep each actor on one line")
        if not name:
            say("the name is empty")
        elif name.startswith("#"):
            say("a name cannot start with # (the line would be read as a comment)")
        elif name.casefold() in first_seen:
            say(f"the same name as line {first_seen[name.casefold()]}; merge the two rows")
        else:
            first_seen[name.casefold()] = line
        if row["kind"] not in KINDS:
            say(f"kind must be person, organisation or state, not “{row['kind']}”" if row["kind"]
                else "kind is empty (person, organisation or state)")
        if row["country"] and not _COUNTRY.fullmatch(row["country"]):
            say(f"country must be a two-letter ISO code such as RU or US, not “{row['country']}”")
        if row["kind"] == "state" and not row["country"]:
            say("a state needs its two-letter country code")
        for column in ("aliases", "titles"):
            for alias in row[column].split("|") if row[column] else []:
                if "~" in alias[1:] or (alias.startswith("~") and (column == "titles" or not alias[1:].strip())):
                    say(f"{column}: “{alias}”: ~ can only begin an alias, and marks a word that needs a context")
                elif "*" in alias[:-1]:
                    say(f"{column}: “{alias}”: * can only end an alias (a word stem such as russisch*)")
                elif alias.endswith("*") and sum(map(str.isalpha, alias)) < MIN_STEM_LETTERS:
                    say(f"{column}: “{alias}”: a word stem needs at least {MIN_STEM_LETTERS} letters")
        if row["term"]:
            message = _term_problem(row["term"])
            if message:
                say(message)
            elif not row["titles"]:
                say("a term says when the titles apply, but there are no titles")
        problems.extend(f"{where}: {message}" for message in found)
    return problems


def save_actors(table: pd.DataFrame, path: str | Path | None = None, comments: str | None = None,
                expected_digest: str | None = None) -> ActorsFile:
    """Check `table` and write it over the actors file in one step (a temporary file in the same
    folder, then a rename), keeping the file's leading comments. ActorsFileError with every
    problem, or when the file changed on disk since it was read with `expected_digest`; the file
    is then left as it was. Returns the file as saved; when timeline.enrich reads this file, it
    reads it afresh on its next lookup."""
    # By default an edit is saved in the user data folder, never over the shipped file; the first
    # save there starts from the file that was read (its comments, its digest).
    path = Path(path) if path is not None else settings.edited_actors_file()
    source = path if path.exists() or path != settings.edited_actors_file() else actors_path()
    clean = normalised(table)
    with _SAVING:
        try:
            raw = source.read_bytes()
        except FileNotFoundError:
            raw = None
        if expected_digest is not None and raw is not None and hashlib.sha256(raw).hexdigest() != expected_digest:
            raise ActorsFileError([f"{path.name} was changed by someone else since you opened it; "
                                   "reload it to see their changes, then make yours again"])
        if comments is None:
            comments = _leading_comments(raw.decode("utf-8-sig", errors="replace")) if raw else ""
        if comments and not comments.endswith("\n"):
            comments += "\n"
        problems = check_actors(clean, _first_line(comments))
        if problems:
            raise ActorsFileError(problems)
        _write_atomically(path, comments + _csv_text(clean))
    if Path(enrich.ACTORS_FILE) in (path, source):
        enrich.reload(path)
    return read_actors(path)


def refresh_collection(store, collection: str, user: str) -> dict:
    """Find actors, places and event types again (with the actors file as it is now) for the
    collection's events, never replacing what an analyst chose. Returns counts
    {"refreshed", "unchanged", "filled", "analysts"}.

    - Extracted events nobody edited get all four fields found afresh, in one change
      (`store.add_extracted`, which leaves edited rows alone), so one undo reverts it.
    - Events an analyst edited, merged, imported or added get only their *empty* fields filled,
      and not those an analyst emptied on purpose (one `store.update_event` each, with the
      version read, so a colleague's edit meanwhile wins).
    """
    from timeline.enrich import enrich_events
    from timeline.store import StoreError

    counts = {"refreshed": 0, "unchanged": 0, "filled": 0, "analysts": 0}
    events = store.events(collection)
    if events.empty:
        return counts
    hand_set, touched = _set_by_hand(store.history(collection))
    untouched = (events["origin"] == "extracted") & ~events["event_id"].isin(touched)
    if untouched.any():
        fresh = events[untouched].drop(columns=["version"]).copy()
        for column in ENRICHED:
            fresh[column] = ""
        stored = store.add_extracted(collection, enrich_events(fresh), user)
        counts["refreshed"], counts["unchanged"] = stored.get("updated", 0), stored.get("unchanged", 0)
    theirs = events[~untouched]
    counts["analysts"] = int(len(theirs))
    empty = theirs[[column for column in ENRICHED[:3]]].eq("").any(axis=1)
    if not empty.any():
        return counts
    found = enrich_events(theirs[empty])
    for (_, before), (_, after) in zip(theirs[empty].iterrows(), found.iterrows()):
        event_id = before["event_id"]
        changes = {column: after[column] for column in ENRICHED[:3]
                   if before[column] == "" and after[column] and (event_id, column) not in hand_set}
        if "event_type" in changes and before["event_type_cue"] == "":
            changes["event_type_cue"] = after["event_type_cue"]
        if not changes:
            continue
        try:
            store.update_event(collection, event_id, changes, user, expected_version=int(before["version"]))
        except StoreError:    # changed or deleted meanwhile: theirs wins
            continue
        counts["filled"] += 1
    return counts


# --------------------------------------------------------------------------- helpers

def _leading_comments(text: str) -> str:
    """The comment lines (starting with #) at the top of the file, as written."""
    lines = io.StringIO(text).readlines()  # \n only, as enrich reads it
    leading = 0
    while leading < len(lines) and lines[leading].startswith("#"):
        leading += 1
    return "".join(lines[:leading])


def _first_line(comments: str) -> int:
    """The file line of a table's first row: after the comment lines and the column names."""
    return comments.count("\n") + 2


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _term_problem(term: str) -> str:
    for period in term.split(";"):
        match = _PERIOD.fullmatch(period)
        if not match:
            return (f"term “{period}” is not FROM/UNTIL with ISO dates (2012-05-07/ or "
                    "2000-05-07/2008-05-07; several periods ;-separated)")
        try:
            first, last = (date.fromisoformat(day) if day else None for day in match.groups())
        except ValueError as error:
            return f"term “{period}”: {error}"
        if first and last and first >= last:
            return f"term “{period}” ends before it starts"
    return ""


def _csv_text(table: pd.DataFrame) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(table.columns))
    writer.writerows(table.itertuples(index=False, name=None))
    return out.getvalue()


def _write_atomically(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=path.parent,
                                         prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(handle.name, path.stat().st_mode & 0o777)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _set_by_hand(history: pd.DataFrame) -> tuple[set[tuple[str, str]], set[str]]:
    """({(event_id, field)} an analyst's change set and that was not undone, {those event ids})."""
    if history.empty:
        return set(), set()
    theirs = history[history["action"].isin(BY_HAND) & ~history["undone"].astype(bool)]
    fields = {(event_id, column) for event_id, listed in zip(theirs["event_id"], theirs["fields"])
              for column in json.loads(listed or "[]")}
    return fields, {event_id for event_id, _ in fields}
