// StenoFeatures: see README.md in this folder.
