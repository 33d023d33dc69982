#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Check the "Practice time!" exercise: a conda environment that works.

Run it with any Python 3.8 or newer, from the folder that holds your test_env.py:

    python check_practice_env.py
    python check_practice_env.py --export environment.yml --recreated neighbour_env --from theirs.yml
    python check_practice_env.py --watch
    python check_practice_env.py --help

It reads your environment, your files and Jupyter's kernel folders, and changes none of them
(--report FILE writes that one file): the only programs it starts are your environment's Python
(with -B, so that no .pyc is written), to run test_env.py, and `conda env list` when it cannot
find an environment by name by itself. Each runs for a few seconds at most, and is stopped with
every program it started. Standard library only, so that it runs before anything else is
installed.
"""

import argparse
import bisect
import fnmatch
import functools
import json
import os
import re
import stat
import sys
import time
from collections import namedtuple

# The check must run on whatever Python a student has, and say so plainly when it cannot.
if sys.version_info < (3, 8):
    sys.stderr.write("check_practice_env.py: error: needs Python 3.8 or newer, this is %d.%d\n"
                     % sys.version_info[:2])
    sys.exit(2)

PROG = "check_practice_env.py"
VERSION = "2026.2"
DEFAULT_NAME = "practice_env"

# Where the course teaches each step, as "<lecture page>#<section id>". The course's build
# checks every entry (an unknown page or section is a build error) and writes the links into
# LINKS of the copy students download; this source copy has none.
LESSONS = {
    "env": "slides/1-1-1-environment-management#quick-foreplay",
    "python": "slides/1-1-1-environment-management#many-snakes",
    "package": "slides/1-1-1-environment-management#quick-foreplay",
    "test_env": "slides/1-1-1-environment-management#how-does-python-import-libraries",
    "export": "slides/1-1-1-environment-management#you-can-port-conda-environments",
    "recreated": "slides/1-1-1-environment-management#you-can-port-conda-environments",
    "kernel": "slides/1-1-1-environment-management#practice-time",
}
LINKS = {}  # step kind -> {"slide": URL, "handbook": URL}, written by the course's build

# The steps in the order they are reported, what each checks, and the hint a student who fails
# it gets: a template that the step fills in with the run's environment ({env} is -n NAME or
# -p PATH) and files. No hint is written anywhere else. The course's instructor guide prints this
# table, read from this file (_ext/instructor_guide.py): keep it a literal.
STEPS = [
    ("env", "a conda environment named practice_env exists, conda made it (conda-meta/history), "
     "and none of its records is empty", "conda create {env} -c conda-forge {python}"),
    ("python", "its Python is a program and its version matches the spec's",
     "conda install {env} -c conda-forge --force-reinstall {python}"),
    ("package:<name>", "each package of the spec is installed, by conda or by pip, at a matching "
     "version, with an intact record", "conda install {env} -c conda-forge {package}"),
    ("test_env", "test_env.py passes with the environment's Python, imports every package, fails "
     "when they cannot be imported, and changes nothing",
     "see the whole error: conda activate {name}, then python {test}"),
    ("export", "the exported file has no prefix: line and no build strings, and pins every package",
     "conda env export {env} --from-history --file {file}, then delete its prefix: line"),
    ("recreated", "the environment made from the neighbour's file has every package of that file",
     "conda env create {env} -f {file}"),
    ("kernel", "(bonus) a Jupyter kernel runs the Python of practice_env or of the recreated "
     "environment", "conda install {env} -c conda-forge ipykernel, then in the activated env: "
     "python -m ipykernel install --user --name {name}"),
]
# What a student is told of a step that was not asked for: the option that checks it.
NOT_CHECKED = {
    "export": "pass --export FILE, the file conda env export wrote",
    "recreated": "pass --recreated NAME --from FILE: the environment you made from your "
                 "neighbour's file",
    "kernel": "pass --bonus to check your Jupyter kernel",
}

# The two sets of pins the page teaches, in the format `conda env create -f` reads, so that a
# built-in spec and a student's own spec file go through the same parser.
SPECS = {
    # The 2020 slides. It no longer installs on current machines: see the exercise page.
    "2020": """\
name: practice_env
channels:
  - conda-forge
dependencies:
  - python=3.7.3
  - flask=1.1.1
  - tensorflow=2.1
  - pandas=1.0
  - scikit-learn=0.22.1
""",
    # A set that installs from conda-forge today on Linux, macOS and (TensorFlow with pip) Windows.
    "2026": """\
name: practice_env
channels:
  - conda-forge
dependencies:
  - python=3.12
  - flask=3.1
  - tensorflow=2.18
  - pandas=2.2
  - scikit-learn=1.6
""",
}
DEFAULT_SPEC = "2026"

# A distribution whose import name is not its distribution name.
IMPORT_NAMES = {"scikit-learn": "sklearn"}

# Limits that keep one run short whatever is on the disk. test_env.py may import TensorFlow,
# which takes seconds on a slow laptop: --timeout raises its limit.
TEST_TIMEOUT = 60
CONDA_TIMEOUT = 20
PIPE_TIMEOUT = CONDA_TIMEOUT  # a pipe's writer is conda: `--export <(conda env export ...)`
MAX_FILE = 1000000  # bytes of an environment file, a kernel.json, environments.txt
MAX_RECORD = 64000000  # bytes of one conda-meta record (TensorFlow's lists thousands of files)
MAX_OUTPUT = 65536  # bytes kept of what a program prints, from its end
WATCH_INTERVAL = 1.0

MARKS = {"pass": "\u2714", "fail": "\u2718", "skip": "\u2013"}
ASCII_MARKS = {"pass": "[PASS]", "fail": "[FAIL]", "skip": "[SKIP]"}
COLOURS = {"pass": "\033[32m", "fail": "\033[31m", "skip": "\033[33m"}
RESET = "\033[0m"

# The platform's layout; the tests switch these to check the Windows and macOS layouts.
WINDOWS = os.name == "nt"
MACOS = sys.platform == "darwin"


class InputError(Exception):
    """The input itself is bad (a missing path, an unreadable file): exit code 2."""


class SpecError(InputError):
    """A spec, export or neighbour's file that is not a readable conda environment file."""


Step = namedtuple("Step", "id status message hint")  # status: "pass", "fail" or "skip"
Step.__new__.__defaults__ = ("",)


def step_kind(step_id):
    """package:flask -> package: the key of LESSONS and LINKS, and the row of STEPS."""
    return step_id.split(":", 1)[0]


def fix_first(step_id):
    """The hint of a step skipped because an earlier one failed."""
    return "fix the %s step first" % step_id


# -- Versions, compared the way conda compares them ------------------------------------------
#
# A version is an optional epoch (`1!`), dot-separated components and an optional local part
# (`+cuda`); `_` and (when there is no `_`) `-` separate components too. A component is a run
# of runs, numbers and letters: 1.0rc1 is [1], [0, rc, 1]; one that starts with letters gets a
# 0 in front. Letters sort before numbers, "dev" before other letters, "post" after everything;
# a missing run or component counts as 0, so 1.0a1 < 1.0 == 1.0.0 < 1.0.post1.

_VERSION_CHARS = re.compile(r"[*.+!_0-9a-z]+")
_RUN = re.compile(r"[0-9]+|[*]+|[^0-9*]+")
_ZERO = (1, 0)


def _run_key(run):
    if run.isdigit():
        return (1, int(run))
    if run == "post":
        return (2, 0)
    return (0, "DEV" if run == "dev" else run)  # uppercase sorts before every lowercase run


def _components(text):
    if not text:
        raise ValueError("a version part is empty")
    trailing = text.endswith("_") and len(text) > 1  # openssl's 1.0.1_ keeps its underscore
    parts = (text[:-1] if trailing else text).replace("_", ".").split(".")
    if trailing:
        parts[-1] += "_"
    components = []
    for part in parts:
        if not part:
            raise ValueError("a version part is empty")
        runs = [_run_key(run) for run in _RUN.findall(part)]
        components.append(runs if part[0].isdigit() else [_ZERO] + runs)
    return components


@functools.lru_cache(maxsize=4096)  # an export and an environment repeat the same versions
def version_key(text):
    """(epoch and components, local components): what conda compares, or ValueError."""
    version = text.strip().lower()
    if not _VERSION_CHARS.fullmatch(version or "-"):
        if "-" in version and "_" not in version:
            version = version.replace("-", "_")
        if not version or not _VERSION_CHARS.fullmatch(version):
            raise ValueError("is not a version")
    epoch, bang, version = version.rpartition("!")
    if bang and not epoch.isdigit():
        raise ValueError("has an epoch (before !) that is not a number")
    version, plus, local = version.partition("+")
    main = [[(1, int(epoch or 0))]] + _components(version)
    return main, (_components(local) if plus else [])


def _compare_lists(left, right):
    for index in range(max(len(left), len(right))):
        a = left[index] if index < len(left) else []
        b = right[index] if index < len(right) else []
        width = max(len(a), len(b))
        a = a + [_ZERO] * (width - len(a))
        b = b + [_ZERO] * (width - len(b))
        if a != b:
            return -1 if a < b else 1
    return 0


def compare_versions(left, right):
    """-1, 0 or 1 as left is older, the same as, or newer than right."""
    (main_a, local_a), (main_b, local_b) = version_key(left), version_key(right)
    return _compare_lists(main_a, main_b) or _compare_lists(local_a, local_b)


def _starts(components, prefix):
    """Each of prefix's components begins the same component of components (0 if missing)."""
    for index, wanted in enumerate(prefix):
        have = components[index] if index < len(components) else [_ZERO]
        have = have + [_ZERO] * (len(wanted) - len(have))
        if have[:len(wanted)] != wanted:
            return False
    return True


