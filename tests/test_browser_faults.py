"""The faults a new analyst met in the dashboard (issue 9), each reproduced in a real browser.

One dashboard server for the module, on a database seeded with tests/browser_seed.py: "demo"
is only read; tests that write use a collection of their own, so their order does not matter.
"""
from __future__ import annotations

import json
import re

import pytest

from browser_seed import ARABIC_TITLE, seed
from browser_support import (HEADLINE_X, browser, click_table_cell, dashboard, details, needs_chromium, pick_event, row_of,
                             settle, shown_caption, wait_for_dashboard)

pytestmark = needs_chromium
pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402  (after the skip above)

ALL = 8   # events in browser_seed.events()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults")
    seed(folder / "faults.db", ("demo", "edits", "undo-talk", "ticks", "moves", "conflict", "links"))
    with dashboard(folder / "faults.db", folder / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def new_page():
    with browser() as make:
        yield make


@pytest.fixture
def page(server, new_page):
    tab = new_page()
    tab.goto(server)
    wait_for_dashboard(tab)
    yield tab
    tab.context.close()


def caption(page) -> str:
    return shown_caption(page).inner_text()


def choose_collection(page, name: str) -> None:
    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text="Collection").click()
    page.get_by_role("option", name=name, exact=True).click()
    settle(page)
    page.get_by_role("heading", name=name).wait_for()


def type_date_filter(page, label: str, text: str) -> None:
    """Type a date into the sidebar's From or To box and press Enter, as an analyst does."""
    box = page.get_by_test_id("stSidebar").get_by_role("textbox", name=label, exact=True)
    if box.count():
        box.click()
    else:   # a segmented date field: its first segment takes the digits
        page.get_by_role("spinbutton", name=f"year, {label}").click()
        text = re.sub(r"\D", "", text)
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    settle(page)


def table_rows(page) -> list[str]:
    """The table's rows as its accessible copy lists them (header first), once it has drawn them
    (a filter or an edit that reorders the rows draws the table anew)."""
    return page.wait_for_function("() => { const rows = [...document.querySelectorAll("
                                  "'[data-testid=stDataFrame] table tr')]"
                                  ".map(r => [...r.children].map(c => c.innerText.trim()).join(' | '));"
                                  " return rows.length > 1 ? rows : null; }").json_value()


def wait_ticked(page, phrase: str) -> None:
    """Until the table's ticked row is the one holding `phrase` (and no other is ticked)."""
    page.wait_for_function("(phrase) => { const rows = [...document.querySelectorAll("
                           "'[data-testid=stDataFrame] table tbody tr')]"
                           ".filter(r => r.getAttribute('aria-selected') === 'true');"
                           " return rows.length === 1 && rows[0].innerText.includes(phrase); }", arg=phrase)


def test_clear_filters_clears_the_boxes_and_stays_cleared(page):
    type_date_filter(page, "From", "2024-06-01")
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Search")
    search.fill("convoy")
    search.press("Enter")
    settle(page)
    assert caption(page).startswith(f"1 of {ALL} events shown")
    page.get_by_role("button", name="Clear filters").click()
    settle(page)
    assert caption(page).startswith(f"{ALL} of {ALL} events shown")
    from_box = page.get_by_test_id("stSidebar").get_by_role("textbox", name="From", exact=True)
    assert search.input_value() == "" and from_box.input_value() == ""
    page.get_by_test_id("stButtonGroup").get_by_role("radio", name="Source").click()   # an unrelated click
    settle(page)
    assert caption(page).startswith(f"{ALL} of {ALL} events shown")
    assert search.input_value() == "" and from_box.input_value() == ""


def test_undo_refills_the_form_and_the_same_edit_saves_again(page):
    choose_collection(page, "edits")
    pick_event(page, "Parliament passed the budget")
    title = page.get_by_label("Title", exact=True)
    title.fill("The budget passed after a long night")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved: title").wait_for()
    settle(page)
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Open an event").get_by_role("combobox")
    assert "The budget passed after a long night" in picker.input_value()     # the picker shows the saved title
    page.get_by_role("button", name="Undo last change").click()
    page.get_by_text(re.compile("^Undone")).wait_for()
    settle(page)
    assert page.get_by_label("Title", exact=True).input_value() == "Parliament passed the budget"
    assert "Parliament passed the budget" in picker.input_value()
    page.get_by_label("Title", exact=True).fill("The budget passed after a long night")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved: title").wait_for()
    settle(page)
    page.reload()
    wait_for_dashboard(page)
    choose_collection(page, "edits")
    pick_event(page, "The budget passed after a long night")
    assert page.get_by_label("Title", exact=True).input_value() == "The budget passed after a long night"


