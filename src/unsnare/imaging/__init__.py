"""On-device image understanding: the nudity check and reading chat screenshots.

Both run entirely on this machine, with models that ship inside installed
packages. Nothing is imported or loaded here: the models load when a caller
first uses a `NudityClassifier` or `ScreenshotReader` it holds.
"""
