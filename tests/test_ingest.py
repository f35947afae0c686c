"""timeline.ingest: reading files, publication dates, language, corpora; and the demo data."""
from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from timeline import ingest
from timeline.demo import DEMO_DIR, demo_documents
from timeline.ingest import (Document, InputError, date_from_url, detect_language, detect_published,
                             document_from_record, html_to_text, load_corpus, parse_published, read_document)

FEB13 = date(2025, 2, 13)


# --- publication date ------------------------------------------------------------------------

@pytest.mark.parametrize("text, url, expected, found_in", [
    # in the URL given with the document
    ("Isi berita.", "https://example.org/news/2025/02/13/putin-sharaa", FEB13, "url"),
    ("Isi berita.", "https://example.org/read/2025/2/13/putin", FEB13, "url"),
    ("Isi berita.", "https://example.org/internasional/20250213/putin-sharaa", FEB13, "url"),
    ("Isi berita.", "https://example.org/internasional/20250213101010-120-1198765/putin", FEB13, "url"),
    ("Isi berita.", "https://example.org/world/putin-sharaa-2025-02-13.html", FEB13, "url"),
    ("Isi berita.", "https://example.org/2025/02/30/impossible-day", None, "none"),
    ("Isi berita.", "https://example.org/world/1244102/putin", None, "none"),
    # a URL inside the text: a scraped page's markdown images
    ("![](https://example.net/public/img/icon/view.png)\n![Putin](https://example.net/uploads/2025/02/13/a/putin.jpg)\nJudul",
     None, FEB13, "url"),
    ("Judul\n\n![foto](uploads/2025/02/13/foto.jpg)\nIsi berita tanpa tanggal.", None, FEB13, "url"),
    # datelines and "published" lines, Indonesian
    ("Jakarta, 13 Februari 2025 — Presiden Rusia menelepon Sharaa.", None, FEB13, "dateline"),
    ("Judul Berita\n\nKamis, 13 Februari 2025 | 10:15 WIB\nIsi berita.", None, FEB13, "dateline"),
    ("Judul Berita\nDiterbitkan: 13/02/2025\nIsi berita.", None, FEB13, "dateline"),
    ("JAKARTA, Kamis 13 Februari 2025 - Isi berita.", None, FEB13, "dateline"),
    # English
    ("Feb 13, 2025\nThe summit ended without a deal.", None, FEB13, "dateline"),
    ("WASHINGTON, February 13, 2025 — The summit ended.", None, FEB13, "dateline"),
    ("Headline\nPublished: 13 February 2025\nBody text.", None, FEB13, "dateline"),
    ("Thursday, February 13, 2025, 10:32 AM\nBody text.", None, FEB13, "dateline"),
    # French
    ("Paris, 13 février 2025 — Le sommet s'est terminé.", None, FEB13, "dateline"),
    ("Titre\n\nPublié le 13 février 2025 à 10h00\nLe texte.", None, FEB13, "dateline"),
    ("PARIS, jeudi 13 février 2025 - Le président a parlé.", None, FEB13, "dateline"),
    # other languages and numeric forms
    ("Москва, 13 февраля 2025 г. — Президент провёл переговоры.", None, FEB13, "dateline"),
    ("13/02/2025\nTeks berita.", None, FEB13, "dateline"),
    ("2025-02-13\nTeks berita.", None, FEB13, "dateline"),
    ("---\ntitle: Putin\ndate: 2025-02-13\n---\nTeks berita.", None, FEB13, "metadata"),
    ("Body text.\n\nPublished on 13 February 2025", None, FEB13, "dateline"),
    # no date, or nothing that is safely the publication date
    ("Putin menelepon Sharaa pada hari Rabu.", None, None, "none"),
    ("The summit ended without a deal on Friday.", None, None, "none"),
    ("KAIRO – Mesir mengundang para pemimpin ke KTT pada Senin (13/10/2025). Pertemuan itu penting.",
     None, None, "none"),
    ("03/04/2025\nThe meeting was held in Geneva.", None, None, "none"),  # day or month first? not guessed
    ("31/02/2025\nTeks berita.", None, None, "none"),
    ("Updated 13 February 2025\nBody text.", None, None, "none"),
    ("", None, None, "none"),
])
def test_detect_published(text, url, expected, found_in):
    assert detect_published(text, url) == (expected, found_in)


