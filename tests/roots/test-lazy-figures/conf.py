extensions = ["course"]
