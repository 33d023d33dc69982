"""``.. lecture-list::``: the front page's list of lectures, found on disk.

Every lecture (``tools.sitemap.lectures``: ``slides/<id>-<slug>``, in the order of their numbers)
gets an entry: its title linked to the handbook page, its length, its deck, its two PDFs (when
``course_pdfs`` is set, as ``make pdf`` and ``make site`` set it, which print them) and the
exercises it links with ``.. practice::``. The directive also puts the
lectures in the site's table of contents, in the same order, so no toctree lists them by hand.
"""

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from course.lecture import plans
from course.practice import practices
from course.incremental import note_listing_page
from course.helpers.links import handbook_reference, reference, site_map
from tools.sitemap import lectures


class lecture_list(nodes.General, nodes.Element):
    """Replaced by the entries when the page is written, when every title is known."""


def toctree(docname, entries):
    """A hidden toctree of entries, as the toctree directive would make it."""
    node = addnodes.toctree(parent=docname, entries=[(None, entry) for entry in entries],
                            includefiles=list(entries), maxdepth=1, caption=None, glob=False,
                            hidden=True, includehidden=False, numbered=0, titlesonly=False)
    return nodes.compound("", node, classes=["toctree-wrapper"])


class LectureList(SphinxDirective):
    def run(self):
        note_listing_page(self.env)
        docnames = [lecture.docname for lecture in lectures(self.env.srcdir)]
        for docname in docnames:  # a new title, length or exercise changes the entry
            self.env.note_dependency(self.env.doc2path(docname))
        return [toctree(self.env.docname, docnames), lecture_list()]


def entry(app, lecture, fromdocname):
    title = app.env.titles[lecture.docname].astext()
    head = nodes.paragraph()
    head += handbook_reference(app, fromdocname, title, lecture.docname)
    plan = plans(app.env).get(lecture.docname)
    if plan:
        head += nodes.Text(f" ({plan['duration']} minutes)")
    site = site_map(app)
    links = [reference(app, fromdocname, "slides", site.deck_page(lecture.docname))]
    if app.config.course_pdfs:
        pdfs = site.pdfs(lecture)
        links += [reference(app, fromdocname, "PDF of the slides", pdfs["slides"]),
                  reference(app, fromdocname, "handout (PDF)", pdfs["handout"])]
    for exercise in practices(app.env).get(lecture.docname, []):
        links.append(handbook_reference(app, fromdocname,
                                        f"exercise: {app.env.titles[exercise].astext()}", exercise))
    more = nodes.paragraph(classes=["lecture-links"])
    for i, one in enumerate(links):
        more += [nodes.Text(" \u00b7 ")] if i else []
        more += one
    return nodes.list_item("", head, more, classes=["lecture-entry"])


def write_entries(app, doctree, fromdocname):
    for node in list(doctree.findall(lecture_list)):
        items = nodes.bullet_list(classes=["lecture-list"])
        items += [entry(app, lecture, fromdocname) for lecture in lectures(app.srcdir)]
        node.replace_self(items)


def setup(app):
    # make pdf and make site print the PDFs, and set it: no other build links them
    app.add_config_value("course_pdfs", False, "html", types=[bool])
    app.add_node(lecture_list)
    app.add_directive("lecture-list", LectureList)
    app.connect("doctree-resolved", write_entries)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
