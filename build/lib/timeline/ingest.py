"""Files, web pages, folders and corpus lines -> Document (text, publication date, language).

    read_document(path)        a .txt, .md or .html file
    read_url(url, timeout)     a web address (a clear InputError when offline)
    iter_documents(paths)      files, folders (walked) and addresses, one Document at a time
    load_corpus(path)          the records of a JSON-lines corpus (gzip allowed)

HTML keeps the article's main text (trafilatura; the standard-library parser when it finds no
article) and takes its publication date from the address, htmldate and the page's metadata
before looking in the text; `Document.published_from` says which (see PUBLISHED_FROM).

Everything a user can get wrong about input raises `InputError`, whose message is one line a
person can act on. Nothing here ever falls back to today's date: a document whose publication
date cannot be found has `published=None` and `published_from="none"`.

Encoding policy: input must be UTF-8 (a UTF-8 byte-order mark is fine, and so is UTF-16 with
a byte-order mark, because the mark makes it unambiguous). Latin-1 and Windows-1252 are *not*
accepted: every byte string decodes as Latin-1, so "falling back" would turn a Cyrillic,
Arabic or Shift-JIS file into plausible-looking garbage whose dates would then be wrong
without any warning. The error says how to convert the file instead.
"""
from __future__ import annotations

import calendar
import gzip
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

MAX_BYTES = 20 * 1024 * 1024  # larger files are almost certainly not one news article
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown") + HTML_SUFFIXES
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
# Where a publication date came from: given by the caller or the corpus record; the URL's path;
# the page's metadata (meta tags, JSON-LD, <time pubdate>); htmldate's reading of the page's
# markup; a dateline or "Published:" line in the text; nowhere.
PUBLISHED_FROM = ("given", "url", "metadata", "htmldate", "dateline", "none")
# Below this many characters trafilatura itself counts an extraction as failed and falls back to a
# crude whole-page pass that breaks sentences at inline tags; our own parser does better then.
MIN_MAIN_TEXT = 250

# Languages the detector may answer. Restricting the model to the languages news is written
# in makes short texts far more reliable (unrestricted, a one-line English text can come out
# as Breton). Malay is left out on purpose: the model calls most short Indonesian texts Malay,
# and the two share almost all of their date words, so "id" is the more useful answer.
NEWS_LANGUAGES = (
    "af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en",
    "es", "et", "eu", "fa", "fi", "fr", "ga", "gl", "gu", "ha", "he", "hi", "hr", "hu", "hy",
    "id", "is", "it", "ja", "ka", "kk", "km", "kn", "ko", "ku", "ky", "lo", "lt", "lv", "mk",
    "ml", "mn", "mr", "my", "ne", "nl", "no", "pa", "pl", "ps", "pt", "ro", "ru", "si", "sk",
    "sl", "so", "sq", "sr", "sv", "sw", "ta", "te", "tg", "th", "tl", "tr", "uk", "ur", "uz",
    "vi", "yo", "zh",
)

# Words that introduce a publication date on its own line ("Published: 13 Feb 2025").
# "Updated" and its kin are left out: an update date is not the reference date.
PUBLISHED_LABELS = (
    "published on", "published", "posted on", "posted", "first published", "date",
    "diterbitkan", "dipublikasikan", "dipublikasikan pada", "tanggal terbit", "terbit",
    "publié le", "publié", "publie le", "mis en ligne le", "mis en ligne",
    "publicado el", "publicado em", "publicado", "veröffentlicht am", "veröffentlicht",
    "pubblicato il", "pubblicato", "gepubliceerd op", "gepubliceerd",
    "опубликовано", "дата публикации", "yayınlanma tarihi", "yayın tarihi", "yayınlanma",
    "تاريخ النشر", "نشر في", "نشر بتاريخ",
)


class InputError(ValueError):
    """Input the program cannot use; the message is one line meant for a person."""


