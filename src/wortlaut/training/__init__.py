"""Training the German attribution CRFs from the quotation corpus (``wortlaut train``)."""

from .train import gold_labels, learn_cue_lemmas, project, train

__all__ = ["gold_labels", "learn_cue_lemmas", "project", "train"]
