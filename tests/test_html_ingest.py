"""timeline.ingest on real-world input: saved HTML pages, web addresses, folders of articles.

The pages in tests/pages/ were written for these tests. Web addresses are served from this
machine's loopback interface by a server the test starts; nothing here touches the network.
"""
from __future__ import annotations

import gzip
import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline import cli
from timeline.batch import document_events
from timeline.ingest import (PUBLISHED_FROM, InputError, document_from_text, find_articles, html_to_text,
                             iter_documents, read_document, read_html, read_url)
from timeline.schema import EVENT_COLUMNS, conform

REPO = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).resolve().parent / "pages"


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


# --- saved pages: main text, publication date and where it came from, language ----------------

@pytest.mark.parametrize("name, url, published, found_in, lang, present, absent", [
    # meta tags; the navigation, the "most read" box and the footer are boilerplate
    ("meta_article.html", "", date(2025, 2, 13), "metadata", "en",
     ["Border talks resume in Geneva", "The foreign ministers last met on 8 December"],
     ["Subscribe to our newsletter", "Most read", "Markets slip", "Copyright", "Privacy"]),
    # JSON-LD datePublished (dateModified is later and must not win)
    ("jsonld_article.html", "", date(2024, 11, 5), "metadata", "fr",
     ["les premiers convois partiront le 15 novembre"], ["Accueil", "Tous droits"]),
    # the date only in the canonical link's path
    ("url_dated.html", "", date(2025, 3, 7), "url", "es", ["presentado el 20 de febrero"], ["Portada"]),
    # ... or only in the address the page was fetched from
    ("url_dated.html", "https://diario.example.net/2025/03/08/puerto", date(2025, 3, 8), "url", "es", [], []),
    # the date only in the markup (a dated element), found by htmldate
    ("markup_date.html", "", date(2025, 2, 13), "htmldate", "en", ["left the southern ports on Monday"], []),
    # scripts, styles, JSON state, event handlers, noscript and templates never reach the text
    ("scripts_page.html", "", date(2025, 1, 22), "metadata", "de",
     ["am 22. Dezember in Kraft getreten"],
     ["2020", "dataLayer", "teaser", "console.log", "JavaScript", "Vorlage", "views", "track("]),
    # not an article: no publication date is invented
    ("not_article.html", "", None, "none", "en", [], ["app.js"]),
])
def test_saved_pages(name, url, published, found_in, lang, present, absent):
    document = document_from_text(page(name), source=name, url=url, html=True)
    assert (document.published, document.published_from, document.lang) == (published, found_in, lang)
    assert found_in in PUBLISHED_FROM
    for snippet in present:
        assert snippet in document.text
    for snippet in absent:
        assert snippet not in document.text


def test_read_document_keeps_title_canonical_url_and_paragraphs():
    document = read_document(PAGES / "meta_article.html")
    assert document.source == "meta_article.html"
    assert document.title == "Border talks resume in Geneva | The Daily Ledger"
    assert document.url == "https://ledger.example.org/world/border-talks-resume"
    paragraphs = document.text.rstrip("\n").split("\n\n")
    assert paragraphs[0] == "Border talks resume in Geneva"
    assert paragraphs[1].startswith("Delegations from the two neighbouring states sat down again in Geneva on Wednesday,")
    assert len(paragraphs) == 4 and document.text.endswith("before the summer recess.\n")


def test_events_from_a_page_carry_its_provenance():
    document = read_document(PAGES / "url_dated.html")
    events = document_events(document)
    assert list(conform(events).columns) == list(EVENT_COLUMNS)
    assert events[["date", "date_text"]].values.tolist() == [
        ["2025-03-06", "jueves"], ["2025-02-20", "20 de febrero"], ["2025-04", "abril"]]
    assert set(events["published"]) == {"2025-03-07"} and set(events["published_from"]) == {"url"}
    assert set(events["url"]) == {"https://diario.example.net/mundo/2025/03/07/conversaciones-puerto"}
    assert set(events["source"]) == {"url_dated.html"} and set(events["lang"]) == {"es"}


def test_no_event_comes_from_a_script():
    events = document_events(read_document(PAGES / "scripts_page.html"))
    assert events["date"].tolist() == ["2025-01-21", "2024-12-22"]


def test_a_page_that_is_not_an_article_gives_no_events():
    assert document_events(read_document(PAGES / "not_article.html")).empty


