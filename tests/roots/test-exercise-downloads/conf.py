extensions = ["hieroglyph", "hieroglyph_compat", "exercise_downloads"]
