"""Adding articles (upload or paste; check each one's date and language; extract) and importing events."""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from timeline.ui import data
from timeline.ui.common import escape_markdown, flash, user_action

ARTICLE_TYPES = ["txt", "md", "markdown", "html", "htm"]
MAX_ARTICLE_MB = 5          # one news article is far smaller; bigger files stall the page
UPLOADER_LIMIT_MB = 25      # Streamlit refuses bigger files itself; up to here we explain why
UPLOAD_KEY = "upload_files"
IMPORT_KEY = "import_file"
_DOCS_KEY = "_uploaded_documents"   # file_id -> (name, Document | None, problem | None, notes)
_GIVEN_KEY = "_intake_given"         # file_id -> the date and language set for all chosen files
_GIVEN_ROUND_KEY = "_intake_given_round"

PUBLISHED_HOW = {"given": "given", "url": "from the link", "dateline": "from the dateline",
                 "metadata": "from the page's metadata", "filename": "from the file name", "none": "not found"}


def articles_panel(store, collection: str, user: str) -> None:
    """Upload articles, check their publication dates and languages, then extract their events."""
    st.markdown(
        "Add news articles as **.txt**, **.md** or **.html** files (UTF-8), as many as you like. "
        "Each article's publication date is the reference for dates like “last Wednesday” or "
        "“8 December”: check it below before extracting.")
    round_ = st.session_state.get("_upload_round", 0)  # a new key empties the uploader after extraction
    uploads = st.file_uploader("Articles", type=ARTICLE_TYPES, accept_multiple_files=True,
                               key=UPLOAD_KEY if round_ == 0 else f"{UPLOAD_KEY}-{round_}",
                               max_upload_size=UPLOADER_LIMIT_MB)
    documents = _read_uploads(uploads or [])
    readable = [(file_id, name, doc) for file_id, (name, doc, problem, _) in documents.items() if doc is not None]
    for name, _doc, problem, notes in documents.values():
        if problem:
            st.error(escape_markdown(f"{name}: {problem}"))
        for note in notes:
            st.info(escape_markdown(f"{name}: {note}"))
    if readable:
        _review_and_extract(store, collection, user, readable)
    with st.expander("…or paste an article"):
        _paste_form(store, collection, user)


def _read_uploads(uploads) -> dict:
    """Each uploaded file read once per upload (kept in the session), with its problem if any."""
    cache = st.session_state.setdefault(_DOCS_KEY, {})
    current = {upload.file_id: upload for upload in uploads}
    for stale in set(cache) - set(current):
        del cache[stale]
    new = [upload for file_id, upload in current.items() if file_id not in cache]
    if new:
        progress = st.progress(0.0, text="Reading articles…")
        for number, upload in enumerate(new, start=1):
            progress.progress(number / len(new), text=f"Reading {number} of {len(new)}: {upload.name}")
            cache[upload.file_id] = read_upload(upload.name, upload.getvalue())
        progress.empty()
    return {file_id: cache[file_id] for file_id in current}


def read_upload(name: str, content: bytes) -> tuple:
    """(name, Document or None, problem or None, notes) for one uploaded file; never raises."""
    from timeline.ingest import InputError, read_document

    safe_name = Path(name).name or "article.txt"
    if len(content) > MAX_ARTICLE_MB * 1024 * 1024:
        return (safe_name, None, f"the file is {len(content) / 1024 / 1024:.1f} MB; the dashboard takes articles "
                f"up to {MAX_ARTICLE_MB} MB. Split it into separate articles.", [])
    if not content.strip():
        return safe_name, None, "the file is empty.", []
    notes = []
    content, decoded_from = as_utf8(content)
    if decoded_from:
        notes.append(f"the file is not in UTF-8; it was read as {decoded_from}. Check that accented letters "
                     "look right in the events; if not, save the file as UTF-8 and add it again.")
    lowered = content[:200_000].lower()
    if b"<script" in lowered or b"<iframe" in lowered or b"javascript:" in lowered:
        notes.append("the page contains scripts; they are ignored and only its visible text is read.")
    try:
        with tempfile.TemporaryDirectory(prefix="timeline-upload-") as folder:
            # a short name of our own: the user's may be longer than a file system allows
            path = Path(folder) / ("upload" + Path(safe_name).suffix[:16])
            path.write_bytes(content)
            try:
                document = read_document(path, source=safe_name)
            except InputError as error:
                message = str(error).replace(str(path), safe_name).replace(folder, "")
                return safe_name, None, message.removeprefix(f"{safe_name}: "), notes
    except Exception as error:  # noqa: BLE001 - a file must never take the page down
        return safe_name, None, f"cannot be read ({type(error).__name__}: {error})", notes
    if not document.text.strip():
        return safe_name, None, "no text was found in the file.", notes
    return safe_name, replace(document, source=safe_name), None, notes


