"""An activity as Garmin's Training Center XML (TCX v2), which most training logs still take.

TCX has fewer words than FIT: its sport is Running (no treadmill or track),
a lap is Active or Resting, and a lap's ``TotalTimeSeconds`` is its timer
time. Each lap holds one track per stretch run between pauses, with a point
where the stretch began and one where it ended, so a reader that times laps by
their points gets the elapsed time, pauses included. A distance the phase did
not measure is written as 0, as a watch without a footpod writes it. The laps
taken inside a phase, and how the session ended, go in the notes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from runtimer.interop.activity import CREATOR, Activity, Lap, version_numbers
from runtimer.plan.durations import format_time

NAMESPACE = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
RESTING = ("recovery", "rest")


def activity_tcx(activity: Activity) -> str:
    ET.register_namespace("", NAMESPACE)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(_tag("TrainingCenterDatabase"))
    element = _sub(_sub(root, "Activities"), "Activity", Sport="Running")
    _sub(element, "Id", text=_time(activity.start))
    for lap in activity.laps:
        _lap(element, lap)
    _sub(element, "Notes", text=f"{CREATOR}: {activity.description}")
    creator = _sub(element, "Creator", **{f"{{{XSI}}}type": "Device_t"})
    _sub(creator, "Name", text=CREATOR)
    _sub(creator, "UnitId", text="0")
    _sub(creator, "ProductID", text="0")
    _version(creator)
    author = _sub(root, "Author", **{f"{{{XSI}}}type": "Application_t"})
    _sub(author, "Name", text=CREATOR)
    _version(_sub(author, "Build"))
    _sub(author, "LangID", text="en")
    _sub(author, "PartNumber", text="000-00000-00")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _lap(activity: ET.Element, lap: Lap) -> None:
    element = _sub(activity, "Lap", StartTime=_time(lap.start))
    _sub(element, "TotalTimeSeconds", text=_seconds(lap.timer_s))
    _sub(element, "DistanceMeters", text=_seconds(lap.distance_m or 0.0))
    _sub(element, "Calories", text="0")
    _sub(element, "Intensity", text="Resting" if lap.intensity in RESTING else "Active")
    _sub(element, "TriggerMethod", text="Time" if lap.ended_by == "time" else "Manual")
    for began, ended in _stretches(lap):
        track = _sub(element, "Track")
        for moment in dict.fromkeys((began, ended)):
            _sub(_sub(track, "Trackpoint"), "Time", text=_time(moment))
    notes = [lap.name]
    if lap.splits:
        notes.append("laps " + ", ".join(format_time(split.timer_s) for split in lap.splits))
    _sub(element, "Notes", text=" · ".join(notes))


def _stretches(lap: Lap) -> list[tuple[datetime, datetime]]:
    """The stretches run between the pauses; a pause at the very start or end leaves no empty one."""
    stretches, began = [], lap.start
    for paused, went_on in lap.pauses:
        if paused > began:
            stretches.append((began, paused))
        began = went_on
    if lap.end > began or not stretches:
        stretches.append((began, max(began, lap.end)))
    return stretches


def _version(parent: ET.Element) -> None:
    major, minor = version_numbers()
    version = _sub(parent, "Version")
    _sub(version, "VersionMajor", text=str(major))
    _sub(version, "VersionMinor", text=str(minor))


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _sub(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _tag(name), attributes)
    element.text = text
    return element


def _time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _seconds(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.1f}"
