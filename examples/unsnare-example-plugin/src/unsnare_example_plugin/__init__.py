"""An example Unsnare plug-in: one detector and one importer, found through entry points."""
