"""Effective configuration: built-in defaults, overlaid by ./digest.toml or --config, overlaid by flags."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import platformdirs

from pipeline import PACKAGE_DIR, PROJECT_DIR, bundled_dir
from pipeline.errors import ConfigError, shortened
from pipeline.settings import Settings, validate_settings

DEFAULTS_FILE = PACKAGE_DIR / "defaults.toml"
USER_CONFIG_NAME = "digest.toml"

# Settings that name files or folders: resolved against the folder of the file that set them.
PATH_SETTINGS = (
    ("models", "dir"),
    ("summariser", "prompt_headline"),
    ("summariser", "prompt_summary"),
    ("glossary", "path"),
    ("output", "dir"),
)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: config file is a folder") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config file is not UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None


def _resolve_paths(settings: dict[str, Any], base: Path) -> None:
    for section, key in PATH_SETTINGS:
        table = settings.get(section)
        value = table.get(key) if isinstance(table, dict) else None
        if isinstance(value, str) and value and not Path(value).expanduser().is_absolute():
            table[key] = str(base / value)  # type: ignore[index]


def default_models_dir() -> Path:
    """The checkout's models/ when running from a checkout, else the user's data folder: an
    installed package must never write models into site-packages."""
    checkout_models = PROJECT_DIR / "models"
    if (checkout_models / "registry.toml").is_file():
        return checkout_models
    return platformdirs.user_data_path("digest") / "models"


def load_raw_config(config_file: Path | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The effective settings as nested dicts, before validation. ``overrides`` has the same layout
    (flags set it); its relative paths are taken as given, relative to the working directory."""
    settings = _read_toml(DEFAULTS_FILE)
    # The default output folder is out/ of the working directory, as users expect of `digest run seeds/`.
    output_dir = settings["output"].pop("dir")
    _resolve_paths(settings, bundled_dir("prompts").parent)
    settings["output"]["dir"] = output_dir
    if not settings["models"]["dir"]:
        settings["models"]["dir"] = str(default_models_dir())
    user_file = config_file if config_file is not None else Path(USER_CONFIG_NAME)
    if config_file is not None or user_file.is_file():
        user = _read_toml(user_file)
        _resolve_paths(user, user_file.resolve().parent)
        merge_overrides(settings, user)
    if overrides:
        merge_overrides(settings, copy.deepcopy(overrides))
    return settings


def load_config(config_file: Path | None = None, overrides: dict[str, Any] | None = None) -> Settings:
    """The effective settings, validated: defaults, then ./digest.toml or ``config_file``, then
    ``overrides``. Raises ConfigError naming the first bad key."""
    return validate_settings(load_raw_config(config_file, overrides))


def _read_toml_value(text: str) -> Any:
    """``text`` read as a TOML value; a bare word that is not TOML (a model id, a path) is a string."""
    try:
        return tomllib.loads(f"value = {text}")["value"]
    except tomllib.TOMLDecodeError:
        return text


def merge_overrides(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` merged into ``base`` (nested tables merged key by key); ``base`` is updated and returned.
    Unknown keys and wrong types are left for validation to name."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merge_overrides(base[key], value)
        else:
            base[key] = value
    return base


def parse_assignments(assignments: list[str]) -> dict[str, Any]:
    """["translator.generation.num_beams=2", ...] -> {"translator": {"generation": {"num_beams": 2}}}."""
    overrides: dict[str, Any] = {}
    for assignment in assignments:
        name, equals, text = assignment.partition("=")
        keys = name.strip().split(".")
        if not equals or len(keys) < 2 or not all(keys):
            raise ConfigError(f"--set {shortened(assignment)}: expected section.key=value")
        nested: dict[str, Any] = {keys[-1]: _read_toml_value(text.strip())}
        for key in reversed(keys[:-1]):
            nested = {key: nested}
        merge_overrides(overrides, nested)
    return overrides


def to_toml(settings: dict[str, Any], prefix: str = "") -> str:
    """Render settings as TOML (tables after plain keys), for `digest config`."""
    lines: list[str] = []
    tables: list[tuple[str, dict[str, Any]]] = []
    for key, value in settings.items():
        if isinstance(value, dict):
            tables.append((f"{prefix}{key}", value))
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    for name, table in tables:
        lines.append(f"\n[{name}]")
        lines.append(to_toml(table, f"{name}.").strip("\n"))
    return "\n".join(lines).strip("\n") + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
