"""Links between the site's three parts, from either builder.

The handbook's page of a document is ``<docname>.html`` at the site's root, the deck's is
``<slide_relative_path><docname>.html`` (``slides/``), and the PDFs are in ``pdf/``. A link is the
relative path from the page being written to one of these, so the site works from any folder of
any web server, and from disk.
"""

from docutils import nodes
from hieroglyph.builder import building_slides
from sphinx.util.osutil import relative_uri


def handbook_page(docname):
    return f"{docname}.html"


def deck_page(app, docname):
    return f"{app.config.slide_relative_path}{docname}.html"


def page_being_written(app, docname):
    """Where the page of docname that this builder writes sits in the site."""
    return deck_page(app, docname) if building_slides(app) else handbook_page(docname)


def link(app, fromdocname, target):
    """The relative URL from the page of fromdocname that this builder writes to a site path."""
    return relative_uri(page_being_written(app, fromdocname), target)


def reference(app, fromdocname, text, target):
    """A link node, text to a site path, from the page of fromdocname this builder writes."""
    return nodes.reference("", text, internal=True, refuri=link(app, fromdocname, target))
