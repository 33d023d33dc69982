extensions = ["hieroglyph", "exercise_downloads"]
