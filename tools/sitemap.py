"""The course on disk and on the built site: which lectures and exercises there are, and where
each one's pages, PDFs and checker are.

This is the one map: the Sphinx extensions (``_ext/course``), ``make pdf``, ``make bench``, the
build and the tests all ask it, so a new lecture or exercise is picked up everywhere by adding
its files, and moving the deck (``slide_relative_path`` in ``conf.py``) moves every link.

- A lecture is ``slides/<id>-<slug>.rst`` (or ``.md``), ``<id>`` its number with dashes
  (``1-1-1``), with its figures in ``_static/<id>/``.
- An exercise is a folder ``exercises/<name>/`` holding ``index.md`` (or ``.rst``), one checker
  ``check_<name>.py``, a model answer in ``solution/`` and, where the exercise has one, the
  student's starting state in ``start/``.
- The built site is one folder: the handbook at its root (``<docname>.html``), the deck in
  ``slide_relative_path`` (``slides/<docname>.html``), the PDFs in ``pdf/``, and each checker
  beside its exercise's page.
"""

import posixpath
import re
import runpy
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_SUFFIXES = (".rst", ".md")
# 1-1-1-environment-management: the number's parts, then a kebab-case slug
LECTURE_NAME = re.compile(r"(?P<id>\d+(?:-\d+)*)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)")
LECTURE_FOLDER = "slides"


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
        return f"{LECTURE_FOLDER}/{self.name}"

    @property
    def source(self):
        return next(self.root / f"{self.docname}{suffix}" for suffix in SOURCE_SUFFIXES
                    if (self.root / f"{self.docname}{suffix}").is_file())

    @property
    def figures(self):
        return self.root / "_static" / self.id


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


def lecture_id(docname):
    """The id of the lecture a document is (slides/1-1-1-... -> 1-1-1), or None."""
    folder, _, name = docname.partition("/")
    match = LECTURE_NAME.fullmatch(name) if folder == LECTURE_FOLDER and "/" not in name else None
    return match["id"] if match else None


def lectures(root=REPO):
    """Every lecture under root/slides, in the order of their numbers."""
    names = {path.stem for path in (Path(root) / LECTURE_FOLDER).glob("*")
             if path.suffix in SOURCE_SUFFIXES and LECTURE_NAME.fullmatch(path.stem)}
    key = lambda name: [int(part) for part in LECTURE_NAME.fullmatch(name)["id"].split("-")]  # noqa: E731
    return [Lecture(Path(root), name) for name in sorted(names, key=key)]


def exercises(root=REPO):
    """Every exercise folder under root/exercises that has a page, by name."""
    folders = sorted(path.parent for suffix in SOURCE_SUFFIXES
                     for path in (Path(root) / "exercises").glob(f"*/index{suffix}"))
    return [Exercise(Path(root), folder.name) for folder in folders]


@dataclass(frozen=True)
class SiteMap:
    """Where each part of the course is in the built site: paths relative to the site's folder,
    with ``/`` between folders."""

    deck_folder: str  # conf.py's slide_relative_path, "slides/"

    @classmethod
    def from_config(cls, config):
        return cls(deck_folder=config.slide_relative_path)

    @classmethod
    def of_project(cls, root=REPO):
        """The map of the project in root, read from its conf.py as Sphinx reads it."""
        conf = runpy.run_path(str(Path(root) / "conf.py"))
        return cls(deck_folder=conf["slide_relative_path"])

    def handbook_page(self, docname):
        return f"{docname}.html"

    def deck_page(self, docname):
        return f"{self.deck_folder}{docname}.html"

    @property
    def deck_to_handbook(self):
        """The deck's slide_html_relative_path: from the deck's folder back to the site's."""
        return posixpath.relpath(".", self.deck_folder) + "/"

    def pdfs(self, lecture):
        return {kind: f"pdf/{lecture.name}-{kind}.pdf" for kind in ("slides", "handout")}

    def checker(self, exercise):
        return f"exercises/{exercise.name}/{exercise.checker.name}"

    def output_folders(self, site):
        """{builder: the folder it writes} for a site folder: the deck inside the handbook's."""
        return {"html": Path(site), "slides": Path(site) / self.deck_folder}
