"""Make hieroglyph 2.1.0 build on current Sphinx (8.2 to 9.2) and docutils, and with no search
index; does nothing on Sphinx 6.2 while the slide builder writes a search index.

hieroglyph's last release (2020) breaks on every Sphinx from 7.1 on. Each break is mended by one
small named patch, active only on the Sphinx versions that need it (``PATCHES``):

- ``theme_registry`` (7.3+): ``HTMLThemeFactory.load_additional_themes`` is gone; register
  hieroglyph's bundled themes and the ``slide_theme_path`` themes with the public
  ``app.add_html_theme`` at ``config-inited``.
- ``theme_factory`` (7.3+): hieroglyph's ``apply_theme`` calls that method, and builds the
  factory with the old positional constructor (refused on 9.0, deprecated from 9.1).
- ``image_paths`` (7.2+): ``post_process_images`` uses ``srcdir``/``outdir`` as strings; they
  are ``Path`` objects.
- ``page_style`` (7.1+): ``style`` left the global page context, so genindex, search and the
  presenter console fail to render.
- ``page_assets`` (7.2+; 9.0 fails without it, 7.2-8.x only warn): ``css_files`` and
  ``script_files`` hold asset objects, which the slide ``layout.html`` passes to ``pathto()``.
- ``theme_statics`` (7.1+): static files are copied before the documents are written, so a theme
  that a ``slideconf`` directive applies has its static files left out, silently.
- ``env_app`` (9.0+, removed in 11): hieroglyph's transforms read ``env.app``, deprecated;
  hieroglyph gets ``env._app`` without the warning.
- ``builder_app`` (9.0+, removed in 11): hieroglyph's writer and links read ``builder.app``, the
  same.
- ``no_search_index`` (every version): hieroglyph's ``copy_static_files`` asks the search
  indexer for the search page's template values, and fails when the builder writes no search
  index (``builder.search = False``: the indexer is None). It gets an indexer that has no
  values (nor stemmer script) to give, only while it copies.
- ``traverse`` (docutils 0.22+): hieroglyph walks doctrees with ``Node.traverse()``, which warns
  ``DeprecationWarning``; hieroglyph gets ``list(node.findall(...))``, what it returned before.

The last three change a class of Sphinx or docutils, so they are scoped to callers: only code of
hieroglyph's own modules gets the replacement; every other caller (the course's extensions
included) still gets the original and its deprecation warning.

Private attributes this module touches, for want of a public way: ``builder._app`` and
``builder._registry`` (9.0+, to build a theme factory as Sphinx's own HTML builder does), the
stylesheet and script objects' ``.filename`` and ``.priority`` (7.2+), and hieroglyph's
``builder._additional_themes``. It replaces three methods of hieroglyph's ``AbstractSlideBuilder``
(``apply_theme``, ``post_process_images``, ``copy_static_files``); each falls back to hieroglyph's own while its patch
is off.

One more change is no mend but a speed-up, on every version: hieroglyph's writer asks, for every
slide, for the document's ``slideconf`` node, and each time walks the whole document to find it,
so writing a deck costs the square of its length (4.4 s of the deck's write at 30 lectures). The
answer is kept on the document after the first walk (``slideconf.get``; the document does not
change while it is written).

``hieroglyph_compat_disable`` (a list of patch names, empty by default) turns patches off, e.g.
``sphinx-build -D hieroglyph_compat_disable=page_style,page_assets``; the tests use it to show
that each patch is needed.
"""

import json
import sys
from pathlib import Path

import docutils
import sphinx
from docutils import nodes
from hieroglyph import builder as hbuilder
from hieroglyph.directives import slideconf
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.theming import HTMLThemeFactory

from course.priorities import COMPAT_PAGE_CONTEXT

VERSIONS = {"sphinx": sphinx.version_info[:2], "docutils": docutils.__version_info__[:2]}
PATCHES = {  # name -> the first version of Sphinx or docutils that needs it (see the list above)
    "theme_registry": ("sphinx", (7, 3)),
    "theme_factory": ("sphinx", (7, 3)),
    "image_paths": ("sphinx", (7, 2)),
    "page_style": ("sphinx", (7, 1)),
    "page_assets": ("sphinx", (7, 2)),
    "theme_statics": ("sphinx", (7, 1)),
    "env_app": ("sphinx", (9, 0)),
    "builder_app": ("sphinx", (9, 0)),
    "traverse": ("docutils", (0, 22)),
    "no_search_index": ("sphinx", (0, 0)),
}
SlideBuilder = hbuilder.AbstractSlideBuilder
# hieroglyph_compat_disable of the project last configured in this process: the patches that
# change a Sphinx or docutils class have no config of their own to ask.
disabled_in_process = set()


def needed(name):
    library, version = PATCHES[name]
    return VERSIONS[library] >= version


def active(config, name):
    return needed(name) and name not in config.hieroglyph_compat_disable


def replace_method(name, attr):
    """Put the decorated function in place of AbstractSlideBuilder.<attr> while patch name is on."""
    original = getattr(SlideBuilder, attr)

    def decorator(replacement):
        def method(self, *args, **kwargs):
            chosen = replacement if active(self.config, name) else original
            return chosen(self, *args, **kwargs)

        method.__name__ = method.__qualname__ = attr
        setattr(SlideBuilder, attr, method)
        return replacement

    return decorator


# -- theme_registry (Sphinx 7.3+: HTMLThemeFactory.load_additional_themes is gone) --
def register_themes(app, config):
    if not active(config, "theme_registry"):
        return
    bundled = Path(hbuilder.__file__).parent / "themes"
    for folder in [bundled, *(Path(app.confdir, p) for p in config.slide_theme_path)]:
        for theme in sorted(folder.iterdir()) if folder.is_dir() else ():
            if (theme / "theme.conf").is_file() or (theme / "theme.toml").is_file():
                app.add_html_theme(theme.name, str(theme.resolve()))


