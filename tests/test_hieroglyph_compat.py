"""_ext/course/hieroglyph_compat.py: hieroglyph on the current stack (Sphinx 9.2) builds the deck the
pinned stack (Sphinx 6.2, which hieroglyph was made for) builds, each patch is needed there, and
the layer does nothing on the pinned stack.

These tests run under either stack's venv and reach the other one through the Makefile, which
creates a missing venv from its lock; a venv that cannot be made fails the test. Current-stack
builds run with deprecation warnings (pending ones too: Sphinx's RemovedInSphinx11Warning is
one) as errors, so the patches that keep hieroglyph off deprecated APIs are proven too.
"""

import importlib.util
import subprocess
import warnings
from urllib.parse import urlsplit

import pytest

from pages import Page
from repo import REPO, clean_env, make

FIXTURE = REPO / "tests" / "roots" / "test-hieroglyph-compat"
VENVS = {"pinned": ".venv", "current": ".venv-current"}
SLIDE_BUILDERS = ["slides", "dirslides", "singlefile-slides"]
DEPRECATIONS_FAIL = {"current": "error::DeprecationWarning,error::PendingDeprecationWarning"}

# What the current stack says when a patch is off: each patch is needed there.
FAILS_WITHOUT = {
    "theme_registry": "no theme named 'slides' found",
    "theme_factory": "Positional parameters for HTMLThemeFactory are deprecated",
    # hieroglyph measures a Path as a string (deprecated) before it fails on one
    "image_paths": "Sphinx 10 will drop support for representing paths as strings",
    "page_style": "uses the 'style' field in HTML templates",
    "page_assets": "argument of type '_CascadingStyleSheet' is not iterable",
    # no error: the slide_theme_path theme's static file is missing (checked below)
    "theme_statics": None,
    "env_app": "'sphinx.environment.BuildEnvironment.app' is deprecated",
    "builder_app": "SlideBuilder.app' is deprecated",
    "traverse": "nodes.Node.traverse() is obsoleted by Node.findall()",
    "no_search_index": "'NoneType' object has no attribute 'context_for_searchtool'",
}
# A patch that only a deck built with these options needs; it needs it on both stacks.
NEEDS_OPTIONS = {"no_search_index": ["-D", "deck_search=0"]}


