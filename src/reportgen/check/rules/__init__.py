"""The rule catalogue and the whole-report rules (arithmetic, cross-year)."""
