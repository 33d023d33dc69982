"""Rebuild only what changed, and leave the same files a clean build would.

The handbook and the deck share one environment and one doctree folder (their doctrees do not
depend on the builder: ``slide_conditions``), so a page is read once, by whichever builder runs
first, and each builder writes what is new to it. Sphinx alone gets several changes wrong; this
module mends them:

- **A page read since this builder last wrote it is written again.** Sphinx writes what it read
  in the same build, so when the handbook's build has read a page the deck's build would skip
  it. The rule is the doctree's time against the written page's.
- **Adding or removing a lecture or an exercise reads the pages that list them again** (front
  page, key points, instructor guide: ``listing_pages``); they depend on each lecture's file,
  but not yet on a file that did not exist when they were read.
- **When the table of contents, a title or a cross-reference target changes, every page is
  written again**: each page's sidebar shows the titles, and a link to a glossary term is
  resolved when its page is written. A fingerprint of these, per builder, is kept beside the
  doctrees.
- **The files of a removed page go**: its page, its copied source and the figures no page uses.
- **The search index keeps the index entries** (the glossary's terms) of the pages a build does
  not write: Sphinx collects them while writing (``env._search_index_index_entries``,
  private), after the environment is saved, so an incremental build drops those of every page
  it leaves alone. They are saved beside the doctrees after each build and given back before
  writing.
- **The search index is written in one order whatever was read**: its titles in the order of
  the pages' names, as a clean build reads them (Sphinx 6 follows ``env.all_docs``, where a page
  read again goes last), and its words sorted (Sphinx 6 writes them in the order it first met
  them, and an incremental build meets the new ones last), without the words of removed pages.
- **The saved environment holds no doctrees**: Sphinx 6 pickles the doctrees it keeps in memory
  for writing (``env._write_doc_doctree_cache``, private) into ``environment.pickle`` too,
  though each is saved on its own: 6 MB at 30 lectures, which every build loads again.
- **A static file edited alone reaches the pages** on a Sphinx that copies static files only
  when it writes a page (before ``Builder.copy_assets``, Sphinx 6): one page is read and written
  again.
"""

import hashlib
import json
import pickle
from pathlib import Path

from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.search import js_index

from course.helpers.per_document import PerDocument
from tools.sitemap import exercises, lectures

# {docname: True} for each page whose directive lists every lecture or exercise
listing_pages = PerDocument("course_listing_pages")


def note_listing_page(env):
    """Called by a directive that lists every lecture or exercise, while its page is read."""
    listing_pages(env)[env.docname] = True


def course_docnames(app):
    return {item.docname for item in [*lectures(app.srcdir), *exercises(app.srcdir)]}


def read_listings_when_the_course_changes(app, env, added, changed, removed):
    course = course_docnames(app) | set(removed)
    return sorted(listing_pages(env)) if course & (set(added) | set(removed)) else []


def side_file(app, name):
    return Path(app.doctreedir, f"{name}-{app.builder.name}.json")


def fingerprint(env):
    """What every page shows of the others: tables of contents, titles, link targets."""
    std = env.domaindata.get("std", {})
    shown = [sorted(env.toctree_includes.items()),
             sorted((name, title.astext()) for name, title in env.titles.items()),
             sorted(map(str, std.get("objects", {}))), sorted(std.get("labels", {}))]
    return hashlib.sha256(json.dumps(shown, default=str).encode()).hexdigest()


def pages_to_write(app, env):
    """The pages this builder must write though Sphinx did not read them in this build."""
    builder = app.builder
    if not hasattr(builder, "get_outfilename"):
        return []
    saved = side_file(app, "toc")
    if not saved.is_file() or saved.read_text() != fingerprint(env):
        return sorted(env.found_docs)
    doctrees = Path(app.doctreedir)

    def stale(docname):
        page = Path(builder.get_outfilename(docname))
        doctree = doctrees / f"{docname}.doctree"
        return not page.is_file() or (doctree.is_file() and doctree.stat().st_mtime_ns > page.stat().st_mtime_ns)

    return sorted(filter(stale, env.found_docs))


