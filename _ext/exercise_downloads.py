"""Copy each exercise's checker script beside its page, in the handbook and in the deck, with
the links of its hints written in.

A student fetches ``exercises/<name>/check_<name>.py`` from the same folder as the page that
explains it, so the address in the page's ``curl`` line is stable (Sphinx's own ``:download:``
role would put it under a hashed ``_downloads/`` folder).

A checker names the lecture section that teaches each kind of step in a ``LESSONS`` dictionary,
``"<step>": "<lecture page>#<section id>"``, and has a ``LINKS = {}`` line. The build checks
every entry (a page or section that does not exist is a warning at the entry's line, so an
error under ``-W``) and, in the copy, fills ``LINKS`` with the section's slide and handbook
addresses: relative to the copy's own folder, or absolute when ``html_baseurl`` is set.
"""

import ast
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)
LINKS_LINE = re.compile(r"^LINKS = \{\}.*$", re.MULTILINE)


def lessons_of(script):
    """{step: (target, line)} from the checker's LESSONS literal; {} when it has none."""
    tree = ast.parse(script.read_text(encoding="utf-8"), str(script))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "LESSONS" for t in node.targets):
            if not isinstance(node.value, ast.Dict):
                logger.warning("LESSONS must be a dictionary literal", location="%s:%d" % (script, node.lineno))
                return {}
            return {ast.literal_eval(key): (ast.literal_eval(value), value.lineno)
                    for key, value in zip(node.value.keys, node.value.values)}
    return {}


def section_ids(env, docname):
    return {id_ for section in env.get_doctree(docname).findall(nodes.section) for id_ in section["ids"]}


def resolve(app, script, lessons):
    """{step: (docname, section id)} for the entries that name a real section; warns on others."""
    found = {}
    for step, (target, line) in lessons.items():
        docname, hash_, section = str(target).partition("#")
        if docname not in app.env.found_docs:
            logger.warning("LESSONS[%r]: no page %r" % (step, docname), location="%s:%d" % (script, line))
        elif not hash_ or section not in section_ids(app.env, docname):
            logger.warning("LESSONS[%r]: page %r has no section with the id %r"
                           % (step, docname, section), location="%s:%d" % (script, line))
        else:
            found[step] = (docname, section)
    return found


def links(app, copy_folder, docname, section):
    """The slide and the handbook section, from the copy's folder (both relative to the
    builder's output folder) or absolute under html_baseurl."""
    page = docname + ".html"
    deck = app.builder.name.endswith("slides")
    if deck:
        targets = {"slide": page, "handbook": posixpath.join(app.config.slide_html_relative_path, page)}
        root_url = urljoin(app.config.html_baseurl.rstrip("/") + "/", app.config.slide_relative_path)
    else:
        targets = {"slide": posixpath.join(app.config.slide_relative_path, page), "handbook": page}
        root_url = app.config.html_baseurl.rstrip("/") + "/"
    if app.config.html_baseurl:
        return {kind: urljoin(root_url, posixpath.normpath(target)) + "#" + section
                for kind, target in targets.items()}
    return {kind: posixpath.relpath(posixpath.normpath(target), copy_folder) + "#" + section
            for kind, target in targets.items()}


def copy_checkers(app, exception):
    if exception or app.builder.format != "html":
        return
    srcdir = Path(app.srcdir)
    for script in sorted(srcdir.glob("exercises/*/check_*.py")):
        relative = script.relative_to(srcdir)
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
        written = {step: links(app, relative.parent.as_posix(), *place)
                   for step, place in resolve(app, script, lessons).items()}
        line = "LINKS = %r  # written by the course's build" % written
        target.write_text(LINKS_LINE.sub(lambda match: line, text, count=1), encoding="utf-8")


def setup(app):
    app.connect("build-finished", copy_checkers)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
