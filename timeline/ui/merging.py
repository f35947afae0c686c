"""Reports of one happening as one event: the Merge tab (threshold, a preview with the reasons,
each group accepted or rejected, "Merge similar" for the accepted ones, the merged events to
review) and, on an open event, its sources, why it was merged and splitting a wrong merge. The rules are timeline.merge's; the store keeps every merge
as one undoable change."""
from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from timeline.merge import DEFAULT_THRESHOLD, NOTE_SEPARATOR, similarity
from timeline.ui import data
from timeline.ui.common import escape_markdown, flash, user_action

THRESHOLD_KEY = "merge_threshold"
WITHIN_SOURCE_KEY = "merge_within_source"
PREVIEW_KEY = "merge_preview"
DECISIONS_KEY = "merge_decisions"   # + the proposed groups' signature: the analyst's accept/reject ticks
REVIEW_KEY = "merge_review"
_ASKED_KEY = "_merge_preview_asked"   # (collection, threshold, within_source) of a preview asked for by click
# Up to this many events the preview follows the threshold as it moves (about half a second for
# 5,000); larger collections are grouped when the analyst asks, as it takes seconds.
AUTO_PREVIEW_MAX = 5_000
MAX_LISTED = 2_000   # groups in the "why" picker, merged events in the review picker


def merge_panel(store, db_path: str, collection: str, events: pd.DataFrame, user: str) -> None:
    """The threshold, what would merge at it and why, the "Merge similar" button, and the merged events."""
    st.markdown(
        "Several articles often report one happening. Events whose dates can be the same moment are "
        "compared by their actors, places, titles and event types; those alike enough are grouped, and "
        "each group becomes one event that keeps every source and evidence sentence. Events of one "
        "source are kept apart unless you ask. Undo in the sidebar takes a whole merge back; a wrong "
        "merge can also be split below or from the event's panel in Explore.")
    if events.empty:
        st.info("This collection has no events to merge yet.")
        return
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    threshold = left.slider(
        "Merge threshold", 0.0, 1.0, DEFAULT_THRESHOLD, 0.05, key=THRESHOLD_KEY, format="%.2f",
        help="How alike two events must be to merge (0 to 1). Higher merges fewer, surer pairs; "
             f"{DEFAULT_THRESHOLD:.2f} is the default, chosen on hand-labelled pairs.")
    within_source = right.checkbox(
        "Also merge events of one source", key=WITHIN_SOURCE_KEY,
        help="Off by default: one article that dates two clauses to one day is usually telling two things.")
    preview = _preview(db_path, collection, threshold, within_source, len(events))
    accepted = []
    if preview is not None:
        _show_preview(preview, threshold)
        if not preview.empty:
            accepted = _decisions(preview)
    if st.button("Merge similar", type="primary", disabled=not accepted,
                 help="Merges the groups ticked above as one change; Undo in the sidebar takes it all back."):
        _merge(store, collection, threshold, within_source, user, accepted)
    st.divider()
    _review(store, collection, events, user)


def _preview(db_path: str, collection: str, threshold: float, within_source: bool, size: int) -> pd.DataFrame | None:
    """The groups that would merge, or None when not looked for (a large collection, not asked) or failed."""
    settings = (collection, threshold, within_source)
    if size > AUTO_PREVIEW_MAX and st.session_state.get(_ASKED_KEY) != settings:
        st.caption(f"This collection has {size:,} events: finding the groups takes a few seconds, "
                   "so it is done when you ask.")
        if not st.button("Find similar events"):
            return None
        st.session_state[_ASKED_KEY] = settings
    with user_action("Finding similar events") as outcome:
        preview = data.similar_groups(db_path, collection, threshold, within_source)
    return None if outcome.failed else preview