def starts_with(version, prefix):
    """conda's `=2.1` (2.1.*): 2.1 and 2.1.x, not 2.10."""
    (main, local), (prefix_main, prefix_local) = version_key(version), version_key(prefix)
    if prefix_local:
        return _compare_lists(main, prefix_main) == 0 and _starts(local, prefix_local)
    return _starts(main, prefix_main)


_TESTS = {
    "any": lambda v, w: True,
    "prefix": starts_with,
    "!prefix": lambda v, w: not starts_with(v, w),
    "==": lambda v, w: compare_versions(v, w) == 0,
    "!=": lambda v, w: compare_versions(v, w) != 0,
    ">=": lambda v, w: compare_versions(v, w) >= 0,
    "<=": lambda v, w: compare_versions(v, w) <= 0,
    ">": lambda v, w: compare_versions(v, w) > 0,
    "<": lambda v, w: compare_versions(v, w) < 0,
}
_ATOM = re.compile(r"(~=|==|!=|>=|<=|>|<|=)?(.*)")


def _atom(text, pip):
    """One `op version` term, as (test name, version) pairs (`~=` gives two)."""
    text = text.strip()
    if pip and text.startswith("==="):
        text = text[1:]  # pip's "arbitrary equality": a string compare, as near as == gets
    op, version = _ATOM.fullmatch(text).groups()
    if pip and op == "=":
        raise ValueError("has =, where pip writes ==")
    if version.startswith(("=", "<", ">", "!", "~")):
        raise ValueError("has %r, which is not a version" % text.strip())
    if op and version[:1].isspace() and not pip:
        raise ValueError("has a space after %s" % op)
    version = version.strip()
    if version == "*" and op in (None, "=", "=="):
        return [("any", "")]
    wildcard = version.endswith("*")
    bare = version[:-2] if version.endswith(".*") else version.rstrip("*")
    try:
        version_key(bare)
    except ValueError:
        raise ValueError("has %r, which is not a version" % text.strip())
    if op == ">" and wildcard and not pip:
        op = ">="  # conda's >2.1.* takes in 2.1 itself
    if op == "~=":
        return [(">=", bare)] + ([("prefix", bare.rpartition(".")[0])] if "." in bare else [])
    if op == "!=" and wildcard:
        return [("!prefix", bare)]
    if op == "==" and wildcard and not pip:
        return [("==", bare)]  # conda's ==2.1.* is ==2.1, not 2.1's series
    if (op in (None, "=") and (wildcard or op == "=")) or (op == "==" and wildcard):
        return [("prefix", bare)]
    return [(op or "==", bare)]


def parse_constraint(text, pip=False):
    """conda's version spec: `,` is and, `|` is or; a list of alternatives, each a list of tests."""
    if pip and "|" in text:
        raise ValueError("has |, which pip does not understand")
    return [[test for term in alternative.split(",") for test in _atom(term, pip)]
            for alternative in text.split("|")]


def satisfies(version, constraint):
    """Does version meet the constraint? A version conda cannot read meets none."""
    try:
        return any(all(_TESTS[op](version, wanted) for op, wanted in alternative)
                   for alternative in constraint)
    except ValueError:
        return False


# -- Requirements and environment files --------------------------------------------------------

_SEPARATORS = re.compile(r"[-_.]+")


def normalize(name):
    """PEP 503: Flask, flask and FLASK are one package, and so are scikit_learn and scikit-learn."""
    return _SEPARATORS.sub("-", name).lower()


Requirement = namedtuple("Requirement", [
    "name",  # normalized
    "text",  # as written in the file
    "constraint",  # alternatives of tests, see parse_constraint
    "version",  # the one version the entry pins (`=2.1`, `==2.1.0`), or ""
    "build",  # the build string of `pkg=ver=build`, or ""
    "pip",
])


def label(requirement):
    return requirement.text.split("::")[-1].strip()


_CONDA_DEP = re.compile(r"(?:[^\s:]+::)?([A-Za-z0-9_][A-Za-z0-9_.-]*)(.*)")
_BRACKET_KEY = re.compile(r"""\s*(\w+)\s*=\s*('[^']*'|"[^"]*"|[^,\]]*)\s*,?""")
_PIP_DEP = re.compile(r"([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?(.*)")
# What pip installs from a file or an address rather than by name: nothing to check by version.
_PIP_LOCATION = re.compile(r"[.~/\\]|[A-Za-z][A-Za-z0-9+.-]*://|[A-Za-z]:[\\/]|(git|hg|svn|bzr)\+")


def _pinned(constraint):
    """The version an entry names, if it names exactly one: `=2.1`, `==2.1.0`, `2.18.*`."""
    if len(constraint) == 1 and len(constraint[0]) == 1:
        op, version = constraint[0][0]
        if op in ("prefix", "=="):
            return version
    return ""


_SPACED_OPERATOR = re.compile(r"([<>=!~]=?)\s+")
_SPACED_JOIN = re.compile(r"\s*([,|])\s*")


def _bracket(name, rest):
    """`pkg[version='>=1.0', build=py*]`: conda's bracket form, as (version, build)."""
    inside = rest.strip()
    if not inside.endswith("]"):
        raise ValueError("has a [ that is never closed")
    fields, position = {}, 1
    while position < len(inside) - 1:
        match = _BRACKET_KEY.match(inside, position, len(inside) - 1)
        if not match or match.end() == position:
            raise ValueError("has a [...] conda cannot read")
        fields[match.group(1)] = match.group(2).strip("'\"")
        position = match.end()
    return fields.get("version", ""), fields.get("build", "")


def parse_conda_dep(text):
    """`pkg`, `pkg=1.0`, `pkg=1.0=build`, `pkg==1.0`, `pkg>=1.0,<2`, `pkg 1.0.* build`,
    `channel::pkg`, `pkg[version='>=1.0']`."""
    match = _CONDA_DEP.fullmatch(text.strip())
    if not match:
        raise ValueError("is not a package name")
    name, rest = match.group(1), match.group(2).strip()
    # `pkg >= 1.0 , <2`: spaces around operators, commas and bars mean nothing to conda.
    if " " in rest or "\t" in rest:
        rest = _SPACED_JOIN.sub(r"\1", _SPACED_OPERATOR.sub(r"\1", rest))
    build = ""
    if rest.startswith("["):
        rest, build = _bracket(name, rest)
    elif rest.startswith("=") and not rest.startswith("=="):
        version, _, build = rest[1:].partition("=")
        rest = "=" + version
    elif rest.startswith("=="):
        version, _, build = rest[2:].partition("=")
        rest = "==" + version
    elif rest:
        words = rest.split()
        if len(words) > 2:
            raise ValueError("has more than a version and a build")
        rest, build = words[0], (words[1] if len(words) == 2 else "")
    if "=" in build or " " in build:
        raise ValueError("has more than a version and a build")
    constraint = parse_constraint(rest) if rest else [[("any", "")]]
    return Requirement(normalize(name), text.strip(), constraint, _pinned(constraint), build, False)


def parse_pip_dep(text):
    """A PEP 508 line: `pkg`, `pkg==1.0`, `pkg[extra] (>=1,<2)`, `pkg @ url`, `pkg==1.0 --hash=...`;
    markers are ignored. A file or an address (`./pkg`, `git+https://...`) names no package:
    None."""
    text = text.strip()
    if _PIP_LOCATION.match(text):
        return None
    match = _PIP_DEP.fullmatch(text)
    if not match:
        raise ValueError("is not a pip requirement")
    name, rest = match.group(1), match.group(3)
    rest = rest.split(";", 1)[0].split(" --", 1)[0].split(" -", 1)[0].strip()
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1].strip()
    if not rest or rest.startswith("@"):
        constraint = [[("any", "")]]
    else:
        constraint = parse_constraint(rest.replace(" ", ""), pip=True)
    return Requirement(normalize(name), text, constraint, _pinned(constraint), "", True)


EnvFile = namedtuple("EnvFile", [
    "path",
    "prefix",  # the `prefix:` line, which an export sent to someone else must not have
    "requirements",  # conda's, then pip's
])


# -- Reading YAML as conda does ----------------------------------------------------------------
#
# conda reads environment files with a full YAML reader; this one reads the same files into the
# same values (PyYAML's, which the tests compare against): block and flow collections across
# lines, quoted keys and scalars with their escapes, anchors and aliases, a %YAML directive and
# the --- and ... markers. What conda's own export never writes (tags, block scalars, explicit
# ? keys, merge keys, several documents) is refused with its line number, never guessed at.
# One pass over the text by position, so the time is linear in the file's size.

_PLAIN_END = re.compile(r":(?=[ \t\n]|\Z)|[ \t]#|\n")  # where a plain scalar of a block ends
_FLOW_PLAIN_END = re.compile(r":(?=[ \t\n,\[\]{}]|\Z)|[ \t]#|[\n,\[\]{}]")
_ANCHOR = re.compile(r"[0-9A-Za-z_-]+")
_DIRECTIVE = re.compile(r"%\S*")
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
            "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
            "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}
# YAML 1.1's plain scalars that are not strings, as PyYAML reads them
_NULLS = ("", "~", "null", "Null", "NULL")
_BOOLS = dict([(word, True) for word in "yes Yes YES true True TRUE on On ON".split()]
              + [(word, False) for word in "no No NO false False FALSE off Off OFF".split()])
_INT = re.compile(r"[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+"
                  r"|[1-9][0-9_]*(?::[0-5]?[0-9])+)")
_FLOAT = re.compile(r"[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
                    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)"
                    r"|\.(?:nan|NaN|NAN)")


def _sexagesimal(text, number):
    """190:20:30 -> 190 * 3600 + 20 * 60 + 30."""
    total = 0
    for part in text.split(":"):
        total = total * 60 + number(part)
    return total