def test_a_short_page_keeps_its_whole_visible_text():
    # trafilatura finds no article in so little text; the standard-library parser's text is used
    markup = "<html><body><nav>Beranda</nav><p>Presiden menelepon pada <b>hari Rabu</b>.</p></body></html>"
    assert read_html(markup).text == html_to_text(markup).text == "Beranda\n\nPresiden menelepon pada hari Rabu.\n"


def test_a_page_with_nothing_visible_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>")
    with pytest.raises(InputError, match="empty.html: the HTML page has no visible text"):
        read_document(path)


def test_metadata_wins_over_a_dated_canonical_link():
    markup = page("meta_article.html").replace("world/border-talks-resume", "2025/02/01/border-talks")
    document = document_from_text(markup, source="x", html=True)
    assert (document.published, document.published_from) == (date(2025, 2, 13), "metadata")


# --- web addresses, served from this machine ------------------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(PAGES), **kwargs)

    def do_GET(self):  # noqa: N802 (the standard library's name)
        routes = {
            "/latin1.txt": ("text/plain; charset=windows-1252", "Genève, 13 février 2025 — Le texte.\n".encode("cp1252")),
            "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n"),
            "/moved": None,
        }
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/2025/02/13/story.html")
            self.end_headers()
            return
        if self.path == "/2025/02/13/story.html":
            self.path = "/markup_date.html"
        if self.path in routes:
            content_type, body = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_read_url(server):
    document = read_url(f"{server}/meta_article.html")
    assert document.source == f"{server}/meta_article.html"
    assert (document.published, document.published_from, document.lang) == (date(2025, 2, 13), "metadata", "en")
    assert "The foreign ministers last met on 8 December" in document.text


def test_read_url_follows_redirects_and_dates_from_the_final_address(server):
    document = read_url(f"{server}/moved")
    assert document.url == f"{server}/2025/02/13/story.html"
    assert (document.published, document.published_from) == (date(2025, 2, 13), "url")


def test_read_url_honours_a_declared_charset(server):
    document = read_url(f"{server}/latin1.txt")
    assert document.text == "Genève, 13 février 2025 — Le texte.\n"
    assert (document.published, document.published_from, document.lang) == (date(2025, 2, 13), "dateline", "fr")


@pytest.mark.parametrize("path, message", [
    ("/missing.html", "the server answered 404"),
    ("/logo.png", "is image/png, not a web page or text"),
])
def test_read_url_refusals(server, path, message):
    with pytest.raises(InputError, match=message):
        read_url(f"{server}{path}")


def test_read_url_offline_says_what_to_do():
    address = f"http://127.0.0.1:{_closed_port()}/news/2025/02/13/a.html"
    with pytest.raises(InputError) as caught:
        read_url(address, timeout=5)
    message = str(caught.value)
    assert message.startswith(f"{address}: cannot be fetched (")
    assert "save the page and give the saved file instead" in message and "\n" not in message


@pytest.mark.parametrize("address", ["ftp://example.org/a.html", "http://", "file:///etc/hostname"])
def test_read_url_needs_a_web_address(address):
    with pytest.raises(InputError, match="not a web address"):
        read_url(address)


def test_extract_a_web_address(server, capsys):
    assert cli.main(["extract", f"{server}/url_dated.html", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["date"], r["published_from"]) for r in records] == [
        ("2025-03-06", "url"), ("2025-02-20", "url"), ("2025-04", "url")]
    assert {r["source"] for r in records} == {f"{server}/url_dated.html"}