@dataclass(frozen=True)
class Document:
    """One article: its text and what is known about where and when it was published."""

    text: str
    source: str = ""                 # file name, corpus id, or demo name
    url: str = ""
    published: date | None = None    # the reference date for relative and year-less dates
    published_from: str = "none"     # one of PUBLISHED_FROM
    lang: str = ""                   # ISO 639-1, "" when unknown
    title: str = ""


# --------------------------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------------------------

_BINARY_SIGNATURES = (
    (b"%PDF", "a PDF"), (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt)"),
    (b"\x1f\x8b", "gzip-compressed"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
)


def read_document(path: str | Path, *, published: date | None = None, lang: str | None = None) -> Document:
    """The Document in a .txt, .md or .html file, with its publication date and language found.

    `published` and `lang`, when given, are used as they are (published_from "given") instead
    of being detected. Raises InputError for a missing, empty, binary, non-UTF-8 or too large
    file. Newlines are normalised to "\\n" (as Python's text mode does), and offsets found
    later refer to this text; for HTML they refer to the extracted text.
    """
    path = Path(path)
    return document_from_text(_read_text(path), source=path.name, name=str(path), published=published,
                              lang=lang, html=path.suffix.lower() in HTML_SUFFIXES)


def document_from_text(text: str, *, source: str, name: str | None = None, url: str = "",
                       published: date | None = None, lang: str | None = None,
                       html: bool | None = None) -> Document:
    """The Document for an article's decoded text (plain, markdown or HTML), dates and language found.

    `source` is what the events will name; `name` is used in messages (default: `source`).
    `url` is where the article was found, when known: a date in its path is the most certain
    publication date. `html=None` decides from the text itself. For HTML the article's main
    text is kept (see `read_html`), and InputError is raised if the page has no visible text.
    """
    page_url, title, page_published, page_from = url, "", None, "none"
    if html or (html is None and _looks_like_html(text)):
        page = read_html(text, url=url)
        text, page_url, title = page.text, page.url, page.title
        page_published, page_from = page.published, page.published_from
        if not text.strip():
            raise InputError(f"{name or source}: the HTML page has no visible text")
    if lang is None:
        lang = detect_language(text)
    if published is not None:
        published_from = "given"
    elif page_published is not None:
        published, published_from = page_published, page_from
    else:
        published, published_from = detect_published(text, page_url or None, lang=lang)
    return Document(text=text, source=source, url=page_url, published=published,
                    published_from=published_from, lang=lang, title=title)


# --------------------------------------------------------------------------------------------
# Web addresses and folders
# --------------------------------------------------------------------------------------------

USER_AGENT = "timeline/1 (news event timelines; +python urllib)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")


def is_url(value: str) -> bool:
    """True for an http:// or https:// address (what `read_url` accepts)."""
    return str(value).strip().lower().startswith(("http://", "https://"))


