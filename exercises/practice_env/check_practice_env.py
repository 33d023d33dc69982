#!/usr/bin/env python3
"""Check the "Practice time!" exercise: a conda environment that works.

Run it with any Python 3.8 or newer, from the folder that holds your test_env.py:

    python check_practice_env.py
    python check_practice_env.py --export environment.yml --recreated neighbour_env --from theirs.yml
    python check_practice_env.py --help

It reads your environment, your files and Jupyter's kernel folders, and changes none of them: the
only programs it starts are your environment's Python (with -B, so that no .pyc is written), to
run test_env.py, and `conda env list` when it cannot find an environment by name by itself.
Standard library only, so that it runs before anything else is installed.
"""

import argparse
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
from typing import NamedTuple

# The check must run on whatever Python a student has, and say so plainly when it cannot.
if sys.version_info < (3, 8):
    sys.stderr.write("check_practice_env.py: error: needs Python 3.8 or newer, this is %d.%d\n"
                     % sys.version_info[:2])
    sys.exit(2)

PROG = "check_practice_env.py"
DEFAULT_NAME = "practice_env"

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

# The steps in the order they are reported, what each checks, and the gist of the hint a student
# gets when it fails (the course's instructor guide prints this table, read from this file).
STEPS = [
    ("env", "a conda environment named practice_env exists (conda-meta/history)",
     "create it: conda create -n practice_env -c conda-forge python=3.12"),
    ("python", "its Python matches the spec's version",
     "recreate the environment with the spec's python= pin"),
    ("package:<name>", "each pinned package is installed at a matching version",
     "conda install -n practice_env -c conda-forge <name>=<version>, or pip inside the environment"),
    ("test_env", "test_env.py passes with the environment's Python and fails without its packages",
     "import every package in test_env.py; let a failed import end it with an error"),
    ("export", "the export has no prefix: line, no build strings, and pins every package",
     "conda env export -n practice_env --no-builds --file environment.yml, then delete prefix:"),
    ("recreated", "the neighbour's environment has every package of the file it was made from",
     "conda env create -n neighbour_env -f their_environment.yml"),
    ("kernel", "(bonus) a Jupyter kernel runs the environment's Python",
     "python -m ipykernel install --user --name practice_env, from inside the environment"),
]

# A distribution whose import name is not its distribution name, for the hints.
IMPORT_NAMES = {"scikit-learn": "sklearn"}

# test_env.py may import TensorFlow, which takes seconds; a hung test must still end the check.
TEST_TIMEOUT = 600

MARKS = {"pass": "\u2714", "fail": "\u2718", "skip": "\u2013"}
ASCII_MARKS = {"pass": "[PASS]", "fail": "[FAIL]", "skip": "[SKIP]"}
COLOURS = {"pass": "\033[32m", "fail": "\033[31m", "skip": "\033[33m"}
RESET = "\033[0m"


class InputError(Exception):
    """The input itself is bad (a missing path, an unreadable file): exit code 2."""


class SpecError(InputError):
    """A spec, export or neighbour's file that is not a readable conda environment file."""


class Step(NamedTuple):
    id: str
    status: str  # "pass", "fail" or "skip"
    message: str
    hint: str = ""


# -- Versions, compared the way conda compares them ------------------------------------------

# Within a part, "dev" sorts first, then letters (a, b, rc), then numbers, then "post"; a missing
# run counts as 0, so 1.0a1 < 1.0 < 1.0.post1 and 2.1 == 2.1.0.
_ZERO = (1, 0)


def _runs(part):
    runs = []
    for run in re.findall(r"\d+|[a-z]+", part):
        if run.isdigit():
            runs.append((1, int(run)))
        elif run == "dev":
            runs.append((-1, run))
        elif run == "post":
            runs.append((2, run))
        else:
            runs.append((0, run))
    return runs or [_ZERO]


def _parts(version):
    version = version.strip().lower().split("+", 1)[0]
    epoch, _, version = version.rpartition("!")
    return int(epoch or 0), [_runs(part) for part in re.split(r"[._-]", version)]


def _compare_parts(left, right, count):
    for index in range(count):
        a = left[index] if index < len(left) else [_ZERO]
        b = right[index] if index < len(right) else [_ZERO]
        width = max(len(a), len(b))
        a = a + [_ZERO] * (width - len(a))
        b = b + [_ZERO] * (width - len(b))
        if a != b:
            return -1 if a < b else 1
    return 0


def compare_versions(left, right):
    """-1, 0 or 1 as left is older, the same as, or newer than right."""
    (epoch_a, a), (epoch_b, b) = _parts(left), _parts(right)
    if epoch_a != epoch_b:
        return -1 if epoch_a < epoch_b else 1
    return _compare_parts(a, b, max(len(a), len(b)))


