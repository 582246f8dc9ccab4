// StenoEval: see README.md in this folder.
