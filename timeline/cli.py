"""The command line: `python -m timeline dates ...`, `... extract ...` and `... batch ...`.

Exit codes: 0 all went well; 1 some corpus lines or documents were skipped (each reported on
stderr, the rest processed); 2 the input as a whole is unusable (missing, binary or non-UTF-8
file, impossible --published date, bad arguments, an output that cannot be written), reported
in one line, nothing written; 3 an unexpected error (a bug), reported in one line. An existing
output file is only ever replaced whole, at the end of a successful run.
"""
from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline import limits
from timeline.ingest import (Document, InputError, document_from_record, find_articles, input_kind, is_url,
                             iter_documents, language_code, load_corpus, parse_published, read_document, read_url)
from timeline.limits import printable

PROG = "python -m timeline"
FORMATS = ("csv", "jsonl", "json")
NO_DATE_WARNING = ("warning: no publication date found in {name}; "
                   "year-less and relative dates are left unresolved/low confidence")


class UsageError(Exception):
    """Bad arguments; the message is one line."""


class Unavailable(Exception):
    """A part of the program that this command needs is not there (yet)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line instead of argparse's usage block
        raise UsageError(f"{message} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one subcommand per task."""
    parser = _Parser(prog=PROG, description="Dated events from news articles, as one table.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--corpus", metavar="DOCS.jsonl",
                         help='JSON lines {"id", "text", "published"?, "lang"?, "url"?}; .gz accepted')
        sub.add_argument("--published", metavar="YYYY-MM-DD",
                         help="publication date of every document (default: the record's, else found "
                              "in the document: URL, dateline, metadata)")
        sub.add_argument("--lang", metavar="xx", help="ISO 639-1 language of every document (default: the "
                                                      "record's, else detected)")
        sub.add_argument("--anchor", choices=("auto", "publication", "narrative"), default="auto",
                         help="what year-less and context-relative dates ('3 September', 'two days later') "
                              "resolve against: the publication date, the last date the text mentioned "
                              "(narrative), or per mention (auto, the default)")
        sub.add_argument("--url-deadline", type=float, default=limits.NETWORK_DEADLINE, metavar="SECONDS",
                         help="the most time one web address may take in all, however slowly its server "
                              f"answers (default: {limits.NETWORK_DEADLINE:g})")

    dates = commands.add_parser(
        "dates", help="temporal expressions as JSON lines",
        description='Print one JSON line per temporal expression: {"doc", "start", "end", "text", "value", '
                    '"type", "precision"} plus "end_value" for ranges. Offsets index the text as read '
                    '(newlines normalised to \\n; for HTML, the extracted text).')
    dates.add_argument("files", nargs="*", metavar="FILE", help=INPUT_HELP)
    common(dates)
    dates.add_argument("--ranges", choices=("auto", "joined", "split"), default="auto",
                       help="a range ('1914-1918') as one expression with end_value (joined), each end its "
                            "own (split, as TimeML tags it), or the language's annotation convention (auto)")

    extract = commands.add_parser(
        "extract", help="the events table (CSV, JSON lines or JSON)",
        description="Extract dated events from every document into one table (columns: timeline.schema).")
    extract.add_argument("files", nargs="*", metavar="FILE", help=INPUT_HELP)
    common(extract)
    extract.add_argument("--format", choices=FORMATS,
                         help="output format (default: from the -o suffix, else csv)")
    extract.add_argument("-o", "--output", metavar="OUT", help="write here (UTF-8) instead of stdout")

    batch = commands.add_parser(
        "batch", help="a large corpus on a Dask cluster, into one Parquet file",
        description="Extract the events of a large corpus on Dask, streaming it in partitions so that memory "
                    "stays bounded, into one Parquet file (columns: timeline.schema). A document that cannot "
                    "be used is reported on stderr with its id and skipped; a summary line ends the run.")
    batch.add_argument("inputs", nargs="+", metavar="CORPUS",
                       help='JSON lines {"id", "text", "published"?, "lang"?, "url"?} (.gz accepted), or a '
                            "folder of articles and corpora")
    batch.add_argument("-o", "--output", required=True, metavar="EVENTS.parquet", help="the Parquet file to write")
    batch.add_argument("--workers", type=int, metavar="N",
                       help="worker processes of the local cluster (default: one per CPU)")
    batch.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="run on this existing Dask cluster instead (its workers need timeline installed)")
    batch.add_argument("--partition-size", type=int, default=None, metavar="DOCS",
                       help="documents per partition (default: 500)")
    batch.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of every document")
    batch.add_argument("--lang", metavar="xx", help="ISO 639-1 language of every document")
    batch.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                       help="progress bar on stderr (default: when stderr is a terminal)")

    dashboard = commands.add_parser(
        "dashboard", help="the Streamlit dashboard (needs timeline[dashboard])",
        description="Start the dashboard on the events database: --db, else TIMELINE_DB, else timeline.db "
                    "in the per-user data folder. A postgresql://user@host/db address shares one database "
                    "with a team.")
    dashboard.add_argument("--db", metavar="PATH|postgresql://...", help="the events database")
    dashboard.add_argument("--port", type=int, metavar="N", help="the port to serve on (default: 8501)")
    return parser


