"""What the real-browser tests share: the dashboard started on a free port against a database
of the test's own, Debian's chromium driven by Playwright, and waits that follow the page
(never fixed sleeps for state)."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1500, "height": 1000}

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                    reason=f"{CHROMIUM} is missing (apt-get install chromium; scripts/test.sh does it)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def dashboard(db_path: Path, log_path: Path):
    """`streamlit run app.py` on a free localhost port with TIMELINE_DB=`db_path`; yields its URL."""
    port = free_port()
    env = {**os.environ, "TIMELINE_DB": str(db_path)}
    log = open(log_path, "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("streamlit did not start:\n" + log_path.read_text(errors="replace")[-3000:])
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@contextmanager
def browser():
    """A headless chromium; yields a function making a fresh page (its own context) per call."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        contexts = []

        def new_page():
            context = chromium.new_context(viewport=VIEWPORT, accept_downloads=True)
            contexts.append(context)
            tab = context.new_page()
            tab.set_default_timeout(60_000)
            return tab
        try:
            yield new_page
        finally:
            for context in contexts:
                context.close()
            chromium.close()


def wait_for_dashboard(page) -> None:
    """Until the chart has drawn its markers and the script has finished running."""
    page.wait_for_selector('[data-testid="stPlotlyChart"] .js-plotly-plot', state="visible", timeout=180_000)
    page.wait_for_function("() => { const gd = document.querySelector('.js-plotly-plot');"
                           " return gd && gd._fullData && gd._fullData.length > 0; }")
    settle(page)


def settle(page) -> None:
    """Until Streamlit is idle (no script running)."""
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
    page.wait_for_timeout(300)


def pick_event(page, text: str) -> None:
    """Open an event with the picker by typing part of its label."""
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Open an event")
    picker.click()
    page.keyboard.type(text)
    option = page.get_by_role("option").filter(has_text=text).first
    option.wait_for()
    option.click()
    settle(page)


def details(page, containing: str | None = None) -> str:
    """The open event's facts, as shown; with `containing`, once they show it (a loaded machine
    may redraw the open event some time after the click that asked for it)."""
    facts = page.locator('[data-testid="stMarkdownContainer"] p', has_text="Id:")
    if containing is not None:
        try:
            page.wait_for_function(
                "(text) => [...document.querySelectorAll('[data-testid=stMarkdownContainer] p')]"
                ".some(p => p.innerText.includes('Id:') && p.innerText.includes(text))", arg=containing)
        except Exception:  # noqa: BLE001 - the assertion that follows says what was shown instead
            pass
    return facts.inner_text()


def shown_caption(page):
    """The "N of M events shown" caption."""
    return page.get_by_text(re.compile(r"^[\d,]+ of [\d,]+ events shown"))


HEADER_HEIGHT = 35   # the events table's header row, whatever the height of its data rows


def table_row_height(page) -> float:
    """The height in px of a data row of the (first) events table: taller when long text wraps.
    Read once the table has drawn its rows (it is drawn anew when another event opens)."""
    return page.wait_for_function("""() => { const grid = document.querySelector('[data-testid=stDataFrame]');
        const rows = grid && grid.querySelectorAll('table tbody tr').length;
        const inner = grid && grid.querySelector('.dvn-scroll-inner');
        const height = inner && (inner.getBoundingClientRect().height - %d) / rows;
        return rows && height > 0 ? height : null; }""" % HEADER_HEIGHT).json_value()


def row_of(page, phrase: str) -> int:
    """The 0-based data row of the events table holding `phrase`, once the table shows it."""
    # Read in the one look that finds it: the table may be drawn anew between two looks.
    return int(page.wait_for_function("(phrase) => { const rows = [...document.querySelectorAll("
                                      "'[data-testid=stDataFrame] table tbody tr')];"
                                      " const at = rows.findIndex(r => r.innerText.includes(phrase));"
                                      " return at >= 0 ? String(at) : null; }", arg=phrase).json_value())


HEADLINE_X = 300   # px from the table's left edge to inside its Headline column (after the tick box and Date)


def click_table_cell(page, row: int, on_tick_box: bool, x: int | None = None) -> None:
    """Click row `row` (0 = first data row) of the events table: its tick box, its first cell
    (the date), or the cell `x` px from the table's left edge."""
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()   # rows that wrap make the table taller than what is in view
    box = grid.bounding_box()
    height = table_row_height(page)
    x = x if x is not None else (18 if on_tick_box else 80)
    page.mouse.click(box["x"] + x, box["y"] + HEADER_HEIGHT + height * row + height / 2)
    settle(page)
