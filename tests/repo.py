"""The repository and its Makefile, as the tests run them: `make <target>` in the repository or
in a copy of it, with the environment a user's shell would give."""

import os
import shutil
import subprocess
from pathlib import Path

from tools.sitemap import REPO, SiteMap

# Where the built site's pages are, read from the project's conf.py.
SITE = SiteMap.of_project(REPO)

# The Makefile's STACK (pinned or current): `make test STACK=current` passes it down.
STACK = os.environ.get("STACK", "pinned")


def clean_env(**extra):
    """This process's environment without what a calling make passes down to a sub-make."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "STACK")}
    return {**env, **extra}


def make(*targets, builddir=None, stack=STACK, check=True, cwd=REPO):
    """Run the Makefile in cwd for a stack, with its output in builddir; the default stack and
    BUILDDIR are left out of the command line, as a user leaves them out."""
    args = ["make", "--no-print-directory", *targets]
    if stack != "pinned":
        args.append(f"STACK={stack}")
    if builddir is not None:
        args.append(f"BUILDDIR={builddir}")
    return subprocess.run(args, cwd=cwd, env=clean_env(), capture_output=True, text=True, check=check)


def clone_repository(destination: Path) -> Path:
    """What a fresh clone holds: the files git would commit (uncommitted work included), with
    their times kept, since the Makefile reinstalls a venv older than its lock. The venvs are
    linked, not made again."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=REPO, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        if (REPO / name).is_file():  # a file deleted but not yet committed is listed too
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, destination / name)
    for venv in (".venv", ".venv-current"):
        if (REPO / venv).is_dir():
            (destination / venv).symlink_to(REPO / venv)
    return destination