def read_url(url: str, timeout: float = 20.0, *, published: date | None = None,
             lang: str | None = None) -> Document:
    """The Document at a web address, read as `document_from_text` reads a saved page.

    The page's source is the address as given; its url is the address after redirects. Raises
    InputError, in one line, when the address is not http(s), cannot be reached (no network,
    unknown host, refused, no answer within `timeout` seconds), answers with an error status,
    is not text, or is larger than MAX_BYTES. A charset the server declares is honoured;
    without one the page must be UTF-8, as files must.
    """
    import http.client
    import socket
    import urllib.error
    import urllib.request

    address = str(url).strip()
    parts = urlsplit(address)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError(f"{address}: not a web address (it must start with http:// or https://)")
    request = urllib.request.Request(address, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"})
    offline = "; if this machine is offline, save the page and give the saved file instead"
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final_url = response.geturl() or address
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as err:
        raise InputError(f"{address}: the server answered {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise InputError(f"{address}: no answer within {timeout:g} s{offline}") from None
        detail = getattr(reason, "strerror", None) or str(reason)
        raise InputError(f"{address}: cannot be fetched ({detail}){offline}") from None
    except (TimeoutError, socket.timeout):
        raise InputError(f"{address}: no answer within {timeout:g} s{offline}") from None
    except (OSError, http.client.HTTPException) as err:
        raise InputError(f"{address}: cannot be fetched ({type(err).__name__}: {err}){offline}") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{address}: the page is larger than {MAX_BYTES // 1024 // 1024} MB")
    if not (content_type.startswith("text/") or content_type in _HTML_TYPES):
        raise InputError(f"{address}: is {content_type}, not a web page or text")
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            raise InputError(f"{address}: the server says the page is {charset} but it is not") from None
    text = decode_text(data, address)
    html = True if content_type in _HTML_TYPES else False if content_type in _TEXT_TYPES else None
    return document_from_text(text, source=address, url=final_url, published=published, lang=lang, html=html)


def input_kind(path: str | Path) -> str:
    """"article" for .txt/.md/.html files, "corpus" for .jsonl(.gz) files, "" for anything else."""
    name = Path(path).name.lower()
    if name.endswith(CORPUS_SUFFIXES):
        return "corpus"
    return "article" if name.endswith(ARTICLE_SUFFIXES) else ""


def find_articles(folder: str | Path) -> list[Path]:
    """Every article and corpus file under `folder` (see `input_kind`), in path order.

    Hidden files and folders (a name starting with ".") are left out, and symbolic links to
    folders are not followed. InputError if `folder` is not a folder or holds no such file.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder" if not folder.exists() else f"{folder}: is not a folder")
    found = []
    for root, folders, files in os.walk(folder, onerror=None, followlinks=False):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [Path(root, name) for name in files if not name.startswith(".") and input_kind(name)]
    if not found:
        raise InputError(f"{folder}: is a directory with no articles (.txt, .md, .html) or corpora (.jsonl) in it")
    return sorted(found, key=lambda path: path.relative_to(folder).as_posix())


def iter_documents(paths, *, published: date | None = None,
                   lang: str | None = None) -> Iterator[tuple[str, Document | InputError]]:
    """(name, Document) for every article in `paths`, or (name, InputError) for one that cannot be used.

    `paths` may hold files, folders (walked by `find_articles`) and web addresses (`read_url`).
    An article file gives one Document; a corpus file one per line, named "FILE:LINE". A file
    found in a folder has its path relative to that folder as its source, so that two
    "index.html" in different folders stay apart. Documents are read one at a time, as the
    caller asks for them: nothing about the whole input is held in memory.
    """
    for path in paths:
        if is_url(str(path)):
            try:
                yield str(path), read_url(str(path), published=published, lang=lang)
            except InputError as err:
                yield str(path), err
            continue
        path = Path(path)
        if path.is_dir():
            try:
                files = find_articles(path)
            except InputError as err:
                yield str(path), err
                continue
            for file in files:
                yield from _file_documents(file, file.relative_to(path).as_posix(), published, lang)
        else:
            yield from _file_documents(path, path.name, published, lang)


def _file_documents(path: Path, source: str, published: date | None,
                    lang: str | None) -> Iterator[tuple[str, Document | InputError]]:
    if input_kind(path) == "corpus":
        try:
            for number, record in load_corpus(path):
                where = f"{path}:{number}"
                if isinstance(record, InputError):
                    yield where, record
                    continue
                try:
                    yield where, document_from_record(record, published=published, lang=lang)
                except Exception as err:  # one record must not stop a corpus
                    yield where, InputError(f"{where}: document {record['id']}: {type(err).__name__}: {err}")
        except InputError as err:  # the corpus file as a whole (missing, damaged gzip)
            yield str(path), err
        return
    try:
        yield str(path), document_from_text(_read_text(path), source=source, name=str(path), published=published,
                                            lang=lang, html=path.suffix.lower() in HTML_SUFFIXES)
    except InputError as err:
        yield str(path), err


def _read_text(path: Path) -> str:
    """The decoded text of a file, or InputError saying in one line what is wrong with it."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    if not path.is_file():
        raise InputError(f"{path}: is not a regular file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{path}: file is {size / 1024 / 1024:.1f} MB; the limit is "
                         f"{MAX_BYTES // 1024 // 1024} MB for one article")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None
    return decode_text(data, str(path))


def decode_text(data: bytes, name: str) -> str:
    """`data` decoded as UTF-8 (or BOM-marked UTF-16) with "\\n" newlines; InputError otherwise."""
    if not data.strip():
        raise InputError(f"{name}: file is empty" if not data else f"{name}: file holds only whitespace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    else:
        kind = _binary_kind(data)
        if kind:
            raise InputError(f"{name}: looks like a binary file ({kind}), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            bad = data[err.start:err.start + 1].hex().upper()
            raise InputError(
                f"{name}: is not valid UTF-8 (byte 0x{bad} at offset {err.start}); it is probably in a "
                f"legacy encoding such as Latin-1 or Windows-1252; convert it first, e.g. "
                f"iconv -f WINDOWS-1252 -t UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t\f\v")
    if controls > max(8, len(text) // 50):
        raise InputError(f"{name}: looks like a binary file (mostly control characters), not text")
    if not text.strip():
        raise InputError(f"{name}: file holds only whitespace")
    return text


def _binary_kind(data: bytes) -> str:
    """A short description if `data` is evidently not text, else ""."""
    for magic, kind in _BINARY_SIGNATURES:
        if data.startswith(magic):
            return kind
    head = data[:65536]
    if b"\x00" in head:
        return "contains NUL bytes"
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\n\r\t\f\v\x1b")
    if controls > max(8, len(head) // 20):
        return "mostly control bytes"
    return ""


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


# --------------------------------------------------------------------------------------------
# HTML (standard library only; nothing is ever executed)
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HtmlPage:
    """Visible text of a page plus what its markup says about it."""

    text: str
    title: str = ""
    url: str = ""                    # canonical link or og:url
    published: date | None = None    # from meta tags, <time>, or JSON-LD datePublished
    published_from: str = "none"     # url, metadata or htmldate when `published` is set


_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
              "canvas", "head", "select", "button"}
_BLOCK_TAGS = {"p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
               "tr", "table", "section", "article", "header", "footer", "aside", "nav",
               "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "main", "address",
               "form", "fieldset", "details", "summary", "caption", "body", "html"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
              "param", "source", "track", "wbr"}
# meta name/property/itemprop values that carry the publication date, most specific first
_META_PUBLISHED = ("article:published_time", "datepublished", "og:published_time",
                   "publication_date", "publish-date", "publish_date", "publishdate", "pubdate",
                   "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
                   "dc.date", "dcterms.date", "dcterms.created", "date")
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.title_chunks: list[str] = []
        self.skip_stack: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.url = ""
        self.time_published = ""
        self.jsonld: list[str] = []
        self.in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attributes = {name.lower(): (value or "") for name, value in attrs}
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            if key and attributes.get("content"):
                self.meta.setdefault(key, attributes["content"].strip())
            return
        if tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.url = self.url or attributes.get("href", "").strip()
            return
        if tag == "time" and not self.time_published and (
                "pubdate" in attributes or attributes.get("itemprop", "").lower() == "datepublished"):
            self.time_published = attributes.get("datetime", "")
        if tag == "title":
            self.in_title = True
        if tag == "body" and "head" in self.skip_stack:  # a page that never closes <head>
            self.skip_stack = [open_tag for open_tag in self.skip_stack if open_tag != "head"]
        if tag == "script" and "ld+json" in attributes.get("type", "").lower():
            self.in_jsonld = True
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self.skip_stack.append(tag)
        elif tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _SKIP_TAGS and self.skip_stack and self.skip_stack[-1] == tag:
            self.skip_stack.pop()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_jsonld = False
        if tag in _SKIP_TAGS and tag in self.skip_stack:
            while self.skip_stack and self.skip_stack.pop() != tag:
                pass
        elif tag in _BLOCK_TAGS and not self.skip_stack:
            self.chunks.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title_chunks.append(data)
        if self.in_jsonld:
            self.jsonld.append(data)
        if not self.skip_stack:
            self.chunks.append(data)


def html_to_text(markup: str) -> HtmlPage:
    """The visible text of an HTML page (scripts, styles and tags dropped) and its metadata."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = (re.sub(r"[ \t\u00a0\f\v]+", " ", line).strip() for line in "".join(parser.chunks).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    title = re.sub(r"\s+", " ", "".join(parser.title_chunks)).strip()
    candidates = [parser.meta[key] for key in _META_PUBLISHED if key in parser.meta]
    candidates += [parser.time_published] + _JSONLD_PUBLISHED.findall("".join(parser.jsonld))
    published = next(filter(None, (_iso_prefix_date(value) for value in candidates)), None)
    url = parser.url or parser.meta.get("og:url", "")
    return HtmlPage(text=text, title=title, url=url, published=published,
                    published_from="metadata" if published else "none")


def read_html(markup: str, url: str = "") -> HtmlPage:
    """The article in an HTML page: its main text, title, URL and publication date.

    The main text is trafilatura's (navigation, comments and boilerplate left out); when
    trafilatura finds no article (less than MIN_MAIN_TEXT characters), the page's whole visible
    text from `html_to_text` is used instead. Paragraphs are separated by a blank line.

    The publication date, most certain first: a date in the path of the given `url`; htmldate
    on the page (metadata, then a dated canonical link, then dated markup; never free text);
    the page's metadata as our own parser reads it. Without any, `published` is None and the
    caller looks in the text (datelines). `published_from` names the stage: "url", "metadata"
    when htmldate's answer is what the metadata says, "htmldate" for its other answers.
    """
    page = html_to_text(markup)
    page_url = url or page.url
    main = _main_text(markup, page_url)
    text = main if len(main) >= MIN_MAIN_TEXT else page.text
    published, published_from = _page_published(markup, url, page.url, page.published)
    return HtmlPage(text=text, title=page.title, url=page_url, published=published, published_from=published_from)


def _main_text(markup: str, url: str) -> str:
    """trafilatura's main text of the page, paragraphs separated by blank lines; "" if none."""
    trafilatura = _quiet_import("trafilatura")
    try:
        tree = trafilatura.load_html(markup)
        if tree is None:
            return ""
        for inert in tree.xpath("//template"):  # never shown; trafilatura would keep its text
            inert.drop_tree()
        main = trafilatura.extract(tree, url=url or None, output_format="txt", include_comments=False,
                                   include_tables=True, include_images=False, deduplicate=False)
    except (ValueError, TypeError, AttributeError):  # markup lxml cannot make a tree of
        return ""
    if not main:
        return ""
    lines = (re.sub(r"[ \t\u00a0\f\v]+", " ", line).strip() for line in main.split("\n"))
    return "\n\n".join(line for line in lines if line) + "\n"


def _page_published(markup: str, url: str, page_url: str, meta_published: date | None) -> tuple[date | None, str]:
    """(publication date, where it came from) for an HTML page; (None, "none") if nothing sure.

    `url` is the address the page was read from, `page_url` the one the page gives itself.
    """
    if url:
        found = date_from_url(url)
        if found:
            return found, "url"
    htmldate = _quiet_import("htmldate")
    try:
        # URL deferred: a page's own metadata is more certain than a date in its canonical path;
        # no extensive search: a date anywhere in the free text is as often an event's as the page's.
        value = htmldate.find_date(markup, url=page_url or None, original_date=True, extensive_search=False,
                                   deferred_url_extractor=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError, AttributeError):
        value = None
    found = _iso_prefix_date(value) if value else None
    if found:
        if found == meta_published:
            return found, "metadata"
        if page_url and found == date_from_url(page_url):
            return found, "url"
        return found, "htmldate"
    if meta_published:
        return meta_published, "metadata"
    return None, "none"


def _quiet_import(name: str):
    """The module `name`, its log messages kept off stderr (one line per problem is our policy)."""
    import importlib
    import logging

    module = importlib.import_module(name)
    logger = logging.getLogger(name)
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())  # no "last resort" printing; an app's own logging still sees them
    return module


def _iso_prefix_date(value: str) -> date | None:
    """The date at the start of an ISO-like timestamp ("2025-02-13T10:30+07:00"), as written.

    The time zone is not applied: the local calendar date of the newsroom is the reference.
    """
    match = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?!\d)", value or "")
    return _valid_date(*map(int, match.groups())) if match else None


# --------------------------------------------------------------------------------------------
# Publication dates
# --------------------------------------------------------------------------------------------

def parse_published(value: str) -> date:
    """The date in a strict ISO "YYYY-MM-DD" string; InputError naming what is wrong otherwise."""
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        raise InputError(f"publication date {value!r} is not in the form YYYY-MM-DD (e.g. 2025-02-13)")
    year, month, day = map(int, match.groups())
    if not 1 <= month <= 12:
        raise InputError(f"publication date {value!r} is impossible: there is no month {month:02d}")
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if year < 1 or not 1 <= day <= last:
        month_name = calendar.month_name[month]
        raise InputError(f"publication date {value!r} is impossible: {month_name} {year} has {last} days")
    return date(year, month, day)


def _valid_date(year: int, month: int, day: int) -> date | None:
    """The date if it exists and is a plausible news publication date, else None."""
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Dates in URL paths: /2025/02/13/, /2025-02-13-, /20250213/, /20250213101010-120-... (timestamp)
_URL_SEPARATED = re.compile(r"(?:^|[/_-])(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?=$|[/_.-])")
_URL_COMPACT = re.compile(r"(?:^|[/_-])(\d{4})(\d{2})(\d{2})(?:\d{4}|\d{6})?(?=$|[/_.-])")
_TEXT_URL = re.compile(r"https?://[^\s<>()\[\]\"']+|\]\(\s*<?([^)\s>]+)")


def date_from_url(url: str) -> date | None:
    """The publication date written in a URL's path, if there is one."""
    parts = urlsplit(url.strip())
    path = parts.path if (parts.scheme or parts.netloc) else url.split("?")[0]
    for pattern in (_URL_SEPARATED, _URL_COMPACT):
        for match in pattern.finditer(path):
            groups = [g for g in match.groups() if g not in ("/", "-")]
            found = _valid_date(*map(int, groups))
            if found:
                return found
    return None


_WORD = r"[^\W\d_]{3,}\.?"
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})(?:\.|er|\s+de)?\s+({_WORD})(?:\s+de|,)?\s+(\d{{4}})(?!\d)")
_MONTH_DAY_YEAR = re.compile(rf"({_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_YEAR_FIRST = re.compile(r"(?<![\d/.])(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d/.]*\d)")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]*\d)")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: date


def _dates_in_line(line: str, lang: str) -> list[_Found]:
    """Complete dates (day, month and year all written) in one line, in order of position.

    Cheap and certain first: ISO and numeric forms by pattern, month names via dateparser.
    A numeric date is read day-first (13/02/2025) unless only month-first is possible
    (02/13/2025); in English both readings are common, so an ambiguous one (03/04/2025) is
    skipped rather than guessed.
    """
    found: list[_Found] = []
    for match in _ISO.finditer(line):
        value = _valid_date(*map(int, match.groups()))
        if value:
            found.append(_Found(match.start(), match.end(), value))
    for match in _YEAR_FIRST.finditer(line):
        year, _, month, day = match.groups()
        value = _valid_date(int(year), int(month), int(day))
        if value:
            found.append(_Found(match.start(), match.end(), value))
    for match in _NUMERIC.finditer(line):
        first, _, second, year = match.groups()
        first, second, year = int(first), int(second), int(year)
        if first <= 12 and second <= 12 and first != second and lang == "en":
            continue
        value = _valid_date(year, second, first) if second <= 12 else _valid_date(year, first, second)
        if value:
            found.append(_Found(match.start(), match.end(), value))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(line):
            if any(f.start <= match.start() < f.end for f in found):
                continue
            value = _parse_month_name_date(match.group(0), lang)
            if value:
                found.append(_Found(match.start(), match.end(), value))
    return sorted(found, key=lambda f: f.start)


@lru_cache(maxsize=4096)  # a corpus from a few days repeats the same datelines
def _parse_month_name_date(candidate: str, lang: str) -> date | None:
    """A complete date written with a month name ("13 Februari 2025"), read with dateparser."""
    import dateparser  # imported here: loading it costs time that most callers never need

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    languages = list(dict.fromkeys((lang, "en"))) if lang else None
    try:
        parsed = dateparser.parse(candidate, languages=languages, settings=settings)
    except ValueError:  # a language dateparser does not know: let it detect one
        parsed = dateparser.parse(candidate, settings=settings)
    return _valid_date(parsed.year, parsed.month, parsed.day) if parsed else None


def _is_dateline(line: str, found: _Found) -> bool:
    """True if the date sits where a dateline puts it: at the start, after at most a place name.

    Accepted: "13/02/2025", "Jakarta, 13 Februari 2025 —", "Thursday, February 13, 2025 10:32",
    "PARIS, jeudi 13 février 2025 -". Rejected: a date inside a sentence.
    """
    prefix, suffix = line[:found.start].strip(), line[found.end:].strip()
    suffix = re.sub(r"^(?:г\.|года|yılı)\s*", "", suffix)  # "13 февраля 2025 г. —"
    if prefix:
        words = prefix.split()
        if len(words) > 5 or len(prefix) > 50 or not re.search(r"[,(|–—-]", prefix):
            return False
    if not suffix:
        return True
    return bool(re.match(r"[—–\-|:·•/)]", suffix) or re.match(r",?\s*" + _TIME.pattern, suffix))


_LABEL = re.compile(r"^\W{0,3}(?:" + "|".join(re.escape(label) for label in sorted(PUBLISHED_LABELS, key=len, reverse=True))
                    + r")(?!\w)\s*(?:[:：-]|on|le|el|em|am|il|pada|tanggal)?\s*", re.IGNORECASE)
_MEDIA_LINE = re.compile(r"^\s*(?:!?\[[^\]]*\]\([^)]*\)\s*)+$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_HEAD_LINES = 8
_HEAD_URL_CHARS = 3000


def detect_published(text: str, url: str | None = None, *, lang: str | None = None) -> tuple[date | None, str]:
    """The document's publication date and where it was found ("url", "metadata", "dateline").

    Stages, most certain first, stopping at the first answer: the given URL's path; a
    front-matter "date:" field; a "Published: ..." line or a dateline among the first lines;
    a dated URL near the start of the text (e.g. a markdown image under uploads/2025/02/13/);
    a "Published: ..." line among the last lines. (None, "none") when nothing is found: the
    caller must then say so, never substitute today.
    """
    if url:
        found = date_from_url(url)
        if found:
            return found, "url"
    if not text:
        return None, "none"
    if lang is None:
        lang = detect_language(text[:2000])
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip().lower() in ("date", "published", "pubdate", "date_published", "published_at"):
                dates = _dates_in_line(value.strip().strip("'\""), lang)
                if dates:
                    return dates[0].value, "metadata"
    lines = [line.strip() for line in text[:20000].split("\n")]
    head = [line for line in lines if line and not _MEDIA_LINE.match(line)][:_HEAD_LINES]
    for line in head:
        label = _LABEL.match(line)
        if label:
            dates = _dates_in_line(line[label.end():label.end() + 80], lang)
            if dates and dates[0].start <= 20:
                return dates[0].value, "dateline"
        dates = _dates_in_line(line[:160], lang)
        if dates and _is_dateline(line[:160], dates[0]):
            return dates[0].value, "dateline"
    for match in _TEXT_URL.finditer(text[:_HEAD_URL_CHARS]):
        found = date_from_url(match.group(1) or match.group(0))
        if found:
            return found, "url"
    tail = [line.strip() for line in text[-3000:].split("\n") if line.strip()][-5:]
    for line in tail:
        label = _LABEL.match(line)
        if label:
            dates = _dates_in_line(line[label.end():label.end() + 80], lang)
            if dates and dates[0].start <= 20:
                return dates[0].value, "dateline"
    return None, "none"


# --------------------------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------------------------

_identifier = None
_NOT_LANGUAGE = re.compile(r"!?\[[^\]]*\]\([^)]*\)|https?://\S+|www\.\S+|\S+@\S+|[\d_]+")


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language (py3langid, limited to NEWS_LANGUAGES); "" if none.

    Links, e-mail addresses and digits are ignored, so a markdown image line does not make an
    Indonesian article English.
    """
    global _identifier
    cleaned = _NOT_LANGUAGE.sub(" ", text[:20000])[:3000]  # a few paragraphs settle the language
    if not any(ch.isalpha() for ch in cleaned):
        return ""
    if _identifier is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages([code for code in NEWS_LANGUAGES if code in identifier.labels])
        _identifier = identifier  # our own instance: the module-level one stays untouched
    code, _ = _identifier.classify(cleaned)
    return code if len(code) == 2 else ""


# --------------------------------------------------------------------------------------------
# Corpora (JSON lines)
# --------------------------------------------------------------------------------------------

def load_corpus(path: str | Path) -> Iterator[tuple[int, dict | InputError]]:
    """(line number, record) for each line of a JSON-lines corpus, or (line number, InputError).

    A record is `{"id": str, "text": str, "published": date | None, "lang": str, "url": str}`;
    "published" is parsed (YYYY-MM-DD), a missing id becomes "line-N". Blank lines are skipped;
    a gzip file (by its magic bytes) is read transparently. A problem with the file as a whole
    (missing, binary, too large, broken gzip) raises InputError from the first iteration.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    with open(path, "rb") as raw:
        magic = raw.read(2)
    try:
        if magic == b"\x1f\x8b":
            with gzip.open(path, "rb") as stream:
                yield from _corpus_lines(stream, path)
        else:
            if path.stat().st_size == 0:
                raise InputError(f"{path}: file is empty")
            with open(path, "rb") as stream:
                yield from _corpus_lines(stream, path)
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        raise InputError(f"{path}: is a damaged gzip file ({err or 'it ends too early'})") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None


def _corpus_lines(stream, path: Path) -> Iterator[tuple[int, dict | InputError]]:
    for number, raw_line in enumerate(stream, 1):
        if number == 1:
            kind = _binary_kind(raw_line)
            if kind:
                raise InputError(f"{path}: looks like a binary file ({kind}), not JSON lines")
        if not raw_line.strip():
            continue
        try:
            line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            yield number, InputError(f"{path}:{number}: not valid UTF-8 (byte 0x{raw_line[err.start]:02X} "
                                     f"at column {err.start + 1})")
            continue
        try:
            yield number, parse_record(line, number)
        except InputError as err:
            yield number, InputError(f"{path}:{number}: {err}")


def parse_record(line: str, number: int = 0) -> dict:
    """One corpus record from one JSON line, validated; InputError (without location) otherwise."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError('missing or empty "text"')
    out = dict(record)
    identifier = record.get("id")
    out["id"] = str(identifier) if identifier not in (None, "") else f"line-{number}"
    published = record.get("published")
    out["published"] = parse_published(published) if published not in (None, "") else None
    for key in ("lang", "url"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{key}" must be a string, got {type(value).__name__}')
        out[key] = (value or "").strip()
    return out


def document_from_record(record: dict, *, published: date | None = None, lang: str | None = None) -> Document:
    """The Document for a corpus record: given values first, then the record's, then detection."""
    text = record["text"]
    lang = lang or record.get("lang") or detect_language(text)
    url = record.get("url") or ""
    if published is not None:
        published_from = "given"
    elif record.get("published") is not None:
        published, published_from = record["published"], "given"
    else:
        published, published_from = detect_published(text, url or None, lang=lang)
    return Document(text=text, source=str(record.get("id", "")), url=url, published=published,
                    published_from=published_from, lang=lang, title=str(record.get("title") or ""))

