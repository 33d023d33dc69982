"""Building a copy of the course as the tests do it: `make` in the copy, what each builder read,
and the files of a built site compared with another's."""

import re

from repo import make

# Sphinx prints each page it reads: "reading sources... [ 50%] slides/1-1-1-...". In colour, as
# a terminal shows it (and CI, where Sphinx 9 colours when CI=true), the lines carry escape codes
# and end in "\r". The builds below ask for colour, so that what they print does not depend on
# where the suite runs.
READ = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)\s*$", re.M)
COLOUR = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
VERBOSE = "SPHINXOPTS=-W --keep-going --color"


def build(course, *targets):
    """make TARGETS (html slides by default) in the copy; the pages each builder read, in order."""
    result = make(*(targets or ("html", "slides")), VERBOSE, cwd=course, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    printed = COLOUR.sub("", result.stdout).replace("\r", "\n")
    return [set(READ.findall(run)) for run in printed.split("updating environment:")[1:]]


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(built, clean):
    """The files one site has and the other lacks, and those that differ."""
    return {"only in the rebuilt site": sorted(set(built) - set(clean)),
            "only in the clean build": sorted(set(clean) - set(built)),
            "different": sorted(name for name in set(built) & set(clean) if built[name] != clean[name])}


NO_DIFFERENCE = {"only in the rebuilt site": [], "only in the clean build": [], "different": []}
