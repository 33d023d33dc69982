extensions = ["hieroglyph", "hieroglyph_compat", "deck_html_lang"]
language = "en"
