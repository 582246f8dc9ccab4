// StenoDecoder: see README.md in this folder.
