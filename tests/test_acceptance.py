"""The acceptance scorer on the seed reports, run as users run it (a subprocess on the
venv's `zibo`). Skipped only when the shared scorer is not beside the repository
(``../shared/acceptance/score.py``; a worktree one level deeper looks one more up)."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORER = next((p for p in (ROOT.parent / "shared" / "acceptance" / "score.py",
                           ROOT.parent.parent / "shared" / "acceptance" / "score.py") if p.exists()),
              ROOT.parent / "shared" / "acceptance" / "score.py")
GOLD = SCORER.parent / "seeds.gold.json"
ZIBO = Path(sys.executable).with_name("zibo")
# the scorer as it is, its text helpers remembered (tests/score_runner.py): same output, a few times faster
RUN_SCORER = [sys.executable, str(Path(__file__).resolve().with_name("score_runner.py")), str(SCORER)]


def zibo_on(db: Path) -> str:
    """The scorer's --zibo for a database of one's own (ingested already: the scorer's ingest of the same
    folder is then a re-ingest) in place of the empty one it makes."""
    return shlex.join(["env", f"ZIBO_DB={db}", str(ZIBO)])


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/acceptance/score.py is not here")
def test_scorer_passes_on_the_seeds():
    assert ZIBO.exists(), f"install the package into this venv first: {ZIBO} missing"
    p = subprocess.run([*RUN_SCORER, "--docs", str(ROOT / "seeds"), "--gold", str(GOLD),
                        "--zibo", str(ZIBO), "--min-core", "1.0", "--min-all", "0.9", "-v"],
                       capture_output=True, text=True, timeout=600)
    last = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else p.stderr
    assert p.returncode == 0, p.stdout + p.stderr
    assert "unsupported 0" in last and "compare 1/1" in last and "all pass" in last, last
