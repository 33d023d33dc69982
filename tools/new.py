"""`make lecture` and `make exercise`: write the skeleton of a new lecture or exercise, following
every convention of the course, ready to build with no warning.

    python -m tools.new lecture 1.1.2 "Data versioning"              # slides/1-1-2-data-versioning.rst
    python -m tools.new lecture 1.1.2 "Data versioning" --format md  # ... in MyST Markdown: .md
    python -m tools.new exercise version_data                         # exercises/version_data/...

Nothing is listed by hand anywhere else: the front page, the PDFs, the key points, the instructor
guide and the tests find the new files on disk. It refuses to write over an existing lecture or
exercise.
"""

import argparse
import re
import sys
import unicodedata

from tools.sitemap import REPO, exercises, lectures

LECTURE_NUMBER = re.compile(r"\d+(\.\d+)*")
EXERCISE_NAME = re.compile(r"[a-z][a-z0-9_]*")

LECTURE = """\
.. Lecture {number}. The README's "Writing a lecture" lists the directives used here.

{rule}
{number} {title}
{rule}

.. lecture::
   :duration: 30

.. speaker-notes::

   What to say while the title is up: who the lecture is for and what it builds on.


In this lecture
===============

.. questions::

   - Which question does this lecture answer?

.. objectives::

   - What a student can do after it, as a verb: explain, create, compare.


A first part
============

.. minutes:: 15

A first slide
-------------

One idea per slide. Figures go in ``_static/{id}/`` as SVG, kebab-case names, with ``:alt:``
text that says what the figure shows.

.. speaker-notes::

   What to say on this slide.


A second part
=============

.. minutes:: 15

Another slide
-------------

Link a word of the :doc:`/glossary` with ``:term:``, and an exercise with ``.. practice::``.

.. speaker-notes::

   What to say on this slide.

Quiz
----

1. A question the class answers aloud?

.. answers::

   1. Its answer: folded in the handbook, in the presenter's notes on the slide.


Key points
==========

.. keypoints::

   - What a student should remember.
"""

LECTURE_MD = """\
<!-- Lecture {number}. The README's "Writing a lecture" lists the directives used here. -->

# {number} {title}

```{{lecture}}
:duration: 30
```

```{{speaker-notes}}
What to say while the title is up: who the lecture is for and what it builds on.
```

## In this lecture

```{{questions}}
- Which question does this lecture answer?
```

```{{objectives}}
- What a student can do after it, as a verb: explain, create, compare.
```

## A first part

```{{minutes}} 15
```

### A first slide

One idea per slide. Figures go in `_static/{id}/` as SVG, kebab-case names, with `:alt:`
text that says what the figure shows.

```{{speaker-notes}}
What to say on this slide.
```

## A second part

```{{minutes}} 15
```

### Another slide

Link a word of the {{doc}}`/glossary` with `{{term}}`, and an exercise with `{{practice}}`.

```{{speaker-notes}}
What to say on this slide.
```

### Quiz

1. A question the class answers aloud?

```{{answers}}
1. Its answer: folded in the handbook, in the presenter's notes on the slide.
```

## Key points

```{{keypoints}}
- What a student should remember.
```
"""

EXERCISE_PAGE = """\
# {title}

What the student does, in a sentence or two, and how long it takes.

## The steps

1. Write `answer.txt` in a folder of your own.
2. Put the word `done` on a line of its own in it.

## Check your work

```{{checker-download}}
```

Run it from the folder that holds your files, with any Python 3.8 or newer:

```bash
python3 check_{name}.py
```

It reports each step, passed or failed, and what to do next.
"""

