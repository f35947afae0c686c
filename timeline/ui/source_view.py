"""The source view of an open event: its evidence in the article's own text, the evidence
sentence highlighted and the date phrase in a <mark>; a merged event shows each source's
evidence under that source's name and link. Every piece of article text is HTML-escaped."""
from __future__ import annotations

import html
import re

import pandas as pd
import streamlit as st

from timeline.articles import marked_passage
from timeline.ui import data
from timeline.ui.common import escape_markdown, user_action

_STYLE = ("<style>.tl-source{max-height:320px;overflow:auto;white-space:pre-wrap;line-height:1.5;"
          "border:1px solid rgba(49,51,63,.2);border-radius:.5rem;padding:.6rem .8rem;margin-bottom:.8rem}"
          ".tl-source .tl-evidence{background:rgba(255,220,90,.28)}"
          ".tl-source mark{background:#ffd24d;padding:0 .1em}</style>")


def source_view(store, collection: str, row: pd.Series) -> None:
    """Under "Source": each report's evidence as its article shows it (or the evidence sentence
    alone when the article's text was not kept), with the date phrase marked."""
    reports = shown = [row]
    if data.is_merged(row):
        with user_action("Reading the merged reports") as outcome:
            members = store.merged_members(collection, row["event_id"])
            # The kept event's own report, under its own source and link: the row itself holds
            # every source's names, links and evidence joined.
            own = store.report_before_merges(collection, row["event_id"])
        if not outcome.failed:
            reports = [row] + [member for _, member in members.iterrows()]
            shown = [pd.Series(own) if own else row] + reports[1:]
    blocks = [_report_html(store, collection, report) for report in shown]
    with st.expander(f"Source{'s' if len(blocks) > 1 else ''}: the evidence in its article", expanded=True):
        dates = data.report_dates(reports)
        if len(dates) > 1:   # one report says Tuesday, another Wednesday: the analyst must decide
            st.warning(escape_markdown(f"Date conflict: the sources of this event give {len(dates)} different "
                                       f"dates ({', '.join(dates)}); each is shown beside its evidence below."))
        st.html(_STYLE + "".join(blocks))


def _report_html(store, collection: str, report: pd.Series) -> str:
    source, url = str(report.get("source") or ""), str(report.get("url") or "")
    name = html.escape(source or "unknown source")
    heading = (f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{name}</a>'
               if re.match(r"https?://", url, re.IGNORECASE) else name)
    text = store.article_text(collection, source) if source else None
    evidence, date_text = str(report.get("evidence") or ""), str(report.get("date_text") or "")
    pieces = None
    if text:
        pieces = marked_passage(text, evidence, _offset(report.get("char_start")), _offset(report.get("char_end")),
                                date_text)
    if pieces is None and evidence:   # no article kept: the sentence alone, its date marked
        pieces = marked_passage(evidence, evidence, None, None, date_text) or ("", evidence, "", "", "")
    if pieces is None:
        return f"<p><b>{heading}</b>: no evidence kept.</p>"
    before, lead, phrase, tail, after = (html.escape(piece) for piece in pieces)
    marked = f"<mark>{phrase}</mark>" if phrase else ""
    where = "" if text else " <i>(the article's text was not kept; its evidence sentence)</i>"
    said = html.escape(" · ".join(part for part in (str(report.get("date") or ""),
                                                     f"“{date_text}”" if date_text else "") if part))
    return (f"<p style='margin-bottom:.2rem'><b>{heading}</b> <span class='tl-date'>{said}</span>{where}</p>"
            f"<div class='tl-source'>{before}<span class='tl-evidence'>{lead}{marked}{tail}</span>{after}</div>")


def _offset(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