def starts_with(version, prefix):
    """conda's `=2.1` (2.1.*): 2.1 and 2.1.x, not 2.10."""
    (epoch_a, a), (epoch_b, b) = _parts(version), _parts(prefix)
    return epoch_a == epoch_b and _compare_parts(a, b, len(b)) == 0


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
_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.+!-]*")
_ATOM = re.compile(r"(~=|===|==|!=|>=|<=|>|<|=)?\s*(.*)")


def _atom(text, pip):
    """One `op version` term, as (test name, version) pairs (`~=` gives two)."""
    op, version = _ATOM.fullmatch(text.strip()).groups()
    if pip and op == "=":
        raise ValueError("pip writes == where conda writes =")
    if version in ("*", ""):
        if op or not version:
            raise ValueError("a version is missing")
        return [("any", "")]
    written, wildcard = version, version.endswith("*")
    version = version.rstrip("*").rstrip(".")
    if not _VERSION.fullmatch(version) or written.endswith("."):
        raise ValueError("has %r, which is not a version" % written)
    if op == "~=":
        release = version.split(".")
        if len(release) < 2:
            raise ValueError("~= needs at least two parts")
        return [(">=", version), ("prefix", ".".join(release[:-1]))]
    if wildcard or op == "=":
        return [("!prefix" if op == "!=" else "prefix", version)]
    # Without an operator, a version in a match spec (`python 3.12.1`) means exactly that one.
    return [(op if op not in (None, "===") else "==", version)]


def parse_constraint(text, pip=False):
    """conda's version spec: `,` is and, `|` is or; a list of alternatives, each a list of tests."""
    return [[test for term in alternative.split(",") for test in _atom(term, pip)]
            for alternative in text.split("|")]


def satisfies(version, constraint):
    return any(all(_TESTS[op](version, wanted) for op, wanted in alternative)
               for alternative in constraint)


# -- Requirements and environment files --------------------------------------------------------

def normalize(name):
    """PEP 503: Flask, flask and FLASK are one package, and so are scikit_learn and scikit-learn."""
    return re.sub(r"[-_.]+", "-", name).lower()


class Requirement(NamedTuple):
    name: str  # normalized
    text: str  # as written in the file
    constraint: list  # alternatives of tests, see parse_constraint
    version: str  # the one version the entry pins (`=2.1`, `==2.1.0`), or ""
    build: str  # the build string of `pkg=ver=build`, or ""
    pip: bool

    def label(self):
        return self.text.split("::")[-1].strip()


_CONDA_DEP = re.compile(r"(?:[^\s:]+::)?([A-Za-z0-9_][A-Za-z0-9_.-]*)\s*(.*)")
_PIP_DEP = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)(;.*)?")


def _pinned(constraint):
    """The version an entry names, if it names exactly one: `=2.1`, `==2.1.0`, `2.18.*`."""
    if len(constraint) == 1 and len(constraint[0]) == 1:
        op, version = constraint[0][0]
        if op in ("prefix", "=="):
            return version
    return ""


def parse_conda_dep(text):
    """`pkg`, `pkg=1.0`, `pkg=1.0=build`, `pkg==1.0`, `pkg>=1.0,<2`, `pkg 1.0.* build`."""
    match = _CONDA_DEP.fullmatch(text.strip())
    if not match:
        raise ValueError("is not a package name")
    name, rest = match.groups()
    build = ""
    if rest.startswith("=") and not rest.startswith("=="):
        version, _, build = rest[1:].partition("=")
        rest = "=" + version
    elif rest.startswith("=="):
        version, _, build = rest[2:].partition("=")
        rest = "==" + version
    elif rest[:1].isalnum() or rest[:1] == "*":
        words = rest.split()
        if len(words) > 2:
            raise ValueError("has more than a version and a build")
        rest, build = words[0], (words[1] if len(words) == 2 else "")
    if "=" in build or " " in build:
        raise ValueError("has more than a version and a build")
    constraint = parse_constraint(rest) if rest else [[("any", "")]]
    return Requirement(normalize(name), text.strip(), constraint, _pinned(constraint), build, False)


def parse_pip_dep(text):
    """A PEP 508 line: `pkg`, `pkg==1.0`, `pkg[extra]>=1,<2`, `pkg @ url`; markers are ignored."""
    match = _PIP_DEP.fullmatch(text.strip())
    if not match:
        raise ValueError("is not a pip requirement")
    name, rest = match.group(1), match.group(2).strip()
    if not rest or rest.startswith("@"):
        constraint = [[("any", "")]]
    else:
        constraint = parse_constraint(rest.replace(" ", ""), pip=True)
    return Requirement(normalize(name), text.strip(), constraint, _pinned(constraint), "", True)