def resolve_plain(text):
    """A plain (unquoted) scalar's value: None, a bool, an int, a float or the text itself."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    digits = text.replace("_", "")
    sign = -1 if digits[:1] == "-" else 1
    unsigned = digits.lstrip("+-")
    if _INT.fullmatch(text):
        if ":" in unsigned:
            return sign * _sexagesimal(unsigned, int)
        for prefix, base in (("0b", 2), ("0x", 16)):
            if unsigned.startswith(prefix):
                return sign * int(unsigned[2:], base)
        return sign * int(unsigned, 8 if unsigned[:1] == "0" and unsigned != "0" else 10)
    if _FLOAT.fullmatch(text):
        lowered = unsigned.lower()
        if lowered in (".inf", ".nan"):
            return sign * float(lowered[1:])
        return sign * (_sexagesimal(lowered, float) if ":" in lowered else float(lowered))
    return text


def _fold(lines):
    """The lines of a quoted or plain scalar that spans lines, joined as YAML folds them: one
    line break is a space, each empty line between two lines a line break."""
    parts, empty = [lines[0]], 0
    for index, line in enumerate(lines[1:], 1):
        if not line and index < len(lines) - 1:
            empty += 1
            continue
        parts.append("\n" * empty if empty else " ")
        parts.append(line)
        empty = 0
    return "".join(parts)


class YamlReader(object):
    """One YAML document, read by position; SpecError names the line of what it cannot read."""

    def __init__(self, text, path):
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.path = path
        self.pos = 0
        self.anchors = {}
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", self.text)]

    # -- Where we are

    def line(self, pos=None):
        return bisect.bisect_right(self.line_starts, self.pos if pos is None else pos)

    def column(self, pos=None):
        pos = self.pos if pos is None else pos
        return pos - self.line_starts[self.line(pos) - 1]

    def fail(self, message, pos=None):
        raise SpecError("%s: line %d: %s" % (self.path, self.line(pos), message))

    def peek(self, offset=0):
        return self.text[self.pos + offset:self.pos + offset + 1]

    def blank_at(self, pos):
        return self.text[pos:pos + 1] in ("", " ", "\t", "\n")

    def at_marker(self):
        """At a --- or ... line: the end of the document's content."""
        return (self.column() == 0 and self.text.startswith(("---", "..."), self.pos)
                and self.blank_at(self.pos + 3))

    def at_end(self):
        return self.pos >= len(self.text) or self.at_marker()

    def skip_space(self):
        while self.peek() in (" ", "\t") and self.peek():
            self.pos += 1

    def line_is_done(self):
        """Nothing but spaces and a comment is left on the line."""
        self.skip_space()
        return self.peek() in ("", "\n", "#")

    def skip_to_content(self):
        """To the next character that is not a space, a line break or a comment."""
        while True:
            self.skip_space()
            if self.peek() == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            if self.peek() != "\n":
                break
            self.pos += 1
        start = self.line_starts[self.line() - 1]
        if self.pos < len(self.text) and "\t" in self.text[start:self.pos] \
                and not self.text[start:self.pos].strip():
            self.fail("YAML does not allow tabs for indentation")

    def end_line(self):
        if not self.line_is_done():
            self.fail("unexpected text after a value: %r" % self.text[self.pos:self.pos + 20])

    # -- The document

    def document(self):
        self.skip_to_content()
        directive = False
        while self.peek() == "%" and self.column() == 0:
            name = _DIRECTIVE.match(self.text, self.pos).group()
            if name != "%YAML":
                self.fail("the %s directive is not supported" % name)
            end = self.text.find("\n", self.pos)
            self.pos = len(self.text) if end < 0 else end
            directive = True
            self.skip_to_content()
        if self.at_marker() and self.peek() == "-":
            self.pos += 3
        elif directive:
            self.fail("a %YAML directive must be followed by a --- line")
        value = self.block_node(-1, False)
        self.skip_to_content()
        if self.at_marker() and self.peek() == ".":
            self.pos += 3
            self.skip_to_content()
        if self.pos < len(self.text):
            if self.at_marker():
                self.fail("a second YAML document is not supported: an environment file has one")
            self.fail("unexpected text: %r" % self.text[self.pos:self.pos + 20])
        return value

    # -- Block collections, by indentation

    def block_node(self, parent, in_mapping):
        """The node on the lines below, indented more than parent; in a mapping's value, a
        - list may also start at the mapping's own indentation."""
        self.skip_to_content()
        if self.at_end():
            return None
        column = self.column()
        if column > parent:
            return self.node_at(column, parent, in_mapping, True)
        if in_mapping and column == parent and self.at_dash():
            return self.sequence(column, True)
        return None

    def at_dash(self):
        return self.peek() == "-" and self.blank_at(self.pos + 1)

    def node_at(self, column, parent, in_mapping, mapping_allowed):
        """The node that starts here, at column, inside a collection indented at parent."""
        if self.at_dash():
            if not mapping_allowed:
                self.fail("a - list cannot start on the line of its key")
            return self.sequence(column, False)
        start = self.pos
        anchor = self.anchor()
        if anchor is not None and self.line_is_done():
            return self.remember(anchor, self.block_node(parent, in_mapping))
        value, kind = self.inline(False)
        self.skip_space()
        if self.peek() == ":" and self.blank_at(self.pos + 1):
            if not mapping_allowed:
                self.fail("a key: value cannot follow a key: on the same line")
            return self.mapping(column, self.key(start, value, kind, anchor))
        if kind == "plain":
            at_line_end = self.peek() in ("", "\n")
            value = resolve_plain(self.continued(value, parent) if at_line_end else value)
        self.end_line()
        return self.remember(anchor, value)

    def key(self, start, value, kind, anchor):
        """A key that was read, followed by its colon: plain or quoted, on one line."""
        if kind == "flow" or self.line(start) != self.line():
            self.fail("a key must be a plain or quoted value on one line")
        if kind == "plain" and value == "<<":
            self.fail("merge keys (<<) are not supported")
        key = resolve_plain(value) if kind == "plain" else value
        if isinstance(key, (list, dict)):
            self.fail("a list or a mapping as a key is not supported")
        return self.remember(anchor, key)

    def continued(self, text, parent):
        """A plain scalar's lines below its first, indented more than parent."""
        lines = [text]
        while True:
            mark = self.pos
            self.skip_to_content_lines()
            if self.at_end() or self.column() <= parent or self.peek() == "#":
                self.pos = mark
                return _fold(lines)
            lines.extend([""] * (self.line() - self.line(mark) - 1))
            match = _PLAIN_END.search(self.text, self.pos)
            end = match.start() if match else len(self.text)
            lines.append(self.text[self.pos:end].rstrip(" \t"))
            self.pos = end
            if match and match.group() == ":":
                self.fail("a key: value inside a value that spans lines")
            if match and match.group() != "\n":
                return _fold(lines)

    def skip_to_content_lines(self):
        """Past line breaks and spaces only: a comment ends a plain scalar."""
        while self.peek() in (" ", "\t", "\n") and self.peek():
            self.pos += 1

    def mapping(self, indent, key):
        result = {}
        while True:
            self.pos += 1  # the colon
            result[key] = self.value(indent)
            self.skip_to_content()
            if self.at_end() or self.column() < indent:
                return result
            if self.column() > indent:
                self.fail("this line is indented more than the keys above it")
            if self.at_dash():
                self.fail("a - item where a key: was expected")
            start = self.pos
            anchor = self.anchor()
            value, kind = self.inline(False)
            self.skip_space()
            if self.peek() != ":" or not self.blank_at(self.pos + 1):
                self.fail("expected `key: value`, found %r"
                          % self.text[start:self.pos + 20].split("\n")[0])
            key = self.key(start, value, kind, anchor)

    def value(self, indent):
        """What follows a key's colon: on its line, or on the lines below."""
        if self.line_is_done():
            return self.block_node(indent, True)
        return self.node_at(self.column(), indent, True, False)

    def sequence(self, indent, compact):
        """A block list at indent; compact: the value of a key at the same indentation."""
        items = []
        while True:
            self.pos += 1  # the dash
            if self.line_is_done():
                items.append(self.block_node(indent, False))
            else:
                items.append(self.node_at(self.column(), indent, False, True))
            self.skip_to_content()
            if self.at_end() or self.column() < indent:
                return items
            if self.column() > indent:
                self.fail("this line is indented more than the - items above it")
            if not self.at_dash():
                if compact:
                    return items
                self.fail("expected a - item, found %r" % self.text[self.pos:self.pos + 20])

    # -- What fits on a line: aliases, quoted and plain scalars, flow collections

    def anchor(self):
        """An &anchor's name, or None; the value that follows is remembered under it."""
        if self.peek() != "&":
            return None
        match = _ANCHOR.match(self.text, self.pos + 1)
        if not match:
            self.fail("an & with no anchor name")
        self.pos = match.end()
        self.skip_space()
        return match.group()

    def remember(self, anchor, value):
        if anchor is not None:
            self.anchors[anchor] = value
        return value

    def inline(self, flow):
        """(value, kind) of the node here: kind is alias, flow, quoted or plain (its text, not
        yet resolved: a plain value may go on over the lines below)."""
        char = self.peek()
        if char == "*":
            match = _ANCHOR.match(self.text, self.pos + 1)
            if not match or match.group() not in self.anchors:
                self.fail("the alias %r names no anchor above it" % self.text[self.pos:self.pos + 20])
            self.pos = match.end()
            return self.anchors[match.group()], "alias"
        if char in ("[", "{"):
            return self.flow(), "flow"
        if char in ("'", '"'):
            return self.quoted(), "quoted"
        if char == "!":
            self.fail("tags (!) are not supported")
        if char in ("|", ">"):
            self.fail("block scalars (| and >) are not supported")
        if char == "?" and self.blank_at(self.pos + 1):
            self.fail("explicit keys (?) are not supported")
        if char in ("]", "}", ",", "#", "%", "@", "`", "&") or (char == "-" and flow and
                                                                  self.blank_at(self.pos + 1)):
            self.fail("a value cannot start with %r" % char)
        end = (_FLOW_PLAIN_END if flow else _PLAIN_END).search(self.text, self.pos)
        end = end.start() if end else len(self.text)
        text = self.text[self.pos:end].rstrip(" \t")
        self.pos = end
        return text, "plain"

    def quoted(self):
        quote, start = self.peek(), self.pos
        position = self.pos + 1
        closing = re.compile("'" if quote == "'" else r'["\\]')
        while True:
            match = closing.search(self.text, position)
            if not match:
                self.fail("the quote is never closed (is the file truncated?)", start)
            if match.group() == "\\":
                position = match.end() + 1
            elif quote == "'" and self.text.startswith("''", match.start()):
                position = match.end() + 1
            else:
                break
        self.pos = match.end()
        raw = self.text[start + 1:match.start()]
        if quote == "'":
            return _fold(self.trimmed(raw.split("\n"))).replace("''", "'")
        lines, joined = raw.split("\n"), []
        for index, line in enumerate(lines):
            # A \ at the end of a line joins the next one to it, without a space.
            escaped_break = (len(line) - len(line.rstrip("\\"))) % 2 == 1
            joined.append([line[:-1] if escaped_break else line, escaped_break])
        parts = []
        for line, escaped_break in joined:
            if parts and parts[-1][1]:
                parts[-1][0] += line.lstrip(" \t")
                parts[-1][1] = escaped_break
            else:
                parts.append([line, escaped_break])
        decoded = [self.unescape(line) for line in self.trimmed([line for line, _ in parts])]
        return _fold(decoded)

    def trimmed(self, lines):
        """A flow scalar's lines without the spaces that end or start a line break."""
        if len(lines) == 1:
            return lines
        return ([lines[0].rstrip(" \t")] + [line.strip(" \t") for line in lines[1:-1]]
                + [lines[-1].lstrip(" \t")])

    def unescape(self, text):
        def one(match):
            code = match.group(1)
            if len(code) > 1:
                return chr(int(code[1:], 16))
            if code not in _ESCAPES:
                self.fail("unknown escape \\%s in a double-quoted value" % code)
            return _ESCAPES[code]
        return _ESCAPE.sub(one, text)

    def skip_flow_space(self):
        while True:
            char = self.peek()
            if char in (" ", "\t", "\n") and char:
                self.pos += 1
            elif char == "#" and self.text[self.pos - 1:self.pos] in (" ", "\t", "\n"):
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            else:
                return

    def flow(self):
        """A [list] or {mapping}, over as many lines as it takes."""
        opener, start = self.peek(), self.pos
        closer = "]" if opener == "[" else "}"
        result = [] if opener == "[" else {}
        self.pos += 1
        while True:
            self.skip_flow_space()
            if self.pos >= len(self.text):
                self.fail("the %s is never closed (is the file truncated?)" % opener, start)
            if self.peek() == closer:
                self.pos += 1
                return result
            if self.peek() == ",":
                self.fail("an empty entry in a %s%s" % (opener, closer))
            key, kind = self.flow_node()
            value, pair = None, False
            # A colon after a quoted key or a collection needs no space after it (JSON).
            if self.peek() == ":" and (self.blank_at(self.pos + 1) or kind in ("quoted", "flow")
                                       or self.text[self.pos + 1:self.pos + 2] in ",]}"):
                self.pos += 1
                self.skip_flow_space()
                pair = True
                if self.peek() not in (",", closer):
                    value = self.flow_node()[0]
            if isinstance(key, (list, dict)) and (pair or opener == "{"):
                self.fail("a list or a mapping as a key is not supported")
            if key == "<<" and kind == "plain" and (pair or opener == "{"):
                self.fail("merge keys (<<) are not supported")
            if opener == "[":
                result.append({key: value} if pair else key)
            else:
                result[key] = value
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() not in (closer, ""):
                self.fail("expected , or %s in the %s%s that starts on line %d"
                          % (closer, opener, closer, self.line(start)))

    def flow_node(self):
        """(value, kind) of an entry of a flow collection; a plain one may span lines."""
        self.skip_flow_space()
        anchor = self.anchor()
        value, kind = self.inline(True)
        if kind == "plain":
            lines = [value]
            while self.peek() == "\n":
                mark = self.pos
                self.skip_flow_space()
                if self.peek() in (",", "]", "}", ":", "#", ""):
                    self.pos = mark
                    break
                lines.extend([""] * (self.line() - self.line(mark) - 1))
                lines.append(self.inline(True)[0])
            value = resolve_plain(_fold(lines))
        self.skip_flow_space()
        return self.remember(anchor, value), kind