INPUT_HELP = ".txt, .md or .html article, a folder of them (walked), an http(s) address, or a .jsonl corpus"


@dataclass
class _Run:
    """What one command run has seen: whether anything was skipped."""

    skipped: bool = False

    def report(self, message: str) -> None:
        self.skipped = True
        say(message)


def say(message: str) -> None:
    """Print one line on stderr, with control characters from the input shown, never obeyed."""
    print(printable(message), file=sys.stderr)


def _warn_for(name: str, document: Document) -> None:
    for warning in document.warnings:
        say(f"warning: {name}: {warning}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace" if stream is sys.stderr else "strict")
    try:
        return _main(argv)
    except (UsageError, InputError) as err:
        say(f"error: {err}")
        return 2
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Unavailable as err:
        say(f"error: {err}")
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # noqa: BLE001 - the last line of defence: one line, never a traceback
        say(f"error: unexpected {type(err).__name__}: {err} (a bug: please report it with the input "
            "that caused it; no output was replaced)")
        return 3


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command == "batch":
        return _run_batch(args)
    if args.command == "dashboard":
        from timeline.dashboard import launch

        try:
            return launch(args.db, args.port)
        except RuntimeError as err:
            raise Unavailable(str(err)) from None
    if bool(args.files) == bool(args.corpus):
        raise UsageError(f"give either FILE... or --corpus DOCS.jsonl (see {PROG} {args.command} --help)")
    try:
        published = parse_published(args.published) if args.published else None
    except InputError as err:
        raise UsageError(f"--published: {err}") from None
    if not 0 < args.url_deadline < 24 * 3600:  # also refuses nan and inf
        raise UsageError(f"--url-deadline must be between 0 and 86400 seconds, got {args.url_deadline:g}")
    if args.command == "extract" and args.output:
        check_output(args.output, "events.csv")  # before any work: a bad path must not cost a whole run
    lang = _lang_argument(args.lang)
    run = _Run()
    if args.command == "dates":
        _run_dates(_documents(args, published, lang, run), run, args.anchor, args.ranges)
    else:
        _run_extract(args, _documents(args, published, lang, run), run)
    return 1 if run.skipped else 0


def _lang_argument(value: str | None) -> str | None:
    """The --lang code, or None (detect) with a warning when it is not a language code."""
    if not value:
        return None
    code, problem = language_code(value)
    if problem:
        say(f"warning: --lang: {problem}")
    return code or None