class EnvFile(NamedTuple):
    path: str
    prefix: str  # the `prefix:` line, which an export sent to someone else must not have
    requirements: list  # conda's, then pip's


def _scalar(text, path, number):
    """A plain, 'single' or "double" quoted YAML scalar, with any trailing comment removed."""
    text = text.strip()
    if text[:1] in ("'", '"'):
        quote = text[0]
        end = text.find(quote, 1)
        while quote == "'" and end != -1 and text[end + 1:end + 2] == "'":
            end = text.find(quote, end + 2)
        if end == -1:
            raise SpecError("%s: line %d: the quote is never closed (is the file truncated?)"
                            % (path, number))
        rest = text[end + 1:].strip()
        if rest and not rest.startswith("#"):
            raise SpecError("%s: line %d: text after a quoted value" % (path, number))
        value = text[1:end]
        return value.replace("''", "'") if quote == "'" else value.replace('\\"', '"')
    return re.split(r"\s+#", text, 1)[0].strip()


def _flow_list(text, path, number):
    """`[conda-forge, defaults]`: the one-line list form."""
    text = re.split(r"\s+#", text.strip(), 1)[0].strip()
    if not text.endswith("]"):
        raise SpecError("%s: line %d: the [ list is never closed (is the file truncated?)"
                        % (path, number))
    return [_scalar(item, path, number) for item in text[1:-1].split(",") if item.strip()]


def parse_yaml(text, path):
    """The YAML that `conda env export` writes, and what people write by hand in its place.

    A top-level mapping; a value is a scalar, a [flow list], a block list of scalars (where an
    item may be `pip:` with its own nested list) or a mapping of scalars (`variables:`).
    Anything else is reported with its line number, never guessed at.
    """
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if raw[indent:indent + 1] == "\t":
            raise SpecError("%s: line %d: YAML does not allow tabs for indentation" % (path, number))
        lines.append((number, indent, stripped))

    document = {}
    index = 0
    while index < len(lines):
        number, indent, content = lines[index]
        key, colon, value = content.partition(":")
        if indent or not colon or content.startswith("- ") or not re.fullmatch(r"[\w.-]+", key):
            raise SpecError("%s: line %d: expected a top-level `key: value`, found %r"
                            % (path, number, content[:40]))
        index += 1
        value = value.strip()
        if value and not value.startswith("#"):
            document[key] = (_flow_list(value, path, number) if value.startswith("[")
                             else _scalar(value, path, number))
            continue
        # A block: the lines below that are indented, or that are list items at column 0.
        block = []
        while index < len(lines) and (lines[index][1] > 0 or lines[index][2].startswith("-")):
            block.append(lines[index])
            index += 1
        document[key] = _block(block, path, number, key)
    return document


def _block(block, path, number, key):
    if not block:
        return None
    if not block[0][2].startswith("-"):
        mapping = {}
        for line, _, content in block:
            name, colon, value = content.partition(":")
            if not colon or content.startswith("-"):
                raise SpecError("%s: line %d: expected `name: value` under %s:"
                                % (path, line, key))
            mapping[name.strip()] = _scalar(value, path, line)
        return mapping
    items = []
    item_indent = block[0][1]
    index = 0
    while index < len(block):
        line, indent, content = block[index]
        index += 1
        if indent != item_indent or not (content == "-" or content.startswith("- ")):
            raise SpecError("%s: line %d: expected a `- item` of %s:" % (path, line, key))
        item = content[1:].strip()
        # `key:` or `key: value`; the space keeps conda-forge::flask and https://... scalars.
        nested = re.fullmatch(r"([\w.-]+):(?:\s+(.*))?", item)
        if not nested:
            items.append(_scalar(item, path, line))
            continue
        name, value = nested.group(1), (nested.group(2) or "").strip()
        if value.startswith("["):
            items.append({name: _flow_list(value, path, line)})
            continue
        if value and not value.startswith("#"):
            raise SpecError("%s: line %d: expected a list under %s:" % (path, line, name))
        # `- pip:` and the deeper-indented list under it.
        sub = []
        while index < len(block) and block[index][1] > item_indent:
            sub.append(block[index])
            index += 1
        if not sub:
            raise SpecError("%s: line %d: %s: has no list under it (is the file truncated?)"
                            % (path, line, name))
        items.append({name: _block(sub, path, line, name)})
    return items