def parse_yaml(text, path):
    """The environment file's value, as conda's YAML reader gives it; a JSON file through json."""
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except ValueError:
            pass  # YAML's flow style is wider than JSON (comments, plain words): read it as YAML
    return YamlReader(text, path).document()


def decode_text(data, path):
    """Text from bytes: UTF-8, or UTF-16 as Windows PowerShell 5 writes with `>`."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in data:
        raise SpecError("%s: is a binary file, not an environment file" % path)
    try:
        return data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError:
        raise SpecError("%s: is not %s text" % (path, "UTF-16" if utf16 else "UTF-8"))


def read_pipe(path, limit, what):
    """What a pipe holds, to its end, as `--export <(conda env export ...)` gives it: read for at
    most PIPE_TIMEOUT seconds, as a pipe nobody writes to never ends."""
    import select
    deadline = time.monotonic() + PIPE_TIMEOUT
    chunks, size = [], 0
    # Opened without waiting for a writer; select waits for one, and for what it writes.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([descriptor], [], [], left)[0]:
                raise InputError("%s: nothing ended the pipe in %d s (is the command that "
                                 "writes it still running?)" % (path, PIPE_TIMEOUT))
            try:
                chunk = os.read(descriptor, 65536)
            except BlockingIOError:  # woken up with nothing to read yet
                continue
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise InputError("%s: is more than the %d bytes a %s may have" % (path, limit, what))
    finally:
        os.close(descriptor)


def read_regular(path, limit, what="file"):
    """The bytes of path, a regular file of at most limit bytes, or a pipe (see read_pipe): a
    device or a file that never ends is refused before it is opened, never waited on."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError("%s: no such file" % path)
    except OSError as error:
        raise InputError("%s: cannot be read: %s" % (path, error.strerror))
    if stat.S_ISDIR(info.st_mode):
        raise InputError("%s: is a folder, not a %s" % (path, what))
    if stat.S_ISFIFO(info.st_mode) and not WINDOWS:
        try:
            return read_pipe(path, limit, what)
        except OSError as error:
            raise InputError("%s: cannot be read: %s" % (path, error.strerror))
    if not stat.S_ISREG(info.st_mode):
        raise InputError("%s: is not a regular file" % path)
    if info.st_size > limit:
        raise InputError("%s: is %d bytes, more than the %d a %s may have"
                         % (path, info.st_size, limit, what))
    try:
        with open(path, "rb") as handle:
            return handle.read(limit + 1)[:limit]
    except OSError as error:
        raise InputError("%s: cannot be read: %s" % (path, error.strerror))


def read_env_file(path):
    """An environment file (name, channels, dependencies with a nested pip: list), checked."""
    data = read_regular(path, MAX_FILE, "environment file")
    if not data.strip():
        raise SpecError("%s: is empty" % path)
    return env_file_from_text(decode_text(data, path), path)


def env_file_from_text(text, path):
    document = parse_yaml(text, path)
    if not isinstance(document, dict):
        raise SpecError("%s: is not a conda environment file: it has no `key: value` lines, "
                        "such as `dependencies:`" % path)
    dependencies = document.get("dependencies")
    if not isinstance(dependencies, list) or not dependencies:
        raise SpecError("%s: has no `dependencies:` list, so it is not a conda environment file%s"
                        % (path, " (is it truncated?)" if "dependencies" in document else ""))
    requirements = []
    for item in dependencies:
        if isinstance(item, dict) and list(item) == ["pip"] and isinstance(item["pip"], list):
            for line in item["pip"]:
                if not isinstance(line, str):
                    raise SpecError("%s: pip entry %r is not a requirement" % (path, line))
                # pip options (-r file, --index-url, -e path) name no package to check.
                requirement = None if line.startswith("-") else _requirement(parse_pip_dep, line, path)
                if requirement:
                    requirements.append(requirement)
        elif isinstance(item, str) and item:
            requirements.append(_requirement(parse_conda_dep, item, path))
        elif item == {"pip": None}:
            raise SpecError("%s: pip: has no list under it (is the file truncated?)" % path)
        else:
            raise SpecError("%s: dependency %r is neither a package nor a pip: list"
                            % (path, item))
    prefix = document.get("prefix")
    return EnvFile(path, prefix if isinstance(prefix, str) else "", requirements)


def _requirement(parse, text, path):
    try:
        return parse(text)
    except ValueError as error:
        raise SpecError("%s: dependency %r %s" % (path, text, error))


def load_spec(value):
    if value in SPECS:
        return env_file_from_text(SPECS[value], "the %s spec" % value)
    return read_env_file(value)


# -- Running a program, bounded ----------------------------------------------------------------

Finished = namedtuple("Finished", "code stdout stderr")


class TimedOut(Exception):
    """A program the checker started did not end within its limit; it was stopped."""


def _drain(stream, outputs, index):
    """Read a pipe to its end, keeping the last MAX_OUTPUT bytes, so the writer never blocks."""
    while True:
        chunk = stream.read(65536)
        if not chunk:
            return
        outputs[index] = (outputs[index] + chunk)[-MAX_OUTPUT:]


def _stop_group(process):
    """End the program and everything it started (a test's background child, say)."""
    import signal
    import subprocess
    if os.name == "nt":
        if process.poll() is None:
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
    else:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:  # the group is gone already: nothing was left running
            pass
    if process.poll() is None:
        process.kill()
    process.wait()