def test_the_open_tab_survives_a_message_going_away(page, tmp_path):
    page.get_by_test_id("stSidebar").get_by_text("New collection").click()
    page.get_by_test_id("stSidebar").get_by_label("Name", exact=True).fill("intake")
    page.get_by_role("button", name="Create").click()
    page.get_by_text("Created the collection").wait_for()
    settle(page)
    page.get_by_role("tab", name="Add articles").click()
    article = tmp_path / "note.txt"
    article.write_text("Geneva, 12 November 2025\n\nThe envoys met again on Monday.", encoding="utf-8")
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(article))
    page.get_by_role("button", name=re.compile("^Extract events from 1 article")).wait_for()
    settle(page)
    assert page.get_by_role("tab", name="Add articles").get_attribute("aria-selected") == "true"


def test_the_ticked_row_follows_the_open_event_and_a_cell_click_opens(page):
    choose_collection(page, "ticks")
    first = row_of(page, "The monarchy fell")
    click_table_cell(page, first, True)
    assert "Id: ev-fall" in details(page, "Id: ev-fall")
    pick_event(page, "Foreign ministers met in Geneva")
    assert "Id: ev-geneva" in details(page, "Id: ev-geneva")
    wait_ticked(page, "Foreign ministers met in Geneva")    # the tick follows a pick elsewhere
    click_table_cell(page, first, True)                 # the tick box of the first row, again
    assert "Id: ev-fall" in details(page, "Id: ev-fall")
    aid = row_of(page, "A convoy brought aid")
    click_table_cell(page, aid, False)                  # a click on a cell, not the tick box
    assert "Id: ev-aid" in details(page, "Id: ev-aid")


def test_the_tick_stays_on_the_open_event_when_an_edit_or_an_undo_moves_its_row(page):
    # Streamlit keeps a table's ticks by row position: an edit or an Undo that reorders the rows
    # must not leave the tick on the event that took the open one's place.
    choose_collection(page, "moves")
    click_table_cell(page, row_of(page, "The monarchy fell"), True)
    assert "Id: ev-fall" in details(page, "Id: ev-fall")
    page.get_by_label("Date", exact=True).fill("2025-10-01")        # from the first row to the sixth
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved: date").wait_for()
    settle(page)
    assert row_of(page, "The monarchy fell") == 5
    wait_ticked(page, "The monarchy fell")
    page.get_by_role("button", name="Undo last change").click()
    page.get_by_text(re.compile("^Undone")).wait_for()
    settle(page)
    assert row_of(page, "The monarchy fell") == 0
    wait_ticked(page, "The monarchy fell")
    assert "Id: ev-fall" in details(page, "Id: ev-fall")
    # a click on a row's headline (its title, for a row added by hand) opens it; Enter keeps it open
    click_table_cell(page, row_of(page, "A convoy brought aid"), False, x=HEADLINE_X)
    assert "Id: ev-aid" in details(page, "Id: ev-aid")
    wait_ticked(page, "A convoy brought aid")
    page.keyboard.press("Enter")
    settle(page)
    assert "Id: ev-aid" in details(page, "Id: ev-aid")
    wait_ticked(page, "A convoy brought aid")
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Search")
    search.fill("convoy")                                          # a filter moves its row to the top
    search.press("Enter")
    settle(page)
    assert row_of(page, "A convoy brought aid") == 0
    wait_ticked(page, "A convoy brought aid")


