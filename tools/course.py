"""The course's lectures and exercises, read from the sources on disk.

This is the one list: the Sphinx extensions (front page, instructor guide), `make pdf`,
`make bench` and the tests all ask these two functions, so a new lecture or exercise is picked
up everywhere by adding its files.

- A lecture is ``slides/<id>-<slug>.rst`` (or ``.md``), ``<id>`` its number with dashes
  (``1-1-1``), with its figures in ``_static/<id>/``.
- An exercise is a folder ``exercises/<name>/`` holding ``index.md`` (or ``.rst``), one checker
  ``check_<name>.py``, a model answer in ``solution/`` and, where the exercise has one, the
  student's starting state in ``start/``.
"""

import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_SUFFIXES = (".rst", ".md")
# 1-1-1-environment-management: the number's parts, then a kebab-case slug
LECTURE_NAME = re.compile(r"(?P<id>\d+(?:-\d+)*)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)")


@dataclass(frozen=True)
class Lecture:
    root: Path
    name: str  # the file name without its suffix: 1-1-1-environment-management

    @property
    def id(self):
        return LECTURE_NAME.fullmatch(self.name)["id"]

    @property
    def number(self):
        return self.id.replace("-", ".")

    @property
    def docname(self):
        return f"slides/{self.name}"

    @property
    def source(self):
        return next(self.root / f"{self.docname}{suffix}" for suffix in SOURCE_SUFFIXES
                    if (self.root / f"{self.docname}{suffix}").is_file())

    @property
    def figures(self):
        return self.root / "_static" / self.id

    # pages of the built site, relative to its folder
    @property
    def handbook_page(self):
        return f"slides/{self.name}.html"

    @property
    def deck_page(self):
        return f"slides/slides/{self.name}.html"

    @property
    def pdfs(self):
        return {"slides": f"pdf/{self.name}-slides.pdf", "handout": f"pdf/{self.name}-handout.pdf"}


@dataclass(frozen=True)
class Exercise:
    root: Path
    name: str

    @property
    def folder(self):
        return self.root / "exercises" / self.name

    @property
    def docname(self):
        return f"exercises/{self.name}/index"

    @property
    def checker(self):
        return self.folder / f"check_{self.name}.py"

    @property
    def page(self):
        return f"exercises/{self.name}/index.html"


def lectures(root=REPO):
    """Every lecture under root/slides, in the order of their numbers."""
    names = {path.stem for path in (Path(root) / "slides").glob("*")
             if path.suffix in SOURCE_SUFFIXES and LECTURE_NAME.fullmatch(path.stem)}
    key = lambda name: [int(part) for part in LECTURE_NAME.fullmatch(name)["id"].split("-")]  # noqa: E731
    return [Lecture(Path(root), name) for name in sorted(names, key=key)]


def exercises(root=REPO):
    """Every exercise folder under root/exercises that has a page, by name."""
    folders = sorted(path.parent for suffix in SOURCE_SUFFIXES
                     for path in (Path(root) / "exercises").glob(f"*/index{suffix}"))
    return [Exercise(Path(root), folder.name) for folder in folders]
