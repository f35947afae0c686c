"""Large corpora on Dask: JSON lines (gzip allowed) or folders of articles -> one Parquet file.

    summary = run_batch(["docs.jsonl.gz"], "events.parquet", workers=2)

How memory stays bounded whatever the corpus size: the driver reads the input as a stream
and cuts it into partitions of at most `partition_docs` documents (and PARTITION_BYTES); at
most WINDOW_PER_WORKER partitions per worker are in flight or waiting to be written at any
moment; each worker turns a partition into an Arrow table of events; the driver appends the
tables to one Parquet file (one row group each), in input order, as they come back. Neither
the corpus nor the events table is ever whole in memory, on the driver or on a worker.

The driver does no parsing: it sends raw corpus lines and raw file bytes, so workers need the
timeline package but not the input files (a remote cluster need not share a file system).
A document that cannot be used (malformed line, wrong field type, undecodable file, an error
during extraction) is reported with its id and location and skipped; so is a partition whose
worker died. Nothing about one document stops the others.

Importing this module is cheap: Dask and pyarrow are imported by the functions that need them.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from timeline.ingest import (HTML_SUFFIXES, MAX_BYTES, Document, InputError, corpus_lines, decode_text,
                             document_from_record, document_from_text, find_articles, input_kind, parse_record)
from timeline.limits import megabytes, printable
from timeline.schema import EVENT_COLUMNS, conform, events_frame

PARTITION_DOCS = 500                 # documents per partition: a few seconds of work for one worker
PARTITION_BYTES = 32 * 1024 * 1024   # ... and never more input than this in one partition
WINDOW_PER_WORKER = 2                # partitions in flight or waiting to be written, per worker
_ARROW_TYPES = {"string": "string", "Int64": "int64", "float64": "float64", "boolean": "bool_"}


# --------------------------------------------------------------------------------------------
# One document, one partition (what a worker runs)
# --------------------------------------------------------------------------------------------

def document_events(document: Document, anchor: str = "auto") -> pd.DataFrame:
    """The events table for one Document, with its source, URL, dates and language on every row.

    Used by `extract`, through the public timeline.extract_events; `batch` gathers a partition's
    document_records into one frame instead.
    """
    import timeline  # looked up at call time, so that a test can stand in for extract_events

    frame = timeline.extract_events(document.text, published=document.published, lang=document.lang or None,
                                    source=document.source, url=document.url or None, anchor=anchor)
    if len(frame):
        frame = frame.copy()
        frame["published_from"] = pd.array([document.published_from] * len(frame), dtype="string")
    return frame


def document_records(document: Document, anchor: str = "auto") -> list[dict]:
    """The rows document_events gives, as plain dicts (timeline.schema.events_frame makes the table)."""
    from timeline import events  # looked up at call time, so that a test can stand in for event_records

    records = events.event_records(document.text, published=document.published, lang=document.lang or None,
                                   source=document.source, url=document.url or None, anchor=anchor)
    for record in records:
        record["published_from"] = document.published_from
    return records


@dataclass
class PartitionResult:
    """What a worker sends back for one partition: its events, and the documents it skipped."""

    table: object                                   # pyarrow.Table in arrow_schema()
    documents: int = 0                              # documents read and extracted
    failures: list[str] = field(default_factory=list)  # one line each: where, id, what went wrong
    warnings: list[str] = field(default_factory=list)  # one line each: where, id, what was changed at ingest


def extract_partition(items: list[tuple[str, str, str, bytes]], published: date | None = None,
                      lang: str | None = None) -> PartitionResult:
    """The events of every document in `items`, as one Arrow table; bad documents listed, not raised.

    An item is (kind, where, source, raw bytes): kind "line" for a corpus line (where is
    "FILE:LINE"), "file" for an article file (where is its path, source its name in the events).
    """
    # The rows of every document, gathered for one frame per partition: (where, id, rows, warnings) each.
    gathered: list[tuple[str, str, list[dict], list[str]]] = []
    failures = []
    for kind, where, source, data in items:
        doc_id = source
        try:
            if kind == "line":
                number = int(where.rsplit(":", 1)[1])
                try:
                    record = parse_record(data.decode("utf-8-sig"), number)
                except UnicodeDecodeError as err:
                    raise InputError(f"not valid UTF-8 (byte 0x{data[err.start]:02X} at column {err.start + 1})") from None
                except InputError:
                    doc_id = _record_id(data)
                    raise
                doc_id = record["id"]
                document = document_from_record(record, published=published, lang=lang)
            else:
                document = document_from_text(decode_text(data, where), source=source, name=where,
                                              published=published, lang=lang,
                                              html=Path(source).suffix.lower() in HTML_SUFFIXES)
            records = document_records(document)
        except Exception as err:  # one document must never stop the others
            failures.append(_failure(where, doc_id, err))
            continue
        gathered.append((where, doc_id, records,
                         [f"{where}: document {document.source}: {warning}" for warning in document.warnings]))
    table, documents_failed = _partition_table(gathered)
    failed = {where for where, _, _ in documents_failed}
    failures += [_failure(where, doc_id, err) for where, doc_id, err in documents_failed]
    kept = [entry for entry in gathered if entry[0] not in failed]
    return PartitionResult(table, len(kept), failures, [warning for entry in kept for warning in entry[3]])


def _partition_table(gathered: list[tuple[str, str, list[dict], list[str]]]):
    """(one Arrow table of every document's rows, [(where, id, error)] of the documents left out).

    One frame for the whole partition: a frame per document cost more than extracting it. Should
    a row not fit the schema, the documents are tried one by one, so only the bad one is left out.
    """
    try:
        return _table_of_records([row for _, _, records, _ in gathered for row in records]), []
    except Exception:  # which document it was is found below, one at a time
        pass
    tables, failed = [], []
    for where, doc_id, records, _ in gathered:
        if not records:
            continue
        try:
            tables.append(_table_of_records(records))
        except Exception as err:
            failed.append((where, doc_id, err))
    import pyarrow as pa

    return (pa.concat_tables(tables) if tables else events_table([])), failed


def _table_of_records(records: list[dict]):
    import pyarrow as pa

    return pa.Table.from_pandas(events_frame(records), schema=arrow_schema(), preserve_index=False)


def _record_id(line: bytes) -> str:
    """The "id" of a corpus line that failed validation, if the line is JSON with one; else ""."""
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return ""
    identifier = record.get("id") if isinstance(record, dict) else None
    return str(identifier) if identifier not in (None, "") else ""


def _failure(where: str, doc_id: str, err: Exception) -> str:
    message = str(err) if isinstance(err, InputError) else f"{type(err).__name__}: {err}"
    if message.startswith(where + ": "):
        message = message[len(where) + 2:]
    return f"{where}: document {doc_id}: {message}" if doc_id else f"{where}: {message}"


def arrow_schema():
    """The events table's Parquet/Arrow schema: every schema column, in order, with its type."""
    import pyarrow as pa

    return pa.schema([pa.field(column, getattr(pa, _ARROW_TYPES[dtype])()) for column, dtype in EVENT_COLUMNS.items()])


def events_table(frames: list[pd.DataFrame]):
    """The frames, conformed to the schema, as one Arrow table (no rows if there are none)."""
    import pyarrow as pa

    table = conform(pd.concat(frames, ignore_index=True)) if frames else conform(pd.DataFrame())
    return pa.Table.from_pandas(table, schema=arrow_schema(), preserve_index=False)


# --------------------------------------------------------------------------------------------
# Reading the input as a stream of partitions (the driver)
# --------------------------------------------------------------------------------------------

@dataclass
class Partition:
    """A slice of the input: raw items, and how many input bytes it accounts for (for progress)."""

    index: int
    items: list[tuple[str, str, str, bytes]]
    input_bytes: int

    def describe(self) -> str:
        first, last = self.items[0][1], self.items[-1][1]
        return f"partition {self.index} ({first} .. {last}, {len(self.items)} documents)"


def input_files(inputs: list[str | Path]) -> list[tuple[Path, str, str]]:
    """(path, source name, kind) for every input file; InputError naming each input that cannot be used.

    A folder gives its articles and corpora (`find_articles`); a file named on its own is an
    article if its suffix says so (.txt, .md, .html), and otherwise a JSON-lines corpus.
    """
    files, problems = [], []
    for given in inputs:
        path = Path(given)
        try:
            if path.is_dir():
                files += [(file, file.relative_to(path).as_posix(), input_kind(file) or "corpus")
                          for file in find_articles(path)]
            elif path.is_file():
                files.append((path, path.name, "article" if input_kind(path) == "article" else "corpus"))
            else:
                raise InputError(f"{path}: no such file or folder")
        except InputError as err:
            problems.append(str(err))
    if problems:
        raise InputError("; ".join(problems))
    return files


def iter_partitions(files: list[tuple[Path, str, str]], partition_docs: int = PARTITION_DOCS,
                    problems: list[str] | None = None) -> Iterator[Partition]:
    """The input cut into partitions, read lazily; problems with a whole file go to `problems`."""
    problems = problems if problems is not None else []
    items: list[tuple[str, str, str, bytes]] = []
    size = consumed = 0
    index = 0
    for item, read in _iter_items(files, problems):
        consumed += read
        if item is None:
            continue
        items.append(item)
        size += len(item[3])
        if len(items) >= partition_docs or size >= PARTITION_BYTES:
            yield Partition(index, items, consumed)
            index, items, size, consumed = index + 1, [], 0, 0
    if items:
        yield Partition(index, items, consumed)


def _iter_items(files, problems: list[str]) -> Iterator[tuple[tuple[str, str, str, bytes] | None, int]]:
    """(item or None, input bytes consumed since the last one) for each document of each file."""
    for path, source, kind in files:
        if kind == "article":
            try:
                data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
            except OSError as err:
                problems.append(f"{path}: cannot be read ({err.strerror or err})")
                yield None, 0
                continue
            if data is None:
                problems.append(f"{path}: file is larger than {megabytes(MAX_BYTES)}")
                yield None, path.stat().st_size
                continue
            yield ("file", str(path), source, data), len(data)
        else:
            yield from _corpus_items(path, problems)


def _corpus_items(path: Path, problems: list[str]) -> Iterator[tuple[tuple[str, str, str, bytes] | None, int]]:
    """The non-blank lines of a JSON-lines file (gzip or not) as items, with compressed bytes consumed.

    Lines come from ingest.corpus_lines, the one reader that holds the limits; its problems
    (a line too long, damage, a gzip unpacking past the limit) go to `problems`.
    """
    try:
        raw = open(path, "rb")
    except OSError as err:
        problems.append(f"{path}: cannot be read ({err.strerror or err})")
        return
    with raw:
        position = 0
        number = 0
        try:
            for number, line in corpus_lines(raw, path):
                if isinstance(line, InputError):
                    problems.append(str(line))
                    yield None, 0
                    continue
                read, position = raw.tell() - position, raw.tell()
                yield ("line", f"{path}:{number}", "", line), read
        except InputError as err:
            problems.append(str(err))
        except OSError as err:
            problems.append(f"{path}: cannot be read after line {number} ({err.strerror or err})")


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------

@dataclass
class BatchSummary:
    """What a batch run did."""

    documents: int = 0      # documents extracted
    failed: int = 0         # documents (and whole files) reported and skipped
    events: int = 0         # rows written
    seconds: float = 0.0    # from the first partition sent to the file closed
    startup_seconds: float = 0.0  # starting or reaching the cluster, and loading the engine on workers
    workers: int = 0
    output: str = ""
    # CPU time the workers spent over `seconds` (0 where it could not be read): unlike the wall
    # clock, it does not count other processes' work on a shared machine.
    worker_cpu_seconds: float = 0.0

    def line(self) -> str:
        """The summary line printed at the end of a run."""
        rate = self.documents / self.seconds if self.seconds else 0.0
        cpu = (f"; {self.documents / self.worker_cpu_seconds:.1f} docs per CPU-second of a worker"
               if self.worker_cpu_seconds else "")
        return (f"batch: {self.documents} documents ok, {self.failed} failed, {self.events} events, "
                f"{self.seconds:.1f} s ({rate:.1f} docs/s on {self.workers} workers; cluster ready in "
                f"{self.startup_seconds:.1f} s{cpu}) -> {self.output}")


def run_batch(inputs: list[str | Path], output: str | Path, *, workers: int | None = None,
              scheduler: str | None = None, partition_docs: int = PARTITION_DOCS, published: date | None = None,
              lang: str | None = None, progress: bool = False, log=None) -> BatchSummary:
    """Extract the events of every document in `inputs` into the Parquet file `output`.

    Runs on a LocalCluster of `workers` processes (default: one per CPU), one thread each, or
    on the existing cluster whose scheduler is at `scheduler` ("tcp://HOST:PORT"). Each
    skipped document is reported on `log` (default stderr) in one line; `progress` draws a
    progress bar there. The file is written under a temporary name and renamed at the end, so
    `output` is never a half-written file. InputError if the input or the output folder cannot
    be used or the scheduler cannot be reached.
    """
    import pyarrow.parquet as pq

    log = log or sys.stderr
    output = Path(output)
    if not output.resolve().parent.is_dir():
        raise InputError(f"{output}: folder {output.resolve().parent} does not exist")
    if output.is_dir():
        raise InputError(f"{output}: is a folder; give a file name such as events.parquet")
    if partition_docs < 1:
        raise InputError(f"partition size must be at least 1 document, got {partition_docs}")
    files = input_files(inputs)
    total_bytes = sum(path.stat().st_size for path, _, _ in files) or 1

    started = time.perf_counter()
    summary = BatchSummary(output=str(output))
    bar = _ProgressBar(log, total_bytes) if progress else None
    with _cluster(scheduler, workers) as client:
        summary.workers = len(client.scheduler_info().get("workers", {})) or (workers or 1)
        client.run(_warm_up)
        summary.startup_seconds = time.perf_counter() - started
        cpu_before = _worker_cpu(client)
        began = time.perf_counter()
        temporary = output.with_name(f".{output.name}.{os.getpid()}.tmp")
        try:
            with pq.ParquetWriter(temporary, arrow_schema(), compression="zstd") as writer:
                _stream(client, files, writer, summary, partition_docs, published, lang, log, bar)
            os.replace(temporary, output)
        finally:
            if temporary.exists():
                temporary.unlink()
        summary.seconds = time.perf_counter() - began
        cpu_after = _worker_cpu(client)
        summary.worker_cpu_seconds = sum(cpu_after[worker] - cpu_before[worker]
                                         for worker in cpu_after.keys() & cpu_before.keys())
    if bar:
        bar.finish()
    print(summary.line(), file=log)
    return summary


def _stream(client, files, writer, summary: BatchSummary, partition_docs: int, published, lang, log, bar) -> None:
    """Send partitions, at most a window ahead of the writer, and write results in input order."""
    from distributed import as_completed

    problems: list[str] = []
    partitions = iter_partitions(files, partition_docs, problems)
    window = WINDOW_PER_WORKER * max(1, summary.workers)
    pending = as_completed()
    sent: dict[str, Partition] = {}
    done: dict[int, tuple[Partition, PartitionResult | BaseException]] = {}
    next_to_write = 0

    def report_problems() -> None:
        while problems:
            summary.failed += 1
            _log(log, bar, f"error: {problems.pop(0)} (skipped)")

    def send() -> bool:
        partition = next(partitions, None)
        report_problems()
        if partition is None:
            return False
        future = client.submit(extract_partition, partition.items, published, lang, pure=False)
        sent[future.key] = partition
        pending.add(future)
        return True

    more = True
    while more and len(sent) < window:
        more = send()
    for future in pending:
        partition = sent.pop(future.key)
        try:
            outcome: PartitionResult | BaseException = future.result()
        except Exception as err:  # the worker died or the task could not run: skip the partition
            outcome = err
        future.release()
        done[partition.index] = (partition, outcome)
        while next_to_write in done:
            partition, outcome = done.pop(next_to_write)
            _write(partition, outcome, writer, summary, log, bar)
            next_to_write += 1
        while more and len(sent) + len(done) < window:
            more = send()
    report_problems()


def _write(partition: Partition, outcome, writer, summary: BatchSummary, log, bar) -> None:
    if isinstance(outcome, BaseException):
        summary.failed += len(partition.items)
        _log(log, bar, f"error: {partition.describe()}: {type(outcome).__name__}: {outcome} (skipped)")
    else:
        for warning in outcome.warnings:
            _log(log, bar, f"warning: {warning}")
        for failure in outcome.failures:
            _log(log, bar, f"error: {failure} (skipped)")
        summary.failed += len(outcome.failures)
        summary.documents += outcome.documents
        if outcome.table.num_rows:
            writer.write_table(outcome.table)
            summary.events += outcome.table.num_rows
    if bar:
        bar.advance(partition.input_bytes, summary)


def _log(log, bar, message: str) -> None:
    if bar:
        bar.clear()
    print(printable(message), file=log, flush=True)


def _worker_cpu(client) -> dict[str, float]:
    """Each worker's process CPU time so far, by worker address ({} if the workers cannot say)."""
    try:
        return client.run(time.process_time)
    except Exception:  # a worker that went away: the figure is left out, the run goes on
        return {}


def _warm_up() -> None:
    """Load the date engine on a worker before the clock starts (a few seconds, once per worker)."""
    import timeline

    timeline.extract_events("Jakarta, 13 Februari 2025 — Isi berita pada 8 Desember.", published="2025-02-13",
                            lang="id", source="warm-up")


class _cluster:
    """A Dask client: on the scheduler at `address`, or on a new LocalCluster closed on exit."""

    def __init__(self, address: str | None, workers: int | None):
        self.address, self.workers = address, workers
        self.cluster = self.client = None

    def __enter__(self):
        import logging

        from distributed import Client, LocalCluster

        if self.address:
            try:
                self.client = Client(self.address, timeout="15s")
            except (OSError, TimeoutError) as err:
                raise InputError(f"cannot reach the Dask scheduler at {self.address} ({err})") from None
            return self.client
        workers = self.workers or os.cpu_count() or 1
        if workers < 1:
            raise InputError(f"--workers must be at least 1, got {workers}")
        self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                    dashboard_address=None, silence_logs=logging.ERROR)
        self.client = Client(self.cluster)
        return self.client

    def __exit__(self, *exc):
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False


