"""The order in which the course's handlers and transforms run, in one place.

Sphinx runs event handlers by priority (default 500, lower first) and docutils runs transforms
by ``default_priority`` (lower first). The course's numbers only mean something against the
others here, and against hieroglyph's.
"""

# -- html-page-context, while a page is written --
PAGE_ASSETS = 400       # first: every later handler sees only the files the page can load
COMPAT_PAGE_CONTEXT = 900  # last: hieroglyph's layout gets file names, after every file is added