def _show_preview(preview: pd.DataFrame, threshold: float) -> None:
    """The preview as a table (one row per event, the kept row of each group first) and one group's reasons."""
    if preview.empty:
        hint = " Lower the threshold to find looser matches." if threshold > 0 else ""
        st.info(f"No events are alike enough to merge at threshold {threshold:.2f}.{hint}")
        return
    groups = preview["group"].nunique()
    merging = int((preview["role"] == "merge").sum())
    st.markdown(f"**At {threshold:.2f}, {merging + groups:,} events would become {groups:,}.** "
                "Each group's kept row (the most precise date) keeps its date and title; the others' "
                "actors, places, evidence and sources are joined into it.")
    shown = preview.assign(reasons=preview["reasons"].str.replace("\n", NOTE_SEPARATOR, regex=False))
    st.dataframe(shown, key=PREVIEW_KEY, hide_index=True, height=min(420, 38 + 35 * len(shown)),
                 column_order=["group", "role", "date", "title", "source", "score", "reasons", "event_id"],
                 column_config={
                     "group": st.column_config.NumberColumn("Group", format="%d"),
                     "role": st.column_config.TextColumn("Role", help="keep: the row the others merge into"),
                     "date": "Date", "title": st.column_config.TextColumn("Title", width="large"),
                     "source": "Source",
                     "score": st.column_config.NumberColumn("Score", format="%.2f",
                                                            help="The group's weakest link: how sure it is"),
                     "reasons": st.column_config.TextColumn("Why", width="large",
                                                            help="Each link that brought this row in: the two "
                                                                 "rows, their score and what agreed"),
                     "event_id": "Id"})
    _why_group(preview)


def _why_group(preview: pd.DataFrame) -> None:
    """The members and reasons of one group, one line each, as plain text."""
    keeps = preview[preview["role"] == "keep"].head(MAX_LISTED)
    sizes = preview["group"].value_counts()
    labels = {int(group): f"Group {group}: {_label(date, title, source)} ({sizes[group]} events, score {score:.2f})"
              for group, date, title, source, score
              in zip(keeps["group"], keeps["date"], keeps["title"], keeps["source"], keeps["score"])}
    group = st.selectbox("Why these belong together", list(labels), format_func=labels.get)
    if group is None:
        return
    members = preview[preview["group"] == group]
    lines = [f"- **{role}:** {escape_markdown(_label(date, title, source))} ({escape_markdown(event_id)})"
             for role, date, title, source, event_id
             in zip(members["role"], members["date"], members["title"], members["source"], members["event_id"])]
    reasons = [reason for text in members["reasons"] for reason in str(text).split("\n") if reason.strip()]
    st.markdown("\n".join(lines))
    st.markdown("**Why:**\n\n" + "\n".join(f"- {escape_markdown(reason)}" for reason in reasons))


def _decisions(preview: pd.DataFrame) -> list[list[str]]:
    """Each group of the preview on a row of its own with a "Merge" tick box, ticked to begin
    with: the analyst unticks a wrong group to keep its events apart. The accepted groups' event ids."""
    members = {int(group): rows for group, rows in preview.groupby("group", sort=True)}
    rows = []
    for group, events in members.items():
        keep = events[events["role"] == "keep"].iloc[0]
        joining = events[events["role"] != "keep"]
        rows.append({"merge": True, "group": group, "kept": _label(keep["date"], keep["title"], keep["source"]),
                     "joining": NOTE_SEPARATOR.join(_label(date, title, source) for date, title, source
                                                    in zip(joining["date"], joining["title"], joining["source"])),
                     "events": len(events), "score": float(keep["score"])})
    groups = pd.DataFrame(rows)
    st.markdown("**Review each group before merging:** untick a group whose events are different happenings; "
                "its events stay apart.")
    # One editor per set of proposed groups: another threshold, or a write that changes the groups,
    # starts a new review rather than carrying ticks over to other groups on the same rows.
    signature = hashlib.blake2b("\n".join(" ".join(rows["event_id"]) for rows in members.values()).encode("utf-8"),
                                digest_size=6).hexdigest()
    edited = st.data_editor(
        groups, key=f"{DECISIONS_KEY}-{signature}", hide_index=True, num_rows="fixed",
        disabled=["group", "kept", "joining", "events", "score"], height=min(420, 38 + 35 * len(groups)),
        column_config={
            "merge": st.column_config.CheckboxColumn("Merge", width=75, help="Ticked: this group becomes one event"),
            "group": st.column_config.NumberColumn("Group", format="%d", width=60),
            "kept": st.column_config.TextColumn("Kept event", width=380,
                                                help="The row the others merge into (the most precise date)"),
            "joining": st.column_config.TextColumn("Merged into it", width=380),
            "events": st.column_config.NumberColumn("Events", format="%d", width=60),
            "score": st.column_config.NumberColumn("Score", format="%.2f", width=60,
                                                   help="The group's weakest link: how sure it is")})
    accepted = [members[group]["event_id"].tolist() for group, merge in zip(edited["group"], edited["merge"]) if merge]
    rejected = len(groups) - len(accepted)
    st.caption(f"{len(accepted):,} of {len(groups):,} groups will be merged"
               + (f"; {rejected:,} left apart." if rejected else "."))
    return accepted


