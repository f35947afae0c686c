"""The sidebar: collection picker, who is editing, the filters, and undo."""
from __future__ import annotations

import getpass
from dataclasses import asdict, dataclass, field
from datetime import date

import pandas as pd
import streamlit as st

from timeline.chart import event_type_label, names_in
from timeline.schema import PRECISIONS
from timeline.ui import data
from timeline.periods import date_span
from timeline.ui.common import UNDO_ROUND_KEY, by_title, date_problem, flash, user_action

COLLECTION_KEY = "collection"
USER_KEY = "user"
FILTER_KEYS = {"date_from": "filter_from", "date_to": "filter_to", "text": "filter_text",
               "event_types": "filter_types", "sources": "filter_sources", "precisions": "filter_precisions",
               "verified_only": "filter_verified", "min_confidence": "filter_confidence",
               "actors": "filter_actors", "places": "filter_places", "show_background": "filter_background",
               "conflicts_only": "filter_conflicts"}


@dataclass
class Filters:
    """The sidebar's filters, named as `timeline.chart.filter_events` takes them."""

    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    event_types: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    precisions: list[str] = field(default_factory=list)
    verified_only: bool = False
    min_confidence: float = 0.0
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    show_background: bool = False   # background rows (context, not the story) only on request
    conflicts_only: bool = False    # merged events whose sources give different dates (see keep_conflicts)

    def as_kwargs(self) -> dict:
        """The filters `timeline.chart.filter_events` applies (the date-conflict one needs the store)."""
        kwargs = asdict(self)
        kwargs.pop("conflicts_only")
        return kwargs

    def active(self) -> bool:
        return self != Filters()


def collection_picker(store) -> str:
    """The collection the analyst works in (a new one can be made here)."""
    names = data.collection_names(store)
    if COLLECTION_KEY not in st.session_state and st.query_params.get(COLLECTION_KEY) in names:
        st.session_state[COLLECTION_KEY] = st.query_params[COLLECTION_KEY]   # opened from a link
    if st.session_state.get(COLLECTION_KEY) not in names:
        st.session_state[COLLECTION_KEY] = data.DEMO_COLLECTION if data.DEMO_COLLECTION in names else (
            names[0] if names else None)
    st.sidebar.selectbox("Collection", names, key=COLLECTION_KEY, bind="query-params",
                         placeholder="No collection yet: make one below")
    with st.sidebar.expander("New collection"):
        with st.form("new_collection", clear_on_submit=True, border=False):
            name = st.text_input("Name", max_chars=80, placeholder="e.g. Syria 2024")
            if st.form_submit_button("Create"):
                _create_collection(store, name.strip())
    return st.session_state.get(COLLECTION_KEY) or ""


def _create_collection(store, name: str) -> None:
    if not name:
        st.error("Give the new collection a name.")
        return
    with user_action(f"Creating the collection “{name}”") as outcome:
        store.create_collection(name)
    if not outcome.failed:
        data.written()
        st.session_state["_pending_collection"] = name
        flash("success", f"Created the collection “{name}”.")
        st.rerun()


def apply_pending_collection() -> None:
    """Switch to a just-created collection (before the picker widget exists in this run)."""
    pending = st.session_state.pop("_pending_collection", None)
    if pending:
        st.session_state[COLLECTION_KEY] = pending


def user_name() -> str:
    """Who is editing, for the history: the logged-in user when the dashboard is set up for
    Streamlit's login (an [auth] section in its secrets; the page waits for the login), else the
    typed name, by default the server's login name."""
    if _login_configured():
        if not st.user.is_logged_in:
            st.sidebar.button("Log in", on_click=st.login, type="primary")
            st.info("Log in to see and annotate the timeline: every change is kept under your name.")
            st.stop()
        who = str(st.user.get("email") or st.user.get("name") or "").strip() or "analyst"
        st.sidebar.caption(f"Signed in as {who} (kept in the edit history)")
        st.sidebar.button("Log out", on_click=st.logout)
        return who
    if USER_KEY not in st.session_state:
        try:
            st.session_state[USER_KEY] = getpass.getuser()
        except Exception:  # noqa: BLE001 - no login name in some containers
            st.session_state[USER_KEY] = "analyst"
    st.sidebar.text_input("Your name (kept in the edit history)", key=USER_KEY, max_chars=60)
    return st.session_state[USER_KEY].strip() or "analyst"


def _login_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all: no login configured
        return False


