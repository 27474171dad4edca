"""Pure value parsing (no spaCy): numbers, number words, money and dates, as written in council minutes.

Components isolate candidate strings with their rules; these functions only turn an isolated string
into a normalised value, so they are tested on one-line cases without a pipeline.
"""
