"""_ext/course/template_cache.py: a second build in the same process (make serve's) compiles no
template again (tests/roots/test-course)."""

import jinja2
import pytest

from course import template_cache


@pytest.fixture
def compiled(monkeypatch):
    """The names of the templates Jinja compiles from source, in order."""
    names = []
    compile_source = jinja2.Environment.compile

    def compile(self, source, name=None, *args, **kwargs):
        names.append(name)
        return compile_source(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    return names


def build_twice(make_app, rootdir, tmp_path, compiled):
    """The names compiled by a first build and by a second one, each a new Sphinx application."""
    found = []
    for n in (1, 2):
        app = make_app("html", srcdir=rootdir / "test-course", builddir=type(rootdir)(str(tmp_path / str(n))))
        app.build()
        found.append(list(compiled))
        compiled.clear()
    return found


def test_a_second_build_in_the_process_compiles_no_template(make_app, rootdir, tmp_path, compiled):
    template_cache.COMPILED.compiled.clear()
    first, second = build_twice(make_app, rootdir, tmp_path, compiled)
    # templates rendered from a string (no file, no name) are small, and compiled each time
    assert "page.html" in first and [name for name in second if name] == []


def test_without_the_cache_every_build_compiles_again(make_app, rootdir, tmp_path, compiled, monkeypatch):
    monkeypatch.setattr(template_cache.InMemory, "load_bytecode", lambda self, bucket: None)
    first, second = build_twice(make_app, rootdir, tmp_path, compiled)
    assert "page.html" in second
