"""Reading back what runtimer writes, with readers it does not share code with.

Every FIT file goes through two decoders: Garmin's own SDK (integrity and CRC
first, on a fresh stream, since ``check_integrity`` consumes it; then a full
read that must report no error) and fitdecode, an independent implementation
with its own CRC check. TCX goes through tcxreader, an independent parser,
plus the element order the TCX v2 schema prescribes for what runtimer writes.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import fitdecode
from garmin_fit_sdk import Decoder, Stream
from tcxreader.tcxreader import TCXReader

Messages = dict[str, list[dict[str, Any]]]
TCX = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"


def garmin_read(data: bytes) -> Messages:
    """Decoded by Garmin's SDK: the file passes its integrity check and decodes without an error."""
    assert Decoder(Stream.from_byte_array(bytearray(data))).is_fit()
    assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    decoded: dict[str, Any] = dict(messages)
    return {key.removesuffix("_mesgs"): value for key, value in decoded.items()}


def fitdecode_read(data: bytes) -> Messages:
    """Decoded by fitdecode, with its own CRC check: each data message as its named fields."""
    messages: Messages = {}
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.ENABLED) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                fields = {field.name: field.value for field in frame.fields if field.value is not None}
                messages.setdefault(frame.name, []).append(fields)
    return messages


# The sequences of TCX v2's Activity_t and ActivityLap_t, as far as runtimer writes them.
ACTIVITY_ORDER = ("Id", "Lap", "Notes", "Training", "Creator", "Extensions")
LAP_ORDER = (
    "TotalTimeSeconds",
    "DistanceMeters",
    "MaximumSpeed",
    "Calories",
    "AverageHeartRateBpm",
    "MaximumHeartRateBpm",
    "Intensity",
    "Cadence",
    "TriggerMethod",
    "Track",
    "Notes",
    "Extensions",
)
ROOT_ORDER = ("Folders", "Activities", "Workouts", "Courses", "Author", "Extensions")


def tcx_read(path: Path) -> tuple[Any, list[dict[str, str]]]:
    """tcxreader's exercise, and each lap's own fields (tcxreader skips these) after the schema's order."""
    exercise = TCXReader().read(str(path), only_gps=False)
    root = ET.parse(path).getroot()
    in_order(root, ROOT_ORDER)
    [activity] = root.iter(f"{TCX}Activity")
    in_order(activity, ACTIVITY_ORDER)
    laps = []
    for lap in activity.iter(f"{TCX}Lap"):
        in_order(lap, LAP_ORDER)
        fields = {
            child.tag.removeprefix(TCX): child.text or "" for child in lap if child.tag != f"{TCX}Track"
        }
        laps.append({**fields, "StartTime": lap.attrib["StartTime"]})
    return exercise, laps


def in_order(element: ET.Element, order: tuple[str, ...]) -> None:
    tags = [child.tag.removeprefix(TCX) for child in element]
    assert all(tag in order for tag in tags), tags
    assert tags == sorted(tags, key=order.index), tags
