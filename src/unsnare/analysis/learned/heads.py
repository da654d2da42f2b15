"""Names and limits shared by the learned layer and the engine (no NumPy here,
so the engine can read them without loading the model)."""

from __future__ import annotations

from unsnare.analysis.tactics import Tactic

# The overall head: any tactic of the scheme against ordinary talk. It is the
# model file's last output, after the tactic heads.
OVERALL = "overall"

# Some tactics are common in ordinary adult talk ("22/m", sexual chat) or too
# grave to raise on a reading alone; the model's findings of them stay lower
# until a rule or another finding agrees.
TACTIC_CAP = {
    Tactic.FALSE_IDENTITY: 0.3,
    Tactic.SEXUAL_CONTENT: 0.35,
    Tactic.SELF_HARM_PRESSURE: 0.55,
}
