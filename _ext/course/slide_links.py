"""Link every handbook section to its slide.

hieroglyph's ``slide_link_html_sections_to_slides`` patches a ``depart_title`` written for the
HTML4 writer; on Sphinx 6's HTML5 writer it adds nothing. This extension hooks the method that
writes the pilcrow permalink instead, and adds a second link beside it, to the same section in
the deck. The page-level "View as slides" link is in ``_templates/breadcrumbs.html``.
"""

from docutils import nodes
from hieroglyph.html import slide_path


def slide_link_translator(base):
    class SlideLinkTranslator(base):
        def add_permalink_ref(self, node, title):
            super().add_permalink_ref(node, title)
            if isinstance(node, nodes.section) and node["ids"]:
                href = f"{slide_path(self.builder)}#{node['ids'][0]}"
                self.body.append(
                    f'<a class="headerlink slide-link" href="{href}" title="This section as a slide">'
                    f'{self.config.slide_html_slide_link_symbol}</a>'
                )

    return SlideLinkTranslator


def add_translator(app):
    if app.builder.name == "html" and app.config.slide_link_html_to_slides:
        app.set_translator("html", slide_link_translator(app.builder.get_translator_class()), override=True)


def setup(app):
    app.connect("builder-inited", add_translator)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
