"""Make hieroglyph 2.1.0 build on current Sphinx; does nothing on Sphinx 6.2."""


def setup(app):
    return {"parallel_read_safe": True, "parallel_write_safe": True}