def _merge(store, collection: str, threshold: float, within_source: bool, user: str,
           accepted: list[list[str]]) -> None:
    with user_action("Merging similar events") as outcome:
        result = store.merge_similar(collection, threshold, user, within_source=within_source, groups=accepted)
    if outcome.failed:
        return
    data.written()
    st.session_state.pop(_ASKED_KEY, None)
    if result["merged"]:
        flash("success", f"Done: {result['description']}. Undo in the sidebar takes the whole merge back; "
                         "a merged event shows why it was merged, and can be split, in its panel.")
    else:
        flash("info", "Nothing was merged: the events changed since the preview.")
    st.rerun()


def _review(store, collection: str, events: pd.DataFrame, user: str) -> None:
    """The collection's merged events; one of them picked shows its sources, reasons and split form."""
    st.markdown("**Merged events**")
    merged = events[(source_counts(events) > 1) | (events["merge_note"] != "")]
    if merged.empty:
        st.caption("No event of this collection holds several reports yet.")
        return
    listing = merged.assign(source_count=source_counts(merged))[["date", "title", "source_count", "sources", "event_id"]]
    st.dataframe(listing, key="merged_events", hide_index=True, height=min(300, 38 + 35 * len(merged)),
                 column_config={"date": "Date", "title": st.column_config.TextColumn("Title", width="large"),
                                "source_count": st.column_config.NumberColumn("Sources", format="%d"),
                                "sources": st.column_config.TextColumn("Reported by", width="medium"),
                                "event_id": "Id"})
    listed = merged.head(MAX_LISTED)
    labels = {event_id: f"{_label(date, title, '')} ({event_id})"
              for event_id, date, title in zip(listed["event_id"], listed["date"], listed["title"])}
    if st.session_state.get(REVIEW_KEY) not in labels:   # split or undone meanwhile
        st.session_state[REVIEW_KEY] = None
    chosen = st.selectbox("Review a merged event", list(labels), index=None, format_func=labels.get,
                          key=REVIEW_KEY, placeholder="Pick one to see why it was merged, or to split it")
    if chosen is not None:
        sources_and_merges(store, collection, merged[merged["event_id"] == chosen].iloc[0], user, where="review")


def sources_and_merges(store, collection: str, row: pd.Series, user: str, where: str = "event") -> None:
    """An event's sources and why it was merged (one line per merge), with the form to split it.
    Nothing for an event of one source that nothing was merged into. `where` keeps the widget
    keys of the Explore panel and the Merge tab apart."""
    count = source_count(row)
    notes = merge_notes(row)
    if count <= 1 and not notes:
        return
    st.markdown(f"**Sources ({count}):** {escape_markdown(row['sources'] or row['source'])}")
    if notes:
        st.markdown("**Why merged:**")
        st.markdown("\n".join(f"- {escape_markdown(note)}" for note in notes))
    split_form(store, collection, row, user, where)


