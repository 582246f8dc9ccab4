// StenoAcoustic: see README.md in this folder.