def _documents(args, published: date | None, lang: str | None, run: _Run) -> Iterator[tuple[str, Document]]:
    """(name for messages, Document) for each input, with the no-date warning given once each.

    Files are all read before the first is yielded, so one bad file stops the run before any
    output (exit 2). A bad corpus line is reported with its line number and skipped.
    """
    if args.files:
        documents = _input_documents(args.files, published, lang, run, args.url_deadline)
    else:
        documents = _corpus_documents(args.corpus, published, lang, run)
    for name, document in documents:
        _warn_for(name, document)
        if document.published is None:
            say(NO_DATE_WARNING.format(name=name))
        yield name, document


def _input_documents(names: list[str], published: date | None, lang: str | None,
                     run: _Run, deadline: float | None = None) -> Iterator[tuple[str, Document]]:
    """Documents of FILE arguments: files and web addresses, folders, corpus files.

    Files and web addresses are read at once, and folders and corpus files checked, so that
    one bad argument stops the run before any output (exit 2). The articles in a folder and
    the lines of a corpus are read as they are needed; a bad one is reported and skipped.
    """
    parts: list = []
    problems = []
    for name in names:
        try:
            if is_url(name):
                parts.append([(name, read_url(name, published=published, lang=lang, deadline=deadline))])
            elif Path(name).is_dir():
                find_articles(name)  # a folder with nothing to read is an error now, not an empty table
                parts.append(_skipping(iter_documents([name], published=published, lang=lang), run))
            elif input_kind(name) == "corpus" and Path(name).is_file():
                parts.append(_corpus_documents(name, published, lang, run))
            else:
                parts.append([(name, read_document(name, published=published, lang=lang))])
        except InputError as err:
            problems.append(str(err))
    if problems:
        raise InputError("; ".join(problems))
    return itertools.chain.from_iterable(parts)


def _skipping(documents: Iterator[tuple[str, Document | InputError]], run: _Run) -> Iterator[tuple[str, Document]]:
    for name, document in documents:
        if isinstance(document, InputError):
            run.report(f"error: {document} (skipped)")
        else:
            yield name, document


def _corpus_documents(path: str, published: date | None, lang: str | None, run: _Run) -> Iterator[tuple[str, Document]]:
    for number, record in load_corpus(path):
        if isinstance(record, InputError):
            run.report(f"error: {record} (line skipped)")
            continue
        try:
            document = document_from_record(record, published=published, lang=lang)
        except Exception as err:  # one record must not stop a corpus
            run.report(f"error: {path}:{number}: document {record['id']}: {type(err).__name__}: {err} (skipped)")
            continue
        yield record["id"], document


def _doc_id(document: Document) -> str:
    return document.source


def _run_dates(documents: Iterator[tuple[str, Document]], run: _Run, anchor: str = "auto", ranges: str = "auto") -> None:
    import timeline

    out = sys.stdout
    for name, document in documents:
        try:
            mentions = timeline.find_dates(document.text, document.published, document.lang or None, anchor=anchor,
                                           ranges=ranges)
            lines = [json.dumps(mention_row(_doc_id(document), mention), ensure_ascii=False) for mention in mentions]
        except Exception as err:  # one document must not stop the others
            run.report(f"error: document {name}: {type(err).__name__}: {err} (skipped)")
            continue
        if lines:
            out.write("\n".join(lines) + "\n")
    out.flush()


def mention_row(doc: str, mention) -> dict:
    """The JSON-lines row for one DateMention of document `doc` (end_value only when set)."""
    row = {"doc": doc, "start": mention.start, "end": mention.end, "text": mention.text,
           "value": mention.value, "type": mention.type, "precision": mention.precision}
    if mention.end_value:
        row["end_value"] = mention.end_value
    return row


def _run_extract(args, documents: Iterator[tuple[str, Document]], run: _Run) -> None:
    import pandas as pd

    from timeline.schema import conform, empty_events

    fmt = args.format or _format_from_suffix(args.output)
    from timeline.batch import document_events

    frames = []
    for name, document in documents:
        try:
            frames.append(document_events(document, anchor=args.anchor))
        except ModuleNotFoundError as err:
            if err.name == "timeline.events":
                raise Unavailable("event extraction is not available yet (timeline/events.py is missing)") from None
            run.report(f"error: document {name}: {type(err).__name__}: {err} (skipped)")
        except Exception as err:  # one document must not stop the others
            run.report(f"error: document {name}: {type(err).__name__}: {err} (skipped)")
    frames = [frame for frame in frames if len(frame)]
    table = conform(pd.concat(frames, ignore_index=True)) if frames else empty_events()
    write_table(table, fmt, args.output)


