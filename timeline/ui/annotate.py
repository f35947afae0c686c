"""The open event (details, edit, tags, verified, delete, merge by hand), adding an event, and the history."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline.chart import event_type_label
from timeline.ui import data, merging
from timeline.ui.common import UNDO_ROUND_KEY, by_title, date_problem, escape_markdown, flash, user_action
from timeline.ui.explore import SELECTED_KEY

MAX_PICKER_OPTIONS = 2000


def _label_of(value: str, title: str, date_text: str) -> str:
    title = " ".join(str(title or date_text or "(untitled)").split())
    title = title if len(title) <= 90 else title[:89] + "…"
    return f"{value or 'no date'} · {title}"


def _labels(frame: pd.DataFrame) -> dict[str, str]:
    """event_id -> picker label, for every row of `frame`."""
    return {event_id: _label_of(value, title, date_text) for event_id, value, title, date_text
            in zip(frame["event_id"], frame["date"], frame["title"], frame["date_text"])}


def event_picker(events: pd.DataFrame, shown: pd.DataFrame) -> pd.Series | None:
    """A searchable list of the shown events; the chart and the table set it too. The open event's row."""
    known = set(events["event_id"])
    linked = st.query_params.get(SELECTED_KEY)
    if SELECTED_KEY not in st.session_state and linked in known:
        st.session_state[SELECTED_KEY] = linked   # opened from a link, which names the event by its id
    selected = st.session_state.get(SELECTED_KEY)
    if selected is not None and selected not in known:  # deleted or merged meanwhile
        st.session_state[SELECTED_KEY] = selected = None
    elif selected is not None:
        # The browser keeps a selectbox's choice as its label; an edit or an Undo that changes the
        # title would make that label unknown and close the event. Assigned back, the choice is
        # the event's id again and the picker shows its new label.
        st.session_state[SELECTED_KEY] = selected
    options = shown["event_id"].tolist()[:MAX_PICKER_OPTIONS]
    if selected is not None and selected not in options:
        options.insert(0, selected)  # opened from elsewhere, or filtered out since: keep it open
    labels = _labels(events[events["event_id"].isin(options)])
    st.selectbox("Open an event", options, key=SELECTED_KEY, index=None, format_func=lambda i: labels.get(i, i),
                 placeholder="Click an event on the chart or in the table, or search here by date or title",
                 help=None if len(shown) <= MAX_PICKER_OPTIONS else
                 f"Only the first {MAX_PICKER_OPTIONS:,} shown events are listed; filter to find others.")
    # The link keeps the event's id, not the picker's label: an edited title must not break it.
    if st.session_state.get(SELECTED_KEY) is None:
        if SELECTED_KEY in st.query_params:
            del st.query_params[SELECTED_KEY]
        return None
    if st.query_params.get(SELECTED_KEY) != st.session_state[SELECTED_KEY]:
        st.query_params[SELECTED_KEY] = st.session_state[SELECTED_KEY]
    return events[events["event_id"] == st.session_state[SELECTED_KEY]].iloc[0]


def type_options(events: pd.DataFrame, labels: dict[str, str]) -> list[str]:
    """The event types an analyst can pick: the taxonomy's, by label, then others the collection uses."""
    taxonomy = sorted(labels, key=lambda key: labels[key].casefold())
    others = sorted(set(events["event_type"].astype("string").fillna("")) - set(labels) - {""}) if len(events) else []
    return taxonomy + others


def _type_shown(value: str, labels: dict[str, str]) -> str:
    """A type's label with its stored key, for the details: "Phone call (call)"."""
    shown = event_type_label(value, labels)
    return f"{shown} ({value})" if value and shown != value else (value or "")


def event_details(row: pd.Series, labels: dict[str, str]) -> None:
    """What was found, as plain text (nothing from an article is rendered as markup)."""
    st.markdown(f"#### {escape_markdown(row['title'] or '(untitled)')}")
    facts = [("Date", f"{row['date']} ({row['precision'] or 'unknown precision'})"),
             ("Covers", f"{row['start']} … {row['end']}" if row["start"] != row["end"] else row["start"]),
             ("As written", row["date_text"]), ("Headline", row.get("headline", "")), ("Role", row.get("role", "")),
             ("Type", _type_shown(row["event_type"], labels)),
             ("Decided by the word", row.get("event_type_cue", "")), ("Actors", row["actors"]),
             ("Places", row["places"]), ("Source", row["source"]), ("Link", row["url"]),
             ("Published", row["published"] or "unknown"), ("Language", row["lang"]),
             ("Confidence", "" if pd.isna(row["confidence"]) else f"{row['confidence']:.2f}"),
             ("Origin", row["origin"]), ("Verified", "yes" if row["verified"] else "no"),
             ("Tags", row["tags"]), ("Notes", row["notes"]), ("Id", f"{row['event_id']} (version {row.get('version', '?')})")]
    st.markdown("  \n".join(f"**{name}:** {escape_markdown(value)}" for name, value in facts if str(value).strip()))
    if row["evidence"]:
        st.markdown("**Evidence:**")
        st.markdown("> " + escape_markdown(row["evidence"]))


