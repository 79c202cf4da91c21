"""Measuring retrieval: BEIR datasets (beir.py) and question sets over a corpus (questions.py)."""

from .beir import BeirData, beir_corpus_folder, beir_metrics, beir_run, load_beir
from .questions import QuestionScores, load_questions, score_questions

__all__ = ["BeirData", "QuestionScores", "beir_corpus_folder", "beir_metrics", "beir_run", "load_beir",
           "load_questions", "score_questions"]
