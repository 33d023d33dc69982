"""The order in which the course's handlers and transforms run, in one place.

Sphinx runs event handlers by priority (default 500, lower first) and docutils runs transforms
by ``default_priority`` (lower first). The course's numbers only mean something against the
others here, and against hieroglyph's.
"""

# -- transforms, while a document is read --
HIEROGLYPH_TRANSFORMS = 550       # hieroglyph's TransformSlideConditions and TransformNextSlides
NAME_CONTINUATIONS = HIEROGLYPH_TRANSFORMS - 10   # name nextslide's slides before hieroglyph splits
ID_CONTINUATIONS = HIEROGLYPH_TRANSFORMS + 10     # give the split slides those names after it
NOTE_EARLIER_REREAD = HIEROGLYPH_TRANSFORMS - 1   # what was flagged for reading before hieroglyph
DROP_HIEROGLYPH_REREAD = HIEROGLYPH_TRANSFORMS + 1  # take hieroglyph's own flag off again

# -- html-page-context, while a page is written --
PAGE_ASSETS = 400       # first: every later handler sees only the files the page can load
COMPAT_PAGE_CONTEXT = 900  # last: hieroglyph's layout gets file names, after every file is added
