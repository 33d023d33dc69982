"""The exercises' checker scripts on the site: the page's download commands, and the copy beside
the page with the links of its hints written in.

``.. checker-download::`` (on an exercise page) writes a link to the ``check_*.py`` beside the
page and the commands that download it, for macOS and Linux (curl) and for Windows
(PowerShell), with the site's address when ``html_baseurl`` is set and, in a local build, a
``<course-site>`` placeholder that the page explains. A page with no checker, or more than one,
is a build warning.

After the build each checker is copied beside its page (``exercises/<name>/check_<name>.py``), in
the handbook and in the deck, so the address in the ``curl`` line is stable (Sphinx's own
``:download:`` role would put it under a hashed ``_downloads/`` folder). A checker names the
lecture section that teaches each kind of step in a ``LESSONS`` dictionary, ``"<step>":
"<lecture page>#<section id>"``, and has a ``LINKS = {}`` line. The build checks every entry (a
page or section that does not exist is a warning at the entry's line) and, in the copy, fills
``LINKS`` with the section's slide and handbook addresses: relative to the copy's own folder, or
absolute when ``html_baseurl`` is set.
"""

import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

from docutils import nodes
from hieroglyph.builder import building_slides
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from course.helpers.checker_source import literals
from course.helpers.links import site_map
from tools.sitemap import exercises

logger = logging.getLogger(__name__)
LINKS_LINE = re.compile(r"^LINKS = \{\}.*$", re.MULTILINE)
PLACEHOLDER = "<course-site>"


def site_address(config):
    return config.html_baseurl.rstrip("/")


class CheckerDownload(SphinxDirective):
    def run(self):
        folder = Path(self.env.doc2path(self.env.docname)).parent
        checkers = sorted(folder.glob("check_*.py"))
        if len(checkers) != 1:
            logger.warning(f"checker-download: {len(checkers)} check_*.py beside this page, "
                           "not one", location=self.get_location())
            return []
        name = checkers[0].name
        self.env.note_dependency(str(checkers[0]))
        site = site_address(self.config) or PLACEHOLDER
        address = f"{site}/{Path(self.env.docname).parent.as_posix()}/{name}"
        intro = nodes.paragraph()
        intro += nodes.Text("Download the checker: take the ")
        intro += nodes.reference("", "", nodes.literal(text=name), refuri=name, classes=["download"])
        intro += nodes.Text(" link beside this page, or type one of these"
                            + (f", with {PLACEHOLDER} the address of this course's site (this copy "
                               "was built without it, so its links are relative):"
                               if site == PLACEHOLDER else ":"))
        commands = [("bash", f"# macOS and Linux\ncurl -O {address}"),
                    ("powershell", f"# Windows (PowerShell)\nInvoke-WebRequest {address} -OutFile {name}")]
        blocks = [nodes.literal_block(code, code, language=language) for language, code in commands]
        return [intro, *blocks]


def lessons_of(script):
    """{step: (target, line)} from the checker's LESSONS literal; {} when it has none."""
    found = literals(script, "LESSONS")
    if not found:
        return {}
    if not isinstance(found[0].value, dict):
        logger.warning("LESSONS must be a dictionary literal", location=f"{script}:{found[0].line}")
        return {}
    return {step: (target, found[0].lines[step]) for step, target in found[0].value.items()}


def section_ids(env, docname):
    return {id_ for section in env.get_doctree(docname).findall(nodes.section) for id_ in section["ids"]}


def resolve(app, script, lessons):
    """{step: (docname, section id)} for the entries that name a real section; warns on others."""
    found, ids = {}, {}  # ids: each page's section ids, read once
    for step, (target, line) in lessons.items():
        docname, hash_, section = str(target).partition("#")
        if docname not in app.env.found_docs:
            logger.warning(f"LESSONS[{step!r}]: no page {docname!r}", location=f"{script}:{line}")
            continue
        if docname not in ids:
            ids[docname] = section_ids(app.env, docname)
        if not hash_ or section not in ids[docname]:
            logger.warning(f"LESSONS[{step!r}]: page {docname!r} has no section with the id "
                           f"{section!r}", location=f"{script}:{line}")
        else:
            found[step] = (docname, section)
    return found


def links(app, copy_folder, docname, section):
    """The slide and the handbook section, from the copy's folder or, under html_baseurl, as
    absolute addresses. copy_folder is the copy's folder in the site."""
    site = site_map(app)
    targets = {"slide": site.deck_page(docname), "handbook": site.handbook_page(docname)}
    if site_address(app.config):
        root = site_address(app.config) + "/"
        return {kind: urljoin(root, target) + "#" + section for kind, target in targets.items()}
    return {kind: posixpath.relpath(target, copy_folder) + "#" + section
            for kind, target in targets.items()}


def copy_checkers(app, exception):
    if exception or app.builder.format != "html":
        return
    site = site_map(app)
    here = site.deck_folder if building_slides(app) else ""  # where this output sits in the site
    for exercise in exercises(app.srcdir):
        script = exercise.checker
        if not script.is_file():
            continue
        relative = site.checker(exercise)
        target = Path(app.outdir) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        lessons = lessons_of(script)
        if not lessons:
            shutil.copyfile(script, target)
            continue
        text = script.read_text(encoding="utf-8")
        if len(LINKS_LINE.findall(text)) != 1:
            logger.warning("a checker with LESSONS needs one `LINKS = {}` line for the build to fill",
                           location=str(script))
        copy_folder = posixpath.dirname(here + relative)
        written = {step: links(app, copy_folder, *place)
                   for step, place in resolve(app, script, lessons).items()}
        line = f"LINKS = {written!r}  # written by the course's build"
        target.write_text(LINKS_LINE.sub(lambda match: line, text, count=1), encoding="utf-8")


def setup(app):
    app.add_directive("checker-download", CheckerDownload)
    app.connect("build-finished", copy_checkers)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
