"""Hostile input: random bytes, mutations of a real export, odd files, hanging and sneaky tests.
Whatever it gets, the checker answers with exit 0, 1 or 2, no traceback, one stderr line on 2,
valid JSON under --json, in seconds, and changes nothing on disk (Student.run checks that)."""

import json
import os
import random
import shlex
import shutil
import time

import pytest

from practice_env_student import SOLUTION, evaluate, load_checker, solve_exercise
from tools.condaenv import find_python

# The checker runs on the student's Python, not on Sphinx: checked in the pinned stack's suite.
pytestmark = pytest.mark.stack("pinned", why="the checker does not use Sphinx")

checker = load_checker()
MUTATIONS = 300  # files fed to the reader under each interpreter, from a fixed seed


def mutations(seed_text, count, seed=13):
    """Random bytes, and a real export with bytes flipped, cut, doubled and shuffled."""
    rng = random.Random(seed)
    data = seed_text.encode()
    found = []
    for _ in range(count):
        kind = rng.randrange(5)
        if kind == 0:
            found.append(bytes(rng.randrange(256) for _ in range(rng.randrange(200))))
        elif kind == 1:
            cut = rng.randrange(len(data))
            found.append(data[:cut])
        elif kind == 2:
            mutated = bytearray(data)
            for _ in range(rng.randrange(1, 6)):
                mutated[rng.randrange(len(mutated))] = rng.choice(b" \t\n:-#'\"[]{}|>*=!~@\\\x00\xff")
            found.append(bytes(mutated))
        elif kind == 3:
            lines = data.splitlines(True)
            rng.shuffle(lines)
            found.append(b"".join(lines))
        else:
            lines = data.splitlines(True)
            index = rng.randrange(len(lines))
            found.append(b"".join(lines[:index] + [lines[index] * rng.randrange(2, 50)] + lines[index:]))
    return found


EXPORT = (SOLUTION / "environment-windows.yml").read_text() + "prefix: /home/ana/envs/x\n"


def read_safely(data):
    """What read_env_file makes of data: "ok", or the kind of its one-line error."""
    try:
        checker.env_file_from_text(checker.decode_text(data, "e.yml"), "e.yml")
    except checker.InputError:
        return "error"
    return "ok"


@pytest.mark.parametrize("minor", ["3.8", "3.11", "3.13"])
def test_mutated_files_never_crash_the_reader(minor):
    cases = mutations(EXPORT, MUTATIONS)
    texts = [data.decode("latin-1") for data in cases]
    # Under each interpreter: every mutation is read, or refused with an InputError.
    answers = evaluate(find_python(minor)[0], [["env_file_from_text", text, "e.yml"] for text in texts])
    assert len(answers) == MUTATIONS
    assert all(set(answer) <= {"value", "error"} for answer in answers)
    assert all(answer.get("error", "SpecError") in ("SpecError", "InputError") for answer in answers)
    assert {read_safely(data) for data in cases} == {"ok", "error"}


def odd_file(student, kind):
    path = student.work / "odd.yml"
    if kind == "device":
        return "/dev/zero"
    elif kind == "folder":
        path.mkdir()
    elif kind == "symlink loop":
        os.symlink("odd.yml", path)
    elif kind == "huge":
        with open(path, "wb") as handle:
            handle.truncate(checker.MAX_FILE + 1)
    elif kind == "named like an option":
        path = student.work / "-x.yml"
        shutil.copy(SOLUTION / "environment.yml", path)
        return "./-x.yml"
    return path


@pytest.mark.parametrize("kind", ["device", "folder", "symlink loop", "huge",
                                  "named like an option"])
@pytest.mark.parametrize("minor", ["3.8", "3.13"])
def test_odd_files_get_one_line_and_exit_2(student, kind, minor):
    path = odd_file(student, kind)
    start = time.monotonic()
    result = student.run("--export", path, "--json", python=find_python(minor)[0], timeout=20)
    assert time.monotonic() - start < 10
    if kind == "named like an option":
        assert result.returncode == 1 and json.loads(result.stdout)["steps"][0]["id"] == "env"
        return
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr


HOSTILE_TESTS = {
    "never ends": "import flask, tensorflow, pandas, sklearn\nwhile True: pass\n",
    "reads stdin": "import flask, tensorflow, pandas, sklearn, sys\nsys.stdin.read()\n",
    "leaves a child": ("import flask, tensorflow, pandas, sklearn, subprocess, sys\n"
                       "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"),
    "floods stdout": "import flask, tensorflow, pandas, sklearn\nprint('x' * 50000000)\n",
    "exits with os._exit": "import os\nos._exit(0)\n",
    "exits with a string": "import sys\nsys.exit('bye')\n",
    "is named like an option": None,
}


@pytest.mark.parametrize("case", HOSTILE_TESTS)
def test_hostile_tests_end_in_seconds_with_a_verdict(student, case):
    args = solve_exercise(student)
    test = student.work / "test_env.py"
    if HOSTILE_TESTS[case] is None:
        test = test.rename(student.work / "-h.py")
        args += ["--test-file", "./-h.py"]
    else:
        test.write_text(HOSTILE_TESTS[case])
    start = time.monotonic()
    result = student.run(*args, "--json", "--timeout", "3", timeout=30)
    assert time.monotonic() - start < 12
    steps = {step["id"]: step for step in json.loads(result.stdout)["steps"]}
    if case in ("reads stdin", "leaves a child", "floods stdout", "is named like an option"):
        assert steps["test_env"]["status"] == "pass", steps["test_env"]
    else:
        assert steps["test_env"]["status"] == "fail", steps["test_env"]
    assert result.returncode == (0 if steps["test_env"]["status"] == "pass" else 1)
    if case == "never ends":
        assert "did not finish in 3 s" in steps["test_env"]["message"]


@pytest.mark.parametrize("args", [["--export", ""], ["--from", "", "--recreated", "x"],
                                  ["--test-file", ""], ["--prefix", ""], ["--name", ""],
                                  ["--name", "../etc"], ["--name", "my env"], ["--spec", ""],
                                  ["--timeout", "0"], ["--recreated", "a#b", "--from", SOLUTION / "environment.yml"]])
def test_empty_and_odd_arguments_are_exit_2(student, args):
    result = student.run(*args)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr


@pytest.mark.parametrize("folder", ["it's here", 'say "hi"', "$HOME and `ls`"])
def test_a_hint_quotes_a_path_for_the_shell(student, folder):
    prefix = student.root / folder / "practice_env"
    student.env(prefix=prefix, packages=["flask=3.1"])
    result = student.run("--prefix", prefix, "--json")
    hint = {step["id"]: step["hint"] for step in json.loads(result.stdout)["steps"]}["package:pandas"]
    assert shlex.split(hint) == ["conda", "install", "-p", str(prefix), "-c", "conda-forge",
                                 "pandas=2.2"]
