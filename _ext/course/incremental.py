"""Rebuild only what changed, though hieroglyph asks to read its pages on every build.

hieroglyph resolves ``ifslides``, ``ifnotslides`` and ``nextslide`` while a page is read, so a
doctree holds the handbook's version or the deck's, and its transforms call
``env.note_reread()`` to have every such page read again on each build, in case the builder
changed. Each builder here has its own doctree folder, so this extension

- takes that flag off again, right after hieroglyph's transforms (priority 550) set it: a
  transform at 549 notes whether the page was flagged already (by Sphinx or another extension,
  which keep their flag), one at 551 clears hieroglyph's;
- remembers in the environment whether its doctrees were read for the deck or for the other
  builders, and has every page read again when that changes (``sphinx-build -M`` puts every
  builder's doctrees in one folder);
- keeps the search index's index entries (the glossary's terms) of the pages a build does not
  write: Sphinx collects them while writing (``env._search_index_index_entries``, private), after
  the environment is saved, so an incremental build drops those of every page it leaves alone.
  They are saved beside the doctrees after each build and given back before writing;
- on a Sphinx that copies static files only when it writes a page (before
  ``Builder.copy_assets``, Sphinx 6), has one page read and written again when a file in
  ``html_static_path`` changed, so that a style sheet or script edited alone reaches the
  handbook and the deck (``make serve`` included). It is the last page by name: the search
  index lists titles in the order pages were written, and a rewritten page goes last, where a
  clean build put it already.
"""

import pickle
from pathlib import Path

from docutils.transforms import Transform
from hieroglyph.builder import building_slides
from sphinx.builders import Builder

from course.priorities import DROP_HIEROGLYPH_REREAD, NOTE_EARLIER_REREAD


class NoteEarlierReread(Transform):
    default_priority = NOTE_EARLIER_REREAD

    def apply(self):
        env = self.document.settings.env
        self.document["reread_before_hieroglyph"] = env.docname in env.reread_always


class DropHieroglyphReread(Transform):
    default_priority = DROP_HIEROGLYPH_REREAD

    def apply(self):
        env = self.document.settings.env
        if not self.document.attributes.pop("reread_before_hieroglyph"):
            env.reread_always.discard(env.docname)


def reread_for_other_builder(app, env, added, changed, removed):
    kind = "slides" if building_slides(app) else "documents"
    previous = getattr(env, "doctrees_read_for", kind)
    env.doctrees_read_for = kind
    return sorted(env.found_docs - added - changed) if previous != kind else []


def newest_static_file(app):
    folders = [Path(app.confdir, folder) for folder in app.config.html_static_path]
    return max((f.stat().st_mtime_ns for folder in folders for f in folder.rglob("*") if f.is_file()), default=0)


def rewrite_for_static_files(app, env, added, changed, removed):
    newest, previous = newest_static_file(app), getattr(env, "newest_static_file", None)
    env.newest_static_file = newest
    return [max(env.found_docs)] if previous not in (None, newest) else []


def index_entries_file(app):
    return Path(app.doctreedir, "search-index-entries.pickle")


def restore_index_entries(app, env):
    saved = index_entries_file(app)
    if saved.is_file():
        entries = env._search_index_index_entries
        for page, page_entries in pickle.loads(saved.read_bytes()).items():
            if page in env.all_docs:
                entries.setdefault(page, page_entries)


def save_index_entries(app, exception):
    if exception is None and getattr(app.builder, "search", False):
        index_entries_file(app).write_bytes(pickle.dumps(app.env._search_index_index_entries))


def setup(app):
    app.add_transform(NoteEarlierReread)
    app.add_transform(DropHieroglyphReread)
    app.connect("env-get-outdated", reread_for_other_builder)
    if not hasattr(Builder, "copy_assets"):
        app.connect("env-get-outdated", rewrite_for_static_files)
    app.connect("env-updated", restore_index_entries)
    app.connect("build-finished", save_index_entries)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
