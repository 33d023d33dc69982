"""A student's machine for the generic exercise test: `prepare(state, work, tmp)` makes in work
what a student whose files are the folder state would have, and returns the checker's arguments.

The environments are real (tools/condaenv.py): practice_env is made from the state's
environment.yml, as `conda env create` would, and so is neighbour_env, the one "recreated from
the neighbour's file". A state without an environment.yml (start/) has the environment that the
page's first command makes, Python alone. The local channel is built once in tmp and reused.
"""

import shutil
from pathlib import Path

import yaml

from tools import condaenv


def _channel(tmp):
    channel = Path(tmp) / "practice_env-channel"
    if not (channel / "noarch" / "repodata.json").exists():
        shutil.rmtree(channel, ignore_errors=True)
        condaenv.build_channel(channel)
    return channel


def _packages(environment_file):
    """The conda entries of an environment file, and the Python it pins."""
    entries = yaml.safe_load(environment_file.read_text())["dependencies"]
    packages = [e for e in entries if isinstance(e, str) and not e.startswith("python=")]
    python = next(e for e in entries if isinstance(e, str) and e.startswith("python="))
    return packages, python[len("python="):]


def prepare(state: Path, work: Path, tmp: Path) -> list:
    channel = _channel(tmp)
    for path in Path(state).iterdir():
        if path.is_file():
            shutil.copy(path, work)
    envs = Path(work) / "envs"
    environment_file = Path(state) / "environment.yml"
    if not environment_file.is_file():
        condaenv.make_env(envs / "practice_env", [], python="3.12", channel=channel)
        return ["--prefix", str(envs / "practice_env")]
    packages, python = _packages(environment_file)
    for name in ("practice_env", "neighbour_env"):
        condaenv.make_env(envs / name, packages, python=python, channel=channel)
    return ["--prefix", str(envs / "practice_env"), "--export", "environment.yml",
            "--recreated", str(envs / "neighbour_env"), "--from", "environment.yml"]
