from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# The default run checks at least 500 examples per property; CI (CI=true) runs the
# "ci" profile, 1,000 examples; "dev" is for quick local runs (HYPOTHESIS_PROFILE=dev).
settings.register_profile("default", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "default"))