def remove_pages_of_removed_documents(app):
    written = side_file(app, "pages")
    before = set(json.loads(written.read_text())) if written.is_file() else set()
    outdir = Path(app.outdir)
    for docname in sorted(before - app.env.found_docs):
        page = Path(app.builder.get_outfilename(docname))
        page.unlink(missing_ok=True)
        for source in (outdir / "_sources").glob(f"{docname}.*"):
            source.unlink()
    images = {unique for _, unique in app.env.images.values()}
    for image in (outdir / "_images").glob("*") if (outdir / "_images").is_dir() else ():
        if image.name not in images:
            image.unlink()
    written.write_text(json.dumps(sorted(app.env.found_docs)))


def record_what_was_written(app, exception):
    if exception is not None or not hasattr(app.builder, "get_outfilename"):
        return
    remove_pages_of_removed_documents(app)
    side_file(app, "toc").write_text(fingerprint(app.env))


def newest_static_file(app):
    folders = [Path(app.confdir, folder) for folder in app.config.html_static_path]
    return max((f.stat().st_mtime_ns for folder in folders for f in folder.rglob("*") if f.is_file()), default=0)


def rewrite_for_static_files(app, env, added, changed, removed):
    saved = side_file(app, "static")
    newest = str(newest_static_file(app))
    previous = saved.read_text() if saved.is_file() else None
    saved.write_text(newest)
    return [max(env.found_docs)] if previous not in (None, newest) else []


def tidy_search_index(app, exception):
    index = Path(app.outdir, "searchindex.js")
    if exception is None and getattr(app.builder, "search", False) and index.is_file():
        data = js_index.loads(index.read_text(encoding="utf-8"))
        for words in ("terms", "titleterms"):  # a removed page's words stay, on no page
            data[words] = {word: pages for word, pages in data[words].items() if pages != []}
        index.write_text(js_index.PREFIX + json.dumps(data, sort_keys=True) + js_index.SUFFIX, encoding="utf-8")


def index_entries_file(app):
    return Path(app.doctreedir, "search-index-entries.pickle")


def restore_index_entries(app, env):
    saved = index_entries_file(app)
    if saved.is_file():
        entries = env._search_index_index_entries
        for page, page_entries in pickle.loads(saved.read_bytes()).items():
            if page in env.all_docs:
                entries.setdefault(page, page_entries)


def order_pages_by_name(app, env):
    """In the order a clean build reads them: the search index follows it."""
    ordered = sorted(env.all_docs.items())
    env.all_docs.clear()
    env.all_docs.update(ordered)


def save_index_entries(app, exception):
    if exception is None and getattr(app.builder, "search", False):
        index_entries_file(app).write_bytes(pickle.dumps(app.env._search_index_index_entries))


def leave_doctrees_out_of_the_saved_environment():
    save = BuildEnvironment.__getstate__

    def getstate(env):
        state = save(env)
        if state.get("_write_doc_doctree_cache"):  # Sphinx 6: in memory for writing, saved apart
            state["_write_doc_doctree_cache"] = {}
        return state

    BuildEnvironment.__getstate__ = getstate


def setup(app):
    if not hasattr(BuildEnvironment, "_course_saves_no_doctrees"):
        leave_doctrees_out_of_the_saved_environment()
        BuildEnvironment._course_saves_no_doctrees = True
    listing_pages.connect(app)
    app.connect("env-get-outdated", read_listings_when_the_course_changes)
    if not hasattr(Builder, "copy_assets"):
        app.connect("env-get-outdated", rewrite_for_static_files)
    app.connect("env-get-updated", pages_to_write)
    app.connect("env-updated", restore_index_entries)
    app.connect("env-updated", order_pages_by_name)
    app.connect("build-finished", record_what_was_written)
    app.connect("build-finished", save_index_entries)
    app.connect("build-finished", tidy_search_index)
    return {"version": "2.0", "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
