// StenoAudio: see README.md in this folder.
