"""Property-based tests (Hypothesis) of the readers, cleaning offsets, date resolution, number
parsing and the scorer. ``python -m tests.fuzz`` runs them as a longer campaign."""
