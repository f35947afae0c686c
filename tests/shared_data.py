"""Where the shared seed and benchmarks live (beside the project), and a skip when absent."""
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
BENCHMARKS = SHARED / "benchmarks"


def require(path: Path) -> Path:
    """`path`, or skip the test with the reason (a user's fresh clone has no ../shared)."""
    if not path.exists():
        pytest.skip(f"{path} is absent (it ships beside the project, not in it)")
    return path
