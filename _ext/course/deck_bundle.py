"""The course's scripts are ES modules; this writes each page kind's modules into one classic script.

A deck opened from disk (``file://``) cannot load a module script: Chromium gives such a page the
origin ``null`` and refuses ``<script type="module">`` and its imports (CORS). So the modules under
``_static/js/`` stay the source, and after each build every entry module and the modules it imports
are written into one plain script in the builder's ``_static/``, which the templates load:

- each module runs inside its own function; ``import {a, b as c} from "./x.js"`` becomes that
  function's parameter ``{a, b: c}``, given the object that x's function returns, which holds x's
  exported names (``export`` itself is dropped);
- a module runs after the modules it imports, in the order it names them, once, as ES runs them;
- the whole bundle is one function: no module defines a global.

Only the forms the course writes are understood: ``import {...} from "./x.js";``,
``import "./x.js";`` and ``export function``, ``export const`` or ``export class`` before a
name. Exports are read once, after the module has run: an ``export let`` that changed later would
not reach its importers, so it is refused with the other forms. An unknown form, an import of a
file that does not exist or of a name its module does not export, and an import cycle are build
warnings (so ``-W`` fails).

Each entry module sits in a folder of its own (``js/deck/main.js``), which holds the modules of
that page kind and no bundle; those folders are not shipped.
"""

import re
import shutil
from pathlib import Path

from hieroglyph.builder import building_slides
from sphinx.util import logging

logger = logging.getLogger(__name__)

# What the pages load -> the module it starts from, both relative to _static/.
DECK_BUNDLES = {"js/deck.js": "js/deck/main.js", "js/console.js": "js/console/main.js"}
# sphinx-rtd-theme's page template loads js/theme.js: the bundle takes that file's place.
HANDBOOK_BUNDLES = {"js/theme.js": "js/handbook/theme.js"}

IMPORT = re.compile(r'^import\s+(?:\{([^}]*)\}\s*from\s+)?"(\./[^"]+|\.\./[^"]+)";[ \t]*$', re.M)
EXPORT = re.compile(r"^export\s+(?=(?:function|const|class)\s+([A-Za-z_$][\w$]*))", re.M)
ANY_IMPORT_OR_EXPORT = re.compile(r"^[ \t]*(import|export)\b.*$", re.M)
NAME = re.compile(r"^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$")


class Module:
    """One module file: what it imports (a list of (module path, [(name, local)])), its exports
    and its text with the import and export keywords taken out."""

    def __init__(self, path: Path):
        self.path = path
        text = path.read_text(encoding="utf-8")
        self.imports = []
        for match in IMPORT.finditer(text):
            names = [NAME.match(part.strip()) for part in (match[1] or "").split(",") if part.strip()]
            if None in names:
                self.warn(f"cannot read the import {match[0]!r}", text, match.start())
            pairs = [(name[1], name[2] or name[1]) for name in names if name]
            self.imports.append(((path.parent / match[2]).resolve(), pairs, line_of(text, match.start())))
        self.exports = [match[1] for match in EXPORT.finditer(text)]
        # an import keeps its lines, so that an error's line number in the bundle's module is the file's
        body = IMPORT.sub(lambda match: "\n" * match[0].count("\n"), text)
        self.body = EXPORT.sub("", body)
        for match in ANY_IMPORT_OR_EXPORT.finditer(self.body):
            self.warn(f"only 'import {{...}} from \"./file.js\";', 'import \"./file.js\";' and "
                      f"'export function/const/class name' are bundled, not {match[0].strip()!r}",
                      self.body, match.start())

    def warn(self, message, text, at):
        logger.warning(message, location=where(self.path, line_of(text, at)))


def line_of(text, at):
    return text.count("\n", 0, at) + 1


def where(path, line):
    """A warning's location as Sphinx prints it (a str with a colon is not read as a docname)."""
    return f"{path}:{line}"


def ordered_modules(entry: Path):
    """The modules an entry needs, each after the ones it imports; None after a warning that
    leaves no bundle to write (a missing file, a cycle)."""
    order, running = {}, []

    def visit(path, imported_from):
        if path in order:
            return True
        if path in running:
            cycle = " -> ".join(p.name for p in running[running.index(path):] + [path])
            logger.warning(f"import cycle: {cycle}", location=imported_from)
            return False
        if not path.is_file():
            logger.warning(f"no module {path}", location=imported_from)
            return False
        module = Module(path)
        running.append(path)
        for source, _, line in module.imports:
            if not visit(source, where(path, line)):
                return False
        running.pop()
        order[path] = module
        return True

    return list(order.values()) if visit(entry.resolve(), None) else None


def bundle(modules, static: Path):
    """The script that runs the modules (in this order), each in its own function."""
    key = {module.path: module.path.relative_to(static).as_posix() for module in modules}
    exports = {module.path: set(module.exports) for module in modules}
    parts = [f"/* Built by _ext/deck_bundle.py from ES modules under _static/; edit those: "
             f"{', '.join(key.values())}. */", "(function () {", "'use strict';", "const modules = {};"]
    for module in modules:
        params, args = [], []
        for source, pairs, line in module.imports:
            for name, _ in pairs:
                if name not in exports[source]:
                    logger.warning(f"imports {name} from {source.name}, which does not export it",
                                   location=where(module.path, line))
            params.append("{" + ", ".join(name if name == local else f"{name}: {local}"
                                          for name, local in pairs) + "}")
            args.append(f"modules[{key[source]!r}]")
        returned = ", ".join(module.exports)
        parts += [f"// {key[module.path]}",
                  f"modules[{key[module.path]!r}] = (function ({', '.join(params)}) {{",
                  module.body.rstrip("\n"),
                  f"return {{{returned}}};",
                  f"}})({', '.join(args)});"]
    parts.append("})();\n")
    return "\n".join(parts)


def static_folder(app):
    """The source folder of the modules: the first of html_static_path."""
    return Path(app.confdir, app.config.html_static_path[0]).resolve()


def write_bundles(app, exception):
    if exception or app.builder.format != "html" or not app.config.html_static_path:
        return  # a project with no static files has no scripts to bundle
    static, out = static_folder(app), Path(app.outdir, "_static")
    bundles = app.config.deck_bundles if building_slides(app) else app.config.handbook_bundles
    for target, entry in bundles.items():
        modules = ordered_modules(static / entry)
        if modules is not None:
            (out / target).parent.mkdir(parents=True, exist_ok=True)
            (out / target).write_text(bundle(modules, static), encoding="utf-8")
    # Sphinx copied the modules' folders with the rest of _static/: no page loads them.
    for entry in {**app.config.deck_bundles, **app.config.handbook_bundles}.values():
        shutil.rmtree(out / Path(entry).parent, ignore_errors=True)


def setup(app):
    app.add_config_value("deck_bundles", DECK_BUNDLES, "html")
    app.add_config_value("handbook_bundles", HANDBOOK_BUNDLES, "html")
    # registered before unused_files (see course/__init__.py), whose handler removes what the
    # deck does not use
    app.connect("build-finished", write_bundles)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
