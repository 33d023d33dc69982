"""The practice_env exercise from its start to its end, each step failing on its own, both sets
of pins, pip, odd paths, and where environments are found: on real conda environments (see
practice_env_student.py), run as a student runs the checker."""

import json
import os
import pty
import re
import shutil
import subprocess

import pytest

from practice_env_student import (EXERCISE, PACKAGES_2020, PACKAGES_2026, SOLUTION, STEPS,
                                  load_checker, solve_exercise, statuses)
from tools.condaenv import export_env, find_python, pip_install

# The checker runs on the student's Python, not on Sphinx: checked in the pinned stack's suite.
pytestmark = pytest.mark.stack("pinned", why="the checker does not use Sphinx")

checker = load_checker()


# -- The exercise, from its start to its end ------------------------------------------------

def test_the_starting_state_fails(student):
    code, steps = student.check()
    assert code == 1
    assert statuses(steps)["env"] == "fail"
    assert "no environment named practice_env" in steps["env"][1]
    assert all(status == "skip" for step, status in statuses(steps).items() if step != "env")

    student.env(packages=[], python=None)  # `conda create -n practice_env`, nothing in it
    shutil.copy(SOLUTION / "test_env.py", student.work)
    code, steps = student.check()
    assert code == 1
    assert statuses(steps) == dict.fromkeys(STEPS, "fail") | {
        "env": "pass", "test_env": "skip", "export": "skip", "recreated": "skip", "kernel": "skip"}


def test_the_solution_passes(student):
    code, steps = student.check(*solve_exercise(student))
    assert (code, statuses(steps)) == (0, dict.fromkeys(STEPS, "pass")), steps
    assert steps["package:flask"][1] == "flask 3.1.0 (conda) matches flask=3.1"
    assert "'practice_env'" in steps["kernel"][1]


def test_the_report_a_student_reads(student):
    args = solve_exercise(student)
    lines = student.run(*args).stdout.splitlines()
    assert lines[0] == "Checking practice_env (~/miniforge3/envs/practice_env) against the 2026 spec"
    assert [line.split()[:2] for line in lines[1:-1]] == [["\u2714", step] for step in STEPS]
    assert lines[-1] == "10 passed, 0 failed, 0 skipped"

    # A console that cannot show the marks (Windows' cp1252) gets words; failures get a hint.
    student.variables["PYTHONIOENCODING"] = "cp1252"
    lines = student.run(*args[:-1]).stdout.splitlines()
    assert lines[-3:] == ["[SKIP] %-20s  bonus, not checked" % "kernel",
                          "    hint: pass --bonus to check your Jupyter kernel",
                          "9 passed, 0 failed, 1 skipped"]
    assert "\033[" not in "".join(lines)  # not a terminal: no colour


@pytest.mark.parametrize("no_color, coloured", [(None, True), ("1", False)])
def test_colour_only_on_a_terminal_without_no_color(student, no_color, coloured):
    if no_color:
        student.variables["NO_COLOR"] = no_color
    leader, follower = pty.openpty()
    student.run(stdout=follower)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal's other end is closed: everything has been read
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert (b"\033[31m" in output) is coloured
    assert b"failed" in output


# -- Each step failing on its own ----------------------------------------------------------

def make_venv(student):
    shutil.rmtree(student.envs / "practice_env")
    python, _ = find_python("3.12")
    subprocess.run([python, "-m", "venv", "--without-pip", student.envs / "practice_env"], check=True)


def vacuous_test(student):
    (student.work / "test_env.py").write_text('print("all good")\n')


def swallowing_test(student):
    (student.work / "test_env.py").write_text(
        "try:\n    import flask, tensorflow, pandas, sklearn\nexcept ImportError:\n"
        "    print('something is missing')\n")


def failing_test(student):
    (student.work / "test_env.py").write_text("import flask\nimport keras_core_nightly\n")


def export_with(student, **options):
    export_env(student.envs / "practice_env", student.work / "environment.yml", **options)


def export_without_tensorflow(student):
    path = student.work / "environment.yml"
    path.write_text("".join(line for line in path.read_text().splitlines(True)
                            if "tensorflow" not in line))


def kernel_of_another_python(student):
    """The kernel registered from the wrong interpreter, as from conda's base environment."""
    shutil.rmtree(student.home / ".local" / "share" / "jupyter" / "kernels" / "practice_env")
    student.kernel(find_python("3.12")[0])


def broken_python(student):
    """An interpreter that cannot run: the environment's fault, so a failed step, not exit 2."""
    python = student.envs / "practice_env" / "bin" / "python"
    python.unlink()
    python.write_text("not a program\n")


