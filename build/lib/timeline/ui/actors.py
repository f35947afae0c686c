"""The curated actors file edited in a table: save (checked, written in one step), and finding
the actors, places and types of the collection's events again with it."""
from __future__ import annotations

import streamlit as st

from timeline.actors_file import KINDS, ActorsFile, read_actors, refresh_collection, save_actors
from timeline.ui import data
from timeline.ui.common import escape_markdown, flash, user_action

EDITOR_KEY = "actors_editor"
_GENERATION_KEY = "_actors_generation"   # a new editor (and a fresh read) after a save or reload
_OPENED_KEY = "_actors_opened"           # (generation, ActorsFile the editor started from)
MAX_PROBLEMS_SHOWN = 20


def editor_key() -> str:
    """The data editor's widget key for this session's current editor."""
    return f"{EDITOR_KEY}-{st.session_state.get(_GENERATION_KEY, 0)}"


def actors_panel(store, collection: str, user: str) -> None:
    """The actors table, its Save and Discard buttons, and re-running enrichment on the collection."""
    st.markdown(
        "People, organisations and states the extraction recognises, with their other spellings in any "
        "language (**aliases**, `|`-separated; a trailing `*` is a word stem) and the job **titles** that "
        "name a person while in office (**term**: `FROM/UNTIL` ISO dates, `;` between periods). "
        "Country names come from pycountry; list a country here only for what it lacks.")
    current = _opened()
    if current is None:
        return
    st.caption(f"Editing {current.path}", help="Set TIMELINE_ACTORS to edit another file.")
    if current.problems:
        _problems("The file has problems; fix them below before saving", current.problems, st.warning)
    edited = st.data_editor(
        current.table, key=editor_key(), num_rows="dynamic", hide_index=True, height=420,
        column_config={
            "name": st.column_config.TextColumn("Name", help="The canonical name shown in the events table"),
            "kind": st.column_config.SelectboxColumn("Kind", options=list(KINDS)),
            "country": st.column_config.TextColumn("Country", max_chars=2, validate=r"^([A-Za-z]{2})?$",
                                                   help="ISO 3166-1 code: RU, US (a state needs one)"),
            "aliases": st.column_config.TextColumn("Aliases", width="large",
                                                   help="Other spellings, |-separated. Capitals matter: "
                                                        "“AS” matches only capitals; russisch* is a stem"),
            "titles": st.column_config.TextColumn("Titles", width="medium",
                                                  help="Job titles naming the person while in office, |-separated"),
            "term": st.column_config.TextColumn("Term", help="When the titles apply: 2000-05-07/2008-05-07; "
                                                             "2012-05-07/ (open end)"),
        })
    left, right, _ = st.columns([1, 1, 3])
    changed = _has_edits()
    if left.button("Save actors", type="primary", disabled=not changed, width="stretch",
                   help="Checks every row, then replaces the file in one step"):
        _save(edited, current)
    if right.button("Discard my edits", disabled=not changed, width="stretch",
                    help="Reload the file as it is on disk"):
        _new_editor()
        st.rerun()

    st.divider()
    st.markdown("**Find actors, places and types again**")
    st.markdown(
        "Runs the extraction's actors, places and event-type finders again over the events of this "
        "collection, with the actors file as it is now. Extracted events nobody edited get all three "
        "found afresh (one change in the history, which Undo reverts); events an analyst edited, "
        "merged, imported or added keep what they hold and only get their empty fields filled.")
    if st.button(f"Enrich “{collection}” again" if collection else "Enrich again", disabled=not collection):
        with st.spinner("Finding actors, places and event types…"), user_action("Enriching again") as outcome:
            counts = refresh_collection(store, collection, user)
        if not outcome.failed:
            data.written()
            summary = f"Enriched again: {counts['refreshed']} events changed, {counts['unchanged']} unchanged."
            if counts["analysts"]:
                summary += (f" Empty fields filled in {counts['filled']} of the {counts['analysts']} events "
                            "analysts edited or added; what they set is kept.")
            flash("success", summary)
            st.rerun()


def _opened() -> ActorsFile | None:
    """The file as the current editor first read it; read afresh for a new editor, or when the
    file changed on disk while this session has no edits in progress."""
    generation = st.session_state.get(_GENERATION_KEY, 0)
    opened = st.session_state.get(_OPENED_KEY)
    if opened is not None and opened[0] == generation:
        if _has_edits() or _digest_on_disk(opened[1]) == opened[1].digest:
            return opened[1]
        _new_editor()   # a colleague saved; nothing of ours to lose
        generation = st.session_state[_GENERATION_KEY]
    with user_action("Reading the actors file") as outcome:
        current = read_actors()
    if outcome.failed:
        problems = getattr(outcome.error, "problems", [])
        if len(problems) > 1:
            _problems("Every problem", problems, st.error)
        return None
    st.session_state[_OPENED_KEY] = (generation, current)
    return current


def _digest_on_disk(current: ActorsFile) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(current.path.read_bytes()).hexdigest()
    except OSError:
        return None


def _has_edits() -> bool:
    state = st.session_state.get(editor_key()) or {}
    return any(state.get(part) for part in ("edited_rows", "added_rows", "deleted_rows"))


def _new_editor() -> None:
    st.session_state.pop(editor_key(), None)
    st.session_state[_GENERATION_KEY] = st.session_state.get(_GENERATION_KEY, 0) + 1


def _save(edited, current: ActorsFile) -> None:
    """Save the edited table; on any problem say which lines, and keep the edits in the editor."""
    with user_action("Saving the actors") as outcome:
        saved = save_actors(edited, current.path, comments=current.comments, expected_digest=current.digest)
    if outcome.failed:
        problems = getattr(outcome.error, "problems", [])
        if len(problems) > 1:
            _problems("Every problem (nothing was saved; your edits are still in the table)", problems, st.error)
        return
    _new_editor()
    flash("success", f"Saved {len(saved.table)} actors to {saved.path.name}. New extractions use them; "
                     "“Enrich again” applies them to this collection's events.")
    st.rerun()


def _problems(title: str, problems: list[str], show) -> None:
    with st.expander(f"{title} ({len(problems)})", expanded=True):
        show("  \n".join(escape_markdown(problem) for problem in problems[:MAX_PROBLEMS_SHOWN]))
        if len(problems) > MAX_PROBLEMS_SHOWN:
            st.caption(f"…and {len(problems) - MAX_PROBLEMS_SHOWN} more.")