def decode_text(data, path):
    """Text from bytes: UTF-8, or UTF-16 as Windows PowerShell 5 writes with `>`."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in data:
        raise SpecError("%s: is a binary file, not an environment file" % path)
    try:
        return data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError:
        raise SpecError("%s: is not %s text" % (path, "UTF-16" if utf16 else "UTF-8")) from None


def read_env_file(path):
    """An environment file (name, channels, dependencies with a nested pip: list), checked."""
    if os.path.isdir(path):
        raise InputError("%s: is a folder, not an environment file" % path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError("%s: no such file" % path) from None
    if not data.strip():
        raise SpecError("%s: is empty" % path)
    document = parse_yaml(decode_text(data, path), path)
    dependencies = document.get("dependencies")
    if not isinstance(dependencies, list) or not dependencies:
        raise SpecError("%s: has no `dependencies:` list, so it is not a conda environment file%s"
                        % (path, " (is it truncated?)" if "dependencies" in document else ""))
    requirements = []
    for item in dependencies:
        if isinstance(item, dict) and list(item) == ["pip"] and isinstance(item["pip"], list):
            for line in item["pip"]:
                # pip options (-r file, --index-url, -e path) name no package to check.
                if not isinstance(line, str):
                    raise SpecError("%s: pip entry %r is not a requirement" % (path, line))
                if not line.startswith("-"):
                    requirements.append(_requirement(parse_pip_dep, line, path))
        elif isinstance(item, str):
            requirements.append(_requirement(parse_conda_dep, item, path))
        else:
            raise SpecError("%s: dependency %r is neither a package nor a pip: list"
                            % (path, item))
    prefix = document.get("prefix")
    return EnvFile(path, prefix if isinstance(prefix, str) else "", requirements)


def _requirement(parse, text, path):
    try:
        return parse(text)
    except ValueError as error:
        raise SpecError("%s: dependency %r %s (is the file truncated?)"
                        % (path, text, error)) from None


def load_spec(value):
    if value in SPECS:
        return EnvFile("the %s spec" % value, "", read_spec_text(SPECS[value], "the %s spec" % value))
    return read_env_file(value)


def read_spec_text(text, label):
    document = parse_yaml(text, label)
    return [parse_conda_dep(item) for item in document["dependencies"]]


# -- Finding environments, the way conda does ------------------------------------------------

def display(path):
    """A path as a student would type it: ~ for the home folder."""
    home = os.path.expanduser("~")
    if path == home or path.startswith(home + os.sep):
        return "~" + path[len(home):]
    return path


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


def registered_envs():
    """Every environment conda has created lists its prefix in ~/.conda/environments.txt."""
    path = os.path.join(os.path.expanduser("~"), ".conda", "environments.txt")
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return [line.strip() for line in handle if line.strip()]
    except OSError:
        return []


def conda_env_list():
    """`conda env list --json`, when conda is there: it knows envs_dirs set in .condarc."""
    conda = os.environ.get("CONDA_EXE") or shutil.which("conda")
    if not conda:
        return []
    try:
        result = subprocess.run([conda, "env", "list", "--json"], capture_output=True,
                                text=True, timeout=120)
        listing = json.loads(result.stdout)
    except (OSError, subprocess.SubprocessError, ValueError):
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
        if os.path.basename(prefix.rstrip("/\\")) == name:
            return prefix, places
    return None, places


class Env(NamedTuple):
    label: str  # as the student named it: its name, or its folder
    name: str  # its name, or its folder's name, for a kernel's name
    prefix: str  # absolute path, or "" when no environment has that name
    searched: list  # the folders a name was looked up in
    flag: str  # how to name it to conda: `-n NAME` or `-p PATH`


def resolve_env(name=None, path=None):
    if path is not None:
        if not os.path.exists(path):
            raise InputError("%s: no such folder" % path)
        if not os.path.isdir(path):
            raise InputError("%s: is a file, not an environment folder" % path)
        prefix = os.path.abspath(path)
        return Env(display(prefix), os.path.basename(prefix), prefix, [], '-p "%s"' % prefix)
    prefix, searched = find_env(name)
    return Env(name, name, os.path.abspath(prefix) if prefix else "", searched, "-n " + name)


def python_of(prefix):
    """The environment's interpreter: python.exe at the top on Windows, bin/python elsewhere."""
    if os.name == "nt":
        candidates = [os.path.join(prefix, "python.exe")]
    else:
        candidates = [os.path.join(prefix, "bin", name) for name in ("python", "python3")]
    for candidate in candidates:
        if os.path.isfile(candidate):
            return candidate
    return ""


# -- What is installed -------------------------------------------------------------------------

class Installed(NamedTuple):
    version: str
    build: str
    installer: str  # "conda", "pip", or what a dist-info's INSTALLER says


