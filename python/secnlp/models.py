"""Trained models (``secnlp train --out DIR``) in Python: class probabilities from the same
code as ``secnlp predict``, run in this process by the model commands' library
(libsecnlp_models_cli.so, which links libtorch and is loaded on first use)."""

import json
import os

from . import _core

__all__ = ["Model", "load_model"]


def _library():
    path = os.environ.get("SECNLP_MODELS_LIB") or os.path.join(
        os.path.dirname(__file__), "libsecnlp_models_cli.so")
    if not os.path.exists(path):
        raise RuntimeError(f"{path}: not found; this secnlp was built without libtorch "
                           "(SECNLP_WITH_TORCH=OFF), or set SECNLP_MODELS_LIB")
    return path


class Model:
    """A model directory written by ``secnlp train``."""

    def __init__(self, directory, device="auto"):
        self.directory = os.fspath(directory)
        self.device = device
        if not os.path.isdir(self.directory):
            raise FileNotFoundError(f"{self.directory}: no such model directory")

    def __repr__(self):
        return f"secnlp.Model({self.directory!r})"

    def predict(self, texts):
        """A DataFrame with one row per text: text, predicted (the most probable class), and
        p_<class> for every class (probabilities summing to 1), as ``secnlp predict``."""
        import pandas as pd

        if isinstance(texts, str):
            texts = [texts]
        texts = [str(t) for t in texts]
        if not texts:
            raise ValueError("nothing to predict: give one or more texts")
        rows = json.loads(_core.predict_json(_library(), self.directory, texts, self.device))
        return pd.DataFrame(rows)


def load_model(directory, device="auto"):
    """Opens a model written by ``secnlp train --out DIR``."""
    return Model(directory, device)
