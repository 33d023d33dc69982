"""Fixtures of the practice_env checker's tests: one local conda channel per session, and a
fresh student's machine per test (see practice_env_student.py)."""

import pytest

from practice_env_student import Student
from tools import condaenv


@pytest.fixture(scope="session")
def channel(tmp_path_factory):
    return condaenv.build_channel(tmp_path_factory.mktemp("conda") / "channel")


@pytest.fixture
def student(tmp_path, channel):
    return Student(tmp_path, channel)
