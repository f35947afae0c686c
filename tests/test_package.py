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


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed into a folder of its own (its dependencies come from this environment)."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    wheel.filename], check=True, capture_output=True)
    return target


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


# Runs in a fresh interpreter whose only way to `timeline` is the installed copy (PYTHONPATH).
DASK_RUN = """
import json, sys, tempfile
from pathlib import Path
from distributed import Client, LocalCluster
import timeline
from timeline.batch import run_batch
from timeline.settings import package_data

with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
    with Client(cluster) as client:
        def where():
            import timeline
            return timeline.__file__
        workers = sorted(client.run(where).values())
        output = Path(tempfile.mkdtemp()) / "events.parquet"
        summary = run_batch([str(package_data("demo"))], output, scheduler=cluster.scheduler_address)
print(json.dumps({"here": timeline.__file__, "workers": workers, "events": summary.events,
                  "documents": summary.documents, "failed": summary.failed}))
"""


def test_dask_workers_run_the_installed_package_not_the_checkout(installed, tmp_path):
    import json
    import os

    env = {**os.environ, "PYTHONPATH": str(installed)}
    done = subprocess.run([sys.executable, "-c", DASK_RUN], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["here"].startswith(str(installed))
    assert len(result["workers"]) == 2 and all(path.startswith(str(installed)) for path in result["workers"])
    assert (result["documents"], result["failed"]) == (3, 0) and result["events"] > 0


def test_the_dashboard_command_runs_the_app_with_the_projects_streamlit_settings():
    from timeline.dashboard import command

    line = command("postgresql://rina@db.example/timeline", 8600)
    assert line[1:4] == ["-m", "streamlit", "run"] and Path(line[4]).is_file()
    assert (Path(line[4]).parent / "static" / "topojson" / "world_110m.json").is_file()   # the map's outlines
    assert {"--server.enableStaticServing=true", "--runner.magicEnabled=false", "--server.port=8600"} <= set(line)
    assert line[-3:] == ["--", "--db", "postgresql://rina@db.example/timeline"]
