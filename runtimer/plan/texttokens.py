"""The words of the one-line workout, shared by its reader (:mod:`~runtimer.plan.textsyntax`) and its
writer (:mod:`~runtimer.plan.textwriter`): the tokens, and the rules about words both must agree on."""

from __future__ import annotations

import re

from runtimer.plan.frozen import Frozen
from runtimer.plan.models import parse_kind
from runtimer.plan.units import Distance

SHORTEST_DISTANCE_M = 50
"""Below this, ``jog 2m`` is surely two minutes written the wrong way round, not two metres."""
REPEAT_HEAD = re.compile(r"(\d+(?:-\d+)?(?:=\d+)?)x", re.IGNORECASE)
CADENCE = re.compile(r"(\d+(?:-\d+)?)spm", re.IGNORECASE)
PUNCTUATION = ",()"
MINUTES_OR_METRES = re.compile(r"\d{3,}m", re.IGNORECASE)
"""``200m jog``: nobody means 200 minutes, and a track session means metres."""


class Token(Frozen):
    text: str
    column: int
    kind: str  # "word", "punct", "target", "note"


class SyntaxProblem(Exception):
    def __init__(self, column: int, message: str) -> None:
        super().__init__(f"at column {column}: {message}")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        column = index + 1
        if char.isspace():
            index += 1
        elif char in PUNCTUATION:
            tokens.append(Token(char, column, "punct"))
            index += 1
        elif char == '"':
            end = text.find('"', index + 1)
            if end < 0:
                raise SyntaxProblem(column, "this note has no closing quote")
            tokens.append(Token(text[index + 1 : end], column, "note"))
            index = end + 1
        else:
            end = index + 1
            while end < len(text) and not (text[end].isspace() or text[end] in PUNCTUATION + '"@'):
                end += 1
            word = text[index:end]
            tokens.append(Token(word, column, "target" if char == "@" else "word"))
            index = end
    return tokens


def too_short_after_kind(distance: Distance) -> bool:
    return distance.unit == "m" and distance.metres < SHORTEST_DISTANCE_M


def is_kind(text: str) -> bool:
    try:
        parse_kind(text)
    except ValueError:
        return False
    return True