def run_bounded(command, limit, cwd=None, env=None):
    """Run command with stdin closed, in its own process group, for at most limit seconds.

    Its output is read by two threads, so that a program that prints a lot never blocks, and a
    background child that keeps the pipes open is ended with the rest of the group.
    """
    # Imported here, as in quote() and conda_executable(): a check that starts no program
    # (most of --watch's) is spared a fifth of its time.
    import subprocess
    import threading
    options = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE,
               "stderr": subprocess.PIPE, "cwd": cwd, "env": env}
    if os.name == "nt":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        options["start_new_session"] = True
    process = subprocess.Popen(command, **options)
    outputs = [b"", b""]
    readers = [threading.Thread(target=_drain, args=(stream, outputs, index), daemon=True)
               for index, stream in enumerate((process.stdout, process.stderr))]
    for reader in readers:
        reader.start()
    try:
        process.wait(limit)
    except subprocess.TimeoutExpired:
        raise TimedOut(limit)
    finally:
        _stop_group(process)
        for reader in readers:
            reader.join(2)
    process.stdout.close()
    process.stderr.close()
    text = [output.decode("utf-8", "replace") for output in outputs]
    return Finished(process.returncode, text[0], text[1])


# -- Finding environments, the way conda does ------------------------------------------------

def display(path):
    """A path as a student would type it: ~ for the home folder."""
    home = os.path.expanduser("~")
    if path == home or path.startswith(home.rstrip("/\\") + os.sep):
        return "~" + path[len(home):]
    return path


def quote(text):
    """text as one word of a command, for the student's shell: POSIX sh, or on Windows cmd and
    PowerShell, which both read "double quotes" (a Windows path cannot contain one)."""
    if WINDOWS or not re.search(r'["$`\\!]', text):
        return '"%s"' % text
    import shlex
    return shlex.quote(text)


def word(text):
    """text as one word of a command, quoted only when it has to be."""
    return text if re.fullmatch(r"[\w@%+=:,./-]+", text) else quote(text)


def conda_roots():
    """Where conda itself is installed: from the shell's activation, or its usual places."""
    roots = []
    if os.environ.get("CONDA_EXE"):
        roots.append(os.path.dirname(os.path.dirname(os.environ["CONDA_EXE"])))
    active = os.environ.get("CONDA_PREFIX", "")
    if active:
        parent = os.path.dirname(active)
        roots.append(os.path.dirname(parent) if os.path.basename(parent) == "envs" else active)
    home = os.path.expanduser("~")
    for folder in ("miniforge3", "mambaforge", "miniconda3", "anaconda3", "micromamba"):
        roots.append(os.path.join(home, folder))
    if os.environ.get("PROGRAMDATA"):
        roots.append(os.path.join(os.environ["PROGRAMDATA"], "miniforge3"))
    roots.append("/opt/conda")
    return _unique(roots)


def _unique(paths):
    seen, result = set(), []
    for path in paths:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            result.append(path)
    return result


def envs_dirs():
    """conda's envs_dirs: CONDA_ENVS_PATH, then <root>/envs, then ~/.conda/envs."""
    dirs = []
    for variable in ("CONDA_ENVS_PATH", "CONDA_ENVS_DIRS"):
        dirs.extend(p for p in os.environ.get(variable, "").split(os.pathsep) if p)
    dirs.extend(os.path.join(root, "envs") for root in conda_roots())
    dirs.append(os.path.join(os.path.expanduser("~"), ".conda", "envs"))
    return _unique(dirs)


def environments_txt():
    return os.path.join(os.path.expanduser("~"), ".conda", "environments.txt")


def registered_envs():
    """Every environment conda has created lists its prefix in ~/.conda/environments.txt."""
    try:
        text = read_regular(environments_txt(), MAX_FILE).decode("utf-8", "replace")
    except InputError:
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def conda_executable():
    import shutil
    return os.environ.get("CONDA_EXE") or shutil.which("conda")


def conda_env_list():
    """`conda env list --json`, when conda is there: it knows envs_dirs set in .condarc."""
    conda = conda_executable()
    if not conda:
        return []
    try:
        listing = json.loads(run_bounded([conda, "env", "list", "--json"], CONDA_TIMEOUT).stdout)
    except (OSError, TimedOut, ValueError):
        return []
    envs = listing.get("envs") if isinstance(listing, dict) else None
    return [env for env in envs or [] if isinstance(env, str)]


def find_env(name):
    """The prefix of the environment called name (None if there is none), and where we looked."""
    places = envs_dirs()
    for folder in places:
        if os.path.isdir(os.path.join(folder, name)):
            return os.path.join(folder, name), places
    for prefix in registered_envs():
        if os.path.basename(prefix.rstrip("/\\")) == name and os.path.isdir(prefix):
            return prefix, places
    for prefix in conda_env_list():
        if os.path.basename(prefix.rstrip("/\\")) == name and os.path.isdir(prefix):
            return prefix, places
    return None, places


Env = namedtuple("Env", [
    "label",  # as the student named it: its name, or its folder
    "name",  # its name, or its folder's name, for a kernel's name
    "prefix",  # absolute path, or "" when no environment has that name
    "searched",  # the folders a name was looked up in
    "flag",  # how to name it to conda: `-n NAME` or `-p PATH`
])


def check_name(name, option):
    """conda refuses these characters in a name; an empty name or .. would name another folder."""
    if not name or name in (".", "..") or re.search(r"[/\\:#\s]", name):
        raise InputError("%s %r: an environment name cannot be empty, . or .., or contain "
                         "/ \\ : # or spaces" % (option, name))
    return name


def resolve_env(name=None, path=None):
    if path is not None:
        if not path:
            raise InputError("--prefix: the path is empty")
        if not os.path.exists(path):
            raise InputError("%s: no such folder" % path)
        if not os.path.isdir(path):
            raise InputError("%s: is a file, not an environment folder" % path)
        prefix = os.path.abspath(path)
        return Env(display(prefix), os.path.basename(prefix), prefix, [], "-p " + quote(prefix))
    prefix, searched = find_env(name)
    return Env(name, name, os.path.abspath(prefix) if prefix else "", searched, "-n " + name)


def python_of(prefix):
    """The environment's interpreter: python.exe at the top on Windows, bin/python elsewhere."""
    if WINDOWS:
        candidates = [os.path.join(prefix, "python.exe")]
    else:
        candidates = [os.path.join(prefix, "bin", name) for name in ("python", "python3")]
    for candidate in candidates:
        if os.path.isfile(candidate):
            return candidate
    return ""


# The first bytes of a program: ELF (Linux), PE (Windows), Mach-O (macOS), a #! script.
PROGRAM_MAGIC = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe",
                 b"\xfe\xed\xfa\xcf", b"#!")