def test_detect_published_prefers_the_given_url_over_the_text():
    assert detect_published("Jakarta, 14 Februari 2025 — Isi.", "https://example.org/2025/02/13/x") == (FEB13, "url")


def test_detect_published_ignores_dated_links_far_into_the_text():
    text = "Judul\n\n" + "Isi berita panjang tanpa tanggal. " * 120 + "\n[Baca juga](https://example.org/2024/01/05/lama)\n"
    assert detect_published(text) == (None, "none")


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/2025/02/13/", FEB13),
    ("https://example.org/a/20250213/b", FEB13),
    ("https://example.org/a/2025/02/b", None),        # a month is not a publication day
    ("https://example.org/20250213-report", FEB13),
    ("https://2025.example.org/12/13/x", None),        # digits in the host are not a path date
    ("uploads/2025/02/13/x.jpg", FEB13),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


# --- parse_published -------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2025-02-13", FEB13),
    (" 2025-02-13 ", FEB13),
    ("2024-02-29", date(2024, 2, 29)),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value, message", [
    ("2025-02-30", "February 2025 has 28 days"),
    ("2023-02-29", "February 2023 has 28 days"),
    ("2025-04-31", "April 2025 has 30 days"),
    ("2025-13-01", "no month 13"),
    ("2025-00-10", "no month 00"),
    ("13/02/2025", "YYYY-MM-DD"),
    ("2025-2-13", "YYYY-MM-DD"),
    ("2025-02-13T10:00", "YYYY-MM-DD"),
    ("", "YYYY-MM-DD"),
])
def test_parse_published_rejects(value, message):
    with pytest.raises(InputError, match=message) as caught:
        parse_published(value)
    assert "\n" not in str(caught.value)


# --- language ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Presiden Rusia menelepon pemimpin Suriah pada hari Rabu.", "id"),
    ("Kremlin memberi suaka kepada keluarga Assad.", "id"),
    ("Pasukan oposisi masuk ke ibu kota pada pagi hari.", "id"),
    ("The court removed the president from office on Friday.", "en"),
    ("Lawmakers voted the decree down within hours.", "en"),
    ("Le sommet s'est terminé sans accord mercredi soir.", "fr"),
    ("Les trois pays ont quitté l'organisation régionale.", "fr"),
    ("Президент провёл телефонный разговор в среду.", "ru"),
    ("Делегация прибыла в Дамаск в конце января.", "ru"),
    ("Die Regierung hat am Mittwoch neue Gespräche angekündigt.", "de"),
    ("![](https://example.org/uploads/2025/02/13/a.jpg)\nPresiden Rusia menelepon pemimpin Suriah.", "id"),
    ("", ""),
    ("2025-02-13 10:15", ""),
])
def test_detect_language(text, expected):
    assert detect_language(text) == expected


# --- reading files -----------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b" \n\n\t\n", "only whitespace"),
    ("nul.txt", b"Jakarta\x00\x00\x01\x02 13 Februari", "binary file"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", r"binary file \(a PDF\)"),
    ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00", "binary file"),
    ("controls.txt", bytes(range(1, 32)) * 20, "binary file"),
    ("latin1.txt", "Publié le 13 février 2025 à Genève".encode("latin-1"), "not valid UTF-8"),
    ("cp1252.txt", "Le “sommet” s'est terminé".encode("cp1252"), "not valid UTF-8"),
])
def test_read_document_rejects(tmp_path, name, data, message):
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError, match=message) as caught:
        read_document(path)
    assert "\n" not in str(caught.value) and name in str(caught.value)


def test_read_document_names_the_bad_byte_of_a_latin1_file(tmp_path):
    path = _write(tmp_path, "latin1.txt", "Publié".encode("latin-1"))
    with pytest.raises(InputError, match=r"byte 0xE9 at offset 5"):
        read_document(path)


def test_read_document_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


def test_read_document_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    path = _write(tmp_path, "big.txt", b"a" * 101)
    with pytest.raises(InputError, match="the limit is"):
        read_document(path)


