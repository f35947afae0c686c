"""How `python -m timeline batch` scales: docs/s on 1 and 2 workers, and peak memory, by corpus size.

    python bench/batch_scale.py                          # 10k and 100k documents, 1 and 2 workers
    python bench/batch_scale.py --sizes 2000 10000 --workers 1 2

For each size a synthetic corpus is written with bench/corpus_gen.py (gzip JSON lines, fixed
seed) into a temporary folder, then `python -m timeline batch` runs on it once per worker count
on a local cluster. Reported per run: documents per second as the command's summary line states
it (from the first partition sent to the Parquet file closed; starting the cluster and loading
the engine on the workers is shown apart), the wall time of the whole command, and the peak
resident memory of the command's process tree (driver, scheduler, nannies and workers, sampled
every 0.2 s with psutil), as a total and for the largest single process. Memory that does not
grow with the corpus is the design goal; so is 2 workers running close to twice as fast as 1.

On a shared machine the wall clock counts other processes' work too, so each run also gives
the command's own CPU figure: documents per CPU-second of a worker ("cpu/wkr": the workers'
process CPU time over the extraction, read from each worker before and after), and "cpu x",
that rate times the workers over the first run's: the speed-up the workers' own work allows
when each has a core to itself.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from corpus_gen import write_corpus  # noqa: E402

SUMMARY = re.compile(r"batch: (\d+) documents ok, (\d+) failed, (\d+) events, ([\d.]+) s \(([\d.]+) docs/s on (\d+) "
                     r"workers; cluster ready in ([\d.]+) s(?:; ([\d.]+) docs per CPU-second of a worker)?\)")


def peak_memory(process: psutil.Popen, interval: float = 0.2) -> tuple[dict, threading.Thread]:
    """Start sampling the RSS of `process` and its descendants until it ends: (peaks in bytes, sampler)."""
    peaks = {"total": 0, "largest": 0}

    def sample() -> None:
        while process.poll() is None:
            try:
                tree = [process, *process.children(recursive=True)]
                sizes = []
                for member in tree:
                    try:
                        sizes.append(member.memory_info().rss)
                    except psutil.Error:
                        pass
                peaks["total"] = max(peaks["total"], sum(sizes))
                peaks["largest"] = max(peaks["largest"], max(sizes, default=0))
            except psutil.Error:
                pass
            time.sleep(interval)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    return peaks, thread


def run(corpus: Path, workers: int, output: Path) -> dict:
    """One batch run; its summary figures and peak memory."""
    started = time.perf_counter()
    process = psutil.Popen([sys.executable, "-m", "timeline", "batch", str(corpus), "-o", str(output),
                            "--workers", str(workers), "--progress", "never"],
                           cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks, sampler = peak_memory(process)
    _, stderr = process.communicate()
    sampler.join()
    wall = time.perf_counter() - started
    match = SUMMARY.search(stderr)
    if process.returncode not in (0, 1) or not match:
        raise SystemExit(f"batch failed (exit {process.returncode}):\n{stderr[-2000:]}")
    ok, failed, events, seconds, rate, _, ready, cpu_rate = match.groups()
    return {"docs": int(ok), "failed": int(failed), "events": int(events), "seconds": float(seconds),
            "docs_per_s": float(rate), "startup": float(ready), "wall": wall,
            "docs_per_cpu_s": float(cpu_rate or 0),
            "peak_total_mb": peaks["total"] / 2**20, "peak_largest_mb": peaks["largest"] / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes (documents)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="local cluster sizes")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"machine: {psutil.cpu_count()} CPUs, {psutil.virtual_memory().total / 2**30:.0f} GB", flush=True)
    header = (f"{'docs':>8} {'workers':>7} {'docs/s':>8} {'speedup':>7} {'cpu/wkr':>8} {'cpu x':>6} "
              f"{'extract s':>9} {'startup s':>9} "
              f"{'wall s':>7} {'events':>8} {'peak MB total':>13} {'largest':>8}")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            corpus = write_corpus(Path(folder) / f"corpus-{size}.jsonl.gz", size, args.seed)
            base = cpu_base = None
            for workers in args.workers:
                result = run(corpus, workers, Path(folder) / f"events-{size}-{workers}.parquet")
                base = base or result["docs_per_s"]
                cpu_base = cpu_base or result["docs_per_cpu_s"] * workers or 1.0
                row = (f"{size:>8} {workers:>7} {result['docs_per_s']:>8.1f} {result['docs_per_s'] / base:>6.2f}x "
                       f"{result['docs_per_cpu_s']:>8.1f} {result['docs_per_cpu_s'] * workers / cpu_base:>5.2f}x "
                       f"{result['seconds']:>9.1f} {result['startup']:>9.1f} {result['wall']:>7.1f} "
                       f"{result['events']:>8} {result['peak_total_mb']:>13.0f} {result['peak_largest_mb']:>8.0f}")
                rows.append(row)
                print(row, file=sys.stderr, flush=True)  # as it goes: a 100k run takes a while
    print(header)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
