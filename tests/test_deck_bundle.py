"""_ext/deck_bundle.py on a small project (tests/roots/test-deck-bundle): its ES modules become
one classic script that runs them from file:// in Chromium, each once, after what it imports,
with no global; the module files are not shipped; each builder gets its own bundles; and a
misuse (an import of a name not exported, of a file that does not exist, a cycle, an export the
bundler cannot read) is a build warning at its line."""

import json
import shutil
from pathlib import Path

import pytest

from browsing import new_page

ROOT = "test-deck-bundle"
BUNDLE = "_static/js/app.js"


def check_bundle_runs(browser, page_url):
    """The page's bundle ran every module once, in ES's order, and left no global of its own."""
    context, page, traffic = new_page(browser)
    try:
        page.goto(page_url)
        assert traffic.page_errors == [], f"the bundle throws: {traffic.page_errors}"
        ran = page.evaluate("() => document.documentElement.dataset.ran")
        assert ran == "numbers side2 main", f"the modules ran in this order: {ran!r}"
        result = json.loads(page.evaluate("() => document.documentElement.dataset.result"))
        assert result == {"double": 42, "count": 3}, f"the imports gave {result}"
        leaked = page.evaluate("() => ['modules', 'secret', 'ran', 'record', 'twice', 'FACTOR']"
                               ".filter(name => { try { return eval(name) !== undefined; } "
                               "catch (e) { return false; } })")
        assert leaked == [], f"the bundle defines globals: {leaked}"
    finally:
        context.close()


@pytest.mark.sphinx("html", testroot="deck-bundle")
def test_handbook_bundle_runs_from_disk_and_ships_no_module(app, warning, chromium):
    app.build()
    assert warning.getvalue() == ""
    outdir = Path(app.outdir)
    check_bundle_runs(chromium, (outdir / "index.html").as_uri())
    assert not (outdir / "_static/js/app").exists(), "the module files are shipped"
    assert not (outdir / "_static/js/deck-app.js").exists(), "the handbook got the deck's bundle"


@pytest.mark.sphinx("slides", testroot="deck-bundle")
def test_deck_gets_its_own_bundle(app, warning):
    app.build()
    assert warning.getvalue() == ""
    static = Path(app.outdir) / "_static/js"
    assert (static / "deck-app.js").is_file() and not (static / "app.js").exists()
    assert not (static / "app").exists()


def broken_bundle(app, change):
    """The fixture's built page, its bundle changed by change(text)."""
    bundle = Path(app.outdir) / BUNDLE
    bundle.write_text(change(bundle.read_text(encoding="utf-8")), encoding="utf-8")
    return (Path(app.outdir) / "index.html").as_uri()


def main_first(text):
    """The entry module moved before the modules it imports."""
    start = text.index("// js/app/main.js")
    end = text.rindex("})();")
    main = text[start:end]
    first = text.index("// js/app/")
    return text[:first] + main + text[first:start] + text[end:]


@pytest.mark.parametrize("change, said", [
    (main_first, "the bundle throws"),
    (lambda text: text.replace("(function () {\n'use strict';\n", "", 1).rsplit("})();", 1)[0],
     "defines globals: \\['modules'"),
], ids=["out of order", "unwrapped"])
@pytest.mark.sphinx("html", testroot="deck-bundle")
def test_a_broken_bundle_fails_the_bundle_check(app, chromium, change, said):
    app.build()
    with pytest.raises(AssertionError, match=said):
        check_bundle_runs(chromium, broken_bundle(app, change))


@pytest.mark.parametrize("module, old, new, said", [
    ("main.js", "import {count, record}", "import {count, missing, record}",
     "main.js:2: WARNING: imports missing from log.js, which does not export it"),
    ("main.js", 'import "./side.js";', 'import "./sides.js";', "main.js:4: WARNING: no module "),
    ("log.js", "const ran", 'import {FACTOR} from "./numbers.js";\nconst ran',
     "WARNING: import cycle: log.js -> numbers.js -> log.js"),
    ("numbers.js", "export const FACTOR", "export let FACTOR",
     "numbers.js:5: WARNING: only 'import {...} from \"./file.js\";'"),
    ("main.js", 'import "./side.js";', 'import * as side from "./side.js";',
     "main.js:4: WARNING: only 'import {...}"),
], ids=["name not exported", "no such file", "cycle", "export let", "import *"])
def test_a_misused_module_is_a_warning_at_its_line(make_app, rootdir, tmp_path, module, old, new, said):
    source = tmp_path / "root"
    shutil.copytree(Path(str(rootdir)) / ROOT, source)
    path = source / "_static/js/app" / module
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    app = make_app("html", srcdir=type(rootdir)(str(source)))
    app.build()
    assert said in app._warning.getvalue(), app._warning.getvalue()
