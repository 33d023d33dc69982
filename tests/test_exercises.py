"""Every exercise, as rustlings' `dev check` does it: its checker fails the student's starting
state (exit 1) and passes the model solution (exit 0), run as a student runs it, from the
student's folder with no arguments but those the exercise's page tells them to type.

An exercise is `exercises/<name>/` (tools/sitemap.py). The state is a folder, `solution/` or
`start/` (absent: an empty folder), copied into the student's folder; an exercise whose machine
needs more than files (a conda environment, a conda on PATH) sets it up in
`exercises/<name>/tests/stage.py`, `prepare(state, work, tmp) -> checker arguments`."""

import importlib.util
import shutil
import subprocess
import sys

import pytest

from tools.sitemap import exercises

# The checker runs on the student's Python, not on Sphinx: checked in the pinned stack's suite.
pytestmark = pytest.mark.stack("pinned", why="the checker does not use Sphinx")

# A checker that takes longer than this is broken, not slow: they run in a second or two.
CHECKER_LIMIT = 120


def prepare(exercise, state, work, tmp):
    stage = exercise.folder / "tests" / "stage.py"
    if stage.is_file():
        spec = importlib.util.spec_from_file_location(f"stage_{exercise.name}", stage)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.prepare(state, work, tmp)
    if state.is_dir():
        shutil.copytree(state, work, dirs_exist_ok=True)
    return []


@pytest.mark.parametrize("state, exit_code", [("start", 1), ("solution", 0)], ids=["start", "solution"])
@pytest.mark.parametrize("exercise", exercises(), ids=lambda exercise: exercise.name)
def test_checker_fails_the_start_and_passes_the_solution(exercise, state, exit_code, tmp_path):
    assert exercise.checker.is_file(), f"{exercise.name} has no {exercise.checker.name}"
    work = tmp_path / "work"
    work.mkdir()
    args = prepare(exercise, exercise.folder / state, work, tmp_path)
    result = subprocess.run([sys.executable, str(exercise.checker), *args], cwd=work,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            timeout=CHECKER_LIMIT)
    assert result.returncode == exit_code, f"{state}: exit {result.returncode}\n{result.stdout}{result.stderr}"
    assert result.stderr == "", result.stderr
