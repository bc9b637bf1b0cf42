"""Hypothesis settings of the fuzz tests.

Two profiles, chosen by the environment variable ``ACCORD_FUZZ_PROFILE``:

``ci``        the default: each property runs the number of cases its test gives (the folder
              takes well under a minute), derandomised so that CI is reproducible.
``campaign``  ``ACCORD_FUZZ_EXAMPLES`` cases per property (default 2000), random, the failures
              kept in Hypothesis's example database; ``python -m tests.fuzz`` sets it.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("ACCORD_FUZZ_PROFILE", "ci")
if PROFILE not in ("ci", "campaign"):
    raise ValueError(f"ACCORD_FUZZ_PROFILE={PROFILE!r}: expected ci or campaign")

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", deadline=None, derandomize=True, database=None,
                          suppress_health_check=_SLOW)
settings.register_profile(
    "campaign", deadline=None, suppress_health_check=_SLOW,
    max_examples=int(os.environ.get("ACCORD_FUZZ_EXAMPLES", "2000")),
)


def fuzz(ci: int) -> settings:
    """The settings of one property: ``ci`` cases in CI, the campaign's number in a campaign."""
    if PROFILE == "ci":
        return settings(settings.get_profile("ci"), max_examples=ci)
    return settings(settings.get_profile("campaign"))