def is_program(path):
    """Does path start as a program does? Only a regular file is opened."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return handle.read(4).startswith(PROGRAM_MAGIC)
    except OSError:
        return False


# -- What is installed -------------------------------------------------------------------------

Installed = namedtuple("Installed", [
    "version", "build",
    "installer",  # "conda", "pip", or what a dist-info's INSTALLER says
    "record",  # conda's record file, or ""
])


def conda_records(prefix):
    """name -> Installed from the names of conda-meta's files, `name-version-build.json`, and
    the records that are empty.

    File names, not contents: a record lists every file of its package and can be megabytes,
    and neither a version nor a build string may contain a dash.
    """
    records, empty = {}, []
    folder = os.path.join(prefix, "conda-meta")
    with os.scandir(folder) as entries:
        for entry in entries:
            parts = entry.name[:-len(".json")].rsplit("-", 2) if entry.name.endswith(".json") else []
            if len(parts) != 3:
                continue
            records[normalize(parts[0])] = Installed(parts[1], parts[2], "conda", entry.path)
            try:
                if entry.stat().st_size == 0:
                    empty.append(entry.name)
            except OSError:
                empty.append(entry.name)
    return records, empty


def record_problem(installed):
    """Why a conda record cannot be trusted, or "": it must be JSON naming its own version."""
    try:
        record = json.loads(read_regular(installed.record, MAX_RECORD).decode("utf-8"))
    except (InputError, ValueError):
        return "its record %s is damaged" % os.path.basename(installed.record)
    if not isinstance(record, dict) or record.get("version") != installed.version:
        return "its record %s is damaged" % os.path.basename(installed.record)
    return ""


def site_packages(prefix):
    if WINDOWS:
        return [os.path.join(prefix, "Lib", "site-packages")]
    lib = os.path.join(prefix, "lib")
    try:
        names = sorted(os.listdir(lib))
    except OSError:
        return []
    return [os.path.join(lib, name, "site-packages") for name in names
            if name.startswith("python") and os.path.isdir(os.path.join(lib, name, "site-packages"))]


def python_distributions(prefix, wanted):
    """name -> Installed for the wanted names that have a .dist-info in site-packages."""
    found = {}
    for folder in site_packages(prefix):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for entry in names:
            if not entry.endswith(".dist-info"):
                continue
            name, _, version = entry[:-len(".dist-info")].rpartition("-")
            if normalize(name) in wanted:
                found[normalize(name)] = Installed(version, "", _installer(folder, entry), "")
    return found


def _installer(folder, entry):
    try:
        text = read_regular(os.path.join(folder, entry, "INSTALLER"), 1000).decode("utf-8")
    except (InputError, UnicodeDecodeError):
        return "unknown installer"
    return text.strip() or "unknown installer"


class Inventory:
    """What one environment has installed, by conda or by pip, read once."""

    def __init__(self, prefix, wanted):
        self.conda, self.empty = conda_records(prefix)
        self.python = python_distributions(prefix, wanted)

    def find(self, name):
        """The installed package and a note on who installed it, or (None, "")."""
        conda, python = self.conda.get(name), self.python.get(name)
        if python and python.installer != "conda" and (not conda or conda.version != python.version):
            # pip replaced (or added to) what conda put there: site-packages is what imports.
            over = ", over conda's %s" % conda.version if conda else ""
            return python, "%s%s" % (python.installer, over)
        if conda:
            return conda, "conda"
        if python:
            return python, python.installer
        return None, ""


def check_requirement(requirement, installed, read_record=False):
    """Why installed does not satisfy requirement, or "" when it does; read_record: also read
    conda's record of it (megabytes for some packages, so only for the spec's few)."""
    if installed is None:
        return "not installed"
    if read_record and installed.record:
        problem = record_problem(installed)
        if problem:
            return problem
    if not satisfies(installed.version, requirement.constraint):
        return "%s is installed" % installed.version
    if requirement.build and not fnmatch.fnmatchcase(installed.build, requirement.build):
        return "build %s is installed" % (installed.build or "unknown")
    return ""


# -- The steps ---------------------------------------------------------------------------------

def hint(step_id, **fields):
    """The hint of the step's row of STEPS, filled in with this run's environment and files."""
    return next(template for row_id, _, template in STEPS
                if step_kind(row_id) == step_kind(step_id)).format(**fields)


def env_problem(env):
    """Why env is not a conda environment one can use, or "" when it is one."""
    if not env.prefix:
        folders = [display(p) for p in env.searched if os.path.isdir(p)]
        if not folders and not conda_executable():
            return ("no environment named %s, and no conda found: install Miniforge "
                    "(https://conda-forge.org/download/) first" % env.label)
        return "no environment named %s (looked in %s)" % (
            env.label, ", ".join(folders + ["~/.conda/environments.txt"]
                                 + (["conda env list"] if conda_executable() else [])))
    if os.path.isfile(os.path.join(env.prefix, "conda-meta", "history")):
        return ""
    if os.path.isfile(os.path.join(env.prefix, "pyvenv.cfg")):
        what = "a venv (it has pyvenv.cfg), not a conda environment"
    else:
        what = "not a conda environment"
    return "%s is %s: it has no conda-meta/history" % (display(env.prefix), what)


def check_env(env, python, inventory=None):
    """Does env exist, made by conda, with no empty record? An environment whose conda-meta has
    empty records was damaged (a full disk, a killed install): conda can no longer manage it.
    inventory: what env has installed, once it is known to exist."""
    problem = env_problem(env)
    if not problem and inventory is not None and inventory.empty:
        problem = "%s is damaged: %d empty record%s in conda-meta, like %s" % (
            display(env.prefix), len(inventory.empty), "s" * (len(inventory.empty) > 1),
            sorted(inventory.empty)[0])
    if problem:
        return Step("env", "fail", problem, hint("env", env=env.flag, python=quote(python)))
    return Step("env", "pass", "conda environment at %s" % display(env.prefix))


def check_python(env, spec, inventory):
    python = inventory.conda.get("python")
    wanted = [r for r in spec.requirements if r.name == "python"]
    wanted_label = label(wanted[0]) if wanted else "python"
    program = python_of(env.prefix)
    if python is None or not program:
        problem = "%s has no Python" % env.label
    elif not is_program(program):
        problem = "%s is not a program: the environment is damaged" % display(program)
    elif record_problem(python):
        problem = "Python: %s" % record_problem(python)
    elif not wanted:
        return Step("python", "pass", "Python %s (the spec does not pin Python)" % python.version)
    elif check_requirement(wanted[0], python):
        problem = "Python %s is installed, %s wants %s" % (python.version, spec.path, wanted_label)
    else:
        return Step("python", "pass", "Python %s matches %s" % (python.version, wanted_label))
    return Step("python", "fail", problem,
                hint("python", env=env.flag, python=quote(wanted_label)))


def check_package(env, requirement, inventory):
    installed, how = inventory.find(requirement.name)
    step_id = "package:" + requirement.name
    problem = check_requirement(requirement, installed, read_record=True)
    if not problem:
        return Step(step_id, "pass", "%s %s (%s) matches %s"
                    % (requirement.name, installed.version, how, label(requirement)))
    if problem == "not installed":
        message = "%s is not installed" % requirement.name
    elif problem.startswith("its record"):
        message = "%s %s: %s" % (requirement.name, installed.version, problem)
    else:
        message = "%s %s (%s), the spec wants %s" % (requirement.name, installed.version, how,
                                                     label(requirement))
    return Step(step_id, "fail", message,
                hint(step_id, env=env.flag, package=quote(label(requirement))))


# The test runs inside this small program, in the environment's Python (3.6 or newer): it hides
# the packages it is told to, runs test_env.py whatever that does with exit, and reports which
# modules were imported, on a line of stderr that starts with a token the test cannot guess.
_RUNNER = r"""
import json, os, runpy, sys, traceback
token, hidden, script = sys.argv[1], set(filter(None, sys.argv[2].split(","))), sys.argv[3]
class Hide(object):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in hidden:
            raise ModuleNotFoundError("No module named %r (hidden by the checker)" % name, name=name)
for name in list(sys.modules):
    if name.partition(".")[0] in hidden:
        del sys.modules[name]
sys.meta_path.insert(0, Hide())
sys.argv = [script]
code = 0
try:
    runpy.run_path(script, run_name="__main__")
except SystemExit as stop:
    if stop.code is None or isinstance(stop.code, int):
        code = stop.code or 0
    else:
        sys.stderr.write("%s\n" % (stop.code,))
        code = 1
except BaseException:
    traceback.print_exc()
    code = 1
sys.stdout.flush()
sys.stderr.write("\n%s %s\n" % (token, json.dumps(sorted(set(n.partition(".")[0] for n in list(sys.modules))))))
sys.stderr.flush()
os._exit(code if 0 <= code < 256 else 1)
"""

TestRun = namedtuple("TestRun", "code last_line imported")


def run_test(python, prefix, script, hidden, limit):
    """Run script with the environment's Python as `conda activate` would, writing nothing.

    -B and PYTHONDONTWRITEBYTECODE: no __pycache__ beside test_env.py or in the environment.
    -E -s: no PYTHONPATH and no user site-packages, so only the environment's packages count.
    """
    variables = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    variables["PYTHONDONTWRITEBYTECODE"] = "1"
    variables["CONDA_PREFIX"] = prefix
    if WINDOWS:
        # Activation puts the DLL folders of conda's packages on PATH (numpy needs them).
        extra = [prefix] + [os.path.join(prefix, *p) for p in
                            (("Library", "mingw-w64", "bin"), ("Library", "usr", "bin"),
                             ("Library", "bin"), ("Scripts",), ("bin",))]
    else:
        extra = [os.path.join(prefix, "bin")]
    variables["PATH"] = os.pathsep.join(extra + [variables.get("PATH", "")])
    token = os.urandom(16).hex()
    result = run_bounded([python, "-B", "-E", "-s", "-c", _RUNNER, token, ",".join(hidden),
                          os.path.basename(script)],
                         limit, cwd=os.path.dirname(os.path.abspath(script)), env=variables)
    imported, lines = None, []
    for line in result.stderr.splitlines():
        if line.startswith(token + " "):
            try:
                imported = set(json.loads(line[len(token) + 1:]))
            except ValueError:
                imported = None
        elif line.strip():
            lines.append(line.strip())
    lines = lines or [line.strip() for line in result.stdout.splitlines() if line.strip()]
    return TestRun(result.code, lines[-1][:160] if lines else "no output", imported)


def env_state(prefix):
    """What changes when something is installed into prefix: its records and its packages."""
    paths = [os.path.join(prefix, "conda-meta"), os.path.join(prefix, "conda-meta", "history")]
    paths += site_packages(prefix)
    state = {}
    for path in paths:
        try:
            info = os.stat(path)
            state[path] = (info.st_mtime_ns, info.st_size)
        except OSError:
            state[path] = None
    return state


def import_names(spec):
    return [IMPORT_NAMES.get(r.name, r.name.replace("-", "_"))
            for r in spec.requirements if r.name != "python"]


def check_test_file(env, spec, test_file, limit):
    python = python_of(env.prefix)
    name = os.path.basename(test_file)
    folder = display(os.path.dirname(test_file))
    modules = import_names(spec)
    fail = functools.partial(Step, "test_env", "fail",
                             hint=hint("test_env", name=env.label, test=word(name)))
    if not os.path.lexists(test_file):
        return fail("no %s in %s: write it there, or pass --test-file PATH" % (name, folder))
    if not os.path.isfile(test_file) or not stat.S_ISREG(os.stat(test_file).st_mode):
        return fail("%s in %s is not a regular file" % (name, folder))
    if not python or not is_program(python):
        return Step("test_env", "skip", "%s has no Python to run %s" % (env.label, name),
                    fix_first("python"))
    before = env_state(env.prefix)
    try:
        with_packages = run_test(python, env.prefix, test_file, [], limit)
        without_packages = None
        if with_packages.code == 0:
            without_packages = run_test(python, env.prefix, test_file, modules, limit)
    except TimedOut:
        return fail("%s did not finish in %d s: it was stopped (on a slow machine, pass "
                    "--timeout 180)" % (name, limit))
    except OSError as error:
        # The environment's own interpreter is broken: the environment's fault, not the input's.
        return fail("cannot run %s: %s" % (display(python), error.strerror))
    if env_state(env.prefix) != before:
        return fail("%s changed %s: a test must only look, not install or write" % (name, env.label))
    if with_packages.code != 0:
        return fail("%s fails with %s's Python (exit %d): %s"
                    % (name, env.label, with_packages.code, with_packages.last_line))
    missing = [m for m in modules if m not in (with_packages.imported or ())]
    if with_packages.imported is None:
        return fail("%s ended without saying what it imported (os._exit?): let it end normally, "
                    "or with sys.exit" % name)
    if missing:
        return fail("%s does not import %s, so it does not check %s"
                    % (name, ", ".join(missing), "it" if len(missing) == 1 else "them"))
    if without_packages.code == 0:
        return fail("%s passes even when its packages cannot be imported, so it checks none of "
                    "them" % name)
    return Step("test_env", "pass", "%s passes with %s's Python and fails without its packages"
                % (name, env.label))


def uncovered(export, spec):
    """The spec's packages that the export leaves out, leaves unpinned, gives a range for, or
    pins elsewhere."""
    listed = {r.name: r for r in export.requirements}
    missing, unpinned, ranges, elsewhere = [], [], [], []
    for wanted in spec.requirements:
        entry = listed.get(wanted.name)
        if entry is None:
            missing.append(wanted.name)
        elif entry.constraint == [[("any", "")]]:
            unpinned.append(label(entry))
        elif not entry.version:
            ranges.append(label(entry))
        elif not satisfies(entry.version, wanted.constraint):
            elsewhere.append((label(entry), label(wanted)))
    problems = []
    if missing:
        problems.append("it does not list %s" % ", ".join(missing))
    if unpinned:
        problems.append("it lists %s without a version" % ", ".join(unpinned))
    if ranges:
        problems.append("it gives a range of versions, not one, for %s" % ", ".join(ranges))
    if elsewhere:
        problems.append("it pins %s where the spec wants %s"
                        % (", ".join(e for e, _ in elsewhere), ", ".join(w for _, w in elsewhere)))
    return problems


def check_export(env, export, spec):
    problems = ["it has a prefix: line (%s)" % export.prefix] if export.prefix else []
    with_builds = [label(r) for r in export.requirements if r.build]
    if with_builds:
        problems.append("%d entries have build strings, like %s" % (len(with_builds), with_builds[0]))
    problems.extend(uncovered(export, spec))
    name = display(export.path)
    if problems:
        return Step("export", "fail", "%s: %s" % (name, "; ".join(problems)),
                    hint("export", env=env.flag, file=quote(name)))
    return Step("export", "pass", "%s has no prefix, no build strings, and pins all %d packages of %s"
                % (name, len(spec.requirements), spec.path))


def check_recreated(env, own, source):
    fail = functools.partial(Step, "recreated", "fail",
                             hint=hint("recreated", env=env.flag, file=quote(display(source.path))))
    if own.prefix and env.prefix and os.path.normcase(os.path.realpath(env.prefix)) == \
            os.path.normcase(os.path.realpath(own.prefix)):
        return fail("%s is your own environment, not one made from %s"
                    % (env.label, display(source.path)),
                    hint=hint("recreated", env="-n neighbour_env", file=quote(display(source.path))))
    problem = env_problem(env)
    if problem:
        return fail(problem)
    inventory = Inventory(env.prefix, {r.name for r in source.requirements})
    problems = ["%s (empty)" % name for name in sorted(inventory.empty)[:1]]
    for requirement in source.requirements:
        problem = check_requirement(requirement, inventory.find(requirement.name)[0])
        if problem:
            problems.append("%s (%s, wants %s)" % (requirement.name, problem, label(requirement)))
    total = len(source.requirements)
    if problems:
        shown = ", ".join(problems[:4]) + (" and %d more" % (len(problems) - 4)
                                             if len(problems) > 4 else "")
        return fail("%s lacks %d of the %d packages of %s: %s"
                    % (env.label, len(problems), total, display(source.path), shown))
    return Step("recreated", "pass", "%s has all %d packages of %s"
                % (env.label, total, display(source.path)))


def kernel_dirs(prefixes):
    """Jupyter's data folders, in the order `jupyter kernelspec list` reads them."""
    home = os.path.expanduser("~")
    dirs = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    if os.environ.get("JUPYTER_DATA_DIR"):
        dirs.append(os.environ["JUPYTER_DATA_DIR"])
    elif WINDOWS:
        dirs.append(os.path.join(os.environ.get("APPDATA", home), "jupyter"))
    elif MACOS:
        dirs.append(os.path.join(home, "Library", "Jupyter"))
    else:
        dirs.append(os.path.join(os.environ.get("XDG_DATA_HOME") or
                                 os.path.join(home, ".local", "share"), "jupyter"))
    # Each environment's own share/jupyter (`ipykernel install --prefix`), and conda's base,
    # where Jupyter itself is often installed.
    dirs.extend(os.path.join(p, "share", "jupyter") for p in list(prefixes) + conda_roots())
    if WINDOWS:
        dirs.append(os.path.join(os.environ.get("PROGRAMDATA", r"C:\ProgramData"), "jupyter"))
    else:
        dirs.extend(["/usr/local/share/jupyter", "/usr/share/jupyter"])
    return [os.path.join(d, "kernels") for d in _unique(dirs)]


