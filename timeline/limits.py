"""The input limits, defined once: every input path (CLI, corpus, folder, batch, web address,
dashboard upload, CSV/JSON import) checks against these and nothing else.

    MAX_DOCUMENT_BYTES   one article file, web page, uploaded file or import file
    MAX_LINE_BYTES       one corpus line (one JSON record)
    MAX_DECOMPRESSED_BYTES   all the lines read from one compressed corpus
    MAX_NESTING          brackets inside one JSON record
    NETWORK_DEADLINE     seconds for a whole web read (connect, headers, body); NETWORK_TIMEOUT per socket wait
    NETWORK_MAX_BYTES    bytes of one web page, counted as they stream in
    YEARS                the years a publication date (and so every resolved date) may lie in

`clean_text` is the one cleaning every text gets at ingest: characters that no file, CSV cell
or terminal can carry (NUL, lone UTF-16 surrogates) are replaced by U+FFFD and counted, so
that the caller can report them and one such character never fails a write later.

Why these values: a news article is a few kB, the longest we have seen a few MB; 20 MB per
document and per line leaves room for any page while keeping a bomb (one 1 GiB line, a gzip
of zeros) from growing memory past a few times that. A news record is nested a few levels;
100 is far beyond any real one and far below the interpreter's recursion limit.
"""
from __future__ import annotations

import re

MB = 1024 * 1024


class InputError(ValueError):
    """Input the program cannot use; the message is one line meant for a person."""


MAX_DOCUMENT_BYTES = 20 * MB
MAX_LINE_BYTES = 20 * MB
MAX_DECOMPRESSED_BYTES = 16 * 1024 * MB   # a 100k-document corpus is about 1 GB unpacked
MAX_NESTING = 100
NETWORK_DEADLINE = 60.0
NETWORK_TIMEOUT = 20.0
NETWORK_MAX_BYTES = MAX_DOCUMENT_BYTES
YEARS = (1900, 2100)                       # the window dates.py resolves dates in
MAX_FILE_NAME_BYTES = 255                  # what ext4, NTFS and APFS allow for one name


def megabytes(size: int) -> str:
    """`size` bytes as the short text used in messages ("20 MB", "16384 MB", "3 kB")."""
    if size < MB:
        return f"{size / 1024:.0f} kB"
    return f"{size / MB:.0f} MB" if size % MB == 0 else f"{size / MB:.1f} MB"


def year_problem(year: int) -> str:
    """"" for a year inside YEARS, else the one-line reason it cannot be used."""
    low, high = YEARS
    if low <= year <= high:
        return ""
    return f"the year {year:04d} is outside the supported years {low}-{high}"


_BRACKET_OR_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def nesting_problem(line: str, limit: int = MAX_NESTING) -> str:
    """"" if the JSON text `line` nests brackets at most `limit` deep, else the reason in one line.

    Strings are skipped, so brackets inside a text do not count. The scan stops as soon as the
    limit is passed: a line of a million "[" costs `limit` steps, not a million.
    """
    if line.count("[") + line.count("{") <= limit:  # the common case: no scan at all
        return ""
    depth = 0
    for match in _BRACKET_OR_STRING.finditer(line):
        token = match.group(0)
        if token in "[{":
            depth += 1
            if depth > limit:
                return f"nested more than {limit} levels deep"
        elif token in "]}":
            depth -= 1
    return ""


_UNCARRIABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(text: str) -> tuple[str, int]:
    """(`text` with NUL and lone surrogates replaced by U+FFFD, how many were replaced)."""
    if not _UNCARRIABLE.search(text):
        return text, 0
    cleaned, count = _UNCARRIABLE.subn("\ufffd", text)
    return cleaned, count


_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` safe to print on a terminal: control characters (ANSI escapes, bells, carriage
    returns) shown as \\x.. escapes instead of being obeyed, newlines as spaces."""
    text = str(text).replace("\n", " ")
    return _TERMINAL_CONTROLS.sub(lambda match: f"\\x{ord(match.group(0)):02x}", text)
