"""Bad input and hostile servers: nothing crashes, hangs, grows without bound or wipes an output.

Each test is one failure of issue 11, run the way a user meets it: the real command line
(in-process, so that a traceback fails the test), a real HTTP server on 127.0.0.1 in a thread,
real files. Nothing is timed: a hostile server is given a short deadline and the test asserts
that the command stops and says why.
"""
from __future__ import annotations

import gzip
import http.server
import json
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from timeline import cli, limits
from timeline.batch import extract_partition, iter_partitions
from timeline.export import read_events_csv, read_events_json
from timeline import ingest

GOOD = {"id": "good", "text": "The delegation met the minister on 2025-01-28 in the capital.",
        "published": "2025-02-13", "lang": "en"}
REPO = Path(__file__).resolve().parent.parent
LATER = {"id": "later", "text": "The talks resumed on 2025-02-03 after a pause.", "published": "2025-02-13",
         "lang": "en"}


def line(record: dict) -> str:
    return json.dumps(record) + "\n"


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def docs_in(out: str) -> set[str]:
    return {json.loads(row)["doc"] for row in out.splitlines()}


# --- 1. a line without end, compressed or not, is skipped with a bounded read -----------------

def _bomb(tmp_path: Path, name: str) -> Path:
    """A gzip corpus: a good line, one line longer than the limit (zeros, no newline until the end), a good line."""
    path = tmp_path / name
    with gzip.open(path, "wb", compresslevel=1) as stream:
        stream.write(line(GOOD).encode())
        chunk = b"0" * limits.MB
        for _ in range(limits.MAX_LINE_BYTES // limits.MB + 2):
            stream.write(chunk)
        stream.write(b"\n" + line(LATER).encode())
    return path


@pytest.mark.parametrize("how", ["corpus", "folder"])
def test_an_endless_line_is_skipped_and_the_others_kept(tmp_path, capsys, how):
    bomb = _bomb(tmp_path, "docs.jsonl.gz")
    args = ["--corpus", bomb] if how == "corpus" else [tmp_path]
    code, out, err = run(capsys, "dates", *args)
    assert code == 1
    assert f"docs.jsonl.gz:2: line longer than {limits.megabytes(limits.MAX_LINE_BYTES)}" in err
    assert docs_in(out) == {"good", "later"}


def test_the_decompressed_size_of_a_corpus_is_capped(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(limits, "MAX_DECOMPRESSED_BYTES", 3 * 1024)  # the cap, not the reader, is made small
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(gzip.compress((line(GOOD) + line({**LATER, "text": "x " * 4000})).encode()))
    code, out, err = run(capsys, "dates", "--corpus", path)
    assert code == 1 and docs_in(out) == {"good"}
    assert "docs.jsonl.gz: unpacks to more than 3 kB; the lines after line 2 were not read" in err


# --- 2. a server that trickles bytes is stopped at the total deadline -------------------------

class _Trickle(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the standard library's name
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/empty":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        try:
            for _ in range(600):  # one byte at a time, never enough for a socket timeout
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_trickling_server_is_cut_off_at_the_deadline(server, capsys, tmp_path):
    code, out, err = run(capsys, "extract", f"{server}/slow.html", "--url-deadline", "1", "-o", tmp_path / "e.csv")
    assert code == 2 and out == ""
    assert "no complete answer within 1 s" in err and err.count("\n") == 1
    assert not (tmp_path / "e.csv").exists()


def test_a_redirect_loop_is_one_line(server, capsys):
    code, _, err = run(capsys, "extract", f"{server}/loop")
    assert code == 2 and err.count("\n") == 1 and "redirect" in err


def test_an_empty_page_is_called_a_page(server, capsys):
    code, _, err = run(capsys, "extract", f"{server}/empty")
    assert code == 2 and "the page is empty" in err and "file" not in err


# --- 3. a deeply nested line is one bad record ------------------------------------------------

def test_deep_nesting_is_one_bad_line(tmp_path, capsys):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(line(GOOD) + "[" * 100000 + "\n" + line(LATER))
    code, out, err = run(capsys, "dates", "--corpus", corpus)
    assert code == 1 and docs_in(out) == {"good", "later"}
    assert f"docs.jsonl:2: nested more than {limits.MAX_NESTING} levels deep" in err


# --- 4 and 8. NUL and lone surrogates are replaced once, at ingest, and reported ---------------

def test_a_lone_surrogate_or_nul_is_replaced_and_the_output_kept(tmp_path, capsys):
    out_csv = tmp_path / "events.csv"
    out_csv.write_text("what was there before\n")
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(line(GOOD) + '{"id": "odd", "text": "The envoy arrived on 2025-02-05 \\ud800 and '
                      'left \\u0000 soon.", "published": "2025-02-13", "lang": "en"}\n')
    code, _, err = run(capsys, "extract", "--corpus", corpus, "-o", out_csv)
    assert code == 0, err
    assert "warning: odd: 2 characters that cannot be stored (NUL, lone surrogates) replaced with U+FFFD" in err
    table = read_events_csv(out_csv.read_bytes())  # the project's own import takes the export back
    assert set(table["source"]) == {"good", "odd"}
    assert not any("\x00" in text for text in table["evidence"])


def test_one_odd_document_does_not_fail_its_partition():
    items = [("line", "docs.jsonl:1", "", line(GOOD).encode()),
             ("line", "docs.jsonl:2", "", b'{"id": "odd", "text": "The envoy arrived on 2025-02-05 \\ud800.", '
                                          b'"published": "2025-02-13", "lang": "en"}\n')]
    result = extract_partition(items)
    assert result.failures == [] and result.documents == 2
    assert result.warnings == ["docs.jsonl:2: document odd: 1 character that cannot be stored (NUL, lone surrogates) "
                               "replaced with U+FFFD"]
    assert set(result.table.column("source").to_pylist()) == {"good", "odd"}


def test_a_nul_in_a_json_import_is_not_stored():
    table = read_events_json('[{"date": "2025-02-05", "title": "Envoy \\u0000arrives"}]')
    assert table["title"].tolist() == ["Envoy \ufffdarrives"]


# --- 5. the output path is checked before any work, and written atomically --------------------

def test_output_into_a_folder_is_refused_before_reading(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("The delegation met on 3 March.")  # no publication date: reading it would warn
    code, out, err = run(capsys, "extract", article, "-o", tmp_path)
    assert code == 2 and out == ""
    assert err == f"error: {tmp_path}: is a folder; give a file name such as events.csv\n"


def test_a_full_disk_is_one_line(tmp_path, capsys):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(line(GOOD))
    code, _, err = run(capsys, "extract", "--corpus", corpus, "-o", "/dev/full")
    assert code == 2 and err.count("\n") == 1
    assert "No space left on device" in err


def _limit_file_size():  # runs in the child: the kernel refuses writes past 4 kB (EFBIG), as a full disk would
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_failed_write_keeps_the_old_output_and_leaves_no_temporary_file(tmp_path):
    out_csv = tmp_path / "events.csv"
    out_csv.write_text("what was there before\n")
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(line({**GOOD, "id": f"doc{number}"}) for number in range(40)))
    result = subprocess.run([sys.executable, "-m", "timeline", "extract", "--corpus", str(corpus), "-o", str(out_csv)],
                            cwd=REPO, capture_output=True, text=True, timeout=300, preexec_fn=_limit_file_size)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cannot be written (File too large); the file that was there is unchanged" in result.stderr
    assert out_csv.read_text() == "what was there before\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.jsonl", "events.csv"]


# --- 6. language codes come from the ISO 639 list ---------------------------------------------

@pytest.mark.parametrize("given, code", [
    ("en", "en"), ("EN", "en"), ("pt-BR", "pt"), ("zh_Hans", "zh"), ("ind", "id"), ("eng", "en"),
    ("xx", ""), ("klingon", ""), ("zz-bogus", ""), ("tlh", ""), ("", ""),
])
def test_language_codes(given, code):
    assert ingest.language_code(given)[0] == code
    assert bool(ingest.language_code(given)[1]) == (code == "" and given != "")


def test_an_unknown_lang_warns_and_detects(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("The delegation met the minister on 28 January 2025 in the capital.")
    code, out, err = run(capsys, "dates", article, "--lang", "klingon", "--published", "2025-02-13")
    assert code == 0
    assert "warning: --lang: 'klingon' is not an ISO 639 language code; the language is detected instead" in err
    assert any(json.loads(row)["value"] == "2025-01-28" for row in out.splitlines())


def test_an_unknown_lang_in_a_record_warns(tmp_path, capsys):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(line({**GOOD, "lang": "zz-bogus"}))
    code, out, err = run(capsys, "dates", "--corpus", corpus)
    assert code == 0 and docs_in(out) == {"good"}
    assert "warning: good: 'zz-bogus' is not an ISO 639 language code" in err


# --- 9. a long uploaded file name -------------------------------------------------------------

def test_an_upload_with_a_very_long_name_is_read():
    from timeline.ui.upload import read_upload

    name = "á" * 200 + ".txt"  # 400 bytes in UTF-8
    shown, document, problem, _ = read_upload(name, b"The delegation met the minister on 28 January 2025.")
    assert problem is None and document is not None and shown == name


# --- 10. years outside the supported window ---------------------------------------------------

@pytest.mark.parametrize("value", ["9999-12-31", "0000-01-01", "1899-12-31"])
def test_a_publication_year_outside_the_window_is_refused(tmp_path, capsys, value):
    article = tmp_path / "a.txt"
    article.write_text("The delegation met on 3 March.")
    code, out, err = run(capsys, "dates", article, "--published", value)
    assert code == 2 and out == ""
    assert f"is outside the supported years {limits.YEARS[0]}-{limits.YEARS[1]}" in err


def test_a_record_year_outside_the_window_is_one_bad_line(tmp_path, capsys):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(line({**GOOD, "published": "9999-01-01"}) + line(LATER))
    code, out, err = run(capsys, "dates", "--corpus", corpus)
    assert code == 1 and docs_in(out) == {"later"} and "docs.jsonl:1:" in err and "outside the supported" in err


# --- 11. the smaller ones ---------------------------------------------------------------------

def test_a_json_error_message_reads_well(tmp_path, capsys):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text('{"id": "a", "text": "tab\there"}\n' + line(LATER))
    code, _, err = run(capsys, "dates", "--corpus", corpus)
    assert code == 1 and "malformed JSON (Invalid control character at column" in err and " at at " not in err


def test_control_characters_in_an_id_are_not_sent_to_the_terminal(tmp_path, capsys):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(line({"id": "\x1b[2J\x1b[31mred", "text": "No dates here at all."}))
    code, _, err = run(capsys, "dates", "--corpus", corpus)
    assert "\x1b" not in err and "\\x1b[2J" in err


def test_an_object_is_not_an_id(tmp_path, capsys):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(line({**GOOD, "id": {"x": 1}}) + line(LATER))
    code, out, err = run(capsys, "dates", "--corpus", corpus)
    assert code == 1 and docs_in(out) == {"later"}
    assert '"id" must be a string or a number, got dict' in err


def test_a_truncated_gzip_corpus_keeps_the_lines_before(tmp_path, capsys):
    noise = "".join(random.Random(11).choices("abcdefghij ", k=20000))  # does not compress away
    whole = gzip.compress((line(GOOD) + line(LATER) + line({**LATER, "id": "lost", "text": noise})).encode())
    corpus = tmp_path / "docs.jsonl.gz"
    corpus.write_bytes(whole[:len(whole) - 200])
    code, out, err = run(capsys, "dates", "--corpus", corpus)
    assert code == 1 and docs_in(out) == {"good", "later"}
    assert "damaged gzip file after line 2" in err and "Traceback" not in err


def test_batch_problems_say_skipped_once(tmp_path):
    bomb = _bomb(tmp_path, "docs.jsonl.gz")
    problems: list[str] = []
    partitions = list(iter_partitions([(bomb, "docs.jsonl.gz", "corpus")], problems=problems))
    assert sum(len(p.items) for p in partitions) == 2
    assert problems and not any("skipped" in problem for problem in problems)
