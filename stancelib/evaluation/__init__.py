"""Evaluation: document-grouped cross-validation, metrics, bootstrap intervals, tables."""
