extensions = ["course"]


def setup(app):
    app.add_js_file(None, body="var courseFlag = 1;")
    app.add_js_file("course.js")
