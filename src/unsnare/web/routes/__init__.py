"""One router per resource: home, help (plan), check, case, protect, learn, safety."""
