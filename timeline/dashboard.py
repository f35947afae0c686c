"""`timeline dashboard`: the Streamlit dashboard of the installed package, from any folder.

Streamlit runs the app script shipped in the package (timeline/ui/app.py, beside the world
outlines it serves as static files) with the settings of the project's .streamlit/config.toml,
which ships in the package too and is passed as command-line options, since Streamlit reads a
config file only from the current folder or the user's home. No streamlit import here.
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tomllib

from timeline.settings import package_file


def streamlit_options() -> list[str]:
    """The shipped Streamlit settings as `--section.key=value` options."""
    settings = tomllib.loads(package_file("ui", "streamlit", "config.toml").read_text(encoding="utf-8"))
    return [f"--{section}.{key}={_option(value)}" for section, values in settings.items()
            for key, value in values.items()]


def command(db: str | None = None, port: int | None = None) -> list[str]:
    """The command line that starts the dashboard on `db` (default: the settings' database)."""
    app = package_file("ui", "app.py")
    if not (app.parent / "static").is_dir():  # a source checkout: its own app.py has static/ beside it
        app = package_file("ui", "static").parent / "app.py"
    line = [sys.executable, "-m", "streamlit", "run", str(app), *streamlit_options()]
    if port is not None:
        line.append(f"--server.port={port}")
    if db:
        line += ["--", "--db", db]
    return line


def launch(db: str | None = None, port: int | None = None) -> int:
    """Runs the dashboard until it is stopped; its exit code. RuntimeError when streamlit is missing.

    On POSIX this process becomes Streamlit's (exec), so a signal that stops `timeline dashboard`
    stops the server too instead of leaving it running on its own.
    """
    if importlib.util.find_spec("streamlit") is None:
        raise RuntimeError("the dashboard needs Streamlit: pip install 'timeline[dashboard]'")
    line = command(db, port)
    if os.name == "posix":
        sys.stdout.flush()
        os.execv(line[0], line)
    return subprocess.call(line)


def _option(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
