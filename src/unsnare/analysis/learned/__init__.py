"""The learned layer: a multilingual n-gram model that reads beside the rules."""
