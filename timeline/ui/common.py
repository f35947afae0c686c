"""What every page piece shares: the one error policy for user actions, and safe text display."""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st

log = logging.getLogger("timeline.ui")

FLASH_KEY = "_flash"
UNDO_ROUND_KEY = "_undo_round"   # counts this session's Undos: every edit form is refilled after one

# Errors whose message is written for a person; anything else is a bug and is logged.
_READABLE = ("InputError", "EventsImportError", "ConflictError", "StoreError", "FieldError", "ValueError")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


@dataclass
class Outcome:
    """Whether the action inside `user_action` went through."""

    failed: bool = False
    error: BaseException | None = None


@contextmanager
def user_action(doing: str, where=None):
    """Run the block; on any error show one readable st.error line instead of a stack trace.

    Messages are shown as plain text (file names and cell values may hold markup).
    `doing` completes "… failed: <reason>" ("Saving the edit"). Errors meant for a person
    (InputError, EventsImportError, ConflictError, StoreError, ValueError) show their message;
    anything else is logged with its traceback and shown by type and message only.
    Streamlit's own rerun/stop signals are BaseExceptions and pass through untouched.
    """
    outcome = Outcome()
    target = where or st
    try:
        yield outcome
    except Exception as error:  # noqa: BLE001 - this is the one place errors become messages
        outcome.failed, outcome.error = True, error
        if _is_readable(error):
            target.error(escape_markdown(f"{doing} failed: {error}"))
        else:
            log.exception("%s failed", doing)
            target.error(escape_markdown(f"{doing} failed unexpectedly ({type(error).__name__}: {error}). "
                                         "The details are in the server log."))


def _is_readable(error: BaseException) -> bool:
    return any(cls.__name__ in _READABLE for cls in type(error).__mro__)


def escape_markdown(text: object) -> str:
    """`text` shown literally by st.markdown: no markup, links, math ($), colours (:red[...]) or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


DATE_FORMS_HELP = ("2024-12-08 (a day), 2024-W50 (a week), 2024-12 (a month), 2024-Q4 (a quarter), "
                   "2024 (a year) or 202 (a decade)")


def date_problem(text: str) -> str | None:
    """None when `text` is a date the timeline can place; else one plain sentence saying how to write one."""
    from timeline.periods import date_span

    try:
        date_span(str(text).strip())
    except ValueError:
        return escape_markdown(f"“{' '.join(str(text).split())}” is not a date the timeline can place. "
                               f"Write it at the precision you know: {DATE_FORMS_HELP}.")
    return None


_TOKEN = re.compile(r"[\w][\w-]*")


def by_title(text: str, titles: dict[str, str]) -> str:
    """`text` with each event id it names replaced by that event's title in quotes: an analyst
    knows “Envoys held talks”, not ev-b337daa994d8. Ids without a known title stay as written."""
    def named(match: re.Match) -> str:
        title = " ".join(str(titles.get(match.group(0)) or "").split())
        if not title:
            return match.group(0)
        return f"“{title if len(title) <= 80 else title[:79] + '…'}”"
    return _TOKEN.sub(named, str(text))


def flash(kind: str, message: str) -> None:
    """Show plain-text `message` (kind: success, info, warning, error) at the top of the next run."""
    st.session_state.setdefault(FLASH_KEY, []).append((kind, escape_markdown(message)))


def show_flashes() -> None:
    """The messages queued by `flash` during the previous run, shown once."""
    for kind, message in st.session_state.pop(FLASH_KEY, []):
        getattr(st, kind)(message)
