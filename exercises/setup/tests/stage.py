"""The setup checker's two states, for tests/test_exercises.py: a machine with conda (the
solution) and one without (the start). The machine here has no conda, so the solution's is a
small program that answers `conda --version` as conda does."""

import os
import stat
from pathlib import Path


def prepare(state: Path, work: Path, tmp: Path) -> list:
    conda = tmp / "bin" / "conda"
    if state.name == "solution":
        conda.parent.mkdir(parents=True, exist_ok=True)
        conda.write_text("#!/bin/sh\necho 'conda 25.9.1'\n")
        conda.chmod(conda.stat().st_mode | stat.S_IXUSR)
    return ["--conda", os.fspath(conda)]
