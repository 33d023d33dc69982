"""Each template is compiled once per process, not once per build.

Sphinx gives every build a new Jinja environment, which compiles every template it renders again
(sphinx-rtd-theme's and hieroglyph's: about 0.3 s of each rebuild). ``make serve`` builds again
and again in one process (``tools/serve.py``), so the compiled templates are kept in memory, in
Jinja's own bytecode cache: keyed by template name and a checksum of its source, so an edited
template is compiled again.
"""

from jinja2 import BytecodeCache
from sphinx.jinja2glue import BuiltinTemplateLoader


class InMemory(BytecodeCache):
    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = InMemory()


def keep_compiled_templates():
    init = BuiltinTemplateLoader.init

    def init_with_cache(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.environment.bytecode_cache = COMPILED

    BuiltinTemplateLoader.init = init_with_cache


def setup(app):
    if not getattr(BuiltinTemplateLoader, "_course_keeps_compiled", False):
        keep_compiled_templates()
        BuiltinTemplateLoader._course_keeps_compiled = True
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
