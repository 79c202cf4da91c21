"""Text in, vectors out: the sentence-transformers encoder and its tokenizer."""

from .encoder import Encoder, EncoderSettings
from .models import BUNDLED_MODEL_NAME, resolve_model
from .tokens import token_counter

__all__ = ["BUNDLED_MODEL_NAME", "Encoder", "EncoderSettings", "resolve_model", "token_counter"]