def empty_record(student, package, content=b""):
    """A record cut short, as a full disk or a killed install leaves it."""
    records = student.envs / "practice_env" / "conda-meta"
    if package == "bench":  # a package the spec does not name
        (records / "zlib-1.3.1-h0_0.json").write_bytes(content)
        return
    record = next(records.glob(package + "-*.json"))
    record.write_bytes(content)


def pretending_test(student):
    """It imports nothing, and fails only when it sees that site-packages is hidden."""
    (student.work / "test_env.py").write_text(
        "import sys\nsys.exit(0 if any('site-packages' in p for p in sys.path) else 1)\n")


def installing_test(student):
    """It imports everything, and installs something into the environment as it goes."""
    (student.work / "test_env.py").write_text(
        "import flask, tensorflow, pandas, sklearn, os, sys\n"
        "site = [p for p in sys.path if p.endswith('site-packages')][0]\n"
        "open(os.path.join(site, 'extra.pth'), 'w').close()\n")


def rebuild(name, packages=PACKAGES_2026, python="3.12"):
    def breakage(student):
        shutil.rmtree(student.envs / name)
        student.env(name, packages, python)
    return breakage


BREAKAGES = {
    # what the student got wrong: (how, the steps that fail, the steps that are skipped)
    "a venv, not conda": (make_venv, {"env"},
                          {"python", "test_env", "kernel"} | {s for s in STEPS if "package" in s}),
    "python 3.11": (rebuild("practice_env", python="3.11"), {"python"}, set()),
    "flask 3.10, not 3.1": (rebuild("practice_env", ["flask=3.10"] + PACKAGES_2026[1:]),
                            {"package:flask"}, set()),
    "no pandas": (rebuild("practice_env", ["flask=3.1", "tensorflow=2.18", "scikit-learn=1.6"]),
                  {"package:pandas", "test_env"}, set()),
    "no test_env.py": (lambda s: (s.work / "test_env.py").unlink(), {"test_env"}, set()),
    "a test that imports nothing": (vacuous_test, {"test_env"}, set()),
    "a test that swallows ImportError": (swallowing_test, {"test_env"}, set()),
    "a test that fails": (failing_test, {"test_env"}, set()),
    "a python that is not a program": (broken_python, {"python"}, {"test_env"}),
    "an empty conda-meta record": (lambda s: empty_record(s, "bench"), {"env"},
                                   {"python", "test_env", "kernel"} | {s for s in STEPS if "package" in s}),
    "a corrupt record of pandas": (lambda s: empty_record(s, "pandas", b"{\"name\": "), {"package:pandas"}, set()),
    "a test that only pretends": (pretending_test, {"test_env"}, set()),
    "a test that installs": (installing_test, {"test_env"}, set()),
    "an export with prefix:": (lambda s: export_with(s, prefix_line=True), {"export"}, set()),
    "an export with builds": (lambda s: export_with(s, builds=True), {"export"}, set()),
    "an export without tensorflow": (export_without_tensorflow, {"export"}, set()),
    "a recreated env without pandas": (
        rebuild("neighbour_env", ["flask=3.1", "tensorflow=2.18", "scikit-learn=1.6"]),
        {"recreated"}, set()),
    "a kernel of another python": (kernel_of_another_python, {"kernel"}, set()),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_each_step_fails_on_its_own(student, breakage):
    args = solve_exercise(student)
    how, failing, skipped = BREAKAGES[breakage]
    how(student)
    code, steps = student.check(*args, unchanged=breakage != "a test that installs")
    expected = {step: "fail" if step in failing else "skip" if step in skipped else "pass"
                for step in STEPS}
    assert (code, statuses(steps)) == (1 if failing else 0, expected), steps


def test_a_recreated_env_must_not_be_your_own(student):
    args = solve_exercise(student)
    code, steps = student.check(*args[:3], "practice_env", *args[4:])
    assert steps["recreated"] == ("fail", "practice_env is your own environment, not one made "
                                          "from %s" % (SOLUTION / "environment.yml"))


def test_a_kernel_must_run_this_envs_python(student):
    args = solve_exercise(student)
    kernel_of_another_python(student)
    code, steps = student.check(*args)
    assert steps["kernel"] == ("fail", "no Jupyter kernel runs practice_env's Python "
                                       "(kernels found: practice_env)")


def test_the_page_shows_what_the_checker_prints(student):
    student.env(packages=["flask=3.1", "tensorflow=2.18", "scikit-learn=1.6"])  # no pandas yet
    shutil.copy(SOLUTION / "test_env.py", student.work)
    shown = (EXERCISE / "index.md").read_text().split("```text\n", 1)[1].split("```", 1)[0]
    printed = student.run().stdout
    # The page shows Python 3.12.1; the machine's 3.12 may be another patch release.
    assert re.sub(r"Python 3\.12\.\d+", "Python 3.12.1", printed) == shown


def test_a_vacuous_test_is_called_out(student):
    args = solve_exercise(student)
    vacuous_test(student)
    result = student.run(*args)
    assert "\u2718 test_env" in result.stdout
    assert ("test_env.py does not import flask, tensorflow, pandas, sklearn, so it does not "
            "check them") in result.stdout
    assert ("hint: see the whole error: conda activate practice_env, then python test_env.py"
            in result.stdout)


def test_a_test_that_swallows_import_errors_is_called_out(student):
    args = solve_exercise(student)
    swallowing_test(student)
    code, steps = student.check(*args)
    assert steps["test_env"] == ("fail", "test_env.py passes even when its packages cannot be "
                                         "imported, so it checks none of them")


# -- Both sets of pins, pip, odd paths, and where environments are found ----------------------

def test_the_2020_pins_on_python_3_7(student):
    env = student.env(packages=PACKAGES_2020, python="3.7.3")
    shutil.copy(SOLUTION / "test_env.py", student.work)
    export_env(env, student.work / "environment.yml")
    code, steps = student.check("--spec", "2020", "--export", "environment.yml")
    assert code == 0, steps
    assert steps["python"] == ("pass", "Python 3.7.3 matches python=3.7.3")
    assert steps["package:tensorflow"][1] == "tensorflow 2.1.0 (conda) matches tensorflow=2.1"

    code, steps = student.check("--spec", "2026", "--export", "environment.yml")
    assert code == 1
    assert {s for s, status in statuses(steps).items() if status == "fail"} == {
        "python", "package:flask", "package:tensorflow", "package:pandas",
        "package:scikit-learn", "export"}


def test_tensorflow_installed_by_pip(student):
    """Windows: conda-forge has no TensorFlow there, so the page has pip install it."""
    packages = [p for p in PACKAGES_2026 if "tensorflow" not in p] + ["pip"]
    env = student.env(packages=packages)
    pip_install(env, "tensorflow", "2.18.0")
    neighbour = student.env("neighbour_env", packages=packages)
    pip_install(neighbour, "tensorflow", "2.18.0")
    shutil.copy(SOLUTION / "test_env.py", student.work)
    export_env(env, student.work / "environment.yml")
    assert "  - pip:\n      - tensorflow==2.18.0\n" in (student.work / "environment.yml").read_text()
    code, steps = student.check("--export", "environment.yml", "--recreated", "neighbour_env",
                                "--from", SOLUTION / "environment-windows.yml")
    assert code == 0, steps
    assert steps["package:tensorflow"] == ("pass", "tensorflow 2.18.0 (pip) matches tensorflow=2.18")


def test_a_prefix_with_spaces(student):
    env = student.env(prefix=student.root / "my envs" / "practice env")
    work = student.root / "my work"
    work.mkdir()
    shutil.copy(SOLUTION / "test_env.py", work)
    export_env(env, work / "environment.yml")
    student.kernel(env / "bin" / "python")
    code, steps = student.check("--prefix", env, "--export", "environment.yml", "--bonus", cwd=work)
    assert code == 0, steps
    assert steps["env"] == ("pass", "conda environment at %s" % env)


def conda_stub(student, prefix):
    """A `conda` that answers `conda env list --json` as conda does, and nothing else."""
    folder = student.root / "condabin"
    folder.mkdir()
    stub = folder / "conda"
    stub.write_text('#!/bin/sh\n[ "$*" = "env list --json" ] || exit 1\n'
                    "echo '%s'\n" % json.dumps({"envs": [str(prefix)]}))
    stub.chmod(0o755)
    student.variables["PATH"] = "%s:%s" % (folder, os.defpath)


@pytest.mark.parametrize("where", ["CONDA_ENVS_PATH", "environments.txt", "conda env list"])
def test_an_env_is_found_by_name_as_conda_finds_it(student, where):
    prefix = student.root / "elsewhere" / "practice_env"
    student.env(prefix=prefix)
    if where == "CONDA_ENVS_PATH":
        student.variables["CONDA_ENVS_PATH"] = str(prefix.parent)
    elif where == "environments.txt":
        (student.home / ".conda").mkdir()
        (student.home / ".conda" / "environments.txt").write_text("/nowhere\n%s\n" % prefix)
    else:
        conda_stub(student, prefix)
    shutil.copy(SOLUTION / "test_env.py", student.work)
    code, steps = student.check()
    assert code == 0, steps
    assert steps["env"] == ("pass", "conda environment at %s" % prefix)


def test_an_old_python_in_the_environment(student):
    """The environment's interpreter can be older than the checker's: it only runs test_env.py."""
    find_python("3.6")
    student.env(packages=PACKAGES_2020, python="3.6")
    shutil.copy(SOLUTION / "test_env.py", student.work)
    spec = student.root / "spec-3.6.yml"
    spec.write_text("dependencies:\n  - python=3.6\n" +
                    "".join("  - %s\n" % p for p in PACKAGES_2020))
    code, steps = student.check("--spec", spec)
    assert code == 0, steps
    assert steps["test_env"][0] == "pass"


@pytest.mark.parametrize("minor", ["3.8", "3.13"])
def test_the_checker_on_the_oldest_and_newest_python(student, minor):
    python, _ = find_python(minor)
    code, steps = student.check(*solve_exercise(student), python=python)
    assert (code, statuses(steps)) == (0, dict.fromkeys(STEPS, "pass")), steps


@pytest.mark.parametrize("minor", ["3.6", "3.7"])
def test_a_too_old_python_is_told_so(student, minor):
    result = student.run(python=find_python(minor)[0])
    assert result.returncode == 2
    assert result.stderr == ("check_practice_env.py: error: needs Python 3.8 or newer, this is %s\n"
                             % minor)


# -- Bad input: exit 2 and one line naming what is wrong ------------------------------------

def test_help_names_every_option(student):
    result = student.run("--help")
    assert result.returncode == 0
    for option in ("--name", "--prefix", "--spec", "--export", "--test-file", "--recreated",
                   "--from", "--bonus", "--json"):
        assert option in result.stdout

def write(student, name, content):
    path = student.work / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


BAD_INPUTS = {
    "an unknown option": (lambda s: ["--colour"], "unrecognized arguments: --colour"),
    "--name and --prefix": (lambda s: ["--name", "a", "--prefix", "b"], "not allowed with"),
    "a missing --prefix": (lambda s: ["--prefix", "nowhere"], "nowhere: no such folder"),
    "a file as --prefix": (lambda s: ["--prefix", write(s, "f", "x")], "is a file"),
    "a missing --test-file": (lambda s: ["--test-file", "nope.py"], "nope.py: no such file"),
    "a missing --export": (lambda s: ["--export", "gone.yml"], "gone.yml: no such file"),
    "a folder as --export": (lambda s: ["--export", s.work], "is a folder"),
    "a missing --spec": (lambda s: ["--spec", "2027"], "2027: no such file"),
    "a binary spec": (lambda s: ["--spec", write(s, "spec.yml", b"\x89PNG\r\n\x1a\n\x00\x00")],
                      "spec.yml: is a binary file"),
    "an empty export": (lambda s: ["--export", write(s, "e.yml", "")], "e.yml: is empty"),
    "an export cut after dependencies:": (
        lambda s: ["--export", write(s, "e.yml", "name: practice_env\ndependencies:\n")],
        "has no `dependencies:` list, so it is not a conda environment file (is it truncated?)"),
    "an export cut in a version": (
        lambda s: ["--export", write(s, "e.yml", "dependencies:\n  - python=3.12\n  - pandas=2.")],
        "dependency 'pandas=2.' has '=2.', which is not a version"),
    "an export cut in a quote": (
        lambda s: ["--export", write(s, "e.yml", "dependencies:\n  - 'python=3.12")],
        "line 2: the quote is never closed"),
    "an export cut after pip:": (
        lambda s: ["--export", write(s, "e.yml", "dependencies:\n  - python\n  - pip:\n")],
        "e.yml: pip: has no list under it (is the file truncated?)"),
    "a requirements.txt as export": (
        lambda s: ["--export", write(s, "requirements.txt", "flask==3.1.0\npandas==2.2.3\n")],
        "requirements.txt: is not a conda environment file: it has no `key: value` lines"),
    "a --from that is not YAML": (
        lambda s: ["--recreated", "n", "--from", write(s, "n.yml", "dependencies:\n\tpython\n")],
        "line 2: YAML does not allow tabs"),
    "--recreated without a file": (lambda s: ["--recreated", "n"], "--recreated needs --from"),
    "a missing --recreated path": (
        lambda s: ["--recreated", "./gone", "--from", SOLUTION / "environment.yml"],
        "./gone: no such folder"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_line_and_exit_2(student, case):
    args, said = BAD_INPUTS[case]
    result = student.run(*args(student))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("check_practice_env.py: error: ")
    assert said in result.stderr