CHECKER = '''\
#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Check the "{title}" exercise. Run it with any Python 3.8 or newer, from your folder:

    python check_{name}.py
    python check_{name}.py --json    # the result as one JSON object

It reads your files and changes nothing. Exit code 0: every step passed; 1: a step failed (the
report says what to do); 2: the command line is wrong. Standard library only.
"""

import argparse
import json
import os
import sys

# The file is read by Python 2.7 too (no syntax newer than 2.7's), so that an old Python is
# told this one line rather than a SyntaxError.
if sys.version_info < (3, 8):
    sys.stderr.write("check_{name}.py: error: needs Python 3.8 or newer, this is %d.%d\\n"
                     % sys.version_info[:2])
    sys.exit(2)

PROG = "check_{name}.py"
ANSWER = "answer.txt"
MAX_BYTES = 100000  # a file larger than this is not an answer

# The steps, what each checks, and the hint a student who fails it gets (a template that the
# step fills in; no hint is written anywhere else). The course's instructor guide prints this
# table, read from this file: keep it a literal.
STEPS = [
    ("file", "answer.txt exists in the current folder", "write {{file}} in {{folder}}"),
    ("content", "answer.txt has a line that says done",
     "put the word done on a line of its own in {{file}}"),
]


def hint(step, **fields):
    return next(template for name, _, template in STEPS if name == step).format(**fields)


def read_answer(folder):
    path = os.path.join(folder, ANSWER)
    if not os.path.isfile(path):
        return None
    with open(path, "rb") as answer:
        return answer.read(MAX_BYTES).decode("utf-8", "replace")


def check_file(text):
    return ("pass", "found " + ANSWER) if text is not None else ("fail", "no " + ANSWER)


def check_content(text):
    if text is not None and "done" in (line.strip() for line in text.splitlines()):
        return "pass", ANSWER + " says done"
    return "fail", ANSWER + " has no line that says done"


def report(steps):
    lines = []
    for step in steps:
        lines.append("%s %-8s %s" % ("[PASS]" if step["status"] == "pass" else "[FAIL]",
                                     step["id"], step["message"]))
        if step["hint"]:
            lines.append("    hint: " + step["hint"])
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = parser.parse_args(argv)
    folder = os.getcwd()
    text = read_answer(folder)
    fields = {{"file": ANSWER, "folder": folder}}
    steps = [{{"id": name, "status": status, "message": message,
               "hint": hint(name, **fields) if status == "fail" else ""}}
             for name, (status, message) in (("file", check_file(text)),
                                             ("content", check_content(text)))]
    ok = all(step["status"] == "pass" for step in steps)
    lines = [json.dumps({{"ok": ok, "steps": steps}}, indent=2)] if args.json else report(steps)
    try:
        sys.stdout.write("".join(line + "\\n" for line in lines))
        sys.stdout.flush()
    except (OSError, ValueError):
        # Closed (`| head -1`) or full: nobody reads the rest. Point stdout at devnull, so that
        # Python's last flush, at exit, has nothing to complain about.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
'''


EXERCISE_TEST = '''\
"""The {name} checker's own tests: what a student who gets a step wrong is told. (Every
exercise also passes tests/test_exercises.py: its checker fails start/ and passes solution/.)"""

import json
import subprocess
import sys
from pathlib import Path

CHECKER = Path(__file__).resolve().parent.parent / "check_{name}.py"


def run(folder):
    result = subprocess.run([sys.executable, str(CHECKER), "--json"], cwd=folder,
                            capture_output=True, text=True, timeout=60)
    return result.returncode, json.loads(result.stdout)


def test_an_answer_without_done_fails_the_content_step_only(tmp_path):
    (tmp_path / "answer.txt").write_text("not yet\\n", encoding="utf-8")
    code, report = run(tmp_path)
    failed = [step for step in report["steps"] if step["status"] == "fail"]
    assert code == 1 and [step["id"] for step in failed] == ["content"]
    assert "done" in failed[0]["hint"]
'''


def slug(title):
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", text))


def new_lecture(number, title, syntax="rst"):
    if not LECTURE_NUMBER.fullmatch(number) or not slug(title):
        raise SystemExit(f"lecture: ID is a number like 1.1.2 and TITLE has words, not "
                         f"{number!r} and {title!r}")
    lecture_id = number.replace(".", "-")
    if any(lecture.id == lecture_id for lecture in lectures()):
        raise SystemExit(f"lecture: {number} exists already")
    name = f"{lecture_id}-{slug(title)}"
    rule = "=" * len(f"{number} {title}")
    source = REPO / "slides" / f"{name}.{syntax}"
    template = LECTURE_MD if syntax == "md" else LECTURE
    source.write_text(template.format(number=number, title=title, rule=rule, id=lecture_id),
                      encoding="utf-8")
    (REPO / "_static" / lecture_id).mkdir(exist_ok=True)
    print(f"lecture: wrote {source.relative_to(REPO)}; its figures go in _static/{lecture_id}/")


def new_exercise(name):
    if not EXERCISE_NAME.fullmatch(name):
        raise SystemExit(f"exercise: NAME is lower case letters, digits and _, not {name!r}")
    if any(exercise.name == name for exercise in exercises()):
        raise SystemExit(f"exercise: {name} exists already")
    folder = REPO / "exercises" / name
    title = name.replace("_", " ").capitalize()
    files = {
        "index.md": EXERCISE_PAGE.format(title=title, name=name),
        f"check_{name}.py": CHECKER.format(title=title, name=name),
        "solution/answer.txt": "done\n",
        "start/answer.txt": "todo\n",
        f"tests/test_{name}.py": EXERCISE_TEST.format(name=name),
    }
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    print(f"exercise: wrote {folder.relative_to(REPO)}/ (page, checker, solution/, start/, tests/); "
          "link it from a lecture with `.. practice:: " + name + "`")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    kinds = parser.add_subparsers(dest="kind", required=True)
    lecture = kinds.add_parser("lecture")
    lecture.add_argument("number")
    lecture.add_argument("title")
    lecture.add_argument("--format", choices=["rst", "md"], default="rst",
                         help="reStructuredText (rst) or MyST Markdown (md)")
    exercise = kinds.add_parser("exercise")
    exercise.add_argument("name")
    args = parser.parse_args(argv)
    if args.kind == "lecture":
        new_lecture(args.number, args.title, args.format)
    else:
        new_exercise(args.name)


if __name__ == "__main__":
    sys.exit(main())