def as_utf8(content: bytes) -> tuple[bytes, str | None]:
    """`content` as UTF-8, and the legacy encoding it was decoded from (None when it was UTF-8 or
    UTF-16 with a byte-order mark, or is binary: the reader then says what it is). A dashboard
    user cannot run iconv, so a Latin-1 or Windows-1252 article is converted here."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in content[:4096]:
        return content, None
    try:
        content.decode("utf-8")
        return content, None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(content[:200_000])
    best = matches.best()
    encoding = best.encoding if best is not None else "cp1252"
    # Latin-script guesses among the cp125x family are near ties on a short article; Windows-1252
    # (a superset of Latin-1) is by far the most used of them, so it wins such a tie.
    if best is not None and any("Latin" in alphabet for alphabet in best.alphabets) and any(
            match.encoding == "cp1252" for match in matches):
        encoding = "cp1252"
    try:
        text = content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = "latin-1", content.decode("latin-1")   # every byte is a Latin-1 character
    names = {"cp1252": "Windows-1252", "latin_1": "Latin-1", "latin-1": "Latin-1", "iso8859_1": "Latin-1"}
    return text.encode("utf-8"), names.get(encoding, encoding)


def _review_and_extract(store, collection: str, user: str, readable: list) -> None:
    """The uploaded articles' dates and languages (set once for the chosen files, or cell by cell),
    a warning for those still without a date, and the button that extracts them all."""
    given = st.session_state.setdefault(_GIVEN_KEY, {})   # file_id -> {"published": date, "lang": code}
    _set_for_all(readable, given)
    table = pd.DataFrame({
        "file": [name for _, name, _ in readable],
        "published": [given.get(file_id, {}).get("published", doc.published) for file_id, _, doc in readable],
        "found": [PUBLISHED_HOW["given"] if "published" in given.get(file_id, {}) else
                  PUBLISHED_HOW.get(doc.published_from, doc.published_from) for file_id, _, doc in readable],
        "language": [given.get(file_id, {}).get("lang", doc.lang) for file_id, _, doc in readable],
        "characters": [len(doc.text) for _, _, doc in readable],
    })
    warning = st.empty()   # above the table, filled from what the table holds after this run's edits
    # A new table after each "set for all", so it shows the dates just set rather than old edits.
    key = "review-" + hashlib.sha1("|".join(file_id for file_id, _, _ in readable).encode()).hexdigest()[:12] + (
        f"-{st.session_state.get(_GIVEN_ROUND_KEY, 0)}")
    edited = st.data_editor(
        table, key=key, hide_index=True, disabled=["file", "found", "characters"], num_rows="fixed",
        column_config={
            "file": st.column_config.TextColumn("File"),
            "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD",
                                                     help="The reference date for relative dates; edit if wrong"),
            "found": st.column_config.TextColumn("Date found"),
            "language": st.column_config.TextColumn("Language", help="ISO 639-1 code, e.g. en, id, fr, ru, ar",
                                                    max_chars=3),
            "characters": st.column_config.NumberColumn("Characters"),
        })
    undated = edited.loc[edited["published"].isna(), "file"].tolist()
    if undated:
        warning.warning(escape_markdown(
            f"No publication date found in {', '.join(undated)}. Without it, dates such as “Wednesday” or "
            "“8 December” cannot be placed in a year. Set one for all above, enter it in the table, or "
            "extract anyway: those dates are then left out or marked uncertain."))
    if not st.button(f"Extract events from {len(readable)} article{'s' if len(readable) != 1 else ''}",
                     type="primary", disabled=not collection):
        return
    from timeline.ingest import language_code
    from timeline.limits import year_problem

    documents = []
    for (file_id, name, doc), (_, choice) in zip(readable, edited.iterrows()):
        published = _as_date(choice["published"])
        if published is not None and year_problem(published.year):
            st.error(escape_markdown(f"{name}: {year_problem(published.year)}; it is left out."))
            continue
        lang, problem = language_code(str(choice["language"] or ""))
        if problem:
            st.warning(escape_markdown(f"{name}: {problem}"))
            lang = doc.lang  # what was detected when the file was read
        if published != doc.published:
            doc = replace(doc, published=published, published_from="given" if published else "none")
        documents.append(replace(doc, lang=lang))
    extract_into(store, collection, user, documents)


def _set_for_all(readable: list, given: dict) -> None:
    """A form setting one publication date and/or language for the chosen files (all by default)."""
    from timeline.ingest import language_code
    from timeline.limits import year_problem

    names = {file_id: name for file_id, name, _ in readable}
    with st.form("set-for-all", border=True):
        st.markdown("**Set for all chosen files**")
        chosen = st.multiselect("Files", list(names), default=list(names), format_func=names.get)
        left, right = st.columns(2)
        day = left.text_input("Publication date for all", placeholder="2025-11-12",
                              help="The day the articles were published (YYYY-MM-DD); left empty, each keeps its own")
        lang = right.text_input("Language for all", max_chars=3, placeholder="en",
                                help="ISO 639-1 code; left empty, each keeps its own")
        submitted = st.form_submit_button("Set for the chosen files")
    if not submitted:
        return
    setting = {}
    if day.strip():
        try:
            setting["published"] = date.fromisoformat(day.strip())
        except ValueError:
            st.error(escape_markdown(f"“{day.strip()}” is not a day written as YYYY-MM-DD, e.g. 2025-11-12."))
            return
        if year_problem(setting["published"].year):
            st.error(escape_markdown(f"{day.strip()}: {year_problem(setting['published'].year)}."))
            return
    if lang.strip():
        code, problem = language_code(lang)
        if problem:
            st.error(escape_markdown(problem))
            return
        setting["lang"] = code
    if not setting or not chosen:
        st.info("Choose files and give a date or a language to set.")
        return
    for file_id in chosen:
        given.setdefault(file_id, {}).update(setting)
    st.session_state[_GIVEN_ROUND_KEY] = st.session_state.get(_GIVEN_ROUND_KEY, 0) + 1
    st.rerun()


def _as_date(value) -> date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def extract_into(store, collection: str, user: str, documents: list) -> None:
    """Extract each document's events with a progress bar, store them, report per document."""
    from timeline import extract_events

    frames, problems = [], []
    progress = st.progress(0.0, text="Extracting…")
    for number, doc in enumerate(documents, start=1):
        progress.progress((number - 1) / len(documents), text=f"Extracting {number} of {len(documents)}: {doc.source}")
        with user_action(f"Extracting {doc.source}") as outcome:
            frames.append(extract_events(doc.text, published=doc.published, lang=doc.lang or None,
                                         source=doc.source, url=doc.url or None))
        if outcome.failed:
            problems.append(doc.source)
    progress.progress(1.0, text="Storing…")
    if not frames:
        progress.empty()
        return
    frame = pd.concat(frames, ignore_index=True)
    with user_action("Storing the events") as outcome:
        counts = store.add_extracted(collection, frame, user)
        store.save_articles(collection, [(doc.source, doc.text) for doc in documents])   # for the source view
    progress.empty()
    if outcome.failed:
        return
    data.written()
    summary = (f"{len(frame)} events from {len(frames)} article{'s' if len(frames) != 1 else ''}: "
               f"{counts.get('added', 0)} new, {counts.get('updated', 0)} updated, "
               f"{counts.get('unchanged', 0)} already there, {counts.get('kept_edited', 0)} kept as you edited them.")
    flash("success", summary)
    for problem in counts.get("problems", [])[:10]:
        flash("warning", f"Left out: {problem}")
    if problems:
        flash("warning", f"Nothing extracted from: {', '.join(problems)}.")
    st.session_state.pop(_DOCS_KEY, None)
    st.session_state.pop(_GIVEN_KEY, None)
    st.session_state["_upload_round"] = st.session_state.get("_upload_round", 0) + 1
    st.rerun()


