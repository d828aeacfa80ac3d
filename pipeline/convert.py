"""CTranslate2 copies of transformers models, kept beside the transformers folder they come from.

`digest models pull` converts right after downloading; a CTranslate2 backend given a model that was
never converted converts it once, the first time it loads it (see `ctranslate2_model`)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pipeline.errors import ModelUnavailableError
from pipeline.modelstore import local_source, pulled_dir
from pipeline.settings import ModelsSettings

log = logging.getLogger(__name__)

# Written last by a conversion: a folder without it is an interrupted conversion and is redone.
CONVERTED_FROM = "converted_from.json"
CONVERTED_SUFFIX = "ctranslate2"


def converted_dir(model_dir: Path, quantization: str) -> Path:
    """Where the CTranslate2 copy of ``model_dir`` lives: beside it, named after it."""
    return model_dir.with_name(f"{model_dir.name}--{CONVERTED_SUFFIX}-{quantization}")


def _source_stamp(model_dir: Path) -> dict[str, object]:
    """What the copy was made from; a changed source (another model in the same folder) is reconverted."""
    weights = sorted(p for p in model_dir.iterdir() if p.suffix in {".safetensors", ".bin"})
    return {
        "source": str(model_dir.resolve()),
        "weights": {p.name: p.stat().st_mtime_ns for p in weights},
    }


def is_converted(model_dir: Path, target: Path) -> bool:
    try:
        return json.loads((target / CONVERTED_FROM).read_text(encoding="utf-8")) == _source_stamp(model_dir)
    except (OSError, ValueError):
        return False


def convert_to_ctranslate2(model_dir: Path, quantization: str = "int8", target: Path | None = None) -> Path:
    """The CTranslate2 copy of the transformers model in ``model_dir`` (converted now unless an up-to-date
    copy exists), quantized to ``quantization`` (int8, int8_float32, float32...), in ``target`` or
    beside ``model_dir``. Raises ModelUnavailableError with one line when it cannot be converted."""
    import ctranslate2

    model_dir = Path(model_dir)
    target = target or converted_dir(model_dir, quantization)
    if is_converted(model_dir, target):
        return target
    log.info("converting %s to CTranslate2 (%s) in %s", model_dir, quantization, target)
    try:
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        converter = ctranslate2.converters.TransformersConverter(str(model_dir))
        converter.convert(str(target), quantization=quantization, force=True)
    except (OSError, ValueError, NotImplementedError, KeyError) as error:
        log.debug("converting %s failed", model_dir, exc_info=True)
        raise ModelUnavailableError(
            f"cannot convert {model_dir} to CTranslate2 ({type(error).__name__}: {str(error).splitlines()[0]})"
        ) from None
    (target / CONVERTED_FROM).write_text(json.dumps(_source_stamp(model_dir)), encoding="utf-8")
    return target


def transformers_folder(models: ModelsSettings, role: str, model_id: str, revision: str, flag: str) -> Path:
    """The local transformers folder of ``model_id``: a folder given as the setting, the pulled copy,
    or the Hugging Face cache snapshot. Never touches the network."""
    folder = local_source(models, model_id)
    if folder is not None:
        return folder
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(model_id, revision=revision, local_files_only=True))
    except Exception as error:  # the hub raises many types; each means "not here"
        raise ModelUnavailableError(
            f"{role} model '{model_id}' is not usable on this machine ({type(error).__name__}); "
            f"run `digest models pull` on a connected machine, or pass {flag} PATH to a local copy"
        ) from None


def ctranslate2_model(
    models: ModelsSettings,
    role: str,
    model_id: str,
    revision: str,
    flag: str,
    quantization: str,
) -> tuple[Path, Path]:
    """(transformers folder, CTranslate2 copy) of ``model_id``; the copy is made in the models folder
    the first time. The transformers folder still provides the tokenizer and the model's limits."""
    folder = transformers_folder(models, role, model_id, revision, flag)
    # A folder given by path keeps its own name; a hub id is named as `digest models pull` names it.
    name = folder.name if local_source(models, model_id) == folder else pulled_dir(models, model_id).name
    target = converted_dir(Path(models.dir) / name, quantization)
    return folder, convert_to_ctranslate2(folder, quantization, target)
