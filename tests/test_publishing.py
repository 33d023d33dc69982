"""The publishing files are valid against the schemas their services publish (check-jsonschema's
vendored copies, pinned in the test lock, so this runs offline), and the site is fit for GitHub
Pages."""

import subprocess
import sys

import pytest

from repo import REPO

# Each publishing file and the schema of the service that reads it.
PUBLISHING_FILES = [(".readthedocs.yaml", "vendor.readthedocs")] + [
    (str(workflow.relative_to(REPO)), "vendor.github-workflows")
    for workflow in sorted((REPO / ".github" / "workflows").glob("*.y*ml"))]


def check_jsonschema(path, schema):
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True)


def test_there_is_a_pages_workflow():
    assert any(schema == "vendor.github-workflows" for _, schema in PUBLISHING_FILES)


@pytest.mark.parametrize("name, schema", PUBLISHING_FILES)
def test_publishing_file_matches_its_schema(name, schema):
    result = check_jsonschema(REPO / name, schema)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name, schema", PUBLISHING_FILES)
def test_a_broken_publishing_file_fails(tmp_path, name, schema):
    broken = tmp_path / (REPO / name).name
    # neither service knows this key, and both schemas refuse unknown top-level keys
    broken.write_text((REPO / name).read_text() + "\npublish_to_nowhere: true\n")
    result = check_jsonschema(broken, schema)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "publish_to_nowhere" in result.stdout


def test_the_site_tells_github_pages_not_to_run_jekyll(course_build):
    # Jekyll would drop every folder that starts with an underscore: _static, and the deck's
    assert (course_build / ".nojekyll").is_file()
    assert (course_build / "_static").is_dir()