EDIT_FIELDS = ("title", "date", "date_text", "event_type", "actors", "places", "tags", "notes", "verified")


def edit_form(store, collection: str, row: pd.Series, user: str, event_types: list[str],
              labels: dict[str, str]) -> None:
    """Edit the open event. Only fields changed in the form are sent, with the version the form
    was filled from, so someone else's change to the same field meanwhile is refused, not lost."""
    event_id = row["event_id"]
    generation_key = f"_edit_generation-{event_id}"
    # A new form after each save and after each Undo (UNDO_ROUND_KEY): a form still holding the
    # values an Undo took back would make the same edit look like no change. A colleague's edit
    # meanwhile keeps the form, so saving over it is refused rather than silently lost.
    prefix = (f"edit-{event_id}-{st.session_state.get(generation_key, 0)}"
              f"-{st.session_state.get(UNDO_ROUND_KEY, 0)}")
    # What the form was filled with; kept while the form lives, whatever reruns read meanwhile.
    seen = st.session_state.setdefault(f"{prefix}-seen", {
        "version": int(row.get("version", 0) or 0),
        **{column: (bool(row[column]) if column == "verified" else str(row[column])) for column in EDIT_FIELDS}})
    types = _with([*event_types, ""], seen["event_type"])   # "" (none) clears the type
    with st.form(prefix):
        st.markdown("**Edit**")
        values = {
            "title": st.text_input("Title", seen["title"], key=f"{prefix}-title"),
            "date": st.text_input("Date", seen["date"], key=f"{prefix}-date",
                                  help="At the precision you know: 2024-12-08 (day), 2024-W50 (week), "
                                       "2024-12 (month), 2024-Q4, 2024 (year), 202 (decade). "
                                       "The first and last day follow from it."),
            "date_text": st.text_input("Date as written", seen["date_text"], key=f"{prefix}-date_text"),
            "event_type": st.selectbox("Event type", types, index=types.index(seen["event_type"]),
                                       format_func=lambda value: event_type_label(value, labels),
                                       accept_new_options=True, key=f"{prefix}-event_type",
                                       help="Your choice is kept when the events are extracted or "
                                            "enriched again. Type a name to use a type of your own."),
            "actors": st.text_input("Actors", seen["actors"], key=f"{prefix}-actors", help="Separate names with “; ”"),
            "places": st.text_input("Places", seen["places"], key=f"{prefix}-places", help="Separate names with “; ”"),
            "tags": st.text_input("Tags", seen["tags"], key=f"{prefix}-tags", help="Separate tags with “; ”"),
            "notes": st.text_area("Notes", seen["notes"], key=f"{prefix}-notes", height=90),
            "verified": st.checkbox("Verified", seen["verified"], key=f"{prefix}-verified"),
        }
        submitted = st.form_submit_button("Save changes", type="primary")
    if not submitted:
        return
    changes = {}
    for column, value in values.items():
        value = (value or "").strip() if column != "verified" else bool(value)
        if value != seen[column]:
            changes[column] = value
    if not changes:
        st.info("Nothing changed.")
        return
    if "date" in changes and date_problem(changes["date"]):
        st.error(date_problem(changes["date"]))
        return
    with user_action("Saving the edit") as outcome:
        store.update_event(collection, event_id, changes, user, expected_version=seen["version"])
    # Either way the form is refilled from the stored event on the next run.
    st.session_state[generation_key] = st.session_state.get(generation_key, 0) + 1
    st.session_state.pop(f"{prefix}-seen", None)
    if not outcome.failed:
        data.written()
        flash("success", f"Saved: {', '.join(changes)} of “{values['title'] or event_id}”.")
        st.rerun()


