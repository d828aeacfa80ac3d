"""digest: Chinese news articles in, faithful English briefings out."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# The checkout, when the package runs from one (an editable install or a test run).
PROJECT_DIR = PACKAGE_DIR.parent


def bundled_dir(name: str) -> Path:
    """A top-level folder of the checkout (prompts/, models/) that the wheel carries inside the
    package: the installed copy when there is one, else the checkout's."""
    installed = PACKAGE_DIR / name
    return installed if installed.is_dir() else PROJECT_DIR / name