def filters(events: pd.DataFrame, labels: dict[str, str]) -> Filters:
    """The filter widgets, with choices taken from the whole collection; event types shown by
    their `labels`, actors and places split from their "; "-joined columns."""
    sidebar = st.sidebar
    sidebar.subheader("Filters")
    # Text boxes, one per row: a typed date applies on Enter (a date field applied only when it
    # lost focus), the whole value stays readable, and a month or year is enough.
    date_from = _date_box(sidebar, "From", FILTER_KEYS["date_from"], last=False)
    date_to = _date_box(sidebar, "To", FILTER_KEYS["date_to"], last=True)
    text = sidebar.text_input("Search", key=FILTER_KEYS["text"], bind="query-params",
                              placeholder="words in title, evidence, actors, notes…")
    type_choices = sorted(_choices(events, "event_type"), key=lambda value: event_type_label(value, labels).casefold())
    event_types = sidebar.multiselect("Event types", type_choices, key=FILTER_KEYS["event_types"], bind="query-params",
                                      placeholder="All", format_func=lambda value: event_type_label(value, labels))
    actors = sidebar.multiselect("Actors", _kept(names_in(events, "actors"), FILTER_KEYS["actors"]),
                                 key=FILTER_KEYS["actors"], bind="query-params", placeholder="All",
                                 help="Events naming any of the chosen actors")
    places = sidebar.multiselect("Places", _kept(names_in(events, "places"), FILTER_KEYS["places"]),
                                 key=FILTER_KEYS["places"], bind="query-params", placeholder="All",
                                 help="Events naming any of the chosen places; a click on a place on the "
                                      "map (when it counts events per place) chooses it too")
    sources = sidebar.multiselect("Sources", _choices(events, "source"), key=FILTER_KEYS["sources"], bind="query-params",
                                  placeholder="All")
    present = set(_choices(events, "precision"))
    precisions = sidebar.multiselect("Precision", [p for p in PRECISIONS if p in present]
                                     + sorted(present - set(PRECISIONS)),
                                     key=FILTER_KEYS["precisions"], bind="query-params", placeholder="All")
    verified_only = sidebar.checkbox("Verified only", key=FILTER_KEYS["verified_only"], bind="query-params")
    min_confidence = sidebar.slider("Minimum confidence", 0.0, 1.0, 0.0, 0.05, key=FILTER_KEYS["min_confidence"], bind="query-params")
    show_background = sidebar.checkbox("Show background", key=FILTER_KEYS["show_background"], bind="query-params",
                                       help="Also show past facts given as context (role: background)")
    conflicts_only = sidebar.checkbox("Date conflicts only", key=FILTER_KEYS["conflicts_only"], bind="query-params",
                                      help="Only merged events whose sources give different dates, "
                                           "for the analyst to decide which is right")
    sidebar.button("Clear filters", disabled=not _any_filter_set(), on_click=_clear_filters)
    return Filters(date_from, date_to, text or "", list(event_types), list(sources), list(precisions),
                   bool(verified_only), float(min_confidence), list(actors), list(places), bool(show_background), bool(conflicts_only))


FILTER_DEFAULTS = {"date_from": "", "date_to": "", "text": "", "event_types": [], "sources": [], "precisions": [],
                   "verified_only": False, "min_confidence": 0.0, "actors": [], "places": [], "show_background": False,
                   "conflicts_only": False}


def keep_conflicts(db_path: str, collection: str, chosen: Filters, shown: pd.DataFrame) -> pd.DataFrame:
    """`shown`, narrowed to its date conflicts when the analyst asked for only those."""
    if not chosen.conflicts_only or shown.empty:
        return shown
    return shown[shown["event_id"].isin(data.date_conflicts(db_path, collection, shown))]


def clear_filters_if_asked() -> None:
    """Reset the filter widgets when asked by code (must run before they are drawn)."""
    if st.session_state.pop("_clear_filters", False):
        _clear_filters()


def _clear_filters() -> None:
    # Assigned, not removed: a removed key leaves the browser's widget holding its old value,
    # which it sends back with the next unrelated click and the filter returns. As the button's
    # callback it runs before the widgets are read, so the link (URL) follows too.
    for name, key in FILTER_KEYS.items():
        st.session_state[key] = FILTER_DEFAULTS[name]


def _date_box(where, label: str, key: str, last: bool) -> date | None:
    """A date typed at any precision (2025-03-04, 2025-03, 2025, 2025-W10, 2025-Q1): its first day
    for From, its last for To; None when empty or not a date (then a line says how to write one)."""
    value = st.session_state.get(key)
    if isinstance(value, date):      # set by a click on the chart's counts
        st.session_state[key] = value.isoformat()
    text = where.text_input(label, key=key, bind="query-params", placeholder="2025-03-04, 2025-03 or 2025",
                            help=f"Events {'up to the end' if last else 'from the start'} of this day, month "
                                 "or year; press Enter to apply")
    if not text.strip():
        return None
    problem = date_problem(text)
    if problem:
        where.warning(problem)
        return None
    _, first_day, last_day = date_span(text.strip())
    return last_day if last else first_day


def _any_filter_set() -> bool:
    state = st.session_state
    return any(state.get(key) not in (None, "", [], False, 0.0) for key in FILTER_KEYS.values())


def _kept(options: list[str], key: str) -> list[str]:
    """`options` plus the names already chosen in widget `key`, so a choice survives an edit
    that renames its last event (the filter then shows nothing rather than failing)."""
    chosen = [name for name in st.session_state.get(key) or [] if name not in options]
    return options + chosen


def _choices(events: pd.DataFrame, column: str) -> list[str]:
    if column not in events.columns or events.empty:
        return []
    values = events[column].astype("string").fillna("")
    return sorted(v for v in values.unique() if v)


def undo_button(store, collection: str, user: str, events: pd.DataFrame | None = None) -> None:
    """Undo `user`'s own last change to the collection, saying what was undone, events named by title."""
    st.sidebar.subheader("Annotate")
    if st.sidebar.button("Undo last change", disabled=not collection, help="Undoes your most recent change "
                         "to this collection: an edit, addition, deletion, merge, import or extraction. "
                         "Colleagues' changes stay; they are listed in the history."):
        with user_action("Undo", where=st.sidebar) as outcome:
            undone = store.undo(collection, user)
        if not outcome.failed:
            data.written()
            st.session_state[UNDO_ROUND_KEY] = st.session_state.get(UNDO_ROUND_KEY, 0) + 1
            titles = {} if events is None else dict(zip(events["event_id"], events["title"]))
            with user_action("Reading the events back", where=st.sidebar):   # named as they are again
                titles.update(zip(*store.events(collection)[["event_id", "title"]].to_dict("list").values()))
            said = by_title(str(undone or "").removeprefix("undid "), titles)
            flash("info" if undone else "warning", f"Undone: the {said}." if undone else "Nothing to undo.")
            st.rerun()
