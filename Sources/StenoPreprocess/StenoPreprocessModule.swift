// StenoPreprocess: see README.md in this folder.
