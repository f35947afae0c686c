"""Adding articles in a real browser (issue 9's intake): a publication date and a language set
once for all chosen files, the "no publication date" warning gone once a date is given.

One dashboard server for the module, on a database seeded with tests/browser_seed.py.
"""
from __future__ import annotations

import re

import pytest

from browser_seed import seed
from browser_support import browser, dashboard, needs_chromium, settle, wait_for_dashboard
from timeline.store import Store

pytestmark = needs_chromium
pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("intake") / "intake.db"
    seed(path, ("demo", "intake"))
    return path


@pytest.fixture(scope="module")
def server(database):
    with dashboard(database, database.parent / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def new_page():
    with browser() as make:
        yield make


def test_a_date_and_language_set_once_for_all_files_and_the_warning_goes(server, database, new_page, tmp_path):
    page = new_page()
    page.goto(server + "/?collection=intake")
    wait_for_dashboard(page)
    page.get_by_role("tab", name="Add articles").click()
    files = {"alpha.txt": "The envoys met in Vienna on Monday and agreed to talk again.",
             "beta.txt": "The ministers spoke by phone on Tuesday about the border crossing."}
    for name, text in files.items():   # no date in the names or the texts
        (tmp_path / name).write_text(text, encoding="utf-8")
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files([str(tmp_path / n) for n in files])
    page.get_by_role("button", name=re.compile("^Extract events from 2 articles")).wait_for()
    settle(page)
    warning = page.get_by_text(re.compile("^No publication date found"))
    assert warning.count() == 1
    page.get_by_role("textbox", name="Publication date for all", exact=True).fill("2025-11-12")
    page.get_by_role("textbox", name="Language for all", exact=True).fill("en")
    page.get_by_role("button", name="Set for the chosen files").click()
    settle(page)
    page.wait_for_function("() => ![...document.querySelectorAll('[data-testid=stAlertContentWarning]')]"
                           ".some(a => a.innerText.startsWith('No publication date found'))", timeout=30_000)
    page.get_by_role("button", name=re.compile("^Extract events from 2 articles")).click()
    page.get_by_text(re.compile(r"^\d+ events from 2 articles")).wait_for()
    stored = Store(database).events("intake")
    stored = stored[stored["source"].isin(list(files))]
    assert set(stored["source"]) == set(files), stored[["source", "title"]]
    assert set(stored["published"].astype(str)) == {"2025-11-12"} and set(stored["lang"]) == {"en"}
    page.context.close()


def test_the_paste_form_shows_the_date_and_language_it_found_before_extracting(server, database, new_page):
    page = new_page()
    page.goto(server + "/?collection=intake")
    wait_for_dashboard(page)
    page.get_by_role("tab", name="Add articles").click()
    page.get_by_text("…or paste an article").click()
    page.get_by_role("textbox", name="Article text").fill(
        "Vienna, 14 October 2025\n\nThe delegations met again on Sunday and set out a new round of talks.")
    before = len(Store(database).events("intake"))
    # A click while a script run is still going is dropped by Streamlit (1 run in 4 on a loaded
    # machine): the form is submitted once the app is idle, as a user sees it ready.
    settle(page)
    page.get_by_role("button", name="Find the date and language").click()
    found = page.get_by_text(re.compile("^Publication date: "))
    found.wait_for()
    assert "2025-10-14 (from the dateline)" in found.inner_text() and "language: en" in found.inner_text()
    assert len(Store(database).events("intake")) == before       # nothing extracted yet
    page.context.close()
