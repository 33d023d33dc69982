extensions = ["course"]
language = "en"