def _paste_form(store, collection: str, user: str) -> None:
    """A pasted article: what publication date and language are found can be checked first (the
    preview), then its events are extracted with them."""
    from timeline.ingest import Document

    with st.form("paste-article", clear_on_submit=False, border=False):
        text = st.text_area("Article text", height=200, max_chars=MAX_ARTICLE_MB * 1024 * 1024)
        left, middle, right = st.columns(3)
        source = left.text_input("Source name", placeholder="e.g. antara-2025-02-13")
        published = middle.date_input("Published", value=None, format="YYYY-MM-DD",
                                      help="Left empty, it is looked for in the text")
        lang = right.text_input("Language", max_chars=3, help="Left empty, it is detected")
        url = st.text_input("Link (optional)")
        buttons = st.columns([1, 2])
        check = buttons[0].form_submit_button("Find the date and language",
                                              help="Shows what would be used, without extracting anything")
        submitted = buttons[1].form_submit_button("Extract events from this text", type="primary")
    if not (submitted or check):
        return
    if not text.strip():
        st.error("Paste the article's text first.")
        return
    with user_action("Reading the pasted text") as outcome:
        text, lang, published, how = _pasted_reference(text, published, lang, url)
    if outcome.failed:
        return
    if check:
        found = f"{published.isoformat()} ({PUBLISHED_HOW.get(how, how)})" if published else "none found"
        st.info(escape_markdown(f"Publication date: {found} · language: {lang or 'not detected'}. "
                                "Change either above if wrong, then extract."))
        if published is None:
            st.warning("No publication date was found in the text; relative dates cannot be placed. "
                       "Enter it above for better results.")
        return
    if published is None:
        st.warning("No publication date was found in the text; relative dates cannot be placed. "
                   "Enter it above for better results.")
    document = Document(text=text, source=source.strip() or "pasted text", url=url.strip(), published=published,
                        published_from=how, lang=lang)
    extract_into(store, collection, user, [document])