def conda_records(prefix):
    """name -> Installed, from the names of conda-meta's files, `name-version-build.json`.

    File names, not contents: a record lists every file of its package and can be megabytes,
    and neither a version nor a build string may contain a dash.
    """
    records = {}
    for entry in os.listdir(os.path.join(prefix, "conda-meta")):
        parts = entry[:-len(".json")].rsplit("-", 2) if entry.endswith(".json") else []
        if len(parts) == 3:
            records[normalize(parts[0])] = Installed(parts[1], parts[2], "conda")
    return records


def site_packages(prefix):
    if os.name == "nt":
        return [os.path.join(prefix, "Lib", "site-packages")]
    lib = os.path.join(prefix, "lib")
    try:
        names = sorted(os.listdir(lib))
    except FileNotFoundError:
        return []
    return [os.path.join(lib, name, "site-packages") for name in names
            if name.startswith("python") and os.path.isdir(os.path.join(lib, name, "site-packages"))]


def python_distributions(prefix, wanted):
    """name -> Installed for the wanted names that have a .dist-info in site-packages."""
    found = {}
    for folder in site_packages(prefix):
        for entry in os.listdir(folder):
            if not entry.endswith(".dist-info"):
                continue
            name, _, version = entry[:-len(".dist-info")].rpartition("-")
            if normalize(name) in wanted:
                found[normalize(name)] = Installed(version, "", _installer(folder, entry))
    return found


def _installer(folder, entry):
    try:
        with open(os.path.join(folder, entry, "INSTALLER"), encoding="utf-8") as handle:
            return handle.read().strip() or "unknown installer"
    except (OSError, UnicodeDecodeError):
        return "unknown installer"


class Inventory:
    """What one environment has installed, by conda or by pip, read once."""

    def __init__(self, prefix, wanted):
        self.conda = conda_records(prefix)
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


def check_requirement(requirement, installed):
    """Why installed does not satisfy requirement, or "" when it does."""
    if installed is None:
        return "not installed"
    if not satisfies(installed.version, requirement.constraint):
        return "%s is installed" % installed.version
    if requirement.build and not fnmatch.fnmatchcase(installed.build, requirement.build):
        return "build %s is installed" % (installed.build or "unknown")
    return ""


# -- The steps ---------------------------------------------------------------------------------

def check_env(env, create):
    """Does env exist, made by conda? create is the command that would make it, for the hint."""
    if not env.prefix:
        folders = [display(p) for p in env.searched if os.path.isdir(p)]
        if not folders and not conda_present():
            return Step("env", "fail", "no environment named %s, and no conda found"
                        % env.label, "install Miniforge (https://conda-forge.org/download/), "
                        "then: " + create)
        return Step("env", "fail", "no environment named %s (looked in %s)"
                    % (env.label, ", ".join(folders + ["~/.conda/environments.txt"]
                                            + (["conda env list"] if conda_present() else []))),
                    "create it: " + create)
    if os.path.isfile(os.path.join(env.prefix, "conda-meta", "history")):
        return Step("env", "pass", "conda environment at %s" % display(env.prefix))
    if os.path.isfile(os.path.join(env.prefix, "pyvenv.cfg")):
        what = "a venv (it has pyvenv.cfg), not a conda environment"
    else:
        what = "not a conda environment"
    return Step("env", "fail", "%s is %s: it has no conda-meta/history" % (display(env.prefix), what),
                "conda makes environments: " + create)


def conda_present():
    return bool(os.environ.get("CONDA_EXE") or shutil.which("conda"))


def install_hint(env, requirement):
    if requirement.pip:
        return 'in the activated env: python -m pip install "%s"' % requirement.label()
    return 'conda install %s -c conda-forge "%s"' % (env.flag, requirement.label())


def check_python(env, spec, inventory):
    python = inventory.conda.get("python")
    wanted = [r for r in spec.requirements if r.name == "python"]
    if python is None or not python_of(env.prefix):
        return Step("python", "fail", "%s has no Python" % env.label,
                    'conda install %s -c conda-forge "%s"'
                    % (env.flag, wanted[0].label() if wanted else "python"))
    if not wanted:
        return Step("python", "pass", "Python %s (the spec does not pin Python)" % python.version)
    problem = check_requirement(wanted[0], python)
    if problem:
        return Step("python", "fail",
                    "Python %s is installed, %s wants %s" % (python.version, spec.path, wanted[0].label()),
                    "recreate it: conda remove %s --all, then conda create %s -c conda-forge \"%s\""
                    % (env.flag, env.flag, wanted[0].label()))
    return Step("python", "pass", "Python %s matches %s" % (python.version, wanted[0].label()))


