"""Shell completion: the values `zibo … --status/--period/--department/--doc/--region <TAB>` and
`export --table <TAB>` offer, read from the database; `--install-completion zsh` installs zsh's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ZIBO = Path(sys.executable).with_name("zibo")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seeds):
    db = tmp_path_factory.mktemp("completion") / "z.db"
    subprocess.run([str(ZIBO), "--db", str(db), "ingest", str(seeds), "-q"], check=True)
    return db


def complete(line: str, db: Path | None) -> list[str]:
    """What zsh would offer for the command line ``line`` (its last word being completed)."""
    env = {**os.environ, "_ZIBO_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    env.pop("ZIBO_DB", None)
    if db is not None:
        env["ZIBO_DB"] = str(db)
    out = subprocess.run([str(ZIBO)], env=env, capture_output=True, text=True, timeout=30).stdout
    # _arguments '*: :(("done" "partial"))'  or  _arguments '*: :(("done":"help"))'
    import re

    return re.findall(r'"([^"]*)"', out)


def test_status_values_and_a_comma_separated_list(seeded):
    assert complete("zibo tasks --status ", seeded) == ["done", "partial", "not_done", "unknown"]
    assert complete("zibo tasks --status partial,no", seeded) == ["partial,not_done"]


def test_values_from_the_database(seeded):
    assert complete("zibo tasks --period 2023", seeded) == ["2023Q2"]
    assert "2024H1" in complete("zibo indicator --period ", seeded)
    assert complete("zibo tasks --doc 00", seeded) == ["000_f3de8a4f265dc74f.txt", "003_295b3a97b3453646.txt",
                                                         "004_a21875ee7b56be1a.txt"]
    assert complete("zibo tasks --department 市统", seeded) == ["市统计局"]
    assert complete("zibo indicator --region 淄", seeded) == ["淄博市"]
    assert complete("zibo export --table ta", seeded) == ["tasks"]


def test_the_database_named_on_the_command_line_is_the_one_read(seeded):
    assert complete(f"zibo --db {seeded} tasks --period 2023", None) == ["2023Q2"]


def test_no_database_offers_nothing_and_never_fails(tmp_path):
    assert complete("zibo tasks --doc ", tmp_path / "none.db") == []
    assert not (tmp_path / "none.db").exists()
    assert complete("zibo tasks --status d", tmp_path / "none.db") == ["done"]


def test_install_completion_for_a_named_shell(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    r = subprocess.run([str(ZIBO), "--install-completion", "zsh"], env=env, capture_output=True, text=True, timeout=30)
    assert r.returncode == 0 and "zsh completion installed" in r.stdout
    assert "_ZIBO_COMPLETE=complete_zsh" in (tmp_path / ".zfunc" / "_zibo").read_text()
    assert "compinit" in (tmp_path / ".zshrc").read_text()
    assert not (tmp_path / ".bashrc").exists()
    shown = subprocess.run([str(ZIBO), "--show-completion", "fish"], env=env, capture_output=True, text=True,
                           timeout=30)
    assert shown.returncode == 0 and "complete --command zibo" in shown.stdout
