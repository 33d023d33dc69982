"""Every exercise, as rustlings' `dev check` does it: its checker fails the student's starting
state (exit 1) and passes the model solution (exit 0), run as a student runs it, from the
student's folder with no arguments but those the exercise's page tells them to type.

An exercise is `exercises/<name>/` (tools/sitemap.py). The state is a folder, `solution/` or
`start/` (absent: an empty folder), copied into the student's folder; an exercise whose machine
needs more than files (a conda environment, a conda on PATH) sets it up in
`exercises/<name>/tests/stage.py`, `prepare(state, work, tmp) -> checker arguments`.

What every checker promises beyond that: a literal STEPS table of (id, what it checks, hint
template), and `--json` reporting exactly the table's steps, in its order; and on a Python older
than 3.8 (2.7 included), one line saying so and exit 2, never a SyntaxError."""

import ast
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.condaenv import pyenv_root
from tools.sitemap import exercises

# The checker runs on the student's Python, not on Sphinx: checked in the pinned stack's suite.
pytestmark = pytest.mark.stack("pinned", why="the checker does not use Sphinx")

# A checker that takes longer than this is broken, not slow: they run in a second or two.
CHECKER_LIMIT = 120
STATES = pytest.mark.parametrize("state, exit_code", [("start", 1), ("solution", 0)],
                                 ids=["start", "solution"])
EXERCISES = pytest.mark.parametrize("exercise", exercises(), ids=lambda exercise: exercise.name)


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


def run_checker(checker, args, cwd, python=sys.executable):
    return subprocess.run([str(python), str(checker), *map(str, args)], cwd=cwd,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=CHECKER_LIMIT)


def table_ids(checker):
    """The ids of the checker's STEPS, read as the instructor guide reads them: a literal list
    of (id, what it checks, hint template)."""
    tree = ast.parse(Path(checker).read_text(encoding="utf-8"))
    tables = [ast.literal_eval(statement.value) for statement in tree.body
              if isinstance(statement, ast.Assign)
              and any(getattr(target, "id", "") == "STEPS" for target in statement.targets)]
    assert len(tables) == 1, f"{checker} assigns STEPS {len(tables)} times"
    rows = tables[0]
    assert all(isinstance(row, tuple) and len(row) == 3 and all(isinstance(c, str) for c in row)
               for row in rows), rows
    return [step for step, _, _ in rows]


def steps_off_the_table(table, reported):
    """What is wrong with the reported step ids against the table's: "" when they are the
    table's ids in its order, where a row `kind:<name>` stands for one or more steps `kind:x`
    in a row (a spec's packages) and every other row for exactly one step."""
    rows = [re.escape(row).replace(re.escape("<name>"), "[^:\\n]+") for row in table]
    pattern = "".join("(?:%s\n)%s" % (row, "+" if "<name>" in table[index] else "")
                      for index, row in enumerate(rows))
    text = "".join(step + "\n" for step in reported)
    if re.fullmatch(pattern, text):
        return ""
    return f"reported {reported}, but the table has {table}"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """Each exercise's state prepared once for the tests of this module: (work, arguments)."""
    made = {}

    def make(exercise, state):
        if (exercise.name, state) not in made:
            tmp = tmp_path_factory.mktemp(f"{exercise.name}-{state}")
            work = tmp / "work"
            work.mkdir()
            made[exercise.name, state] = work, prepare(exercise, exercise.folder / state, work, tmp)
        return made[exercise.name, state]
    return make


@STATES
@EXERCISES
def test_checker_fails_the_start_and_passes_the_solution(exercise, state, exit_code, prepared):
    assert exercise.checker.is_file(), f"{exercise.name} has no {exercise.checker.name}"
    work, args = prepared(exercise, state)
    result = run_checker(exercise.checker, args, work)
    assert result.returncode == exit_code, f"{state}: exit {result.returncode}\n{result.stdout}{result.stderr}"
    assert result.stderr == "", result.stderr