def test_extract_an_unreachable_address_is_one_line_and_exit_2():
    address = f"http://127.0.0.1:{_closed_port()}/a.html"
    result = subprocess.run([sys.executable, "-m", "timeline", "extract", address], cwd=REPO, capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: {address}: cannot be fetched")


# --- folders ---------------------------------------------------------------------------------------

@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    (root / "world" / "2025").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "a.txt").write_text("Jakarta, 13 Februari 2025 — Presiden bertemu Xi pada 8 Desember.\n", encoding="utf-8")
    (root / "world" / "b.md").write_text("# Summit\n\nWASHINGTON, March 3, 2025 — The leaders met on Friday.\n",
                                         encoding="utf-8")
    shutil.copy(PAGES / "url_dated.html", root / "world" / "2025" / "c.html")
    (root / "world" / "index.html").write_text(page("jsonld_article.html"), encoding="utf-8")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")                       # not an article suffix
    (root / ".cache" / "hidden.txt").write_text("Jakarta, 1 Januari 2025 — Tersembunyi.\n")  # hidden folder
    (root / ".draft.txt").write_text("Jakarta, 2 Januari 2025 — Draf.\n")                  # hidden file
    (root / "broken.txt").write_bytes(b"\x00\x01\x02 binary \x00")                          # bad: skipped
    lines = [json.dumps({"id": "r1", "text": "PARIS, 30 janvier 2025 — Le sommet a eu lieu le 12 janvier."}),
             "{not json", json.dumps({"id": "r3", "text": "Talks ended on 3 March 2024.", "published": "2024-03-05"})]
    (root / "world" / "feed.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    return root


def test_find_articles_walks_in_path_order_without_hidden_or_other_files(folder):
    assert [path.relative_to(folder).as_posix() for path in find_articles(folder)] == [
        "a.txt", "broken.txt", "world/2025/c.html", "world/b.md", "world/feed.jsonl.gz", "world/index.html"]


@pytest.mark.parametrize("make, message", [
    (lambda root: root.mkdir(), "is a directory with no articles"),
    (lambda root: None, "no such folder"),
])
def test_find_articles_refuses_a_folder_with_nothing_to_read(tmp_path, make, message):
    make(tmp_path / "empty")
    with pytest.raises(InputError, match=message):
        find_articles(tmp_path / "empty")


def test_iter_documents_keeps_each_documents_provenance(folder):
    found = list(iter_documents([folder]))
    problems = [(name, str(item)) for name, item in found if isinstance(item, InputError)]
    documents = {item.source: item for _, item in found if not isinstance(item, InputError)}
    assert [(Path(name).name, message.split(": ", 1)[1]) for name, message in problems] == [
        ("broken.txt", "looks like a binary file (contains NUL bytes), not text"),
        ("feed.jsonl.gz:2", "malformed JSON (Expecting property name enclosed in double quotes at column 2)")]
    assert {source: (doc.published.isoformat(), doc.published_from, doc.lang) for source, doc in documents.items()} == {
        "a.txt": ("2025-02-13", "dateline", "id"),
        "world/2025/c.html": ("2025-03-07", "url", "es"),
        "world/b.md": ("2025-03-03", "dateline", "en"),
        "r1": ("2025-01-30", "dateline", "fr"),
        "r3": ("2024-03-05", "given", "en"),
        "world/index.html": ("2024-11-05", "metadata", "fr"),
    }
    assert documents["world/2025/c.html"].url == "https://diario.example.net/mundo/2025/03/07/conversaciones-puerto"


def test_extract_a_folder(folder, capsys):
    assert cli.main(["extract", str(folder), "--format", "jsonl"]) == 1  # some files skipped
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert all(list(record) == list(EVENT_COLUMNS) for record in records)
    by_source = {}
    for record in records:
        by_source.setdefault(record["source"], set()).add((record["published"], record["published_from"], record["lang"]))
    assert by_source == {
        "a.txt": {("2025-02-13", "dateline", "id")},
        "world/2025/c.html": {("2025-03-07", "url", "es")},
        "world/b.md": {("2025-03-03", "dateline", "en")},
        "r1": {("2025-01-30", "dateline", "fr")},
        "r3": {("2024-03-05", "given", "en")},
        "world/index.html": {("2024-11-05", "metadata", "fr")},
    }
    errors = captured.err.splitlines()
    assert len(errors) == 2 and all(line.startswith("error: ") and line.endswith("(skipped)") for line in errors)
    assert "broken.txt: looks like a binary file" in errors[0] and "feed.jsonl.gz:2: malformed JSON" in errors[1]


def test_extract_a_folder_and_a_file_together(folder, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(timeline, "extract_events", lambda text, published=None, lang=None, source=None, url=None, anchor="auto":
                        conform(pd.DataFrame([{"date": "2024", "source": source, "url": url or ""}])))
    (folder / "broken.txt").unlink()
    single = tmp_path / "single.txt"
    single.write_text("Isi berita.\n", encoding="utf-8")
    assert cli.main(["extract", str(single), str(folder / "world"), "--format", "jsonl"]) == 1  # the bad line
    sources = [json.loads(line)["source"] for line in capsys.readouterr().out.splitlines()]
    assert sources == ["single.txt", "2025/c.html", "b.md", "r1", "r3", "index.html"]


def test_extract_an_empty_folder_is_refused_before_any_output(tmp_path):
    (tmp_path / "empty").mkdir()
    good = tmp_path / "good.txt"
    good.write_text("Jakarta, 13 Februari 2025 — Isi.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "timeline", "extract", str(good), str(tmp_path / "empty")],
                            cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "empty: is a directory with no articles" in result.stderr
