"""digest: Chinese news articles in, faithful English briefings out."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# The checkout this package was installed from (editable install); prompts/ and models/ live there.
PROJECT_DIR = PACKAGE_DIR.parent
