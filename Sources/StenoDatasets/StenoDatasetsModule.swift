// StenoDatasets: see README.md in this folder.
