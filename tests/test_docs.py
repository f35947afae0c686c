"""The README documents every command and every setting (datasette's test_docs habit)."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands() -> list[str]:
    out = subprocess.run([sys.executable, "-m", "timeline", "--help"], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    choices = re.search(r"\{([a-z,]+)\}", out)
    return choices.group(1).split(",") if choices else re.findall(r"^\s{4}(\w+)\s{2,}", out, re.M)


def _environment_variables() -> set[str]:
    names = set()
    for path in list((ROOT / "timeline").rglob("*.py")) + [ROOT / "app.py"]:
        names |= set(re.findall(r"\b(TIMELINE_[A-Z_]+)\b", path.read_text(encoding="utf-8")))
    return names


def test_the_command_line_has_commands():
    assert {"dates", "extract", "batch"} <= set(_subcommands())


@pytest.mark.parametrize("command", _subcommands())
def test_every_command_is_in_the_readme(command):
    assert f"python -m timeline {command}" in README


@pytest.mark.parametrize("name", sorted(_environment_variables()))
def test_every_environment_variable_is_in_the_readme(name):
    assert name in README


def test_readme_opens_with_the_two_setup_commands():
    first_block = re.search(r"```bash\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["bash scripts/dashboard.sh", "bash scripts/test.sh"]
    assert (ROOT / "scripts" / "dashboard.sh").exists() and (ROOT / "scripts" / "test.sh").exists()
