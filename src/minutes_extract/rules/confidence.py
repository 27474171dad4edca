"""Schema of models/confidence.json (written by `minutes-extract calibrate`, read by calibrate.confidence_for)."""
from __future__ import annotations

from typing import Optional

from .base import Strict, described


class Source(Strict):
    gold: str = described("Gold directory the rules were measured on.")
    documents: int = described("Documents in it.")
    observations: int = described("Extractions matched against it.")


class Precision(Strict):
    n_correct: int = described("Extractions that matched gold.")
    n_predicted: int = described("Extractions made.")
    confidence: float = described("Smoothed precision (0-1).")


class FieldPrecision(Precision):
    measured: bool = described("Whether the field has gold to measure against.")


class RulePrecision(Precision):
    family: Optional[str] = described("The rule's family (the fallback when the rule is rare).", default=None)


class Band(Strict):
    low: float = described("Lowest confidence in the band.")
    high: float = described("Highest confidence (exclusive).")
    n: int = described("Extractions in the band.")
    mean_confidence: float = described("Their mean confidence.")
    precision: float = described("Their measured precision.")


class Baseline(Strict):
    n: int = described("Extractions scored.")
    brier: float = described("Brier score.")
    ece: float = described("Expected calibration error.")


class Reliability(Baseline):
    bands: list[Band] = described("Reliability by confidence band.")


class FieldReliability(Strict):
    n: int = described("Extractions of the field scored.")
    brier: float = described("Brier score.")
    mean_confidence: float = described("Mean confidence.")
    precision: float = described("Measured precision.")


class CrossValidation(Strict):
    folds: int = described("Folds.")
    grouped_by: str = described("What folds are grouped by (council).")
    strength: float = described("Prior strength chosen.")
    rules: Reliability = described("Reliability of the per-rule confidences.")
    field_only_baseline: Baseline = described("Reliability of per-field confidences alone, for comparison.")
    by_field: dict[str, FieldReliability] = described("Reliability per output field.")


class ConfidenceTable(Strict):
    about: str = described("How the table is read (documentation only).")
    sources: list[Source] = described("Annotated sets measured.")
    strength: float = described("Prior strength of the smoothing.")
    default: float = described("Confidence when nothing more specific is known.")
    fields: dict[str, FieldPrecision] = described("Precision per output field.")
    families: dict[str, dict[str, Precision]] = described("Precision per field and rule family.")
    rules: dict[str, dict[str, RulePrecision]] = described("Precision per field and rule.")
    cross_validation: CrossValidation = described("Council-grouped cross-validation of the calibration.")
