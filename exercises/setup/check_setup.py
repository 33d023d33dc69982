#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Check that this machine is ready for the course: run it before the first class.

    python check_setup.py             # finds conda on PATH (or through CONDA_EXE)
    python check_setup.py --conda ~/miniforge3/bin/conda
    python check_setup.py --json      # the result as one JSON object

It proves what every exercise checker needs: a Python it runs on, a conda it can ask, a terminal
that shows its report, and a folder where the exercises can write. It changes nothing; the only
program it starts is `conda --version`, stopped after a few seconds. Exit code 0: ready; 1: a step
failed (the report says what to do); 2: the command line itself is wrong.
Standard library only, so that it runs before anything else is installed.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

# The file is read by Python 2.7 too (no syntax newer than 2.7's), so that an old Python is
# told this one line rather than a SyntaxError.
if sys.version_info < (3, 8):
    sys.stderr.write("check_setup.py: error: needs Python 3.8 or newer, this is %d.%d\n"
                     % sys.version_info[:2])
    sys.exit(2)

PROG = "check_setup.py"
CONDA_TIMEOUT = 20  # seconds: conda's first start can be slow, a hung one must not hang us

# The steps, what each proves and the hint a student who fails it gets (a template that the step
# fills in; no hint is written anywhere else). The course's instructor guide prints this table,
# read from this file: keep it a literal.
STEPS = [
    ("python", "a Python the checkers run on (3.8 or newer; an older one is told so and stops)",
     "install Python 3.8 or newer, or use the one Miniforge installs"),
    ("conda", "conda answers `conda --version` within 20 s",
     "install Miniforge (https://conda-forge.org/download/), open a new terminal, and run "
     "{command} again"),
    ("terminal", "the terminal can show the checkers' report",
     "nothing to do: the checkers fall back to plain [PASS]/[FAIL] marks"),
    ("folder", "the current folder is writable, for exported files",
     "run the checkers from a folder of your own, e.g. {home}"),
]


def hint(step, **fields):
    """The hint of step's row of STEPS, filled in for this machine."""
    return next(template for name, _, template in STEPS if name == step).format(**fields)


def check_python():
    return "pass", "Python %d.%d.%d at %s" % (sys.version_info[:3] + (sys.executable,))


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


def report(steps, stream):
    """The report's lines: a mark, the step and what was found, and the hint of a failed step."""
    marks = {"pass": "\u2714", "fail": "\u2718"} if can_show("\u2714\u2718", stream) \
        else {"pass": "[PASS]", "fail": "[FAIL]"}
    lines = []
    for step in steps:
        lines.append("%s %-9s %s" % (marks[step["status"]], step["id"], step["message"]))
        if step["hint"]:
            lines.append("    hint: %s" % step["hint"])
    failed = [step["id"] for step in steps if step["status"] == "fail"]
    return lines + ["", "Ready for the course." if not failed else
                    "Not ready yet: fix %s, then run the check again." % ", ".join(failed)]


def make_parser():
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("--conda", metavar="PATH",
                        help="the conda program to ask (default: conda on PATH, or CONDA_EXE)")
    parser.add_argument("--json", action="store_true",
                        help='print the result as one JSON object: {"ok": ..., "steps": [{"id", '
                             '"status", "message", "hint"}, ...]}')
    return parser


def main(argv=None):
    args = make_parser().parse_args(argv)
    found = [("python", check_python(), {}),
             ("conda", check_conda(find_conda(args.conda)), {"command": PROG}),
             ("terminal", check_terminal(sys.stdout), {}),
             ("folder", check_folder(os.getcwd()), {"home": os.path.expanduser("~")})]
    steps = [{"id": name, "status": status, "message": message,
              "hint": hint(name, **fields) if status == "fail" else ""}
             for name, (status, message), fields in found]
    ok = all(step["status"] == "pass" for step in steps)
    lines = [json.dumps({"ok": ok, "steps": steps}, indent=2)] if args.json else report(steps, sys.stdout)
    try:
        sys.stdout.write("".join(line + "\n" for line in lines))
        sys.stdout.flush()
    except (OSError, ValueError):
        # Closed (`| head -1`) or full: nobody reads the rest. Point stdout at devnull, so that
        # Python's last flush, at exit, has nothing to complain about.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