def test_sorting_by_date_is_chronological(page):
    assert table_rows(page)[0].split(" | ")[0] == "Date"
    box = page.get_by_test_id("stDataFrame").first.bounding_box()
    phrases = ("Parliament passed", "Foreign ministers met", "spoke by phone", "Crowds marched",
               "Envoys held talks", "A convoy brought aid", "The monarchy fell")   # newest first
    newest_first = False
    # Each click on the Date header turns the sort (oldest first, newest first, none). A click the
    # grid takes while it is still drawing the last order is lost, so click until newest first
    # shows, and check every order the clicks give on the way.
    for _ in range(6):
        before = "|".join(table_rows(page))
        page.mouse.click(box["x"] + 80, box["y"] + 17)
        try:
            page.wait_for_function("(before) => [...document.querySelectorAll('[data-testid=stDataFrame] table tr')]"
                                   ".map(r => [...r.children].map(c => c.innerText.trim()).join(' | ')).join('|') !== before",
                                   arg=before, timeout=5_000)
        except PlaywrightTimeout:
            continue   # the click was lost: the order did not change
        rows = table_rows(page)[1:]
        order = [next((i for i, row in enumerate(rows) if phrase in row), -1) for phrase in phrases]
        assert -1 not in order, rows
        if order == sorted(order):
            newest_first = True
            break
        # oldest first is chronological too (and the unsorted order is the date's anyway)
        assert order == sorted(order, reverse=True), rows
    assert newest_first, "no click on the Date header gave the events newest first"


def test_a_typed_date_applies_on_enter(page):
    type_date_filter(page, "From", "2025-01-01")
    assert caption(page).startswith(f"6 of {ALL} events shown")


def test_default_zoom_leaves_out_outliers_and_one_day_is_a_day(page):
    first, last = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range")
    assert first >= "2024-01-01", (first, last)           # the 1979 row does not squeeze the rest
    slider = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.rangeslider.range")
    assert slider[0] <= "1979-02-11"                       # it is still there to drag to
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Search")
    search.fill("convoy")
    search.press("Enter")
    settle(page)
    ticks = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot .xaxislayer-above .xtick text')]"
                          ".map(t => t.textContent)")
    assert ticks and not any(re.search(r"\d:\d\d", tick) for tick in ticks), ticks


def test_boxes_columns_and_buttons_show_their_text(page):
    type_date_filter(page, "From", "2024-12-01")
    clipped = page.evaluate("""() => {
        const box = document.querySelector('[data-testid=stSidebar] input[aria-label="From"]')
                    || document.querySelector('[data-testid=stSidebar] [role=group][aria-label="From"]');
        return box.scrollWidth > box.clientWidth + 1; }""")
    assert not clipped
    header = table_rows(page)[0]
    for column in ("Type", "Actors", "Verified"):
        assert column in header.split(" | "), header
    labels = page.evaluate("""() => [...document.querySelectorAll('[data-testid=stDownloadButton] button')]
        .map(b => { const p = b.querySelector('p') || b; return [p.innerText, p.scrollWidth > p.clientWidth + 1]; })""")
    assert labels and not any(cut for _, cut in labels), labels


def test_messages_speak_plainly(page, tmp_path):
    choose_collection(page, "undo-talk")
    pick_event(page, "Envoys held talks during May")
    page.get_by_label("Date", exact=True).fill("sometime in May")
    page.get_by_role("button", name="Save changes").click()
    error = page.get_by_test_id("stAlertContentError").first
    error.wait_for()
    assert "TIMEX" not in error.inner_text() and "2024-12" in error.inner_text()
    page.get_by_label("Date", exact=True).fill("2025-05-20")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved: date").wait_for()
    settle(page)
    page.get_by_role("button", name="Undo last change").click()
    undone = page.get_by_text(re.compile("^Undone"))
    undone.wait_for()
    assert "Envoys held talks during May" in undone.inner_text() and "ev-" not in undone.inner_text()
    settle(page)
    page.get_by_role("tab", name="Add articles").click()
    latin = tmp_path / "geneve.txt"
    latin.write_bytes("Genève, le 12 novembre 2025. Les ministres se sont réunis le 10 novembre.".encode("latin-1"))
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(latin))
    page.get_by_role("button", name=re.compile("^Extract events from 1 article")).wait_for()
    settle(page)
    assert page.get_by_text("iconv").count() == 0


def test_timelinejs_groups_by_label(page, tmp_path):
    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").filter(has_text="TimelineJS").get_by_role("button").click()
    saved = tmp_path / "timelinejs.json"
    download.value.save_as(saved)
    groups = {slide.get("group") for slide in json.loads(saved.read_text(encoding="utf-8"))["events"]}
    assert "Regime change" in groups and "regime_change" not in groups