def split_form(store, collection: str, row: pd.Series, user: str, where: str) -> None:
    """The rows merged into the event (oldest merge first), and a button taking all or some out again."""
    event_id = row["event_id"]
    with user_action("Reading the merged rows") as outcome:
        members = store.merged_members(collection, event_id)
    if outcome.failed:
        return
    if members.empty:
        st.caption("No rows of this collection were merged into this event (its sources came with it, "
                   "e.g. in an imported file), so there is nothing to split.")
        return
    with st.expander(f"Split this merge ({len(members)} merged in)", expanded=where == "review"):
        st.dataframe(members[["date", "title", "source", "actors", "event_id"]], hide_index=True,
                     key=f"split-{where}-{event_id}-rows",
                     column_config={"date": "Date", "title": st.column_config.TextColumn("Title", width="large"),
                                    "source": "Source", "actors": "Actors", "event_id": "Id"})
        labels = {member: f"{_label(date, title, source)} ({member})" for member, date, title, source
                  in zip(members["event_id"], members["date"], members["title"], members["source"])}
        key = f"split-{where}-{event_id}-members"
        # All rows by default; a choice survives reruns, less the rows no longer merged in.
        st.session_state[key] = [member for member in st.session_state.get(key, list(labels)) if member in labels]
        chosen = st.multiselect("Rows to take out again", list(labels), format_func=labels.get, key=key,
                                help="They become events of their own again, as they were before the merge; "
                                     "the rows left stay merged.")
        if st.button("Split", key=f"split-{where}-{event_id}", disabled=not chosen,
                     help="One change: Undo in the sidebar merges them back."):
            _split(store, collection, event_id, chosen, list(labels), user)


def _split(store, collection: str, event_id: str, chosen: list[str], members: list[str], user: str) -> None:
    with user_action("Splitting the merge") as outcome:
        result = store.split_merged(collection, event_id, user,
                                    member_ids=None if set(chosen) == set(members) else chosen)
    if outcome.failed:
        return
    data.written()
    restored = result["restored"]
    flash("success", f"Split {event_id}: {', '.join(restored)} {'is an event' if len(restored) == 1 else 'are events'} "
                     "of its own again. Undo in the sidebar merges them back.")
    if result["kept_edits"]:
        flash("warning", f"{event_id} keeps the {', '.join(result['kept_edits'])} an analyst edited after the "
                         "merge; check whether they still hold what the split rows brought.")
    st.rerun()


def why_alike(row: pd.Series, other: pd.Series) -> None:
    """How alike two events are and why (timeline.merge.similarity), as one plain-text line."""
    score, reasons = similarity(row, other)
    threshold = st.session_state.get(THRESHOLD_KEY, DEFAULT_THRESHOLD)
    verdict = "alike enough" if score >= threshold else "not alike enough"
    st.caption(escape_markdown(f"Score {score:.2f}, {verdict} to merge at the threshold {threshold:.2f}: "
                               f"{'; '.join(reasons)}"))


def source_count(row: pd.Series) -> int:
    """How many sources report the event (a missing count is one)."""
    value = row.get("source_count")
    return 1 if value is None or pd.isna(value) else max(int(value), 1)


def source_counts(events: pd.DataFrame) -> pd.Series:
    """source_count of every row, a missing count being one."""
    return events["source_count"].fillna(1).astype("int64")


def merge_notes(row: pd.Series) -> list[str]:
    """One line per merge that made the event."""
    return [note.strip() for note in str(row.get("merge_note") or "").split(NOTE_SEPARATOR) if note.strip()]


def _label(date: str, title: str, source: str) -> str:
    title = " ".join(str(title or "(untitled)").split())
    title = title if len(title) <= 80 else title[:79] + "…"
    return f"{date or 'no date'} · {title}" + (f" · {source}" if source else "")
