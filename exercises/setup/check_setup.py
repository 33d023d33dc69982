#!/usr/bin/env python3
"""Check that this machine is ready for the course: run it before the first class.

    python check_setup.py             # finds conda on PATH (or through CONDA_EXE)
    python check_setup.py --conda ~/miniforge3/bin/conda

It proves what every exercise checker needs: a Python it runs on, a conda it can ask, a terminal
that shows its report, and a folder where the exercises can write. It changes nothing; the only
program it starts is `conda --version`, stopped after a few seconds. Exit code 0: ready; 1: a step
failed (the report says what to do); 2: the command line itself is wrong.
Standard library only, so that it runs before anything else is installed.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

PROG = "check_setup.py"
MINIMUM_PYTHON = (3, 8)
CONDA_TIMEOUT = 20  # seconds: conda's first start can be slow, a hung one must not hang us
INSTALL = "https://conda-forge.org/download/"

# The steps, what each proves and what a student who fails it is told (the instructor guide
# prints this table).
STEPS = [
    ("python", "a Python the checkers run on (3.8 or newer)",
     "install Python 3.8 or newer, or use the one Miniforge installs"),
    ("conda", "conda answers `conda --version` within %d s" % CONDA_TIMEOUT,
     "install Miniforge (" + INSTALL + "), open a new terminal, and run the check again"),
    ("terminal", "the terminal can show the checkers' report",
     "nothing to do: the checkers fall back to plain [PASS]/[FAIL] marks"),
    ("folder", "the current folder is writable, for exported files",
     "run the checkers from a folder of your own, e.g. your home folder"),
]
HINTS = {name: hint for name, _, hint in STEPS}


def check_python():
    found = "%d.%d.%d" % sys.version_info[:3]
    if sys.version_info[:2] >= MINIMUM_PYTHON:
        return "pass", "Python %s at %s" % (found, sys.executable)
    return "fail", "Python %s is older than %d.%d" % ((found,) + MINIMUM_PYTHON)


def find_conda(given):
    if given:
        return given
    return shutil.which("conda") or os.environ.get("CONDA_EXE") or ""


def check_conda(conda):
    if not conda:
        return "fail", "no conda on PATH, and CONDA_EXE is not set"
    if not os.path.isfile(conda):
        return "fail", "%s does not exist" % conda
    try:
        result = subprocess.run([conda, "--version"], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                timeout=CONDA_TIMEOUT, universal_newlines=True)
    except subprocess.TimeoutExpired:
        return "fail", "%s --version did not answer in %d s" % (conda, CONDA_TIMEOUT)
    except OSError as error:
        return "fail", "%s cannot be run: %s" % (conda, error.strerror or error)
    answer = result.stdout.strip().splitlines()[-1:] or [""]
    if result.returncode != 0 or not answer[0].startswith("conda "):
        return "fail", "%s --version said %r (exit %d)" % (conda, answer[0][:80], result.returncode)
    return "pass", "%s (%s)" % (answer[0], conda)


def can_show(text, stream):
    try:
        text.encode(stream.encoding or "ascii")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def check_terminal(stream):
    if can_show("\u2714\u2718", stream):
        return "pass", "it shows \u2714 and \u2718 (%s)" % stream.encoding
    return "pass", "plain marks only (%s)" % stream.encoding


def check_folder(folder):
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return "fail", "cannot write in %s: %s" % (folder, error.strerror or error)
    return "pass", "%s is writable" % folder


def report(results, stream):
    marks = {"pass": "\u2714", "fail": "\u2718"} if can_show("\u2714\u2718", stream) \
        else {"pass": "[PASS]", "fail": "[FAIL]"}
    for name, (status, detail) in results:
        print("%s %-9s %s" % (marks[status], name, detail), file=stream)
        if status == "fail":
            print("    hint: %s" % HINTS[name], file=stream)
    failed = [name for name, (status, _) in results if status == "fail"]
    print("", file=stream)
    print("Ready for the course." if not failed else
          "Not ready yet: fix %s, then run the check again." % ", ".join(failed), file=stream)
    return 1 if failed else 0


def make_parser():
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("--conda", metavar="PATH",
                        help="the conda program to ask (default: conda on PATH, or CONDA_EXE)")
    return parser


def main(argv=None):
    args = make_parser().parse_args(argv)
    results = [("python", check_python()),
               ("conda", check_conda(find_conda(args.conda))),
               ("terminal", check_terminal(sys.stdout)),
               ("folder", check_folder(os.getcwd()))]
    return report(results, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