def _pasted_reference(text: str, published: date | None, lang: str, url: str) -> tuple:
    """(cleaned text, language code, publication date or None, how the date was found) of a pasted
    article: what is given first, else what the text (and link) say."""
    from timeline.ingest import detect_language, detect_published, language_code
    from timeline.limits import clean_text

    text = clean_text(text)[0]  # the cleaning every input gets (NUL, lone surrogates)
    lang, problem = language_code(lang)
    if problem:
        st.warning(problem)
    lang = lang or detect_language(text)
    how = "given"
    if published is None:
        published, how = detect_published(text, url.strip() or None, lang=lang)
    return text, lang, published, how


def import_panel(store, collection: str, user: str) -> None:
    """Import an events CSV (or JSON) exported from here or made by hand; errors name row and column."""
    from timeline.export import read_events_csv, read_events_json

    st.markdown("Import events from a **CSV** (or JSON) file with the events table's columns, e.g. one "
                "exported here. Rows with a known event id update that event; the rest are added. "
                "A file with any bad cell is refused as a whole.")
    upload = st.file_uploader("Events file", type=["csv", "tsv", "json"], key=IMPORT_KEY,
                              max_upload_size=UPLOADER_LIMIT_MB)
    if upload is None:
        return
    with user_action(f"Reading {Path(upload.name).name}") as outcome:
        content = upload.getvalue()
        if upload.name.lower().endswith(".json"):
            frame = read_events_json(content)
        else:
            frame = read_events_csv(content)
    if outcome.failed:
        problems = getattr(outcome.error, "problems", None) or []
        if len(problems) > 1:
            with st.expander(f"All {len(problems)} problems"):
                st.dataframe(pd.DataFrame(problems, columns=["row", "column", "problem"]), hide_index=True)
        return
    ignored = frame.attrs.get("ignored_columns") or []
    if ignored:
        st.info(escape_markdown(f"Columns not in the events table, ignored: {', '.join(map(str, ignored))}."))
    st.caption(f"{len(frame)} events read. First rows:")
    st.dataframe(frame.head(5), hide_index=True)
    if st.button(f"Import {len(frame)} events into “{collection}”", type="primary", disabled=not collection):
        with user_action("Importing") as outcome:
            counts = store.import_events(collection, frame, user)
        if not outcome.failed:
            data.written()
            flash("success", f"Imported: {counts.get('added', 0)} added, {counts.get('updated', 0)} updated, "
                             f"{counts.get('restored', 0)} restored, {counts.get('unchanged', 0)} unchanged.")
            st.rerun()
