"""Where the timeline keeps things: the user's own data apart from the data shipped in the package.

    database_target()        # TIMELINE_DB (a file path or a postgresql:// URL), else <user data>/timeline.db
    user_data_dir()          # TIMELINE_HOME, else the per-user data folder (platformdirs)
    package_data("actors.csv")   # a file shipped inside the installed package (read-only)

User data (the database, an edited actors file) is never written into the installed package or the
current folder by surprise: it goes where these settings say.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

DB_ENV = "TIMELINE_DB"
HOME_ENV = "TIMELINE_HOME"
APP_NAME = "timeline"


def user_data_dir() -> Path:
    """The folder for the user's own data: $TIMELINE_HOME when set, else the platform's per-user
    data folder (~/.local/share/timeline on Linux). Not created here."""
    configured = os.environ.get(HOME_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def database_target() -> str | Path:
    """The events database: $TIMELINE_DB (a postgresql:// URL as text, or a file path), else
    timeline.db in the user data folder."""
    configured = os.environ.get(DB_ENV, "").strip()
    if configured:
        from timeline.store.backends import is_database_url

        return configured if is_database_url(configured) else Path(configured).expanduser()
    return user_data_dir() / "timeline.db"


ACTORS_ENV = "TIMELINE_ACTORS"


def actors_file() -> Path:
    """The actors file in use: $TIMELINE_ACTORS when set, else the analyst's edited copy in the
    user data folder when there is one, else the one shipped in the package."""
    configured = os.environ.get(ACTORS_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    edited = user_data_dir() / "actors.csv"
    return edited if edited.is_file() else package_data("actors.csv")


def edited_actors_file() -> Path:
    """Where an edited actors file is saved: $TIMELINE_ACTORS when set, else the user data folder
    (never over the file shipped in the package)."""
    configured = os.environ.get(ACTORS_ENV, "").strip()
    return Path(configured).expanduser() if configured else user_data_dir() / "actors.csv"


def package_data(*parts: str) -> Path:
    """A file or folder of the data shipped with the package (actors, event types, city stop words,
    demo articles): timeline/data (see package_file)."""
    return package_file("data", *parts)


def package_file(*parts: str) -> Path:
    """A file or folder shipped inside the package, by its path under timeline/ (read through
    importlib.resources), as a path on disk.

    A source checkout keeps some of them where people edit them, outside timeline/ (data/, static/,
    .streamlit/); pyproject.toml's package-dir maps those folders into the package only when it is
    built, so in a checkout they are found in those folders instead.
    """
    inside = Path(str(resources.files("timeline"))).joinpath(*parts)
    if inside.exists():
        return inside
    relative = "/".join(parts)
    for packaged, folder in _CHECKOUT_FOLDERS.items():
        if relative == packaged or relative.startswith(packaged + "/"):
            return _CHECKOUT_ROOT.joinpath(folder, relative[len(packaged):].lstrip("/"))
    return inside


# pyproject.toml's [tool.setuptools.package-dir], as paths: what is built into timeline/ from elsewhere.
_CHECKOUT_FOLDERS = {"data": "data", "ui/static": "static", "ui/streamlit": ".streamlit"}
_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent
