extensions = ["course"]
html_static_path = ["_static"]
# The handbook's page loads its bundle; the deck's is checked as a file.
html_js_files = ["js/app.js"]
handbook_bundles = {"js/app.js": "js/app/main.js"}
deck_bundles = {"js/deck-app.js": "js/app/main.js"}
