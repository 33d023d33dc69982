"""``.. checker-download::``: how a student fetches the exercise's checker, on an exercise page.

The checker is the ``check_*.py`` beside the page (``exercise_downloads`` copies it there in the
built site). The directive writes a link to it and the commands that download it, for macOS and
Linux (curl) and for Windows (PowerShell), with the site's address when ``html_baseurl`` is set
and a ``<course-site>`` placeholder otherwise. A page with no checker, or more than one, is a
build warning.
"""

from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


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
        site = self.config.html_baseurl.rstrip("/") or "<course-site>"
        address = f"{site}/{Path(self.env.docname).parent.as_posix()}/{name}"
        intro = nodes.paragraph()
        intro += nodes.Text("Download the checker: take the ")
        intro += nodes.reference("", "", nodes.literal(text=name), refuri=name, classes=["download"])
        intro += nodes.Text(" link beside this page, or type one of these"
                            + (", with <course-site> the address of this course's site:"
                               if site == "<course-site>" else ":"))
        commands = [("bash", f"# macOS and Linux\ncurl -O {address}"),
                    ("powershell", f"# Windows (PowerShell)\nInvoke-WebRequest {address} -OutFile {name}")]
        blocks = [nodes.literal_block(code, code, language=language) for language, code in commands]
        return [intro, *blocks]


def setup(app):
    app.add_directive("checker-download", CheckerDownload)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
