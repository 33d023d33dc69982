"""Errors and output whatever the paths and the output stream: one line for every refusal,
usage errors for options that need each other, a report that ends quietly with its exit code
when nobody reads it any more, and an export read from a pipe (`<(conda env export ...)`)."""

import json
import os
import subprocess
import time

import pytest

from practice_env_student import CHECKER, SOLUTION, clean_environment, load_checker, solve_exercise

# The checker runs on the student's Python, not on Sphinx: checked in the pinned stack's suite.
pytestmark = pytest.mark.stack("pinned", why="the checker does not use Sphinx")

checker = load_checker()
ODD_NAME = "gone\nline two.yml"


@pytest.mark.parametrize("args", [["--export", ODD_NAME], ["--spec", ODD_NAME],
                                  ["--prefix", ODD_NAME], ["--test-file", ODD_NAME],
                                  ["--recreated", "n", "--from", ODD_NAME],
                                  ["--recreated", "./" + ODD_NAME, "--from", SOLUTION / "environment.yml"]],
                         ids=["export", "spec", "prefix", "test-file", "from", "recreated"])
def test_a_missing_path_with_a_newline_is_one_line(student, args):
    result = student.run(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "gone\\nline two.yml" in result.stderr


def test_a_report_naming_a_path_with_a_newline_keeps_one_line_per_step(student):
    export = student.work / ODD_NAME
    export.write_text("name: x\ndependencies:\n  - python=3.12\nprefix: /x\n")
    lines = student.run("--export", export).stdout.splitlines()
    starts = ("Checking ", "\u2714 ", "\u2718 ", "\u2013 ", "    hint: ")
    assert all(line.startswith(starts) for line in lines[:-1]), lines
    assert lines[-1].endswith("skipped")
    assert any(line.startswith("\u2718 export") and "gone\\nline two.yml" in line for line in lines)


@pytest.mark.parametrize("args, said", [
    (["--from", SOLUTION / "environment.yml"], "--from FILE needs --recreated"),
    (["--from", "gone.yml"], "--from FILE needs --recreated"),
    (["--recreated", "n", "--from", "gone.yml"], "gone.yml: no such file"),
])
def test_options_that_need_each_other(student, args, said):
    result = student.run(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1 and said in result.stderr, result.stderr


def test_a_range_in_an_export_is_called_a_range():
    spec = checker.load_spec("2026")
    export = checker.env_file_from_text(
        "dependencies:\n- python=3.12\n- flask>=3.1,<3.2\n- tensorflow\n- pandas=2.2\n"
        "- scikit-learn=1.6\n", "e.yml")
    assert checker.uncovered(export, spec) == [
        "it lists tensorflow without a version",
        "it gives a range of versions, not one, for flask>=3.1,<3.2"]


def closed_pipe():
    """The write end of a pipe whose reader has gone, as `| head -1` leaves it."""
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.parametrize("output", ["a closed pipe", "/dev/full"])
@pytest.mark.parametrize("report", [[], ["--json"]], ids=["text", "json"])
def test_output_nobody_reads_ends_quietly_with_the_steps_exit_code(student, output, report):
    stream = closed_pipe() if output == "a closed pipe" else open("/dev/full", "w")
    try:
        result = student.run(*report, stdout=stream)
    finally:
        os.close(stream) if isinstance(stream, int) else stream.close()
    assert (result.returncode, result.stderr) == (1, "")


def test_an_export_from_process_substitution_is_read(student):
    args = solve_exercise(student)
    export = student.work / "environment.yml"
    command = 'exec "$0" -W error "$1" --export <(sleep 1; cat "$2") "${@:3}" --json'
    result = subprocess.run(["bash", "-c", command, "python3", str(CHECKER), str(export),
                             *map(str, args[2:])], cwd=student.work, capture_output=True, text=True,
                            env=clean_environment(student.home), timeout=60)
    assert result.stderr == ""
    steps = {step["id"]: step["status"] for step in json.loads(result.stdout)["steps"]}
    assert (result.returncode, steps["export"], steps["recreated"]) == (0, "pass", "pass")


def test_a_pipe_nobody_writes_to_times_out_on_one_line(student):
    fifo = student.work / "export.yml"
    os.mkfifo(fifo)
    start = time.monotonic()
    result = student.run("--export", fifo, timeout=checker.PIPE_TIMEOUT + 20)
    assert checker.PIPE_TIMEOUT <= time.monotonic() - start < checker.PIPE_TIMEOUT + 10
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1 and "nothing ended the pipe in 20 s" in result.stderr
