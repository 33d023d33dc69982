"""What a directive collects per document, kept in the build environment.

Several course directives note facts while a document is read (a lecture's plan, its update
notes, its key points, the exercises it links) and use them when another page is written. Sphinx
reads documents again one at a time, and in parallel processes: a fact must go when its document
is read again (``env-purge-doc``) and come back from a worker process (``env-merge-info``).

    plans = PerDocument("course_lectures")   # at module level
    plans(env)[docname] = {...}              # while reading
    plans.connect(app)                        # in setup()
"""


class PerDocument:
    def __init__(self, attribute):
        self.attribute = attribute

    def __call__(self, env):
        """{docname: what was collected from it}"""
        if not hasattr(env, self.attribute):
            setattr(env, self.attribute, {})
        return getattr(env, self.attribute)

    def purge(self, app, env, docname):
        self(env).pop(docname, None)

    def merge(self, app, env, docnames, other):
        self(env).update({name: found for name, found in self(other).items() if name in docnames})

    def connect(self, app):
        app.connect("env-purge-doc", self.purge)
        app.connect("env-merge-info", self.merge)