def test_a_link_opens_the_same_view_in_a_fresh_page(page, new_page, server):
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Search")
    search.fill("met")
    search.press("Enter")
    settle(page)
    type_date_filter(page, "From", "2025")
    page.get_by_test_id("stButtonGroup").get_by_role("radio", name="Source").click()
    settle(page)
    pick_event(page, "Foreign ministers met in Geneva")
    shown = caption(page)
    assert shown.startswith("1 of ") or "(filtered)" in shown
    link = page.url
    assert "filter_text=met" in link and "selected_event=" in link, link
    fresh = new_page()
    fresh.goto(link)
    wait_for_dashboard(fresh)
    assert caption(fresh) == shown
    sidebar = fresh.get_by_test_id("stSidebar")
    assert sidebar.get_by_role("textbox", name="Search").input_value() == "met"
    assert sidebar.get_by_role("textbox", name="From", exact=True).input_value() == "2025"
    assert fresh.get_by_test_id("stButtonGroup").get_by_role("radio", name="Source").get_attribute(
        "aria-checked") == "true"
    assert "Id: ev-geneva" in details(fresh)
    fresh.context.close()


def test_a_reload_keeps_the_collection_the_filters_and_the_open_event(page):
    choose_collection(page, "ticks")
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Search")
    search.fill("met")
    search.press("Enter")
    settle(page)
    pick_event(page, "Foreign ministers met in Geneva")
    shown = caption(page)
    assert "(filtered)" in shown
    page.reload()
    wait_for_dashboard(page)
    page.get_by_role("heading", name="ticks").wait_for()
    assert caption(page) == shown
    assert page.get_by_test_id("stSidebar").get_by_role("textbox", name="Search").input_value() == "met"
    assert "Id: ev-geneva" in details(page, "Id: ev-geneva")


def test_the_source_view_marks_the_date_in_the_article(page):
    pick_event(page, "Foreign ministers met in Geneva")
    mark = page.locator(".tl-source mark").first
    mark.wait_for()
    assert mark.inner_text() == "10 November"
    assert "Diplomats gathered early." in page.locator(".tl-source").first.inner_text()   # the article around it
    assert mark.evaluate("m => m.closest('.tl-evidence') !== null")
    inside = mark.evaluate("""m => { const box = m.closest('.tl-source').getBoundingClientRect();
        const at = m.getBoundingClientRect(); return at.top >= box.top && at.bottom <= box.bottom; }""")
    assert inside, "the date phrase is outside the visible part of the source passage"


def test_the_chart_page_export_works_without_a_server(page, new_page, tmp_path):
    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").filter(has_text="Chart page").get_by_role("button").click()
    saved = tmp_path / "timeline.html"
    download.value.save_as(saved)
    offline = new_page()
    offline.context.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:")
                          else route.continue_())                      # no network at all
    offline.goto(saved.as_uri())
    offline.wait_for_function("() => { const gd = document.getElementById('timeline');"
                              " return gd && gd._fullData && gd._fullData.some(t => t.customdata &&"
                              " [...t.customdata].includes('ev-geneva')); }")
    assert offline.title() == "demo"
    offline.context.close()


def test_a_merged_event_shows_each_source_and_flags_a_date_conflict(page):
    choose_collection(page, "conflict")
    pick_event(page, "The two presidents spoke by phone")
    page.get_by_text(re.compile("^Date conflict: the sources of this event give 2 different dates")).wait_for()
    view = page.locator('[data-testid="stHtml"]').filter(has=page.locator(".tl-source")).first
    text = view.inner_text()
    assert "daily-news.txt" in text and "evening-post.txt" in text
    assert "2025-09-18" in text and "On Thursday the two presidents spoke by phone." in text
    assert view.locator("mark", has_text="Thursday").count() >= 1
    # each report under its own source and link, not the merged row's joined names and links
    assert "daily-news.txt; evening-post.txt" not in text
    link = view.get_by_role("link", name="evening-post.txt", exact=True)
    assert view.get_by_role("link").count() == 1
    assert link.get_attribute("href") == "https://evening-post.example/2025/09/19/call"


def test_a_copied_link_opens_its_event_after_the_title_is_edited(page, new_page):
    # a link names the open event by its id: a colleague's later edit of the title must not break it
    choose_collection(page, "links")
    pick_event(page, "Foreign ministers met in Geneva")
    link = page.url
    page.get_by_label("Title", exact=True).fill("Ministers agreed a statement in Geneva")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved: title").wait_for()
    settle(page)
    fresh = new_page()
    fresh.goto(link)
    wait_for_dashboard(fresh)
    assert "Id: ev-geneva" in details(fresh)
    assert fresh.get_by_label("Title", exact=True).input_value() == "Ministers agreed a statement in Geneva"
    fresh.context.close()