def _run_batch(args) -> int:
    from timeline.batch import PARTITION_DOCS, run_batch

    try:
        published = parse_published(args.published) if args.published else None
    except InputError as err:
        raise UsageError(f"--published: {err}") from None
    if args.workers is not None and args.workers < 1:
        raise UsageError(f"--workers must be at least 1, got {args.workers}")
    if args.workers is not None and args.scheduler:
        raise UsageError("--workers sizes the local cluster; it cannot be used with --scheduler")
    if args.partition_size is not None and args.partition_size < 1:
        raise UsageError(f"--partition-size must be at least 1, got {args.partition_size}")
    progress = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    check_output(args.output, "events.parquet")
    summary = run_batch(args.inputs, args.output, workers=args.workers, scheduler=args.scheduler,
                        partition_docs=args.partition_size or PARTITION_DOCS, published=published,
                        lang=_lang_argument(args.lang), progress=progress)
    return 1 if summary.failed else 0


def _format_from_suffix(output: str | None) -> str:
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return suffix if suffix in FORMATS else "csv"


def check_output(output: str | os.PathLike, example: str) -> None:
    """InputError now, before any work, if `output` cannot be written: a folder, or in a missing folder."""
    path = Path(output)
    if path.is_dir():
        raise InputError(f"{output}: is a folder; give a file name such as {example}")
    parent = path.resolve().parent
    if not parent.is_dir():
        raise InputError(f"{output}: folder {parent} does not exist")
    if path.exists() and path.is_file() and not os.access(path, os.W_OK):
        raise InputError(f"{output}: cannot be written (permission denied)")
    if not path.exists() and not os.access(parent, os.W_OK):
        raise InputError(f"{output}: cannot be written in {parent} (permission denied)")


def write_atomically(output: str | os.PathLike, text: str) -> None:
    """Write `text` (UTF-8) to `output` through a temporary file beside it, renamed at the end.

    A failed write (full disk, a vanished folder) leaves an existing `output` as it was and no
    temporary file behind; InputError says what happened in one line. An output that is not a
    regular file (a pipe, /dev/stdout) is written directly: it cannot be renamed over.
    """
    path = Path(output)
    try:
        if path.exists() and not path.is_file():
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            return
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with open(temporary, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        finally:
            if temporary.exists():
                temporary.unlink()
    except OSError as err:
        kept = "; the file that was there is unchanged" if path.is_file() else ""
        raise InputError(f"{output}: cannot be written ({err.strerror or err}){kept}") from None


def write_table(table, fmt: str, output: str | None) -> None:
    """Write the events table as csv, jsonl or json (UTF-8) to `output` (atomically), or to stdout."""
    text = table_text(table, fmt)
    if output:
        write_atomically(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def table_text(table, fmt: str) -> str:
    """The events table as text in `fmt`, through timeline.export (the one export path) when present."""
    export = _export_module()
    if fmt == "csv":
        return export.to_csv(table) if hasattr(export, "to_csv") else table.to_csv(index=False)
    if fmt == "json":
        if hasattr(export, "to_json"):
            return export.to_json(table) + "\n"
        return table.to_json(orient="records", force_ascii=False, indent=1) + "\n"
    if hasattr(export, "event_records"):
        records = export.event_records(table)
    else:
        records = json.loads(table.to_json(orient="records", force_ascii=False))
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def _export_module():
    """timeline.export if it exists yet, else None (then pandas writes the table)."""
    if importlib.util.find_spec("timeline.export") is None:
        return None
    from timeline import export

    return export
