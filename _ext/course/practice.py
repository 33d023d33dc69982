"""``.. practice:: <exercise>``: a lecture's link to an exercise page.

The link goes to the handbook's page of ``exercises/<exercise>/index``, the one with the checker
beside it, from the deck and from the handbook alike. An exercise that does not exist is a build
warning. The lectures' exercises are kept in the environment for the front page.
"""

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from course.helpers.per_document import PerDocument
from course.helpers.links import handbook_reference

logger = logging.getLogger(__name__)


class practice_link(nodes.General, nodes.Element):
    """Replaced by a reference once every page's title is known."""


# {docname: [exercise docname, ...]} in the order the lecture links them.
practices = PerDocument("course_practices")


class PracticeDirective(SphinxDirective):
    required_arguments = 1

    def run(self):
        target = f"exercises/{self.arguments[0]}/index"
        if target not in self.env.found_docs:
            logger.warning(f"practice: no exercise {self.arguments[0]!r} (exercises/<name>/index)",
                           location=self.get_location())
            return []
        self.env.note_dependency(self.env.doc2path(target))
        practices(self.env).setdefault(self.env.docname, []).append(target)
        paragraph = nodes.paragraph(classes=["practice"])
        paragraph += nodes.Text("Instructions and checker: ")
        paragraph += practice_link(target=target)
        return [paragraph]


def resolve_links(app, doctree, fromdocname):
    for node in list(doctree.findall(practice_link)):
        target = node["target"]
        title = app.env.titles[target].astext() if target in app.env.titles else target
        node.replace_self(handbook_reference(app, fromdocname, title, target))



def setup(app):
    app.add_node(practice_link)
    app.add_directive("practice", PracticeDirective)
    app.connect("doctree-resolved", resolve_links)
    practices.connect(app)
    return {"version": "1.0", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