def install_method_patches():
    # -- theme_factory (Sphinx 7.3+: no load_additional_themes; 9.0+: keyword-only constructor) --
    @replace_method("theme_factory", "apply_theme")
    def apply_theme(self, themename, themeoptions):
        self._theme_stack.append((self.theme, self.theme_options))
        if sphinx.version_info >= (9, 0):
            factory = HTMLThemeFactory(
                confdir=self.confdir, app=self._app, config=self.config, registry=self._registry
            )
        else:
            factory = HTMLThemeFactory(self.app)
        # the slide themes are in the registry already (theme_registry)
        self.theme = factory.create(themename)
        self.theme_options = themeoptions.copy()
        self.templates.init(self, self.theme)
        self.templates.environment.filters["json"] = json.dumps
        if self.theme not in self._additional_themes:
            self._additional_themes.append(self.theme)

    # -- image_paths (Sphinx 7.2+: srcdir and outdir are Paths) --
    @replace_method("image_paths", "post_process_images")
    def post_process_images(self, doctree):
        super(SlideBuilder, self).post_process_images(doctree)
        srcdir, outdir = str(self.srcdir), str(self.outdir)
        depth = doctree.attributes.get("source")[len(srcdir) + 1:].count("/")
        for node in doctree.findall(nodes.image):
            if node.get("candidates") is None:
                node["candidates"] = ("*",)
            if node["uri"].startswith(outdir):  # an absolute path: make it relative to the page
                node["uri"] = "/".join([".."] * depth + [node["uri"][len(outdir) + 1:]])


# -- no_search_index (every version: hieroglyph assumes a search indexer) --
class NoSearchIndexer:
    """What hieroglyph's copy_static_files asks of the indexer, and what Sphinx's, which it
    calls first, asks of any indexer, when there is none."""

    def context_for_searchtool(self):
        return {}

    def get_js_stemmer_rawcode(self):
        return None  # no search, so no stemmer script to copy


def install_slideconf_lookup():
    find = slideconf.get.__func__

    def get(cls, doctree):
        if "_course_slideconf" not in doctree.__dict__:
            doctree._course_slideconf = find(cls, doctree)
        return doctree._course_slideconf

    slideconf.get = classmethod(get)


def install_copy_patch():
    copy_static_files = SlideBuilder.copy_static_files

    @replace_method("no_search_index", "copy_static_files")
    def copy_without_index(self):
        if self.indexer is not None:
            return copy_static_files(self)
        self.indexer = NoSearchIndexer()
        try:
            return copy_static_files(self)
        finally:
            self.indexer = None


# -- env_app, builder_app (Sphinx 9.0+ deprecates both; 11 removes them) and traverse (docutils
# 0.22+ deprecates it): the replacement for hieroglyph, the original for everyone else --
def for_hieroglyph(name, original, replacement):
    def chooser(*args, **kwargs):
        caller = sys._getframe(1).f_globals.get("__name__", "")
        on = caller.partition(".")[0] == "hieroglyph" and name not in disabled_in_process
        return (replacement if on else original)(*args, **kwargs)

    return chooser


def install_class_patches():
    if needed("env_app"):
        app = BuildEnvironment.app
        BuildEnvironment.app = property(for_hieroglyph("env_app", app.fget, lambda env: env._app),
                                        app.fset, app.fdel)
    if needed("builder_app"):
        app = Builder.app
        Builder.app = property(for_hieroglyph("builder_app", app.fget, lambda builder: builder._app))
    if needed("traverse"):
        nodes.Node.traverse = for_hieroglyph(
            "traverse", nodes.Node.traverse, lambda node, *args, **kwargs: list(node.findall(*args, **kwargs))
        )


def note_disabled(app, config):
    disabled_in_process.clear()
    disabled_in_process.update(config.hieroglyph_compat_disable)


def fix_page_context(app, pagename, templatename, context, doctree):
    if not hbuilder.building_slides(app):
        return
    # -- page_style (Sphinx 7.1+: no `style` outside document pages) --
    if active(app.config, "page_style") and "style" not in context:
        context["style"] = app.builder.theme.get_config("theme", "stylesheet")
    # -- page_assets (Sphinx 7.2+ warns, 9.0+ fails: layout.html wants file names, not asset
    # objects; the handler runs last, after any other handler has added a file) --
    if active(app.config, "page_assets"):
        for key in ("css_files", "script_files"):
            assets = sorted(context.get(key, ()), key=lambda asset: getattr(asset, "priority", 500))
            context[key] = [str(getattr(asset, "filename", asset)) for asset in assets]


# -- theme_statics (Sphinx 7.1+: static files are copied before any document is written, so
# before a `slideconf` directive applies another theme; copy them again once all are known) --
def copy_theme_statics(app, exception):
    if exception or not hbuilder.building_slides(app) or not active(app.config, "theme_statics"):
        return
    if app.builder._additional_themes[1:]:
        app.builder.copy_static_files()


def setup(app):
    app.setup_extension("hieroglyph")
    app.add_config_value("hieroglyph_compat_disable", [], "", types=[list])
    # every patch checks whether it is needed (no_search_index always is) and not disabled
    if not getattr(SlideBuilder, "_hieroglyph_compat", False):
        install_method_patches()
        install_copy_patch()
        install_slideconf_lookup()
        install_class_patches()
        SlideBuilder._hieroglyph_compat = True
    app.connect("config-inited", note_disabled)
    app.connect("config-inited", register_themes)
    app.connect("html-page-context", fix_page_context, priority=COMPAT_PAGE_CONTEXT)
    app.connect("build-finished", copy_theme_statics)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