def check_package(env, requirement, inventory):
    installed, how = inventory.find(requirement.name)
    step_id = "package:" + requirement.name
    problem = check_requirement(requirement, installed)
    if problem == "not installed":
        return Step(step_id, "fail", "%s is not installed" % requirement.name,
                    install_hint(env, requirement))
    if problem:
        return Step(step_id, "fail", "%s %s (%s), the spec wants %s"
                    % (requirement.name, installed.version, how, requirement.label()),
                    install_hint(env, requirement))
    return Step(step_id, "pass", "%s %s (%s) matches %s"
                % (requirement.name, installed.version, how, requirement.label()))


def run_python(python, prefix, script, hide_packages):
    """Run script with the environment's Python as `conda activate` would, writing nothing.

    -B and PYTHONDONTWRITEBYTECODE: no __pycache__ beside test_env.py or in the environment.
    -E -s: no PYTHONPATH and no user site-packages, so only the environment's packages count.
    -S (hide_packages): no site-packages at all, so a test that really imports them must fail.
    """
    flags = ["-B", "-E", "-s"] + (["-S"] if hide_packages else [])
    variables = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    variables["PYTHONDONTWRITEBYTECODE"] = "1"
    variables["CONDA_PREFIX"] = prefix
    if os.name == "nt":
        # Activation puts the DLL folders of conda's packages on PATH (numpy needs them).
        extra = [prefix] + [os.path.join(prefix, *p) for p in
                            (("Library", "mingw-w64", "bin"), ("Library", "usr", "bin"),
                             ("Library", "bin"), ("Scripts",), ("bin",))]
    else:
        extra = [os.path.join(prefix, "bin")]
    variables["PATH"] = os.pathsep.join(extra + [variables.get("PATH", "")])
    return subprocess.run([python] + flags + [os.path.basename(script)],
                          cwd=os.path.dirname(os.path.abspath(script)), env=variables,
                          capture_output=True, text=True, errors="replace", timeout=TEST_TIMEOUT)


def _last_line(result):
    """What went wrong, in a line: the end of stderr (a traceback's last line), else of stdout."""
    for output in (result.stderr, result.stdout):
        lines = [line.strip() for line in output.splitlines() if line.strip()]
        if lines:
            return lines[-1][:160]
    return "no output"


def check_test_file(env, spec, test_file):
    python = python_of(env.prefix)
    name = os.path.basename(test_file)
    if not os.path.isfile(test_file):
        return Step("test_env", "fail", "no %s in %s" % (name, display(os.path.dirname(test_file))),
                    "write test_env.py, then run the checker from its folder or pass --test-file PATH")
    if not python:
        return Step("test_env", "skip", "%s has no Python to run %s" % (env.label, name),
                    "fix the python step first")
    try:
        with_packages = run_python(python, env.prefix, test_file, hide_packages=False)
        if with_packages.returncode != 0:
            return Step("test_env", "fail", "%s fails with %s's Python (exit %d): %s"
                        % (name, env.label, with_packages.returncode, _last_line(with_packages)),
                        "see the whole error: conda activate %s, then python %s"
                        % (env.label, name))
        without_packages = run_python(python, env.prefix, test_file, hide_packages=True)
    except subprocess.TimeoutExpired:
        return Step("test_env", "fail", "%s did not finish in %d s" % (name, TEST_TIMEOUT),
                    "make test_env.py import the packages and end")
    except OSError as error:
        # The environment's own interpreter is broken: the environment's fault, not the input's.
        return Step("test_env", "fail", "cannot run %s: %s" % (display(python), error.strerror),
                    "reinstall it: conda install %s --force-reinstall python" % env.flag)
    if without_packages.returncode == 0:
        modules = [IMPORT_NAMES.get(r.name, r.name.replace("-", "_"))
                   for r in spec.requirements if r.name != "python"]
        return Step("test_env", "fail",
                    "%s passes even with the environment's packages hidden, so it checks none of them"
                    % name,
                    "import %s in it, and let a failed import end it with an error"
                    % ", ".join(modules))
    return Step("test_env", "pass", "%s passes with %s's Python and fails without its packages"
                % (name, env.label))


def uncovered(export, spec):
    """The spec's packages that the export leaves out, leaves unpinned, or pins elsewhere."""
    listed = {r.name: r for r in export.requirements}
    missing, unpinned, elsewhere = [], [], []
    for wanted in spec.requirements:
        entry = listed.get(wanted.name)
        if entry is None:
            missing.append(wanted.name)
        elif not entry.version:
            unpinned.append(entry.label())
        elif not satisfies(entry.version, wanted.constraint):
            elsewhere.append((entry.label(), wanted.label()))
    problems = []
    if missing:
        problems.append("it does not list %s" % ", ".join(missing))
    if unpinned:
        problems.append("it lists %s without a version" % ", ".join(unpinned))
    if elsewhere:
        problems.append("it pins %s where the spec wants %s"
                        % (", ".join(e for e, _ in elsewhere), ", ".join(w for _, w in elsewhere)))
    return problems


