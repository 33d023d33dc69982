"""What the build reads from a checker script without running it: its ``STEPS`` and ``LESSONS``
literals.

A checker is parsed once per version of the file (its path and modification time), however many
lectures link its exercise and whichever builder asks: parsing a 1,700-line checker costs about
60 ms.
"""

import ast
import functools
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Literal:
    value: object    # the literal's value, or None when the assignment is not a literal
    line: int        # where it is assigned
    lines: dict      # for a dictionary literal: {key: line of its value}


@functools.lru_cache(maxsize=64)
def _literals(path, mtime_ns):
    tree = ast.parse(Path(path).read_text(encoding="utf-8"), path)
    found = {}
    for statement in tree.body:
        if not isinstance(statement, ast.Assign):
            continue
        for target in statement.targets:
            if isinstance(target, ast.Name) and target.id in ("STEPS", "LESSONS"):
                try:
                    value = ast.literal_eval(statement.value)
                except ValueError:
                    value = None
                lines = ({ast.literal_eval(key): item.lineno
                          for key, item in zip(statement.value.keys, statement.value.values)}
                         if isinstance(statement.value, ast.Dict) and value is not None else {})
                found.setdefault(target.id, []).append(Literal(value, statement.lineno, lines))
    return found


def literals(checker, name):
    """Every assignment of name (STEPS or LESSONS) at the checker's top level, in order."""
    checker = Path(checker)
    return _literals(str(checker), checker.stat().st_mtime_ns).get(name, [])
