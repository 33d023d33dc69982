LESSONS = {
    "demo": "lecture#first-topic",
}
LINKS = {}  # written by the build
print(LINKS)
