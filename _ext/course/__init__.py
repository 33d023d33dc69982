"""The course's Sphinx extension: ``extensions = ["course"]`` in ``conf.py``.

One package, one concern a module; ``setup()`` below registers them in this order, which is the
order their handlers run in when they share an event and a priority (``priorities.py`` names
the priorities that differ from Sphinx's default):

1. ``hieroglyph_compat``: hieroglyph 2.1.0, and what it needs on current Sphinx; first, so that
   hieroglyph's directives are there for the others, and its build-finished
   copy of theme files comes before ``unused_files`` removes what no page uses.
2. The directives an author writes in a lecture: ``lecture`` (lecture, minutes), ``notes``
   (speaker-notes, update, answers), ``lesson`` (questions, objectives, keypoints, and the key
   points page), ``practice``.
3. The pages generated from every lecture: ``lecture_list`` (front page and table of contents),
   ``instructor_guide``, and ``checkers`` (the exercise pages' download commands and the checker
   copies beside them).
4. The deck and its links: ``slide_conditions`` (hieroglyph's ifslides, ifnotslides and
   nextslide, decided when a page is written, so that one read serves both outputs),
   ``deck_keys``, ``slide_links``, ``deck_lang``.
5. What a page ships: ``page_assets``, ``deck_bundle`` (the ES modules of ``_static/js/`` as one
   classic script per page kind, which ``file://`` can load), ``lazy_figures``, ``unused_files``
   (after the bundles: it removes the module folders' leftovers).
6. ``incremental``: rebuild only what changed; ``template_cache``: compile each template once per
   process, for ``make serve``.

Shared code with no ``setup()`` of its own lives in ``helpers/``; the site's layout (where the
handbook, the deck, the PDFs and the checkers are) is ``tools/sitemap.py``, shared with the tools
and the tests.
"""

from sphinx.util import logging

from tools.sitemap import SiteMap

__version__ = "1.0"
logger = logging.getLogger(__name__)

MODULES = [
    "hieroglyph_compat",
    "lecture", "notes", "lesson", "practice",
    "lecture_list", "instructor_guide", "checkers",
    "slide_conditions", "deck_keys", "slide_links", "deck_lang",
    "page_assets", "deck_bundle", "lazy_figures", "unused_files",
    "incremental", "template_cache",
]


def check_deck_links(app, config):
    """hieroglyph links the deck back to the handbook with slide_html_relative_path; it must be
    the way back from where the site map puts the deck."""
    expected = SiteMap.from_config(config).deck_to_handbook
    if config.slide_link_to_html and config.slide_html_relative_path != expected:
        logger.warning(f"slide_html_relative_path is {config.slide_html_relative_path!r}, but the "
                       f"deck is in {config.slide_relative_path!r}: set it to {expected!r}")


def setup(app):
    for module in MODULES:
        app.setup_extension(f"course.{module}")
    app.connect("config-inited", check_deck_links)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
