"""End to end in a real browser: Debian's chromium driven by Playwright against `streamlit run app.py`.

Loads the demo, sees the chart, clicks an event on it, edits an event's title, reloads the page
and finds the edit still there, then downloads the CSV and finds the edit in it; opens the map
(its world outlines served by the dashboard itself) and clicks an event on it. Screenshots go
to docs/ (referenced from the README). Never downloads a browser: without /usr/bin/chromium
(scripts/test.sh installs it with apt) the test is skipped.
"""
from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
NEW_TITLE = "Edited in the browser: ministers met again"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is missing (apt-get install chromium; scripts/test.sh does it)")
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """The dashboard on a free localhost port with its own database; yields its URL."""
    port = free_port()
    env = {**os.environ, "TIMELINE_DB": str(tmp_path / "browser.db")}
    log = open(tmp_path / "streamlit.log", "wb")
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
                pytest.fail("streamlit did not start:\n" + (tmp_path / "streamlit.log").read_text(errors="replace")[-3000:])
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


@pytest.fixture
def page():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
        tab = context.new_page()
        tab.set_default_timeout(60_000)
        yield tab
        context.close()
        browser.close()


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
    """The open event's facts, as shown (see browser_support.details: waits for `containing`)."""
    from browser_support import details as shown_details

    return shown_details(page, containing)


def first_event_point(page) -> dict:
    """Page coordinates and event id of the first event marker on the chart."""
    return page.evaluate("""() => {
        const gd = document.querySelector('.js-plotly-plot');
        const layout = gd._fullLayout, box = gd.getBoundingClientRect();
        const xa = layout.xaxis, ya = layout.yaxis2;
        const [low, high] = xa.range.map(v => xa.r2c(v));   // a marker inside the first view
        for (const trace of gd._fullData) {
            if (trace.mode !== 'markers' || !trace.customdata) continue;
            const i = [...trace.x].findIndex(x => xa.d2c(x) >= low && xa.d2c(x) <= high);
            if (i >= 0) return {id: String(trace.customdata[i]),
                                x: box.left + xa._offset + xa.c2p(xa.d2c(trace.x[i])),
                                y: box.top + ya._offset + ya.c2p(trace.y[i])};
        }
        return null;
    }""")


def test_demo_edit_reload_and_download(server, page, tmp_path):
    DOCS.mkdir(exist_ok=True)
    page.goto(server)
    wait_for_dashboard(page)
    assert page.get_by_test_id("stException").count() == 0
    assert page.get_by_test_id("stAlertContentError").count() == 0
    assert page.get_by_text(re.compile(r"^\d+ of \d+ events shown")).is_visible()
    page.screenshot(path=str(DOCS / "dashboard.png"), full_page=True)

    # a click on a marker opens that event
    point = first_event_point(page)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_timeout(300)
    page.mouse.click(point["x"], point["y"])
    settle(page)
    title_input = page.get_by_label("Title", exact=True)
    title_input.wait_for()
    assert point["id"] in details(page, point["id"])
    page.locator('[data-testid="stMarkdownContainer"] p', has_text="Id:").evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    page.screenshot(path=str(DOCS / "event.png"))

    # its source view: the demo article's text, the date phrase marked inside the evidence
    mark = page.locator(".tl-source mark").first
    mark.wait_for()
    assert mark.inner_text().strip() and mark.evaluate("m => m.closest('.tl-evidence') !== null")
    mark.evaluate("m => m.closest('.tl-source').scrollIntoView({block: 'center'})")
    page.wait_for_timeout(300)
    page.screenshot(path=str(DOCS / "source.png"))

    # edit its title and save
    old_title = title_input.input_value()
    title_input.fill(NEW_TITLE)
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved: title of").wait_for()
    settle(page)

    # a reload is a new session: the edit comes from the database
    page.reload()
    wait_for_dashboard(page)
    pick_event(page, NEW_TITLE)
    assert page.get_by_label("Title", exact=True).input_value() == NEW_TITLE
    assert f"Id: {point['id']} " in details(page, f"Id: {point['id']} ")
    assert page.get_by_text(old_title, exact=True).count() == 0 or old_title == NEW_TITLE

    # the CSV of the shown events has the edit
    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").filter(has_text=re.compile(r"^CSV \(\d+ shown\)")).get_by_role("button").click()
    saved = tmp_path / "events.csv"
    download.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    edited = [row for row in rows if row["event_id"] == point["id"]]
    assert [row["title"] for row in edited] == [NEW_TITLE]
    assert len(rows) > 1


def test_upload_review_screenshot(server, page, tmp_path):
    """The article upload: per-file date and language to check, a warning where no date was found."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "kompas-13-feb.txt").write_text(
        "Jakarta, 13 Februari 2025\n\nMenteri Luar Negeri bertemu di Doha pada 8 Desember.", encoding="utf-8")
    (articles / "no-date.txt").write_text("The ministers met on Wednesday in Doha.", encoding="utf-8")
    (articles / "empty.txt").write_text("", encoding="utf-8")
    page.goto(server)
    wait_for_dashboard(page)
    page.get_by_role("tab", name="Add articles").click()
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(
        [str(articles / name) for name in ("kompas-13-feb.txt", "no-date.txt", "empty.txt")])
    page.get_by_text("No publication date found in no-date.txt").wait_for()
    page.get_by_text("empty.txt: the file is empty.").wait_for()
    settle(page)
    assert page.get_by_test_id("stException").count() == 0
    page.mouse.move(5, 5)
    page.wait_for_timeout(1000)  # let the review table's canvas finish drawing
    page.screenshot(path=str(DOCS / "upload.png"), full_page=True)


def first_map_point(page) -> dict:
    """Page coordinates and event id of the first event marker on the map."""
    return page.evaluate("""() => {
        const point = document.querySelector('.js-plotly-plot .geolayer .scatterlayer path.point');
        const box = point.getBoundingClientRect();
        const trace = point.closest('g.trace').__data__[0].trace;
        return {id: String(trace.customdata[point.__data__.i]),
                x: box.left + box.width / 2, y: box.top + box.height / 2};
    }""")


def test_map_tab_and_a_click_on_it(server, page):
    DOCS.mkdir(exist_ok=True)
    page.goto(server)
    wait_for_dashboard(page)
    page.get_by_role("tab", name="Map").click()
    page.wait_for_selector(".js-plotly-plot .geolayer .scatterlayer path.point", state="visible")
    # the outlines come from static/topojson; without them the map is a blank rectangle
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .geolayer .countries path').length > 0")
    settle(page)
    assert page.get_by_test_id("stException").count() == 0
    assert page.get_by_text(re.compile(r"^One point per event and place")).is_visible()
    page.mouse.move(5, 5)
    page.screenshot(path=str(DOCS / "map.png"), full_page=True)

    point = first_map_point(page)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_timeout(300)
    page.mouse.click(point["x"], point["y"])
    settle(page)
    page.get_by_label("Title", exact=True).wait_for()
    assert f"Id: {point['id']} " in details(page, f"Id: {point['id']} ")