def check_export(env, export, spec):
    problems, hints = [], []
    if export.prefix:
        problems.append("it has a prefix: line (%s)" % export.prefix)
        hints.append("delete the prefix: line, it names a folder on your machine only")
    with_builds = [r.label() for r in export.requirements if r.build]
    if with_builds:
        problems.append("%d entries have build strings, like %s" % (len(with_builds), with_builds[0]))
        hints.append("export without them: conda env export %s --no-builds --file %s"
                     % (env.flag, display(export.path)))
    problems.extend(uncovered(export, spec))
    if len(hints) < len(problems):
        hints.append("export the environment that passes the checks above, "
                     "then delete its prefix: line")
    name = display(export.path)
    if problems:
        return Step("export", "fail", "%s: %s" % (name, "; ".join(problems)), hints[0])
    return Step("export", "pass", "%s has no prefix, no build strings, and pins all %d packages of %s"
                % (name, len(spec.requirements), spec.path))


def check_recreated(env, own, source):
    if not env.prefix:
        return Step("recreated", "fail", "no environment named %s" % env.label,
                    "conda env create -n %s -f %s" % (env.label, display(source.path)))
    if own.prefix and os.path.normcase(os.path.realpath(env.prefix)) == \
            os.path.normcase(os.path.realpath(own.prefix)):
        return Step("recreated", "fail", "%s is your own environment, not one made from %s"
                    % (env.label, display(source.path)),
                    "conda env create -n neighbour_env -f %s" % display(source.path))
    env_step = check_env(env, "conda env create %s -f %s" % (env.flag, display(source.path)))
    if env_step.status != "pass":
        return env_step._replace(id="recreated")
    inventory = Inventory(env.prefix, {r.name for r in source.requirements})
    problems = []
    for requirement in source.requirements:
        problem = check_requirement(requirement, inventory.find(requirement.name)[0])
        if problem:
            problems.append("%s (%s, wants %s)" % (requirement.name, problem, requirement.label()))
    total = len(source.requirements)
    if problems:
        shown = ", ".join(problems[:4]) + (" and %d more" % (len(problems) - 4)
                                             if len(problems) > 4 else "")
        return Step("recreated", "fail", "%s lacks %d of the %d packages of %s: %s"
                    % (env.label, len(problems), total, display(source.path), shown),
                    "conda env remove %s, then conda env create %s -f %s"
                    % (env.flag, env.flag, display(source.path)))
    return Step("recreated", "pass", "%s has all %d packages of %s"
                % (env.label, total, display(source.path)))


def kernel_dirs(prefixes):
    """Jupyter's data folders, in the order `jupyter kernelspec list` reads them."""
    home = os.path.expanduser("~")
    dirs = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    if os.environ.get("JUPYTER_DATA_DIR"):
        dirs.append(os.environ["JUPYTER_DATA_DIR"])
    elif os.name == "nt":
        dirs.append(os.path.join(os.environ.get("APPDATA", home), "jupyter"))
    elif sys.platform == "darwin":
        dirs.append(os.path.join(home, "Library", "Jupyter"))
    else:
        dirs.append(os.path.join(os.environ.get("XDG_DATA_HOME") or
                                 os.path.join(home, ".local", "share"), "jupyter"))
    # Each environment's own share/jupyter (`ipykernel install --prefix`), and conda's base,
    # where Jupyter itself is often installed.
    dirs.extend(os.path.join(p, "share", "jupyter") for p in list(prefixes) + conda_roots())
    if os.name == "nt":
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
                with open(os.path.join(folder, name, "kernel.json"), encoding="utf-8") as handle:
                    argv = json.load(handle).get("argv")
            except (OSError, ValueError, AttributeError):
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
    return Step("kernel", "fail", "no Jupyter kernel runs %s's Python (kernels found: %s)"
                % (envs[0].label, others),
                "conda install %s -c conda-forge ipykernel, then in the activated env: "
                "python -m ipykernel install --user --name %s" % (envs[0].flag, envs[0].name))


# -- Running them --------------------------------------------------------------------------------