def compat_patches():
    spec = importlib.util.spec_from_file_location("hieroglyph_compat", REPO / "_ext" / "course" / "hieroglyph_compat.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PATCHES


_pythons = {}


def stack_python(stack):
    """The Python of the stack's venv, made by the Makefile if missing."""
    if stack not in _pythons:
        result = make(f"{VENVS[stack]}/.build-installed", stack=stack, check=False)
        assert result.returncode == 0, f"cannot make the {stack} venv:\n{result.stdout}{result.stderr}"
        _pythons[stack] = REPO / VENVS[stack] / "bin" / "python"
    return _pythons[stack]


def build_fixture(stack, builder, out, *options):
    """sphinx-build -W of tests/roots/test-hieroglyph-compat with the stack's venv."""
    warnings = {"PYTHONWARNINGS": DEPRECATIONS_FAIL[stack]} if stack in DEPRECATIONS_FAIL else {}
    result = subprocess.run(
        [stack_python(stack), "-m", "sphinx", "-b", builder, FIXTURE, out / builder, "-d", out / "doctrees",
         "-W", "--keep-going", "-q", *options],
        cwd=REPO, env=clean_env(PYTHONPATH=str(REPO / "_ext"), **warnings), capture_output=True, text=True,
    )
    return result, out / builder


# -- reading a built deck --
def read_deck(deck, linked_pages=True):
    """{page: slides and linked files} and the linked files missing on disk, of a built deck.

    Linked files: src of every script and img, href of every link (of the stylesheets and icons
    only when linked_pages is false: the singlefile builder links pages it never makes).
    """
    pages, missing = {}, []
    for path in sorted(deck.rglob("*.html")):
        name = path.relative_to(deck).as_posix()
        if "_static" in path.relative_to(deck).parts:
            continue
        page = Page(deck, name)  # not read(): the same path is built again by another test
        linked = {url for tag, url in page.links if tag in ("script", "img")}
        linked |= {link["href"] for link in page.select("link[href]")
                   if linked_pages or {"stylesheet", "icon", "preload"} & set(link.get("rel", []))}
        slides = [{"classes": sorted(slide.classes), "id": slide.id, "title": slide.title,
                   "notes": " ".join(slide.notes)} for slide in page.slides]
        pages[name] = {"slides": slides, "assets": sorted({urlsplit(url).path for url in linked})}
        missing += [f"{name}: {url}" for url in linked
                    if page.target(url) is not None and not page.target(url).exists()]
    return pages, missing


# -- the real deck on both stacks --
def test_deck_is_the_same_on_both_stacks(tmp_path):
    decks = {}
    for stack in VENVS:
        stack_python(stack)
        result = make("slides", builddir=tmp_path / stack, stack=stack, check=False)
        assert result.returncode == 0, f"{stack}:\n{result.stdout}{result.stderr}"
        assert "WARNING" not in result.stderr, f"{stack}:\n{result.stderr}"
        pages, missing = read_deck(tmp_path / stack / "html" / "slides")
        assert not missing, f"{stack}: linked files missing: {missing}"
        decks[stack] = pages

    pinned, current = decks["pinned"], decks["current"]
    assert sorted(current) == sorted(pinned)
    assert any(pinned[page]["slides"] for page in pinned), "the pinned deck has no slide"
    for page in pinned:
        want, got = pinned[page]["slides"], current[page]["slides"]
        assert len(got) == len(want), page
        assert [s["title"] for s in got] == [s["title"] for s in want], page
        assert [s["notes"] for s in got] == [s["notes"] for s in want], page
        assert [(s["id"], s["classes"]) for s in got] == [(s["id"], s["classes"]) for s in want], page
        assert current[page]["assets"] == pinned[page]["assets"], page


# -- the compat layer's patches, on the fixture project --
def test_every_patch_has_a_test():
    assert set(compat_patches()) == set(FAILS_WITHOUT)


@pytest.fixture(scope="module")
def current_fixture_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("compat-current")
    result, deck = build_fixture("current", "slides", out)
    return result, deck


@pytest.mark.parametrize("patch", sorted(set(FAILS_WITHOUT) - set(NEEDS_OPTIONS)))
def test_patch_is_needed_on_current_stack(patch, current_fixture_build, tmp_path):
    """The fixture builds with every patch, and does not with this one off."""
    result, deck = current_fixture_build
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (deck / "_static" / "course-slides.css").is_file()

    result, deck = build_fixture("current", "slides", tmp_path, "-D", f"hieroglyph_compat_disable={patch}")
    expected = FAILS_WITHOUT[patch]
    if expected is None:
        assert result.returncode == 0, result.stdout + result.stderr
        assert not (deck / "_static" / "course-slides.css").exists()
    else:
        assert result.returncode != 0, f"{patch} off, and the build still passes"
        assert expected in result.stdout + result.stderr


@pytest.mark.parametrize("stack", VENVS)
@pytest.mark.parametrize("patch", sorted(NEEDS_OPTIONS))
def test_patch_is_needed_on_both_stacks(patch, stack, tmp_path):
    options = NEEDS_OPTIONS[patch]
    result, deck = build_fixture(stack, "slides", tmp_path / "on", *options)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (deck / "index.html").is_file() and not (deck / "searchindex.js").exists()

    result, deck = build_fixture(stack, "slides", tmp_path / "off", *options,
                                 "-D", f"hieroglyph_compat_disable={patch}")
    assert result.returncode != 0, f"{patch} off, and the build still passes"
    assert FAILS_WITHOUT[patch] in result.stdout + result.stderr


@pytest.mark.parametrize("builder", [*SLIDE_BUILDERS, "html"])
def test_builders_on_current_stack(builder, tmp_path):
    result, out = build_fixture("current", builder, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    pages, missing = read_deck(out, linked_pages=builder != "singlefile-slides")
    assert not missing
    if builder in SLIDE_BUILDERS:
        slides = [slide for page in pages.values() for slide in page["slides"]]
        notes = sorted((s["title"], s["notes"]) for s in slides if s["notes"])
        assert notes == [("A slide", "Another speaker note."), ("A slide with a figure", "A speaker note.")]
        assert any("_images/diagram.svg" in a for page in pages.values() for a in page["assets"])


@pytest.mark.parametrize("builder", SLIDE_BUILDERS)
def test_fixture_deck_is_the_same_on_both_stacks(builder, tmp_path):
    decks = {}
    for stack in VENVS:
        result, out = build_fixture(stack, builder, tmp_path / stack)
        assert result.returncode == 0, f"{stack}:\n{result.stdout}{result.stderr}"
        pages, missing = read_deck(out, linked_pages=builder != "singlefile-slides")
        assert not missing, f"{stack}: {missing}"
        decks[stack] = {page: content["slides"] for page, content in pages.items()}
    assert decks["current"] == decks["pinned"]


def test_does_nothing_on_pinned_stack(tmp_path):
    """On Sphinx 6.2 the deck is byte for byte the same with the compat layer as without it."""
    outputs = {}
    for name, options in {"with": [], "without": ["-D", "extensions=hieroglyph"]}.items():
        result, out = build_fixture("pinned", "slides", tmp_path / name, *options)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs[name] = {
            p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file() and p.name != ".buildinfo"
        }
    assert outputs["with"] == outputs["without"]


def test_class_patches_answer_hieroglyph_only():
    """env_app, builder_app and traverse change Sphinx and docutils classes: hieroglyph's calls
    get the replacement, any other caller the original, deprecation warning and all."""
    spec = importlib.util.spec_from_file_location("hieroglyph_compat", REPO / "_ext" / "course" / "hieroglyph_compat.py")
    compat = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(compat)
    if not compat.needed("traverse"):
        pytest.skip(f"docutils {compat.VERSIONS['docutils']} does not deprecate traverse()")
    compat.install_class_patches()
    from docutils import nodes

    def walk(module):
        code = "def walk(node): return node.traverse(nodes.Text)"
        namespace = {"__name__": module, "nodes": nodes}
        exec(code, namespace)
        return namespace["walk"]

    tree = nodes.paragraph("", "", nodes.Text("a"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        assert walk("hieroglyph.directives")(tree) == [tree[0]]
        with pytest.raises(DeprecationWarning, match="findall"):
            walk("course_extension")(tree)
