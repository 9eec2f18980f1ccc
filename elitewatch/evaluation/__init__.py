"""Scoring an export against gold annotations by the matching rules of ../shared/gold/FORMAT.md."""

from elitewatch.evaluation.score import KindScore, Scores, load_jsonl, score

__all__ = ["KindScore", "Scores", "load_jsonl", "score"]
