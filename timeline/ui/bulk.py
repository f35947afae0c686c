"""Changing several events at once: verify, tag, set the type or delete the events ticked in the
table (or chosen by name) as one change, which one Undo takes back (Store.change_events)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline.chart import event_type_label
from timeline.ui import data, explore
from timeline.ui.common import flash, user_action

IDS_KEY = explore.BULK_IDS_KEY   # filled by the table's ticks
ACTION_KEY = "bulk_action"
TAG_KEY = "bulk_tag"
TYPE_KEY = "bulk_type"
ACTIONS = ("Mark verified", "Mark not verified", "Add a tag", "Set the type", "Delete")
TAG_SEPARATOR = "; "


def bulk_panel(store, collection: str, shown: pd.DataFrame, user: str, event_types: list[str],
               labels: dict[str, str]) -> None:
    """An expander under the table: the ticked events (more can be chosen by name, or all shown),
    an action, and the button applying it."""
    if shown.empty:
        return
    titles = dict(zip(shown["event_id"], shown["title"].astype("string").fillna("")))
    dates = dict(zip(shown["event_id"], shown["date"].astype("string").fillna("")))
    # A choice that left the shown rows (filtered out, deleted) is dropped, not an error.
    if IDS_KEY in st.session_state:
        st.session_state[IDS_KEY] = [event_id for event_id in st.session_state[IDS_KEY] if event_id in titles]
    with st.expander("Change several events at once", expanded=len(st.session_state.get(IDS_KEY) or []) > 1):
        st.multiselect("Events", list(titles), key=IDS_KEY, placeholder="Tick rows in the table, choose events "
                       "here, or take all shown", help="The rows ticked in the table; add or remove events here too",
                       format_func=lambda event_id: f"{dates[event_id] or 'no date'} · {titles[event_id] or event_id}")
        st.button(f"Choose all {len(titles):,} shown", on_click=_choose, args=(list(titles),))
        action = st.selectbox("Action", ACTIONS, key=ACTION_KEY)
        tag = event_type = None
        if action == "Add a tag":
            tag = st.text_input("Tag", key=TAG_KEY, max_chars=80, placeholder="e.g. checked")
        elif action == "Set the type":
            event_type = st.selectbox("Type", event_types, key=TYPE_KEY,
                                      format_func=lambda value: event_type_label(value, labels))
        chosen = st.session_state.get(IDS_KEY) or []
        count = f"{len(chosen):,} event{'' if len(chosen) == 1 else 's'}"
        if st.button(f"Apply to {count}", disabled=not chosen, type="primary" if action != "Delete" else "secondary"):
            changes = _changes(action, chosen, shown, tag, event_type)
            if changes is None:
                st.error("Type the tag to add.")
                return
            with user_action(f"{action}: {count}") as outcome:
                done = store.change_events(collection, changes, user, action.lower())
            if not outcome.failed:
                data.written()
                flash("success", f"{action}: {done:,} of {count} changed. Undo takes the whole change back.")
                st.session_state.pop(IDS_KEY, None)
                explore.untick_all()
                st.rerun()


def _choose(event_ids: list[str]) -> None:
    st.session_state[IDS_KEY] = event_ids


def _changes(action: str, chosen: list[str], shown: pd.DataFrame, tag: str | None,
             event_type: str | None) -> dict[str, dict | None] | None:
    """Each chosen event's changes for `action` (None for a deletion); None when a tag is missing."""
    if action == "Delete":
        return {event_id: None for event_id in chosen}
    if action in ("Mark verified", "Mark not verified"):
        return {event_id: {"verified": action == "Mark verified"} for event_id in chosen}
    if action == "Set the type":
        return {event_id: {"event_type": event_type or ""} for event_id in chosen}
    tag = " ".join(str(tag or "").replace(";", " ").split())
    if not tag:
        return None
    tags = dict(zip(shown["event_id"], shown["tags"].astype("string").fillna("")))
    changes = {}
    for event_id in chosen:   # added to each event's own tags, once
        have = [part.strip() for part in tags.get(event_id, "").split(";") if part.strip()]
        if tag.casefold() not in {part.casefold() for part in have}:
            changes[event_id] = {"tags": TAG_SEPARATOR.join([*have, tag])}
    return changes