def delete_and_merge(store, collection: str, row: pd.Series, shown: pd.DataFrame, user: str) -> None:
    """Delete the open event, or merge a duplicate into it (both can be undone)."""
    event_id = row["event_id"]
    with st.expander("Delete, or merge a duplicate into this event"):
        others = shown[shown["event_id"] != event_id].head(MAX_PICKER_OPTIONS)
        labels = _labels(others)
        other = st.selectbox("Duplicate to merge into this one", list(labels), index=None,
                             format_func=labels.get, key=f"merge-{event_id}",
                             help="The duplicate's actors, places, tags, notes, evidence and sources are "
                                  "added to this event, which keeps its date and title. Undo reverts it.")
        if other is not None:
            merging.why_alike(row, others[others["event_id"] == other].iloc[0])
        if st.button("Merge", disabled=other is None, key=f"merge-go-{event_id}"):
            with user_action("Merging") as outcome:
                store.merge_events(collection, event_id, other, user)
            if not outcome.failed:
                data.written()
                titles = dict(zip(shown["event_id"], shown["title"]))
                flash("success", by_title(f"Merged {other} into {event_id}.", titles))
                st.rerun()
        st.divider()
        sure = st.checkbox("Yes, delete this event", key=f"delete-sure-{event_id}")
        if st.button("Delete event", disabled=not sure, key=f"delete-{event_id}"):
            with user_action("Deleting") as outcome:
                store.delete_event(collection, event_id, user)
            if not outcome.failed:
                data.written()
                st.session_state["_deselect"] = True
                flash("success", f"Deleted “{row['title'] or event_id}”. Undo in the sidebar brings it back.")
                st.rerun()


def forget_deleted_selection() -> None:
    """Close a just-deleted event (before the picker exists in this run)."""
    if st.session_state.pop("_deselect", False):
        st.session_state[SELECTED_KEY] = None


def add_event_form(store, collection: str, user: str, event_types: list[str], labels: dict[str, str]) -> None:
    """An analyst's own event, e.g. from a source the extractor cannot read."""
    with st.form("add-event", clear_on_submit=False):
        left, right = st.columns(2)
        date_value = left.text_input("Date *", placeholder="2024-12-08, 2024-12, 2024-Q4 or 2024",
                                     help="At the precision you know; the first and last day follow from it.")
        date_text = right.text_input("Date as written", placeholder="early December")
        title = st.text_input("Title *", placeholder="Who did what")
        event_type = left.selectbox("Event type", event_types, index=None, accept_new_options=True,
                                    format_func=lambda value: event_type_label(value, labels),
                                    placeholder="Pick or type a type")
        source = right.text_input("Source", placeholder="Where you read it")
        actors = left.text_input("Actors", help="Separate names with “; ”")
        places = right.text_input("Places", help="Separate names with “; ”")
        url = st.text_input("Link")
        evidence = st.text_area("Evidence", height=80, placeholder="The sentence that says so")
        notes = st.text_area("Notes", height=80)
        tags = left.text_input("Tags", help="Separate tags with “; ”")
        verified = right.checkbox("Verified", value=True)
        submitted = st.form_submit_button("Add event", type="primary")
    if not submitted:
        return
    if not date_value.strip() or not title.strip():
        st.error("A new event needs at least a date and a title.")
        return
    if date_problem(date_value):
        st.error(date_problem(date_value))
        return
    fields = {"date": date_value.strip(), "date_text": date_text.strip(), "title": title.strip(),
              "event_type": (event_type or "").strip(), "source": source.strip(), "actors": actors.strip(),
              "places": places.strip(), "url": url.strip(), "evidence": evidence.strip(),
              "notes": notes.strip(), "tags": tags.strip(), "verified": verified}
    with user_action("Adding the event") as outcome:
        event_id = store.add_manual(collection, fields, user)
    if not outcome.failed:
        data.written()
        st.session_state["_open_after_rerun"] = event_id
        flash("success", f"Added “{fields['title']}” ({event_id}).")
        st.rerun()


def open_added_event() -> None:
    """Open a just-added event (before the picker exists in this run)."""
    event_id = st.session_state.pop("_open_after_rerun", None)
    if event_id:
        st.session_state[SELECTED_KEY] = event_id


def history(store, collection: str) -> None:
    """Every change to the collection, newest first."""
    with user_action("Reading the history") as outcome:
        changes = store.history(collection)
    if outcome.failed:
        return
    if changes.empty:
        st.info("No changes yet.")
        return
    summary = (changes.groupby("change_id", sort=False)
               .agg(when=("when", "first"), who=("who", "first"), action=("action", "first"),
                    description=("description", "first"), events=("event_id", "nunique"),
                    undone=("undone", "first"))
               .reset_index())
    st.dataframe(summary, hide_index=True, column_config={
        "change_id": "Change", "when": "When (UTC)", "who": "Who", "action": "Action",
        "description": st.column_config.TextColumn("What", width="large"), "events": "Events",
        "undone": st.column_config.CheckboxColumn("Undone")})


def _with(options: list[str], value: str) -> list[str]:
    return options if value in options else [value, *options]