@STATES
@EXERCISES
def test_checker_reports_exactly_the_steps_of_its_table(exercise, state, exit_code, prepared):
    work, args = prepared(exercise, state)
    result = run_checker(exercise.checker, [*args, "--json"], work)
    assert result.returncode == exit_code, result.stderr
    reported = [step["id"] for step in json.loads(result.stdout)["steps"]]
    assert steps_off_the_table(table_ids(exercise.checker), reported) == ""


def break_checker(checker, tmp_path, old, new):
    """A copy of checker with one piece of its text changed."""
    text = checker.read_text(encoding="utf-8")
    assert old in text, old
    broken = tmp_path / checker.name
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    return broken


@pytest.mark.parametrize("old, new", [
    ('("folder", "the current', '("workdir", "the current'),  # the table names another step
    ('("folder", check_folder(os.getcwd())', '("conda", check_folder(os.getcwd())'),  # the report
], ids=["table", "report"])
def test_a_checker_whose_report_leaves_its_table_is_caught(tmp_path, old, new):
    setup = next(exercise for exercise in exercises() if exercise.name == "setup")
    broken = break_checker(setup.checker, tmp_path, old, new)
    result = run_checker(broken, ["--json", "--conda", tmp_path / "none"], tmp_path)
    reported = [step["id"] for step in json.loads(result.stdout)["steps"]]
    assert steps_off_the_table(table_ids(broken), reported) != ""


def test_a_package_row_stands_for_each_package_and_nothing_else():
    table = ["env", "package:<name>", "test_env"]
    assert steps_off_the_table(table, ["env", "package:a", "package:b", "test_env"]) == ""
    assert steps_off_the_table(table, ["env", "test_env"]) != ""  # no package at all
    assert steps_off_the_table(table, ["env", "package:a", "test_env", "test_env"]) != ""
    assert steps_off_the_table(table, ["package:a", "env", "test_env"]) != ""  # out of order


# -- Old Pythons: one line, exit 2 ---------------------------------------------------------------

OLD = ["2.7", "3.5", "3.6", "3.7"]  # 3.5 is not on every machine: 2.7 proves the same point
NEW = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]


def interpreter(minor):
    found = sorted(pyenv_root().glob(f"versions/{minor}.*/bin/python{minor}"))
    if not found:
        pytest.skip(f"no Python {minor} on this machine")
    return found[-1]


def told_too_old(result, checker, minor):
    """Did the checker say, on one line and with exit 2, that Python minor is too old?"""
    return (result.returncode, result.stdout, result.stderr) == (
        2, "", f"{checker.name}: error: needs Python 3.8 or newer, this is {minor}\n")


@pytest.mark.parametrize("minor", OLD + NEW)
@EXERCISES
def test_a_checker_runs_or_says_its_python_is_too_old(exercise, minor, tmp_path):
    result = run_checker(exercise.checker, ["--help"], tmp_path, python=interpreter(minor))
    if minor in OLD:
        assert told_too_old(result, exercise.checker, minor), result.stderr
    else:
        assert (result.returncode, result.stderr) == (0, ""), result.stderr


@pytest.mark.parametrize("syntax", ["x = f'{1}'", "print(1, file=sys.stderr)",
                                    "raise ValueError() from None", "nonlocal_ = lambda *, k: k"])
def test_syntax_newer_than_python_2_7_is_caught(syntax, tmp_path):
    """A checker with any syntax Python 2.7 cannot read fails the test above."""
    setup = next(exercise for exercise in exercises() if exercise.name == "setup")
    broken = break_checker(setup.checker, tmp_path, "\ndef can_show(",
                           "\ndef newer():\n    %s\n\n\ndef can_show(" % syntax)
    result = run_checker(broken, ["--help"], tmp_path, python=interpreter("2.7"))
    assert not told_too_old(result, broken, "2.7")
    assert "SyntaxError" in result.stderr
