"""Files, web pages, folders and corpus lines -> Document (text, publication date, language).

    read_document(path)        a .txt, .md or .html file
    read_url(url, deadline=)   a web address (a clear InputError when offline, slow or too large)
    iter_documents(paths)      files, folders (walked) and addresses, one Document at a time
    load_corpus(path)          the records of a JSON-lines corpus (gzip allowed)
    corpus_lines(stream, path) the raw lines of a corpus, within the limits (also used by batch)
    language_code(value)       an ISO 639-1 code, or "" and a warning

HTML keeps the article's main text (trafilatura; the standard-library parser when it finds no
article) and takes its publication date from the address, htmldate and the page's metadata
before looking in the text; `Document.published_from` says which (see PUBLISHED_FROM). The
publication-date stages themselves live in timeline.pubdate; the limits every input is held
to (sizes, nesting, deadline, years) in timeline.limits. Text is cleaned once, here
(limits.clean_text), and `Document.warnings` says what was replaced or ignored.

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

import gzip
import http.client
import json
import os
import re
import socket
import threading
import urllib.error
import urllib.request
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from timeline import limits
from timeline.limits import InputError, clean_text, megabytes, nesting_problem
from timeline.pubdate import (PUBLISHED_FROM, date_from_name, date_from_url, detect_published,  # noqa: F401 - re-exported
                              iso_prefix_date, parse_published)

MAX_BYTES = limits.MAX_DOCUMENT_BYTES  # larger files are almost certainly not one news article
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown") + HTML_SUFFIXES
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
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
    warnings: tuple[str, ...] = ()   # what was changed or ignored at ingest, one line each, for the user


def _cleaned(text: str) -> tuple[str, tuple[str, ...]]:
    """(`text` cleaned by limits.clean_text, the warning that says so, if anything was replaced)."""
    text, replaced = clean_text(text)
    if not replaced:
        return text, ()
    return text, (f"{replaced} character{'s' if replaced > 1 else ''} that cannot be stored "
                  "(NUL, lone surrogates) replaced with U+FFFD",)


def language_code(value: str | None) -> tuple[str, str]:
    """(the ISO 639-1 code `value` names, "" if none; a one-line warning when `value` is not a code).

    A region or script after the language is dropped ("pt-BR" -> "pt", "zh_Hans" -> "zh"); an
    ISO 639-2/3 code with a two-letter equivalent is mapped to it ("ind" -> "id"). Anything
    else, including a real code the date engine has no two-letter name for ("tlh"), is "" with
    a warning, and the caller detects the language instead: a wrong code would lose dates.
    The codes come from pycountry's ISO 639-3 table, not from a list of our own.
    """
    given = str(value or "").strip()
    if not given:
        return "", ""
    primary = re.split(r"[-_]", given.lower(), maxsplit=1)[0]
    code = _iso_639_1().get(primary, "")
    if code:
        return code, ""
    return "", f"{given!r} is not an ISO 639 language code; the language is detected instead"


@lru_cache(maxsize=1)
def _iso_639_1() -> dict[str, str]:
    """Every ISO 639-1, 639-2 and 639-3 code that has a two-letter form -> that two-letter form."""
    import pycountry

    codes: dict[str, str] = {}
    for language in pycountry.languages:
        two = getattr(language, "alpha_2", "")
        if two:
            codes[two] = two
            for attribute in ("alpha_3", "bibliographic"):
                if getattr(language, attribute, ""):
                    codes[getattr(language, attribute)] = two
    return codes


# --------------------------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------------------------

_BINARY_SIGNATURES = (
    (b"%PDF", "a PDF"), (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt)"),
    (b"\x1f\x8b", "gzip-compressed"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
)


def read_document(path: str | Path, *, published: date | None = None, lang: str | None = None,
                  source: str | None = None) -> Document:
    """The Document in a .txt, .md or .html file, with its publication date and language found.

    `published` and `lang`, when given, are used as they are (published_from "given") instead
    of being detected. Raises InputError for a missing, empty, binary, non-UTF-8 or too large
    file. Newlines are normalised to "\\n" (as Python's text mode does), and offsets found
    later refer to this text; for HTML they refer to the extracted text. `source` is the name the
    events carry (default: the file's name); a date in it is the last publication-date stage.
    """
    path = Path(path)
    return document_from_text(_read_text(path), source=source or path.name, name=str(path), published=published,
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
    text, warnings = _cleaned(text)
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
        published, published_from = detect_published(text, page_url or None, lang=lang, name=source)
    return Document(text=text, source=source, url=page_url, published=published,
                    published_from=published_from, lang=lang, title=title, warnings=warnings)


# --------------------------------------------------------------------------------------------
# Web addresses and folders
# --------------------------------------------------------------------------------------------

USER_AGENT = "timeline/1 (news event timelines; +python urllib)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")


def is_url(value: str) -> bool:
    """True for an http:// or https:// address (what `read_url` accepts)."""
    return str(value).strip().lower().startswith(("http://", "https://"))


def read_url(url: str, timeout: float | None = None, *, published: date | None = None,
             lang: str | None = None, deadline: float | None = None) -> Document:
    """The Document at a web address, read as `document_from_text` reads a saved page.

    The page's source is the address as given; its url is the address after redirects. Raises
    InputError, in one line, when the address is not http(s), cannot be reached (no network,
    unknown host, refused, no answer within `timeout` seconds of waiting), takes longer than
    `deadline` seconds in all (connecting, redirects, headers and body: a server that trickles
    a byte at a time is cut off), answers with an error status or a redirect loop, is not text,
    is empty, or streams more than limits.NETWORK_MAX_BYTES. Defaults: limits.NETWORK_TIMEOUT
    and limits.NETWORK_DEADLINE. A charset the server declares is honoured; without one the
    page must be UTF-8, as files must.
    """
    timeout = limits.NETWORK_TIMEOUT if timeout is None else timeout
    deadline = limits.NETWORK_DEADLINE if deadline is None else deadline
    address = str(url).strip()
    parts = urlsplit(address)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError(f"{address}: not a web address (it must start with http:// or https://)")
    request = urllib.request.Request(address, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"})
    offline = "; if this machine is offline, save the page and give the saved file instead"
    cap = limits.NETWORK_MAX_BYTES
    watchdog = _Deadline(deadline)
    opener = urllib.request.build_opener(_DeadlineHTTPHandler(watchdog), _DeadlineHTTPSHandler(watchdog))
    try:
        with watchdog, opener.open(request, timeout=min(timeout, deadline)) as response:
            final_url = response.geturl() or address
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            data = response.read(cap + 1)
    except urllib.error.HTTPError as err:
        if 300 <= err.code < 400:
            raise InputError(f"{address}: the server redirects in a loop (or more than "
                             f"{urllib.request.HTTPRedirectHandler.max_redirections} times)") from None
        raise InputError(f"{address}: the server answered {err.code} {_one_line(err.reason)}") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
        if watchdog.expired:
            raise InputError(f"{address}: no complete answer within {deadline:g} s (the server is too slow)") from None
        reason = err.reason if isinstance(err, urllib.error.URLError) else err
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise InputError(f"{address}: no answer within {timeout:g} s{offline}") from None
        if isinstance(err, urllib.error.URLError):
            detail = getattr(reason, "strerror", None) or str(reason)
        else:
            detail = f"{type(err).__name__}: {err}"
        raise InputError(f"{address}: cannot be fetched ({_one_line(detail)}){offline}") from None
    if watchdog.expired:  # the body was cut short by the deadline
        raise InputError(f"{address}: no complete answer within {deadline:g} s (the server is too slow)")
    if len(data) > cap:
        raise InputError(f"{address}: the page is larger than {megabytes(cap)}")
    if not (content_type.startswith("text/") or content_type in _HTML_TYPES):
        raise InputError(f"{address}: is {content_type}, not a web page or text")
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            raise InputError(f"{address}: the server says the page is {charset} but it is not") from None
    text = decode_text(data, address, kind="page")
    html = True if content_type in _HTML_TYPES else False if content_type in _TEXT_TYPES else None
    return document_from_text(text, source=address, url=final_url, published=published, lang=lang, html=html)


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


class _Deadline:
    """Shuts down every socket of one web read when `seconds` have passed since it began.

    A per-socket timeout only bounds each wait; a server sending a byte every few seconds never
    trips it. Shutting the socket from a timer thread ends the blocked read at once.
    """

    def __init__(self, seconds: float):
        self.seconds, self.expired, self.sockets = seconds, False, []
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.cancel()
        return False

    def watch(self, sock) -> None:
        with self.lock:
            self.sockets.append(sock)
            expired = self.expired
        if expired:
            self._shut(sock)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            sockets = list(self.sockets)
        for sock in sockets:
            self._shut(sock)

    @staticmethod
    def _shut(sock) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _watched(connection_class, watchdog: _Deadline):
    """`connection_class` whose socket `watchdog` can shut down once connected."""
    class Watched(connection_class):
        def connect(self):
            super().connect()
            watchdog.watch(self.sock)
    return Watched


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Deadline):
        super().__init__()
        self.connection = _watched(http.client.HTTPConnection, watchdog)

    def http_open(self, req):
        return self.do_open(self.connection, req)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Deadline):
        super().__init__()
        self.connection = _watched(http.client.HTTPSConnection, watchdog)

    def https_open(self, req):
        options = {"context": self._context}
        if hasattr(self, "_check_hostname"):  # Python 3.11 still passes it on
            options["check_hostname"] = self._check_hostname
        return self.do_open(self.connection, req, **options)


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


def decode_text(data: bytes, name: str, kind: str = "file") -> str:
    """`data` decoded as UTF-8 (or BOM-marked UTF-16) with "\\n" newlines; InputError otherwise.

    `kind` is what the messages call the input ("file", "page").
    """
    if not data.strip():
        raise InputError(f"{name}: {'the page' if kind == 'page' else kind} is empty" if not data
                         else f"{name}: {kind} holds only whitespace")
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
        raise InputError(f"{name}: {kind} holds only whitespace")
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
    published = next(filter(None, (iso_prefix_date(value) for value in candidates)), None)
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
    found = iso_prefix_date(value) if value else None
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
    (missing, binary, too large, broken gzip before any line) raises InputError from the first
    iteration; a line too long, a gzip that ends early or unpacks past the limit after some
    lines is one more (line number, InputError), and the lines before it stand.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: file is empty")
    try:
        with open(path, "rb") as raw:
            for number, line in corpus_lines(raw, path):
                if isinstance(line, InputError):
                    yield number, line
                    continue
                try:
                    text = line.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as err:
                    yield number, InputError(f"{path}:{number}: not valid UTF-8 (byte 0x{line[err.start]:02X} "
                                             f"at column {err.start + 1})")
                    continue
                try:
                    yield number, parse_record(text, number)
                except InputError as err:
                    yield number, InputError(f"{path}:{number}: {err}")
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None


def corpus_lines(raw, path: Path) -> Iterator[tuple[int, bytes | InputError]]:
    """(line number, raw line) for each non-blank line of an open corpus file (gzip by its magic bytes).

    The one reader of corpus lines (the CLI, folders and batch all use it), so the limits hold
    everywhere: a line longer than limits.MAX_LINE_BYTES is skipped without being held (one
    InputError in its place); reading stops with an InputError once a gzip file has unpacked
    to limits.MAX_DECOMPRESSED_BYTES, or where it is damaged. A binary file, or damage before
    the first line, raises InputError: the file as a whole is unusable.
    """
    line_cap, unpacked_cap = limits.MAX_LINE_BYTES, limits.MAX_DECOMPRESSED_BYTES
    compressed = raw.read(2) == b"\x1f\x8b"
    raw.seek(0)
    stream = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
    number = unpacked = 0
    try:
        while True:
            line = stream.readline(line_cap + 1)
            if not line:
                return
            number += 1
            unpacked += len(line)
            if number == 1:
                kind = _binary_kind(line)
                if kind:
                    raise InputError(f"{path}: looks like a binary file ({kind}), not JSON lines")
            if len(line) > line_cap and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # the rest of that line, a bounded piece at a time
                    line = stream.readline(limits.MB)
                    unpacked += len(line)
                    if compressed and unpacked > unpacked_cap:
                        break
                yield number, InputError(f"{path}:{number}: line longer than {megabytes(line_cap)}")
            elif line.strip():
                yield number, line
            if compressed and unpacked > unpacked_cap:
                yield number, InputError(f"{path}: unpacks to more than {megabytes(unpacked_cap)}; "
                                         f"the lines after line {number} were not read")
                return
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        reason = err or "it ends too early"
        if number == 0:
            raise InputError(f"{path}: is a damaged gzip file ({reason})") from None
        yield number, InputError(f"{path}: is a damaged gzip file after line {number} ({reason}); "
                                 "the lines before were used")


def parse_record(line: str, number: int = 0) -> dict:
    """One corpus record from one JSON line, validated; InputError (without location) otherwise.

    Every string in it is cleaned (limits.clean_text); `record["warnings"]` says what was replaced.
    """
    problem = nesting_problem(line)
    if problem:
        raise InputError(problem)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        message = err.msg.removesuffix(" at")  # "Invalid control character at": the position follows
        raise InputError(f"malformed JSON ({message} at column {err.colno})") from None
    except RecursionError:  # a nesting the scan above did not see; never a traceback
        raise InputError(f"nested more than {limits.MAX_NESTING} levels deep") from None
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError('missing or empty "text"')
    out = dict(record)
    out["text"], warnings = _cleaned(text)
    identifier = record.get("id")
    if identifier is not None and (isinstance(identifier, bool) or not isinstance(identifier, (str, int, float))):
        raise InputError(f'"id" must be a string or a number, got {type(identifier).__name__}')
    out["id"] = clean_text(str(identifier))[0] if identifier not in (None, "") else f"line-{number}"
    published = record.get("published")
    if published not in (None, "") and not isinstance(published, str):
        raise InputError(f'"published" must be a string (YYYY-MM-DD), got {type(published).__name__}')
    out["published"] = parse_published(published) if published not in (None, "") else None
    for key in ("lang", "url", "title"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{key}" must be a string, got {type(value).__name__}')
        out[key] = clean_text((value or "").strip())[0]
    out["warnings"] = warnings
    return out


def document_from_record(record: dict, *, published: date | None = None, lang: str | None = None) -> Document:
    """The Document for a corpus record: given values first, then the record's, then detection."""
    text = record["text"]
    warnings = tuple(record.get("warnings", ()))
    if not lang and record.get("lang"):
        lang, problem = language_code(record["lang"])
        warnings += (problem,) if problem else ()
    lang = lang or detect_language(text)
    url = record.get("url") or ""
    if published is not None:
        published_from = "given"
    elif record.get("published") is not None:
        published, published_from = record["published"], "given"
    else:
        published, published_from = detect_published(text, url or None, lang=lang)
    return Document(text=text, source=str(record.get("id", "")), url=url, published=published,
                    published_from=published_from, lang=lang, title=str(record.get("title") or ""),
                    warnings=warnings)

