"""Text in, vectors out: the encoder (sentence-transformers, or onnxruntime alone) and its tokenizer."""

from .encoder import Encoder
from .models import BUNDLED_MODEL_NAME, ModelError, ModelNotFound, resolve_model
from .settings import ModelSettings
from .tokens import token_counter

__all__ = ["BUNDLED_MODEL_NAME", "Encoder", "ModelError", "ModelNotFound", "ModelSettings", "resolve_model",
           "token_counter"]
