"""Every command the README and `make` name, run as a user types it: `make <target>` in a clone
of the repository (tests/conftest.py's clone_repository), default BUILDDIR, default stack unless
the suite runs for STACK=current. Not here: `make test` (this is it), `make browser` and
`make lock` (root, network), and `make bench`, which builds both stacks three times (a minute),
more than the suite may take."""

import json
import re

import pytest

from repo import REPO, SITE, clone_repository, make
from tools.sitemap import lectures


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory):
    """A clone of its own (the session's clone holds the shared site), and `make html slides`
    run in it, as the README's first command."""
    clone = clone_repository(tmp_path_factory.mktemp("commands"))
    return clone, make("html", "slides", cwd=clone, check=False)


def test_make_alone_lists_the_targets_the_readme_names(course_clone):
    listed = set(re.findall(r"^  (\S+) ", make(cwd=course_clone).stdout, re.MULTILINE))
    readme = (REPO / "README.md").read_text()
    named = set(re.findall(r"`make ([a-z][\w-]*)", readme))
    assert named, "the README names no `make <target>`"
    assert named <= listed, f"named in the README, missing from `make`: {named - listed}"
    unnamed = [target for target in listed if not re.search(rf"`(make )?{re.escape(target)}[` ]", readme)]
    assert not unnamed, f"listed by `make`, not in the README: {unnamed}"


def test_an_unknown_target_is_one_line(course_clone):
    result = make("no-such-target", cwd=course_clone, check=False)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no-such-target" in result.stderr


def test_make_html_slides_builds_handbook_and_deck(fresh_clone):
    clone, result = fresh_clone
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    site = clone / "_build" / "html"
    for page in ["index.html", "slides/index.html"] + [
            page for lecture in lectures(clone) for page in (SITE.handbook_page(lecture.docname), SITE.deck_page(lecture.docname))]:
        assert (site / page).is_file(), page


def pdfs_of(site, clone):
    return [site / pdf for lecture in lectures(clone) for pdf in SITE.pdfs(lecture).values()]


def assert_pdfs(paths):
    for path in paths:
        assert path.is_file(), f"no {path}"
        assert path.read_bytes().startswith(b"%PDF-"), path


def test_make_site_writes_the_pdfs(course_build, course_clone):
    # course_build is `make site` in the clone, whose pdf target is `make pdf`; it checked the
    # exit status and the last line
    assert_pdfs(pdfs_of(course_build, course_clone))


def test_make_clean_removes_the_build(fresh_clone):
    clone, _ = fresh_clone
    assert (clone / "_build").is_dir()
    make("clean", cwd=clone)
    assert not (clone / "_build").exists()
    make("clean", cwd=clone)  # nothing to remove is not an error


def test_make_class_report_writes_one_page_from_the_reports(tmp_path):
    """`make class-report DIR=...` as the README gives it, on two students' --report files."""
    for student, status in (("ada", "pass"), ("bo", "fail")):
        step = {"id": "env", "status": status, "message": "...", "hint": "create the environment",
                "slide": "s.html#env", "handbook": "h.html#env"}
        (tmp_path / f"{student}.json").write_text(json.dumps(
            {"checker": "check_x.py", "version": "1", "ok": status == "pass", "steps": [step]}))
    make("class-report", f"DIR={tmp_path}")
    page = (tmp_path / "class-report.html").read_text(encoding="utf-8")
    assert "1 of 2 students pass every step" in page and "create the environment" in page
