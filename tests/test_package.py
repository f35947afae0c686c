"""The package as pip builds it: its command, its data inside it, runtime dependencies apart from the tests'."""
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from timeline import __version__
from timeline.settings import package_data, package_file

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ["timeline/data/actors.csv", "timeline/data/event_types.json", "timeline/data/city_stopwords.txt",
           "timeline/data/demo/index.json", "timeline/lang/extra.json", "timeline/ui/app.py",
           "timeline/ui/static/topojson/world_110m.json", "timeline/ui/streamlit/config.toml"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    before = set(ROOT.iterdir())
    try:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                       check=True, capture_output=True, cwd=out)
    finally:  # setuptools leaves build/ and timeline.egg-info/ in the checkout
        for made in set(ROOT.iterdir()) - before:
            shutil.rmtree(made)
    (found,) = out.glob("timeline-*.whl")
    return zipfile.ZipFile(found)


def test_the_wheel_ships_the_data_the_code_reads(wheel):
    names = set(wheel.namelist())
    assert set(SHIPPED) <= names
    assert not [name for name in names if name.endswith((".db", ".db-wal"))]   # no user data


def test_the_wheel_has_the_timeline_command_and_the_version(wheel):
    (entry_points,) = [name for name in wheel.namelist() if name.endswith("entry_points.txt")]
    assert "timeline = timeline.cli:main" in wheel.read(entry_points).decode()
    (metadata,) = [name for name in wheel.namelist() if name.endswith("METADATA")]
    assert f"\nVersion: {__version__}\n" in wheel.read(metadata).decode()


def test_a_plain_install_pulls_neither_pytest_nor_playwright(wheel):
    (metadata,) = [name for name in wheel.namelist() if name.endswith("METADATA")]
    requires = [line for line in wheel.read(metadata).decode().splitlines() if line.startswith("Requires-Dist:")]
    runtime = [line for line in requires if "extra ==" not in line]
    assert runtime and not [line for line in runtime if "pytest" in line or "playwright" in line or "streamlit" in line]
    assert any("pytest" in line and 'extra == "tests"' in line for line in requires)
    assert any("streamlit" in line and 'extra == "dashboard"' in line for line in requires)


def test_the_checkout_finds_the_same_files():
    for name in SHIPPED:
        relative = name.removeprefix("timeline/").split("/")
        assert package_file(*relative).is_file(), name
    assert package_data("actors.csv") == ROOT / "data" / "actors.csv"