class _ProgressBar:
    """A one-line progress bar on a terminal: share of the input read and written, docs/s, failures."""

    WIDTH = 30

    def __init__(self, stream, total_bytes: int):
        self.stream, self.total, self.done = stream, total_bytes, 0
        self.started = time.perf_counter()
        self.last_drawn = 0.0
        self.text = ""

    def advance(self, input_bytes: int, summary: BatchSummary) -> None:
        self.done += input_bytes
        now = time.perf_counter()
        if now - self.last_drawn >= 0.2 or self.done >= self.total:
            self.last_drawn = now
            self.text = progress_line(self.done / self.total, summary.documents, summary.failed, now - self.started)
            self.stream.write("\r" + self.text)
            self.stream.flush()

    def clear(self) -> None:
        if self.text:
            self.stream.write("\r" + " " * len(self.text) + "\r")

    def finish(self) -> None:
        if self.text:
            self.stream.write("\n")
            self.stream.flush()


def progress_line(fraction: float, documents: int, failed: int, seconds: float, width: int = 30) -> str:
    """The progress bar's text: "[#######.......]  47%  4,700 docs  391 docs/s  2 failed"."""
    fraction = min(max(fraction, 0.0), 1.0)
    filled = int(round(fraction * width))
    rate = documents / seconds if seconds > 0 else 0.0
    return (f"[{'#' * filled}{'.' * (width - filled)}] {fraction:4.0%}  {documents:,} docs  "
            f"{rate:,.0f} docs/s  {failed:,} failed")


def read_events_parquet(path: str | Path) -> pd.DataFrame:
    """The events table in a Parquet file written by `run_batch`, with the schema's dtypes."""
    return conform(pd.read_parquet(path))
