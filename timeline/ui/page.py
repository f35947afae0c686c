"""The dashboard page: sidebar (collection, filters, undo) and tabs (explore: timeline or map and
the table; add articles; import; add an event; merge reports of one happening; actors; history)."""
from __future__ import annotations

import streamlit as st

from timeline.actors_file import use_for_enrichment
from timeline.chart import event_type_labels, filter_events
from timeline.ui import actors, annotate, bulk, data, downloads, explore, merging, sidebar, source_view, upload
from timeline.ui.common import escape_markdown, show_flashes, user_action

PAGE_TAB_KEY = "tab"
PAGE_TABS = ("Explore", "Add articles", "Import events", "Add an event", "Merge", "Actors", "History")


def run(db_path: str | None = None) -> None:
    """Draw the whole page for this run. `db_path` defaults to --db, then TIMELINE_DB, then data/timeline.db."""
    with user_action("Opening the database") as outcome:
        db_path = db_path or data.db_path_from_args()
        store = data.get_store(db_path)
    if outcome.failed:
        st.stop()
    with user_action("Choosing the actors file"):
        use_for_enrichment()   # TIMELINE_ACTORS, else data/actors.csv: the file the Actors tab edits
    loaded = None
    with user_action("Loading the demo articles"):
        loaded = data.ensure_demo(db_path)
    if loaded and not st.session_state.get("_demo_announced"):
        st.session_state["_demo_announced"] = True
        st.toast(loaded)

    labels = event_type_labels()

    # Requests made in the previous run that must land before the widgets they touch are drawn.
    explore.keep_view_settings()
    sidebar.apply_pending_collection()
    sidebar.clear_filters_if_asked()
    annotate.forget_deleted_selection()
    annotate.open_added_event()

    st.sidebar.title("Timeline")
    collection = sidebar.collection_picker(store)
    user = sidebar.user_name()
    with user_action("Loading the events") as outcome:
        events = data.events(db_path, collection)
    if outcome.failed:
        events = data.events(db_path, "")
    chosen = sidebar.filters(events, labels)
    with user_action("Filtering", where=st.sidebar) as outcome:
        shown = filter_events(events, **chosen.as_kwargs())
        shown = sidebar.keep_conflicts(db_path, collection, chosen, shown)
    if outcome.failed:
        shown = events
    sidebar.undo_button(store, collection, user, events)

    st.title(escape_markdown(collection) if collection else "Timeline")
    with st.container():   # always there, so what follows keeps its place when the messages go
        show_flashes()
    hidden = not chosen.show_background and "role" in events and bool((events["role"] == "background").any())
    st.caption(f"{len(shown):,} of {len(events):,} events shown" + (" (filtered)" if chosen.active() else "")
               + (" (background hidden)" if hidden else ""),
               help=f"Database: {db_path}")

    # Keyed, so the open tab is the same widget whatever messages come and go above it (unkeyed,
    # a message that disappears moves the tabs and they open on Explore again).
    tab_explore, tab_articles, tab_import, tab_add, tab_merge, tab_actors, tab_history = st.tabs(
        list(PAGE_TABS), key=PAGE_TAB_KEY, on_change="rerun", bind="query-params")
    event_types = annotate.type_options(events, labels)
    with tab_explore:
        if events.empty:
            st.info("This collection has no events yet. Add articles, import an events file, or add an event.")
        else:
            view_timeline, view_map = explore.views()
            if view_timeline.open is not False:
                with view_timeline, user_action("Drawing the timeline"):
                    explore.chart(shown, labels)
            if view_map.open:
                with view_map, user_action("Drawing the map"):
                    explore.events_map(shown, labels)
            # The table full width, so type, actors and verified show without sideways scrolling;
            # the open event below it: what was found and its source on the left, the edit on the right.
            explore.table(shown, labels)
            bulk.bulk_panel(store, collection, shown, user, event_types, labels)
            downloads.export_buttons(shown, events, collection)
            row = annotate.event_picker(events, shown)
            if row is not None:
                left, right = st.columns([3, 2], gap="large")
                with left:
                    annotate.event_details(row, labels)
                    with user_action("Showing the source"):
                        source_view.source_view(store, collection, row)
                    merging.sources_and_merges(store, collection, row, user)
                with right:
                    annotate.edit_form(store, collection, row, user, event_types, labels)
                    annotate.delete_and_merge(store, collection, row, shown, user)
    with tab_articles:
        upload.articles_panel(store, collection, user)
    with tab_import:
        upload.import_panel(store, collection, user)
    with tab_add:
        annotate.add_event_form(store, collection, user, event_types, labels)
    with tab_merge:
        merging.merge_panel(store, db_path, collection, events, user)
    with tab_actors:
        actors.actors_panel(store, collection, user)
    with tab_history:
        annotate.history(store, collection)