def kernelspecs(prefixes):
    """(name, folder, argv[0]) of every kernel.json that Jupyter would list."""
    found = []
    for folder in kernel_dirs(prefixes):
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            try:
                data = read_regular(os.path.join(folder, name, "kernel.json"), MAX_FILE)
                argv = json.loads(data.decode("utf-8")).get("argv")
            except (InputError, ValueError, AttributeError):
                continue
            if isinstance(argv, list) and argv and isinstance(argv[0], str):
                found.append((name, os.path.join(folder, name), argv[0]))
    return found


def runs_python_of(program, prefix):
    """Is program this environment's interpreter? Compared by folder: the file is often a
    symlink that resolves outside the environment, shared by many."""
    python = python_of(prefix)
    if not python or not os.path.isabs(program):
        return False
    here = os.path.normcase(os.path.realpath(os.path.dirname(program)))
    folder = os.path.dirname(python)
    return (here == os.path.normcase(os.path.realpath(folder))
            and re.fullmatch(r"python[\d.]*[tw]?(\.exe)?", os.path.basename(program).lower()))


def check_kernel(envs):
    specs = kernelspecs([env.prefix for env in envs])
    for env in envs:
        for name, folder, program in specs:
            if runs_python_of(program, env.prefix):
                return Step("kernel", "pass", "Jupyter kernel %r (%s) runs %s's Python"
                            % (name, display(folder), env.label))
    others = ", ".join(sorted({name for name, _, _ in specs})) or "none"
    # The hint names the recreated environment when there is one, as the exercise page does.
    return Step("kernel", "fail", "no Jupyter kernel runs %s's Python (kernels found: %s)"
                % (envs[0].label, others), hint("kernel", env=envs[-1].flag, name=envs[-1].name))


# -- Running them --------------------------------------------------------------------------------

def _given(value, option):
    """A path option that was given must name something: an empty one is an error, not absent."""
    if value is not None and not value.strip():
        raise InputError("%s: the path is empty" % option)
    return value


def input_files(args):
    """The files a run reads, which --watch watches too."""
    files = [args.test_file or "test_env.py", args.export, args.source]
    if args.spec not in SPECS:
        files.append(args.spec)
    if args.prefix:  # so that an environment being made again is waited for
        files.append(os.path.join(args.prefix, "conda-meta", "history"))
    return [os.path.abspath(path) for path in files if path]


def env_files(env):
    """What changes when conda or pip installs into env, or when it is created."""
    if env is None:
        return []
    if env.prefix:
        return ([os.path.join(env.prefix, "conda-meta", "history")] + site_packages(env.prefix))
    return [os.path.join(folder, env.name, "conda-meta", "history") for folder in env.searched]


def run_checks(args):
    """(env, spec, steps, the files to watch); InputError when the input itself is bad."""
    for value, option in ((args.export, "--export"), (args.source, "--from"),
                          (args.test_file, "--test-file"), (args.recreated, "--recreated"),
                          (args.spec, "--spec")):
        _given(value, option)
    if args.prefix is None:
        check_name(args.name, "--name")
    spec = load_spec(args.spec)
    # Every file is read before anything is checked, so bad input stops with exit 2 up front.
    export = read_env_file(args.export) if args.export is not None else None
    if args.recreated is not None and args.source is None and export is None:
        raise InputError("--recreated needs --from FILE, the file the environment was created from")
    # Without --from, the export is the neighbour's file: read once, as a pipe can be read once.
    source = read_env_file(args.source) if args.source is not None else export
    test_file = os.path.abspath(args.test_file or "test_env.py")
    if args.test_file is not None:
        read_regular(args.test_file, MAX_FILE, "test file")
    env = resolve_env(args.name, args.prefix)
    recreated = None
    if args.recreated is not None:
        value = args.recreated
        is_path = os.sep in value or "/" in value or value.startswith(".")
        recreated = resolve_env(None if is_path else check_name(value, "--recreated"),
                                value if is_path else None)

    python = next((label(r) for r in spec.requirements if r.name == "python"), "python")
    inventory = None
    if not env_problem(env):
        inventory = Inventory(env.prefix, {r.name for r in spec.requirements})
    steps = [check_env(env, python, inventory)]
    packages = [r for r in spec.requirements if r.name != "python"]
    if steps[0].status == "pass":
        steps.append(check_python(env, spec, inventory))
        steps.extend(check_package(env, r, inventory) for r in packages)
        steps.append(check_test_file(env, spec, test_file, args.timeout))
    else:
        needs = fix_first("env")
        steps.append(Step("python", "skip", "needs the environment", needs))
        steps.extend(Step("package:" + r.name, "skip", "needs the environment", needs)
                     for r in packages)
        steps.append(Step("test_env", "skip", "needs the environment", needs))

    if export:
        steps.append(check_export(env, export, spec))
    else:
        steps.append(Step("export", "skip", "not checked", NOT_CHECKED["export"]))
    if recreated:
        steps.append(check_recreated(recreated, env, source))
    else:
        steps.append(Step("recreated", "skip", "not checked", NOT_CHECKED["recreated"]))
    if not args.bonus:
        steps.append(Step("kernel", "skip", "bonus, not checked", NOT_CHECKED["kernel"]))
    elif steps[0].status != "pass":
        steps.append(Step("kernel", "skip", "needs the environment", fix_first("env")))
    else:
        steps.append(check_kernel([env] + ([recreated] if recreated and recreated.prefix else [])))
    return env, spec, steps, _unique(input_files(args) + env_files(env) + env_files(recreated))


