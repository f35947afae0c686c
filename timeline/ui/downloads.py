"""Export buttons: the filtered events (what the table and chart show) and the whole collection."""
from __future__ import annotations

import json
import logging
import re

import pandas as pd
import streamlit as st

log = logging.getLogger("timeline.ui")


def export_buttons(shown: pd.DataFrame, everything: pd.DataFrame, collection: str) -> None:
    """CSV of the shown events and of all, JSON and TimelineJS of the shown; files are made on click."""
    from timeline.export import to_csv, to_html, to_json, to_timelinejs

    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", collection).strip("-") or "timeline"
    buttons = [
        (f"CSV ({len(shown):,} shown)", lambda: to_csv(shown, bom=True), f"{stem}-events.csv", "text/csv",
         "The events the filters let through, as the table shows them; opens in Excel"),
        (f"CSV (all {len(everything):,})", lambda: to_csv(everything, bom=True), f"{stem}-all-events.csv",
         "text/csv", "Every event of the collection, ignoring the filters"),
        ("JSON (shown)", lambda: to_json(shown), f"{stem}-events.json", "application/json",
         "The shown events as a JSON list of records"),
        ("TimelineJS (shown)", lambda: json.dumps(to_timelinejs(shown, collection), ensure_ascii=False, indent=1),
         f"{stem}-timelinejs.json", "application/json",
         "A TimelineJS3 JSON file of the shown events, for timeline.knightlab.com"),
        ("Chart page (shown)", lambda: to_html(shown, collection or "Timeline"), f"{stem}-timeline.html", "text/html",
         "The timeline of the shown events as one interactive HTML file: opens in any browser, no server needed"),
    ]
    for column, (label, make, file_name, mime, help_text) in zip(st.columns(len(buttons)), buttons):
        column.download_button(label, _safely(make, file_name), file_name=file_name, mime=mime, help=help_text,
                               on_click="ignore", disabled=everything.empty, key=f"download-{file_name}",
                               width="stretch")


def _safely(make, file_name: str):
    """`make`, run when the button is clicked; a failure gives a file that says what went wrong."""
    def run() -> str:
        try:
            return make()
        except Exception as error:  # noqa: BLE001 - runs outside the page: no st.error possible
            log.exception("export %s failed", file_name)
            return f"The export failed: {type(error).__name__}: {error}\n"
    return run
