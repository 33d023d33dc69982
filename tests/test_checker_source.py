"""_ext/course/helpers/checker_source.py: a checker's STEPS and LESSONS as the build reads them,
without running the checker, and read again when the file changes."""

import os

from course.helpers.checker_source import literals

CHECKER = '''"""A checker."""
import sys

STEPS = [("one", "the first thing", "do it")]
LESSONS = {
    "one": "lecture#first",
    "two": "lecture#second",
}
STEPS = [s for s in STEPS]


def main():
    STEPS = "not at the top level"
'''


def test_each_top_level_assignment_with_its_line_and_its_keys_lines(tmp_path):
    checker = tmp_path / "check_demo.py"
    checker.write_text(CHECKER, encoding="utf-8")
    steps = literals(checker, "STEPS")
    assert [(step.value, step.line) for step in steps] == [([("one", "the first thing", "do it")], 4), (None, 9)]
    lessons, = literals(checker, "LESSONS")
    assert lessons.value == {"one": "lecture#first", "two": "lecture#second"}
    assert lessons.lines == {"one": 6, "two": 7}  # where a warning about an entry points
    assert literals(checker, "OTHER") == []


def test_a_changed_checker_is_read_again(tmp_path):
    checker = tmp_path / "check_demo.py"
    checker.write_text('STEPS = ["one"]\n', encoding="utf-8")
    assert literals(checker, "STEPS")[0].value == ["one"]
    checker.write_text('STEPS = ["one", "two"]\n', encoding="utf-8")
    later = checker.stat().st_mtime + 5  # a new modification time, however fast the machine
    os.utime(checker, (later, later))
    assert literals(checker, "STEPS")[0].value == ["one", "two"]