def platform_facts():
    """Which system ran the check, and nothing about who ran it."""
    machine = os.environ.get("PROCESSOR_ARCHITECTURE", "") if os.name == "nt" else os.uname().machine
    return {"system": sys.platform, "machine": machine,
            "python": "%d.%d.%d" % sys.version_info[:3]}


def result_of(steps):
    """The --json and --report object (its schema is on the exercise page)."""
    counts = {status: sum(step.status == status for step in steps)
              for status in ("pass", "fail", "skip")}
    return {
        "checker": PROG, "version": VERSION,
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "platform": platform_facts(),
        "ok": counts["fail"] == 0, "counts": counts,
        "steps": [dict(step._asdict(), **lesson_links(step.id)) for step in steps],
    }


def lesson_links(step_id):
    links = LINKS.get(step_kind(step_id)) or {}
    return {"slide": links.get("slide", ""), "handbook": links.get("handbook", "")}


def anonymous(text):
    """text without the student's home folder or user name: a report is shared with the class."""
    home = os.path.expanduser("~")
    user = os.path.basename(home.rstrip("/\\"))
    if len(home) > 1:
        text = text.replace(home, "~")
    if len(user) > 2:
        text = re.sub(r"(?<=[/\\])%s(?=[/\\\"]|$)" % re.escape(user), "<user>", text)
    return text


def write_report(path, result):
    text = anonymous(json.dumps(result, indent=2, ensure_ascii=False)) + "\n"
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError("--report %s: cannot be written: %s" % (path, error.strerror))


def marks_for(stream):
    """✔ ✘ – where the terminal can show them, [PASS] [FAIL] [SKIP] where it cannot (cp1252)."""
    try:
        "".join(MARKS.values()).encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return ASCII_MARKS
    return MARKS


def use_colour(stream):
    """Colour only on a terminal, never with NO_COLOR (https://no-color.org), and on Windows
    only in Windows Terminal, whose console understands the escape codes."""
    if os.environ.get("NO_COLOR") or not (hasattr(stream, "isatty") and stream.isatty()):
        return False
    return os.name != "nt" or "WT_SESSION" in os.environ


def report(env, spec, steps, stream):
    """The report for stream (its marks and colours), as lines: a path in a message or a hint
    cannot break one, whatever it holds."""
    marks, colour = marks_for(stream), use_colour(stream)
    if env.flag.startswith("-p"):
        where = env.label
    else:
        where = "%s (%s)" % (env.label, display(env.prefix) if env.prefix else "not found")
    lines = ["Checking %s against %s" % (where, spec.path)]
    width = max(len(step.id) for step in steps)
    last_hint, last_links = "", {}
    for step in steps:
        mark = marks[step.status]
        if colour:
            mark = COLOURS[step.status] + mark + RESET
        lines.append("%s %s  %s" % (mark, step.id.ljust(width), one_line(step.message)))
        # Steps skipped for one reason share one hint: it is printed under the first of them.
        if step.status != "pass" and step.hint != last_hint:
            lines.append("    hint: %s" % one_line(step.hint))
        links = lesson_links(step.id)
        if step.status == "fail" and links["slide"] and links != last_links:
            lines.append("    learn: %s (slide), %s (handbook)" % (links["slide"], links["handbook"]))
        last_hint = step.hint if step.status != "pass" else ""
        last_links = links if step.status == "fail" else {}
    counts = {status: sum(step.status == status for step in steps)
              for status in ("pass", "fail", "skip")}
    lines.append("%d passed, %d failed, %d skipped" % (counts["pass"], counts["fail"], counts["skip"]))
    return [one_line(lines[0])] + lines[1:]


def next_step(steps):
    """What to do next: fix the first failing step, else check the first one not checked."""
    for status in ("fail", "skip"):
        for step in steps:
            if step.status == status:
                return step.hint
    return "nothing: every step passes"


def one_line(text):
    """text with its line breaks and other control characters escaped as Python writes them in
    a string, so that a path holding a newline cannot turn one line of output into two."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


_CONTROL = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


def refuse(message):
    """The one line of an error that stops the run: exit code 2."""
    sys.stderr.write("%s: error: %s\n" % (PROG, one_line(message)))
    return 2


class OutputClosed(Exception):
    """Nobody reads the report any more (`| head -1`, /dev/full): end with this exit code."""


def emit(stream, lines, code):
    """Write lines and flush; when the output is closed or full, raise OutputClosed(code)."""
    try:
        stream.write("".join(line + "\n" for line in lines))
        stream.flush()
    except (OSError, ValueError):
        # Point the stream at devnull, so that Python's last flush, at exit, finds nothing to
        # complain about ("Exception ignored ... BrokenPipeError").
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        raise OutputClosed(code)


def check_once(args, stream):
    """One run: the report (or JSON) on stream; (exit code, the files the run read)."""
    try:
        env, spec, steps, watched = run_checks(args)
    except InputError as error:
        return refuse(str(error)), input_files(args)
    except OSError as error:
        return refuse("%s: %s" % (error.filename or "", error.strerror)), input_files(args)
    result = result_of(steps)
    code = 0 if result["ok"] else 1
    if args.report is not None:
        try:
            write_report(args.report, result)
        except InputError as error:
            return refuse(str(error)), watched
    if args.json:
        emit(stream, [json.dumps(result, indent=2)], code)
    else:
        emit(stream, report(env, spec, steps, stream)
             + (["next: %s" % one_line(next_step(steps))] if args.watch else []), code)
    return code, watched


def stamps(paths):
    """What --watch compares: each path's modification time and size, None when absent."""
    found = {}
    for path in paths:
        try:
            info = os.stat(path)
            found[path] = (info.st_mtime_ns, info.st_size)
        except OSError:
            found[path] = None
    return found


def watch(args, stream):
    """Check, then again each time the environment, the test or a file changes; Ctrl-C ends."""
    try:
        while True:
            code, watched = check_once(args, stream)
            emit(stream, ["watching %d file%s; Ctrl-C to stop"
                          % (len(watched), "s" * (len(watched) != 1))], code)
            before = stamps(watched)
            now = before
            while now == before:
                time.sleep(WATCH_INTERVAL)
                now = stamps(watched)
            settled = None
            while settled != now:  # conda writes for a while: check once it has finished
                time.sleep(WATCH_INTERVAL)
                settled, now = now, stamps(watched)
            changed = [display(path) for path in watched if now[path] != before[path]]
            emit(stream, ["", "%s changed: checking again" % one_line(", ".join(changed[:3])), ""],
                 code)
    except KeyboardInterrupt:
        emit(stream, ["", "stopped watching"], 0)
        return 0


class Parser(argparse.ArgumentParser):
    def error(self, message):
        """Bad options: one line and exit 2, as for any other bad input."""
        sys.exit(refuse("%s (see --help)" % message))


def seconds(text):
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("%r is not a number of seconds from 1 to 3600" % text)
    return value


def make_parser():
    parser = Parser(
        prog=PROG,
        description="Check the Practice time! exercise: practice_env, its packages, test_env.py, "
                    "the exported file, the environment recreated from a neighbour's file and "
                    "(bonus) a Jupyter kernel. Reads everything, changes nothing.",
        epilog="Limits: test_env.py runs for at most --timeout seconds (default %d), "
               "`conda env list` for %d s; each is stopped with every program it started. "
               "Files are read only when they are regular files, of at most %d bytes. "
               "Exit code: 0 every checked step passed, 1 a step failed, 2 bad input "
               "(an unknown option, a missing path, a file that is not an environment file)."
               % (TEST_TIMEOUT, CONDA_TIMEOUT, MAX_FILE))
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--name", default=DEFAULT_NAME,
                       help="the environment's name, looked up as conda does (default: %(default)s)")
    where.add_argument("--prefix", metavar="PATH", help="the environment's folder, instead of --name")
    parser.add_argument("--spec", default=DEFAULT_SPEC, metavar="2020|2026|FILE",
                        help="the pins to check: the 2020 slides', today's, or an environment file "
                             "(default: %(default)s)")
    parser.add_argument("--test-file", metavar="FILE",
                        help="your test (default: test_env.py in the current folder)")
    parser.add_argument("--export", metavar="FILE", help="the file conda env export wrote")
    parser.add_argument("--recreated", metavar="NAME_OR_PATH",
                        help="the environment you created from your neighbour's file")
    parser.add_argument("--from", dest="source", metavar="FILE",
                        help="the neighbour's file --recreated was created from (default: --export)")
    parser.add_argument("--bonus", action="store_true", help="also check the Jupyter kernel")
    parser.add_argument("--json", action="store_true",
                        help="print the result as one JSON object (see the exercise page)")
    parser.add_argument("--report", metavar="FILE",
                        help="also write that JSON object to FILE, for your instructor: the "
                             "checker's version, the time and the platform, no names")
    parser.add_argument("--watch", action="store_true",
                        help="check again whenever the environment, the test or a file changes")
    parser.add_argument("--timeout", type=seconds, default=TEST_TIMEOUT, metavar="SECONDS",
                        help="how long test_env.py may run (default: %(default)s)")
    parser.add_argument("--version", action="version", version="%(prog)s " + VERSION)
    return parser


def main(argv=None):
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.source is not None and args.recreated is None:
        parser.error("--from FILE needs --recreated NAME_OR_PATH, the environment made from it")
    if hasattr(sys.stdout, "reconfigure"):
        # A path the console's code page cannot show must not end the report.
        sys.stdout.reconfigure(errors="replace")
    try:
        if args.watch:
            return watch(args, sys.stdout)
        return check_once(args, sys.stdout)[0]
    except OutputClosed as closed:
        return closed.args[0]
    except KeyboardInterrupt:
        sys.stderr.write("%s: interrupted\n" % PROG)
        return 130


if __name__ == "__main__":
    sys.exit(main())
