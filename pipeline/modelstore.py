"""The model registry and where models come from: a local folder, the models folder that
`digest models pull` fills, or the Hugging Face cache. Only `pull` touches the network."""

from __future__ import annotations

import logging
import os
import tomllib
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import bundled_dir
from pipeline.errors import ConfigError, ModelUnavailableError
from pipeline.settings import ModelsSettings, Settings

REGISTRY_FILE = bundled_dir("models") / "registry.toml"
# A pull on a machine without network must fail within seconds, not after the hub's long retries.
NETWORK_TIMEOUT_SECONDS = 10

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RegisteredModel:
    id: str
    revision: str
    role: str
    default: bool
    architecture: str
    parameters: str
    size: str
    licence: str
    purpose: str


@dataclass(frozen=True)
class PullResult:
    model_id: str
    ok: bool
    message: str


def load_registry(path: Path = REGISTRY_FILE) -> list[RegisteredModel]:
    try:
        with path.open("rb") as handle:
            entries = tomllib.load(handle).get("model", [])
        return [RegisteredModel(**entry) for entry in entries]
    except (OSError, tomllib.TOMLDecodeError, TypeError) as error:
        raise ConfigError(f"{path}: cannot read the model registry ({error})") from None


def pulled_dir(models: ModelsSettings, model_id: str) -> Path:
    """Where `digest models pull` stores ``model_id``."""
    return Path(models.dir) / model_id.replace("/", "--")


def local_source(models: ModelsSettings, model_id: str) -> Path | None:
    """The local folder holding ``model_id``: the setting itself when it is a folder, else the pulled copy."""
    as_path = Path(model_id).expanduser()
    if os.path.isdir(as_path):
        return as_path
    pulled = pulled_dir(models, model_id)
    return pulled if os.path.isdir(pulled) else None


def load_pretrained(
    models: ModelsSettings,
    role: str,
    model_id: str,
    revision: str,
    loaders: tuple[Callable[..., Any], ...],
    flag: str,
) -> tuple[Any, ...]:
    """Call each ``from_pretrained``-style loader on ``model_id``, resolved without network.
    Raises ModelUnavailableError naming the model (as the ``role`` model) and how to get it."""
    folder = local_source(models, model_id)
    # Imported here, not at module level: torch and transformers take seconds to import, and
    # `digest models list` or a fully cached run must not pay for them.
    import torch
    from transformers.utils import logging as transformers_logging

    # Per-shard progress bars on every run are noise for a command-line tool.
    transformers_logging.disable_progress_bar()
    if models.threads > 0:
        torch.set_num_threads(models.threads)
    try:
        with warnings.catch_warnings():
            # MarianTokenizer nags about the optional sacremoses; the Chinese source does not need it.
            warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
            if folder is not None:
                return tuple(load(str(folder)) for load in loaders)
            return tuple(load(model_id, revision=revision, local_files_only=True) for load in loaders)
    except (OSError, ValueError) as error:
        log.debug("loading %s failed", model_id, exc_info=True)
        where = f"folder {folder}" if folder is not None else "this machine"
        raise ModelUnavailableError(
            f"{role} model '{model_id}' is not usable on {where} ({type(error).__name__}); "
            f"run `digest models pull` on a connected machine, or pass {flag} PATH to a local copy"
        ) from None


def is_present(models: ModelsSettings, model_id: str, revision: str = "main") -> bool:
    """True when the model is in a local folder, the models folder or the Hugging Face cache."""
    from huggingface_hub import try_to_load_from_cache

    if local_source(models, model_id) is not None:
        return True
    try:
        return isinstance(try_to_load_from_cache(model_id, "config.json", revision=revision), str)
    except ValueError:  # not a hub id at all (a path that does not exist): not present
        return False


def _hub_reachable() -> bool:
    import socket
    from urllib.parse import urlparse

    endpoint = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    try:
        socket.create_connection((endpoint.hostname, endpoint.port or 443), timeout=NETWORK_TIMEOUT_SECONDS).close()
    except OSError:
        return False
    return True


def configured_models(settings: Settings) -> list[tuple[str, str]]:
    """(model id, revision) of each model the configured stages load."""
    sections = [settings.translator] + ([settings.summariser] if settings.summariser.kind != "extractive" else [])
    return [(section.model, section.revision) for section in sections]


def pull(settings: ModelsSettings, models: list[tuple[str, str]]) -> list[PullResult]:
    """Download each (model id, revision) into the models folder; one result per model, never an exception."""
    if not models:
        return []
    if not _hub_reachable():
        return [PullResult(model_id, False, "cannot reach the Hugging Face Hub (no network?)") for model_id, _ in models]
    from huggingface_hub import snapshot_download

    results = []
    for model_id, revision in models:
        target = pulled_dir(settings, model_id)
        try:
            snapshot_download(model_id, revision=revision, local_dir=target, etag_timeout=NETWORK_TIMEOUT_SECONDS)
        except Exception as error:
            results.append(PullResult(model_id, False, f"{type(error).__name__}: {error}".splitlines()[0]))
        else:
            results.append(PullResult(model_id, True, f"saved to {target}"))
    return results


def convert_pulled(settings: Settings, results: list[PullResult]) -> list[PullResult]:
    """Each pulled model that a configured `ctranslate2` stage uses, converted now (int8 by default)
    beside the pulled copy, so the first run does not pay for it; the results say so, or why not."""
    from pipeline.convert import convert_to_ctranslate2

    converted = []
    for result in results:
        sections = [
            section
            for section in (settings.summariser, settings.translator)
            if result.ok and section.kind == "ctranslate2" and section.model == result.model_id
        ]
        for section in sections:
            try:
                target = convert_to_ctranslate2(pulled_dir(settings.models, result.model_id), section.compute_type)
            except ModelUnavailableError as error:
                result = PullResult(result.model_id, False, f"downloaded, but {error}")
            else:
                result = PullResult(result.model_id, True, f"{result.message}; converted for CTranslate2 ({section.compute_type}) to {target}")
        converted.append(result)
    return converted
