"""python -m timeline batch: a corpus on a local Dask cluster into one Parquet file.

The command is run as a user runs it (a subprocess, a real LocalCluster of two workers), and
its Parquet file is compared, row for row, with what extract_events gives for the same
documents one at a time. The per-partition logic is also tested in-process.
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from timeline import events
from timeline.batch import (PARTITION_DOCS, document_events, extract_partition, input_files, iter_partitions,
                            progress_line, read_events_parquet, run_batch)
from timeline.ingest import InputError, document_from_record, load_corpus
from timeline.schema import EVENT_COLUMNS, conform

REPO = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).resolve().parent / "pages"

GOOD = [
    {"id": "id-1", "text": "Jakarta, 13 Februari 2025 — Presiden bertemu Xi Jinping pada 8 Desember di Beijing."},
    {"id": "en-1", "text": "WASHINGTON, March 3, 2025 — The envoys met in Doha on Friday. Talks resume next week.",
     "url": "https://example.org/world/envoys"},
    {"id": "fr-1", "text": "Les ministres se sont réunis le 12 janvier à Genève.", "published": "2025-01-30"},
    {"id": "es-1", "text": "El acuerdo fue firmado el 20 de febrero en Lima.", "url": "https://example.net/2025/03/07/acuerdo"},
    {"id": "de-1", "text": "Berlin, 22. Januar 2025 — Die Waffenruhe trat am 22. Dezember in Kraft.", "lang": "de"},
    {"id": "tr-1", "text": "Ankara, 5 Mart 2025 — Bakanlar 3 Mart'ta bir araya geldi."},
    {"id": "ru-1", "text": "Москва, 13 февраля 2025 г. — Переговоры прошли 10 февраля."},
    {"id": "undated", "text": "The president called the prime minister on Wednesday."},
    {"id": "no-dates", "text": "Nothing in this text can be placed on a timeline."},
]
BAD_LINES = [
    ("{not json", None),                                                             # malformed: no id
    (json.dumps({"id": "bad-type", "text": ["a", "list"]}), "bad-type"),              # wrong type of text
    (json.dumps({"id": "bad-date", "text": "Isi.", "published": "2025-02-30"}), "bad-date"),  # impossible date
    (json.dumps({"id": "bad-lang", "text": "Isi.", "lang": 7}), "bad-lang"),          # wrong type of lang
]


def corpus_lines() -> list[str]:
    """The good records, twice (new ids), with the bad lines and a blank line between them."""
    lines = [json.dumps(record, ensure_ascii=False) for record in GOOD]
    lines += [json.dumps({**record, "id": record["id"] + "-b"}, ensure_ascii=False) for record in GOOD]
    for position, (line, _) in zip((2, 7, 11, 15), BAD_LINES):
        lines.insert(position, line)
    lines.insert(5, "")
    return lines


def expected_events(path: Path) -> pd.DataFrame:
    """The events of every usable record of the corpus at `path`, extracted one document at a time."""
    frames = [document_events(document_from_record(record)) for _, record in load_corpus(path)
              if not isinstance(record, InputError) and not isinstance(record.get("lang", ""), int)]
    return conform(pd.concat([frame for frame in frames if len(frame)], ignore_index=True))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "docs.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(corpus_lines()) + "\n").encode("utf-8")))
    return path


def test_batch_on_two_workers_matches_one_document_at_a_time(corpus, tmp_path):
    output = tmp_path / "events.parquet"
    result = subprocess.run([sys.executable, "-m", "timeline", "batch", str(corpus), "-o", str(output),
                             "--workers", "2", "--partition-size", "4"],
                            cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 1, result.stderr  # some documents were skipped
    assert "Traceback" not in result.stderr
    table = read_events_parquet(output)
    expected = expected_events(corpus)
    assert len(expected) > 10
    pd.testing.assert_frame_equal(table, expected)
    assert list(table.columns) == list(EVENT_COLUMNS)
    assert set(table["published_from"]) == {"dateline", "given", "url"}

    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(BAD_LINES)
    lines = corpus_lines()
    for (line, doc_id), error in zip(BAD_LINES, errors):
        where = f"{corpus}:{lines.index(line) + 1}: "
        assert error.startswith("error: " + where) and error.endswith(" (skipped)")
        if doc_id:
            assert error.startswith(f"error: {where}document {doc_id}: ")
    assert "malformed JSON" in errors[0] and 'missing or empty "text"' in errors[1]
    assert "February 2025 has 28 days" in errors[2] and '"lang" must be a string' in errors[3]
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith(f"batch: {2 * len(GOOD)} documents ok, {len(BAD_LINES)} failed, {len(table)} events, ")
    assert re.search(r"on 2 workers; cluster ready in [\d.]+ s; [\d.]+ docs per CPU-second of a worker\) -> ", summary)
    assert summary.endswith(f") -> {output}")


def test_batch_on_a_folder_in_process(tmp_path, capsys):
    folder = tmp_path / "articles"
    (folder / "pages").mkdir(parents=True)
    for name in ("meta_article.html", "url_dated.html", "not_article.html"):
        (folder / "pages" / name).write_bytes((PAGES / name).read_bytes())
    (folder / "brief.txt").write_text("Jakarta, 13 Februari 2025 — Presiden bertemu Xi pada 8 Desember.\n")
    (folder / "latin1.txt").write_bytes("Publié le 13 février 2025 à Genève.".encode("latin-1"))
    (folder / "feed.jsonl").write_text("\n".join(corpus_lines()[:4]) + "\n", encoding="utf-8")
    output = tmp_path / "out.parquet"
    summary = run_batch([folder], output, workers=1, partition_docs=3)
    captured = capsys.readouterr()
    assert (summary.documents, summary.failed, summary.workers) == (7, 2, 1)
    table = read_events_parquet(output)
    assert summary.events == len(table)
    provenance = table.groupby("source")[["published", "published_from"]].first().to_dict("index")
    assert provenance["brief.txt"] == {"published": "2025-02-13", "published_from": "dateline"}
    assert provenance["pages/meta_article.html"] == {"published": "2025-02-13", "published_from": "metadata"}
    assert provenance["pages/url_dated.html"] == {"published": "2025-03-07", "published_from": "url"}
    assert provenance["id-1"] == {"published": "2025-02-13", "published_from": "dateline"}
    sources = [source for source in table["source"].drop_duplicates() if source != "pages/not_article.html"]
    assert sources == ["brief.txt", "id-1", "en-1", "fr-1", "pages/meta_article.html", "pages/url_dated.html"]
    errors = captured.err.splitlines()[:-1]
    assert [e.split(": ")[1].rsplit("/", 1)[-1] for e in errors] == ["feed.jsonl:3", "latin1.txt"]
    assert "not valid UTF-8" in errors[1] and errors[1].endswith("(skipped)")
    assert captured.err.splitlines()[-1].startswith("batch: 7 documents ok, 2 failed, ")


# --- in-process: partitions, one bad document, progress ---------------------------------------------

def test_a_failing_extraction_is_reported_with_its_id_and_the_others_are_kept(monkeypatch):
    real = events.event_records

    def flaky(text, **kwargs):
        if "Lima" in text:
            raise RuntimeError("engine broke")
        return real(text, **kwargs)

    monkeypatch.setattr(events, "event_records", flaky)
    items = [("line", f"docs.jsonl:{n}", "", json.dumps(record).encode()) for n, record in enumerate(GOOD, 1)]
    result = extract_partition(items)
    assert result.documents == len(GOOD) - 1
    assert result.failures == ["docs.jsonl:4: document es-1: RuntimeError: engine broke"]
    assert "es-1" not in set(result.table.column("source").to_pylist())
    assert result.table.schema.names == list(EVENT_COLUMNS)


def test_a_row_that_does_not_fit_the_schema_fails_only_its_own_document(monkeypatch):
    # The partition's rows make one frame; a row that cannot (an offset that is no number) sends
    # the partition back to one frame per document, so that only its document is left out.
    real = events.event_records

    def odd(text, **kwargs):
        records = real(text, **kwargs)
        if "Lima" in text:
            records[0]["char_start"] = "no number"
        return records

    monkeypatch.setattr(events, "event_records", odd)
    items = [("line", f"docs.jsonl:{n}", "", json.dumps(record).encode()) for n, record in enumerate(GOOD, 1)]
    result = extract_partition(items)
    assert result.documents == len(GOOD) - 1
    assert len(result.failures) == 1 and result.failures[0].startswith("docs.jsonl:4: document es-1: ValueError: ")
    sources = result.table.column("source").to_pylist()
    assert "es-1" not in sources and {"id-1", "en-1", "fr-1", "de-1"} <= set(sources)
    assert sources == sorted(sources, key=[record["id"] for record in GOOD].index)   # input order kept


def test_a_partition_is_the_documents_tables_one_after_another():
    items = [("line", f"docs.jsonl:{n}", "", json.dumps(record).encode()) for n, record in enumerate(GOOD, 1)]
    together = extract_partition(items).table.to_pandas()
    one_by_one = pd.concat([extract_partition([item]).table.to_pandas() for item in items], ignore_index=True)
    pd.testing.assert_frame_equal(together, one_by_one)


def test_partitions_are_bounded_and_keep_order(tmp_path):
    path = tmp_path / "docs.jsonl.gz"
    lines = [json.dumps({"id": f"d{n}", "text": "Isi."}) for n in range(23)]
    path.write_bytes(gzip.compress(("\n\n".join(lines) + "\n").encode()))
    partitions = list(iter_partitions(input_files([path]), partition_docs=5))
    assert [len(p.items) for p in partitions] == [5, 5, 5, 5, 3]
    assert [item[1] for item in partitions[1].items] == [f"{path}:{n}" for n in (11, 13, 15, 17, 19)]
    assert sum(p.input_bytes for p in partitions) == path.stat().st_size  # progress reaches 100 %


def test_a_damaged_gzip_keeps_the_lines_before_the_damage(tmp_path):
    path = tmp_path / "docs.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps({"id": f"d{n}", "text": "Isi " * 50}) for n in range(400)) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    problems: list[str] = []
    items = [item for p in iter_partitions(input_files([path]), 50, problems) for item in p.items]
    assert 0 < len(items) < 400
    assert len(problems) == 1 and "is a damaged gzip file after line" in problems[0]


def test_input_files_names_every_unusable_input(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError) as caught:
        input_files([tmp_path / "missing.jsonl", tmp_path / "empty"])
    assert "missing.jsonl: no such file or folder" in str(caught.value)
    assert "empty: is a directory with no articles" in str(caught.value)


@pytest.mark.parametrize("fraction, documents, failed, seconds, line", [
    (0.0, 0, 0, 0.0, "[..........]   0%  0 docs  0 docs/s  0 failed"),
    (0.47, 4700, 2, 10.0, "[#####.....]  47%  4,700 docs  470 docs/s  2 failed"),
    (1.2, 12000, 0, 30.0, "[##########] 100%  12,000 docs  400 docs/s  0 failed"),
])
def test_progress_line(fraction, documents, failed, seconds, line):
    assert progress_line(fraction, documents, failed, seconds, width=10) == line


@pytest.mark.parametrize("args, message", [
    (["--workers", "0"], "--workers must be at least 1"),
    (["--partition-size", "0"], "--partition-size must be at least 1"),
    (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "cannot be used with --scheduler"),
    (["--published", "2025-13-01"], "there is no month 13"),
])
def test_bad_batch_arguments(corpus, tmp_path, args, message):
    result = subprocess.run([sys.executable, "-m", "timeline", "batch", str(corpus), "-o", str(tmp_path / "o.parquet"),
                             *args], cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_batch_into_a_missing_folder_or_from_a_missing_corpus(corpus, tmp_path):
    for inputs, output, message in [([corpus], tmp_path / "no" / "o.parquet", "does not exist"),
                                    ([tmp_path / "none.jsonl"], tmp_path / "o.parquet", "no such file or folder")]:
        result = subprocess.run([sys.executable, "-m", "timeline", "batch", *map(str, inputs), "-o", str(output)],
                                cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert result.returncode == 2 and result.stderr.count("\n") == 1 and message in result.stderr


def test_help_states_the_default_partition_size():
    from timeline.cli import build_parser

    help_text = build_parser()._subparsers._group_actions[0].choices["batch"].format_help()
    assert f"(default: {PARTITION_DOCS})" in help_text