@pytest.mark.parametrize("data, text", [
    ("\ufeffJakarta, 13 Februari 2025 — Isi.\n".encode("utf-8"), "Jakarta, 13 Februari 2025 — Isi.\n"),
    ("Jakarta, 13 Februari 2025 — Isi.\r\nBaris dua.\r\n".encode("utf-8"), "Jakarta, 13 Februari 2025 — Isi.\nBaris dua.\n"),
    ("Jakarta, 13 Februari 2025 — Isi.\n".encode("utf-16"), "Jakarta, 13 Februari 2025 — Isi.\n"),
])
def test_read_document_text(tmp_path, data, text):
    document = read_document(_write(tmp_path, "a.txt", data))
    assert document == Document(text=text, source="a.txt", published=FEB13, published_from="dateline", lang="id")


def test_read_document_given_values_win(tmp_path):
    path = _write(tmp_path, "a.md", "Jakarta, 13 Februari 2025 — Isi berita.".encode())
    document = read_document(path, published=date(2025, 2, 14), lang="ms")
    assert (document.published, document.published_from, document.lang) == (date(2025, 2, 14), "given", "ms")


HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Putin dan Sharaa &amp; Suriah</title>
<meta property="article:published_time" content="2025-02-13T10:15:00+07:00">
<link rel="canonical" href="https://example.org/news/2025/02/12/putin">
<style>p { color: red; }</style>
<script>document.write("Rabu 1 Januari 2020");</script>
<script type="application/ld+json">{"datePublished": "2025-02-11"}</script>
</head>
<body><nav>Beranda</nav>
<h1>Putin dan Sharaa</h1>
<p>Presiden Rusia menelepon Sharaa pada <b>hari Rabu</b>.</p><p>Pasukan masuk pada 8&nbsp;Desember.</p>
<noscript>Aktifkan JavaScript</noscript>
</body></html>
"""


def test_read_document_html(tmp_path):
    document = read_document(_write(tmp_path, "page.html", HTML_PAGE.encode()))
    assert document.text == ("Beranda\n\nPutin dan Sharaa\n\nPresiden Rusia menelepon Sharaa pada hari Rabu.\n\n"
                             "Pasukan masuk pada 8 Desember.\n")
    assert (document.title, document.url) == ("Putin dan Sharaa & Suriah", "https://example.org/news/2025/02/12/putin")
    assert (document.published, document.published_from, document.lang) == (FEB13, "metadata", "id")


@pytest.mark.parametrize("markup, published", [
    ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-02-13T08:00:00Z"}'
     '</script></head><body><p>Teks.</p></body></html>', FEB13),
    ('<p>Teks.</p><time datetime="2025-02-13" pubdate>13 Feb</time>', FEB13),
    ('<html><head><meta name="date" content="2025-02-13"></head><body>Teks.</body></html>', FEB13),
    ('<html><head><title>T</title><body><p>Teks tanpa head yang ditutup.</p></body></html>', None),
])
def test_html_to_text_metadata(markup, published):
    page = html_to_text(markup)
    assert page.published == published
    assert "Teks" in page.text


def test_html_without_closing_head_keeps_its_body():
    assert html_to_text("<html><head><title>T</title><body><p>Isi berita.</p></body></html>").text == "Isi berita.\n"


# --- corpora -----------------------------------------------------------------------------------

CORPUS_LINES = [
    '{"id": "a", "text": "Putin menelepon Sharaa pada hari Rabu.", "published": "2025-02-13", "lang": "id"}',
    "",
    '{"id": "b", "text": "broken',
    '["not", "an", "object"]',
    '{"id": "c", "text": ""}',
    '{"id": "d", "text": "No id problem here.", "published": "2025-02-30"}',
    '{"text": "A record without an id.", "url": "https://example.org/2025/02/13/x"}',
    '{"id": 7, "text": "Numeric id.", "lang": 3}',
]
EXPECTED = [
    (1, {"id": "a", "text": "Putin menelepon Sharaa pada hari Rabu.", "published": FEB13, "lang": "id", "url": "",
         "title": "", "warnings": ()}),
    (3, "malformed JSON"),
    (4, "expected a JSON object, got list"),
    (5, 'missing or empty "text"'),
    (6, "February 2025 has 28 days"),
    (7, {"id": "line-7", "text": "A record without an id.", "published": None, "lang": "",
         "url": "https://example.org/2025/02/13/x", "title": "", "warnings": ()}),
    (8, '"lang" must be a string'),
]


@pytest.mark.parametrize("compress", [False, True])
def test_load_corpus(tmp_path, compress):
    data = ("\n".join(CORPUS_LINES) + "\n").encode()
    path = tmp_path / ("docs.jsonl.gz" if compress else "docs.jsonl")
    path.write_bytes(gzip.compress(data) if compress else data)
    results = list(load_corpus(path))
    assert [number for number, _ in results] == [number for number, _ in EXPECTED]
    for (number, got), (_, want) in zip(results, EXPECTED):
        if isinstance(want, dict):
            assert got == want
        else:
            assert isinstance(got, InputError) and want in str(got) and f"docs.jsonl{'.gz' if compress else ''}:{number}:" in str(got)


@pytest.mark.parametrize("data, message", [
    (b"", "file is empty"),
    (b"\x00\x01\x02\x03binary", "binary"),
    (b"\x1f\x8b\x08\x00broken", "damaged gzip"),
])
def test_load_corpus_rejects_the_whole_file(tmp_path, data, message):
    path = _write(tmp_path, "docs.jsonl", data)
    with pytest.raises(InputError, match=message):
        list(load_corpus(path))


def test_load_corpus_missing(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(load_corpus(tmp_path / "none.jsonl"))


def test_load_corpus_reports_a_non_utf8_line_and_goes_on(tmp_path):
    path = _write(tmp_path, "docs.jsonl", '{"id": "x", "text": "Genève"}\n'.encode("latin-1") + b'{"id": "y", "text": "ok"}\n')
    results = list(load_corpus(path))
    assert isinstance(results[0][1], InputError) and "not valid UTF-8" in str(results[0][1])
    assert results[1][1]["id"] == "y"


@pytest.mark.parametrize("record, published, lang, expected", [
    ({"id": "a", "text": "Isi.", "published": FEB13, "lang": "id"}, None, None, (FEB13, "given", "id")),
    ({"id": "a", "text": "Isi.", "published": FEB13, "lang": "id"}, date(2025, 1, 1), "en", (date(2025, 1, 1), "given", "en")),
    ({"id": "a", "text": "Jakarta, 13 Februari 2025 — Presiden menelepon.", "published": None, "lang": ""},
     None, None, (FEB13, "dateline", "id")),
    ({"id": "a", "text": "Presiden menelepon.", "published": None, "lang": "", "url": "https://example.org/2025/02/13/a"},
     None, None, (FEB13, "url", "id")),
    ({"id": "a", "text": "The president called on Wednesday.", "published": None, "lang": ""}, None, None, (None, "none", "en")),
])
def test_document_from_record(record, published, lang, expected):
    document = document_from_record(record, published=published, lang=lang)
    assert (document.published, document.published_from, document.lang) == expected
    assert document.source == "a"


# --- demo data ---------------------------------------------------------------------------------

def test_demo_documents_follow_the_index():
    index = json.loads((DEMO_DIR / "index.json").read_text(encoding="utf-8"))["documents"]
    documents = demo_documents()
    assert [d.source for d in documents] == [entry["file"] for entry in index]
    for document, entry in zip(documents, index):
        assert document.published == parse_published(entry["published"])
        assert (document.lang, document.url, document.title) == (entry["lang"], entry["url"], entry["title"])
        assert document.url.startswith("https://example.org/")
        # the file itself carries the same date and language, so the CLI finds them too
        alone = read_document(DEMO_DIR / entry["file"])
        assert (alone.published, alone.lang) == (document.published, document.lang)
        assert alone.text == document.text


def test_main_demo_article_holds_the_expressions_it_is_meant_to_show():
    text = (DEMO_DIR / "putin_sharaa_call_id.txt").read_text(encoding="utf-8")
    assert 1500 <= len(text) <= 2200
    for phrase in ("hari Rabu", "pada bulan Desember", "bulan lalu", "pada 8 Desember", "Pada 28 Januari",
                   "dari bulan Desember", "Mikhail Bogdanov", "Alexander Lavrentyev", "Hmeimim", "Latakia", "Tartous"):
        assert phrase in text, phrase
