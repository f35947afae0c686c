"""What a batch worker spends its time on: `extract_partition` in this process, with cProfile.

    python bench/partition_profile.py /tmp/corpus-10k.jsonl.gz            # first 4,500 documents
    python bench/partition_profile.py CORPUS --docs 4000 --top 30
    python bench/partition_profile.py CORPUS --dump rows.csv             # every row, to compare versions

The corpus (from bench/corpus_gen.py) is cut into partitions as `python -m timeline batch`
cuts it and each partition goes through `timeline.batch.extract_partition`, as on a Dask
worker but without the cluster. One untimed partition first (language data loads lazily);
then half the other partitions timed in CPU seconds of this process (`time.process_time`: on a
shared machine the wall clock counts other processes' work) and the other half, unless --top 0,
profiled. Each document is extracted once, so the per-text caches cost what they cost a worker
meeting new documents (the same datelines and names recur within a corpus, as in real news).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def partitions(corpus: Path, documents: int, size: int):
    """The first `documents` documents of `corpus`, in partitions of `size`, as batch cuts them."""
    from timeline.batch import input_files, iter_partitions

    taken = 0
    for partition in iter_partitions(input_files([corpus]), size):
        items = partition.items[:documents - taken]
        taken += len(items)
        yield items
        if taken >= documents:
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--docs", type=int, default=4500, help="documents to extract (default 4500)")
    parser.add_argument("--partition", type=int, default=500, help="documents per partition (default 500)")
    parser.add_argument("--top", type=int, default=25, help="profile lines to print (0: no profile)")
    parser.add_argument("--dump", type=Path, help="write every row to this CSV and stop")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: {args.corpus}: no such file", file=sys.stderr)
        return 2
    from timeline.batch import extract_partition

    if args.dump:
        tables = [extract_partition(items).table for items in partitions(args.corpus, args.docs, args.partition)]
        import pyarrow as pa

        frame = pa.concat_tables(tables).to_pandas()
        frame.to_csv(args.dump, index=False)
        print(f"{len(frame)} rows -> {args.dump}")
        return 0
    chunks = list(partitions(args.corpus, args.docs, args.partition))
    if len(chunks) < 2:
        print("error: give at least two partitions' worth of documents (--docs)", file=sys.stderr)
        return 2
    extract_partition(chunks[0])  # untimed: loads the language data
    rest = chunks[1:]
    timed, profiled = (rest[:(len(rest) + 1) // 2], rest[(len(rest) + 1) // 2:]) if args.top else (rest, [])
    start = time.process_time()
    done = sum(extract_partition(items).documents for items in timed)
    spent = time.process_time() - start
    print(f"{done} documents in {spent:.2f} CPU s: {done / spent:.1f} docs per CPU-second")
    if profiled:
        from pipeline_speed import print_profile   # this folder is on the path when run as a script

        print_profile(lambda: [extract_partition(items) for items in profiled], args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
