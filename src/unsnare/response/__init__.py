"""What to do next: triage, the personal response plan, the help directory and the guide."""

from __future__ import annotations

from unsnare.response.directory import Service, services_for
from unsnare.response.plan import Plan, Step, build_plan
from unsnare.response.triage import Triage

__all__ = ["Plan", "Service", "Step", "Triage", "build_plan", "services_for"]
