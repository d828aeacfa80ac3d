"""Effective configuration: built-in defaults, overlaid by ./digest.toml or --config, overlaid by flags."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

from pipeline import PACKAGE_DIR, PROJECT_DIR
from pipeline.errors import ConfigError

DEFAULTS_FILE = PACKAGE_DIR / "defaults.toml"
SCRIPTS = ("simplified", "keep")
OUTPUT_FORMATS = ("md", "json")
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
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None


def _resolve_paths(settings: dict[str, Any], base: Path) -> None:
    for section, key in PATH_SETTINGS:
        value = settings.get(section, {}).get(key)
        if isinstance(value, str) and value and not Path(value).is_absolute():
            settings[section][key] = str(base / value)


def _merge(base: dict[str, Any], override: dict[str, Any], where: str) -> None:
    for key, value in override.items():
        if key not in base:
            raise ConfigError(f"{where}: unknown setting '{key}'")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '{key}' must be a table")
            _merge(base[key], value, f"{where}.{key}" if where else key)
        else:
            base[key] = value


def load_config(config_file: Path | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The effective settings as nested dicts. ``overrides`` has the same layout (flags set it);
    its relative paths are taken as given, relative to the working directory."""
    settings = _read_toml(DEFAULTS_FILE)
    # The default output folder is out/ of the working directory, as users expect of `digest run seeds/`.
    output_dir = settings["output"].pop("dir")
    _resolve_paths(settings, PROJECT_DIR)
    settings["output"]["dir"] = output_dir
    user_file = config_file if config_file is not None else Path(USER_CONFIG_NAME)
    if config_file is not None or user_file.is_file():
        user = _read_toml(user_file)
        _resolve_paths(user, user_file.resolve().parent)
        _merge(settings, user, str(user_file))
    if overrides:
        _merge(settings, copy.deepcopy(overrides), "flags")
    check_settings(settings)
    return settings


def key_figure_limit(settings: dict[str, Any]) -> int | None:
    """facts.key_figures as extract_facts takes it: a count, or None for every figure ("all")."""
    limit = settings["facts"]["key_figures"]
    if limit == "all":
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise ConfigError(f"facts.key_figures must be a whole number or \"all\", not {limit!r}")
    return limit


def check_settings(settings: dict[str, Any]) -> None:
    """Reject malformed values of the settings that have a fixed set of choices, before any input is touched."""
    key_figure_limit(settings)
    formats = settings["output"]["formats"]
    if not isinstance(formats, list) or not set(formats) <= set(OUTPUT_FORMATS):
        raise ConfigError(f"output.formats must be a list drawn from {', '.join(OUTPUT_FORMATS)}, not {formats!r}")
    if settings["clean"]["script"] not in SCRIPTS:
        raise ConfigError(f"clean.script must be one of {', '.join(SCRIPTS)}, not {settings['clean']['script']!r}")


def _read_toml_value(text: str) -> Any:
    """``text`` read as a TOML value; a bare word that is not TOML (a model id, a path) is a string."""
    try:
        return tomllib.loads(f"value = {text}")["value"]
    except tomllib.TOMLDecodeError:
        return text


def merge_overrides(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` merged into ``base`` (nested tables merged key by key); ``base`` is updated and returned."""
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
            raise ConfigError(f"--set {assignment}: expected section.key=value")
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
