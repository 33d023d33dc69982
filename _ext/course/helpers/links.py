"""Links between the site's three parts, from either builder.

Where a page is comes from the site map (``tools.sitemap.SiteMap``); a link is the relative path
from the page being written to it, so the site works from any folder of any web server, and from
disk.
"""

from docutils import nodes
from hieroglyph.builder import building_slides
from sphinx.util.osutil import relative_uri

from tools.sitemap import SiteMap


def site_map(app):
    return SiteMap.from_config(app.config)


def page_being_written(app, docname):
    """Where the page of docname that this builder writes sits in the site."""
    site = site_map(app)
    return site.deck_page(docname) if building_slides(app) else site.handbook_page(docname)


def reference(app, fromdocname, text, target):
    """A link node, text to a site path (with a #section or not), from the page of fromdocname
    this builder writes."""
    path, hash_, section = target.partition("#")  # relative_uri drops a #section
    uri = relative_uri(page_being_written(app, fromdocname), path) + hash_ + section
    return nodes.reference("", text, internal=True, refuri=uri)


def handbook_reference(app, fromdocname, text, docname, section=""):
    """A link to docname's handbook page (at a section's id, when given)."""
    target = site_map(app).handbook_page(docname) + (f"#{section}" if section else "")
    return reference(app, fromdocname, text, target)
