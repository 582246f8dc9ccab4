// Steno: see README.md in this folder.
