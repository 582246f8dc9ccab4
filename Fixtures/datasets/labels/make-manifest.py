#!/usr/bin/env python3
"""Writes manifest.tsv: clean transcripts and one planted label problem per planted/ line.

The file is written from bytes because two lines must hold exactly what is planted: a BEL control
character, and a Latin-1 byte (0xE9) that is not valid UTF-8. Run from this folder.
"""
lines = [
    ("clean/01.wav", "marvin"),
    ("clean/02.wav", "marvin went home"),
    ("clean/03.wav", "marvin said yes"),
    ("clean/04.wav", "call marvin"),
    ("clean/05.wav", "marvin and sheila"),
    ("clean/06.wav", "one five oh four four"),
    ("clean/07.wav", "fifty six thirty two"),
    ("clean/08.wav", "p i t t s b u r g h"),
    ("clean/09.wav", "h o w e l l"),
    ("clean/10.wav", "p i t t s b u r g h again"),
    ("clean/11.wav", "<noise> go left"),
    ("clean/12.wav", "stop <noise>"),
    ("clean/13.wav", "it's a well-known house"),
    ("clean/14.wav", "seven eight nine"),
    ("clean/15.wav", "go <breath> down"),
    ("planted/case.wav", "Yes Please"),
    ("planted/punctuation.wav", "no, thank you."),
    ("planted/digits.wav", "call 5 6"),
    ("planted/dotted.wav", "b. e. v. e. r. l. y"),
    ("planted/whole-word.wav", "pittsburgh"),
    ("planted/square-tag.wav", "[noise] up"),
    ("planted/typo.wav", "marvyn"),
    ("planted/control.wav", "bed\x07room"),
    ("planted/empty.wav", ""),
    ("planted/spaces.wav", "   "),
    ("clean/01.wav", "duplicate of the first id"),
]
out = bytearray()
for path, text in lines:
    out += f"{path}\t{text}\n".encode("utf-8")
out += b"planted/no-tab.wav only spaces here\n"
out += b"planted/latin1.wav\tcaf\xe9\n"
with open("manifest.tsv", "wb") as manifest:
    manifest.write(out)