def run_checks(args):
    spec = load_spec(args.spec)
    # Every file is read before anything is checked, so bad input stops with exit 2 up front.
    export = read_env_file(args.export) if args.export else None
    source_path = args.source or args.export
    if args.recreated and not source_path:
        raise InputError("--recreated needs --from FILE, the file the environment was created from")
    source = read_env_file(source_path) if args.recreated else None
    test_file = os.path.abspath(args.test_file or "test_env.py")
    if args.test_file and not os.path.isfile(args.test_file):
        raise InputError("%s: no such file" % args.test_file)
    env = resolve_env(args.name, args.prefix)
    recreated = None
    if args.recreated:
        value = args.recreated
        is_path = os.sep in value or "/" in value or value.startswith(".")
        recreated = resolve_env(None if is_path else value, value if is_path else None)

    python = next((r.label() for r in spec.requirements if r.name == "python"), "python")
    steps = [check_env(env, 'conda create %s -c conda-forge "%s"' % (env.flag, python))]
    packages = [r for r in spec.requirements if r.name != "python"]
    if steps[0].status == "pass":
        inventory = Inventory(env.prefix, {r.name for r in spec.requirements})
        steps.append(check_python(env, spec, inventory))
        steps.extend(check_package(env, r, inventory) for r in packages)
        steps.append(check_test_file(env, spec, test_file))
    else:
        needs = "fix the env step first"
        steps.append(Step("python", "skip", "needs the environment", needs))
        steps.extend(Step("package:" + r.name, "skip", "needs the environment", needs)
                     for r in packages)
        steps.append(Step("test_env", "skip", "needs the environment", needs))

    if export:
        steps.append(check_export(env, export, spec))
    else:
        steps.append(Step("export", "skip", "not checked",
                          "pass --export FILE, the file conda env export wrote"))
    if recreated:
        steps.append(check_recreated(recreated, env, source))
    else:
        steps.append(Step("recreated", "skip", "not checked",
                          "pass --recreated NAME --from FILE: the environment you made from "
                          "your neighbour's file"))
    if not args.bonus:
        steps.append(Step("kernel", "skip", "bonus, not checked",
                          "pass --bonus to check your Jupyter kernel"))
    elif steps[0].status != "pass":
        steps.append(Step("kernel", "skip", "needs the environment", "fix the env step first"))
    else:
        steps.append(check_kernel([env] + ([recreated] if recreated and recreated.prefix else [])))
    return env, spec, steps


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
    marks, colour = marks_for(stream), use_colour(stream)
    if env.flag.startswith("-p"):
        where = env.label
    else:
        where = "%s (%s)" % (env.label, display(env.prefix) if env.prefix else "not found")
    print("Checking %s against %s" % (where, spec.path), file=stream)
    width = max(len(step.id) for step in steps)
    last_hint = ""
    for step in steps:
        mark = marks[step.status]
        if colour:
            mark = COLOURS[step.status] + mark + RESET
        print("%s %s  %s" % (mark, step.id.ljust(width), step.message), file=stream)
        # Steps skipped for one reason share one hint: it is printed under the first of them.
        if step.status != "pass" and step.hint != last_hint:
            print("    hint: %s" % step.hint, file=stream)
        last_hint = step.hint if step.status != "pass" else ""
    counts = {status: sum(step.status == status for step in steps)
              for status in ("pass", "fail", "skip")}
    print("%d passed, %d failed, %d skipped" % (counts["pass"], counts["fail"], counts["skip"]),
          file=stream)


class Parser(argparse.ArgumentParser):
    def error(self, message):
        """Bad options: one line and exit 2, as for any other bad input."""
        self.exit(2, "%s: error: %s (see --help)\n" % (PROG, message))


def make_parser():
    parser = Parser(
        prog=PROG,
        description="Check the Practice time! exercise: practice_env, its packages, test_env.py, "
                    "the exported file, the environment recreated from a neighbour's file and "
                    "(bonus) a Jupyter kernel. Reads everything, changes nothing.",
        epilog="Exit code: 0 every checked step passed, 1 a step failed, 2 bad input "
               "(an unknown option, a missing path, a file that is not an environment file).")
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
                        help='print {"ok": ..., "steps": [...]} instead of the report')
    return parser


def main(argv=None):
    args = make_parser().parse_args(argv)
    try:
        env, spec, steps = run_checks(args)
    except InputError as error:
        print("%s: error: %s" % (PROG, error), file=sys.stderr)
        return 2
    except OSError as error:
        print("%s: error: %s: %s" % (PROG, error.filename or "", error.strerror), file=sys.stderr)
        return 2
    ok = all(step.status != "fail" for step in steps)
    if args.json:
        print(json.dumps({"ok": ok, "steps": [step._asdict() for step in steps]}, indent=2))
    else:
        if hasattr(sys.stdout, "reconfigure"):
            # A path the console's code page cannot show must not end the report.
            sys.stdout.reconfigure(errors="replace")
        report(env, spec, steps, sys.stdout)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
