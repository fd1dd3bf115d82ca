"""An activity as a FIT file: what Strava, Garmin Connect, intervals.icu and TrainingPeaks take as an upload.

Written with Garmin's own FIT SDK (``garmin-fit-sdk``): its Encoder writes the
definitions and the CRCs from the published profile, by message and field name.
The messages follow Garmin's activity file layout: file id and creator, the
device, the workout it followed (its name, and how it ended), the timer
started, a record at each moment something happened, a lap per phase (with a
split for each lap taken inside it), the session, and the activity.

There is no GPS, heart rate or footpod here: a record carries only its time
(and nothing is made up). Pauses are timer stop and start events, so a
reader that rebuilds the timer from events agrees with the laps.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from garmin_fit_sdk import FIT_EPOCH_S, Encoder, Profile

from runtimer.interop.activity import CREATOR, Activity, Intensity, Lap, version_numbers

_MESG = Profile["mesg_num"]
MANUFACTURER = "development"
"""FIT's manufacturer for software that is not a registered device maker's."""
SPLIT_TYPE: dict[Intensity, str] = {
    "warmup": "interval_warmup",
    "active": "interval_active",
    "recovery": "interval_recovery",
    "rest": "interval_rest",
    "cooldown": "interval_cooldown",
}
LAP_TRIGGER = {"time": "time", "lap": "manual", "skip": "manual", "back": "manual", "stop": "session_end"}


def activity_fit(activity: Activity) -> bytes:
    """The whole FIT file, header and CRC included."""
    encoder = Encoder()
    for mesg_num, message in _messages(activity):
        encoder.on_mesg(mesg_num, message)
    return encoder.close()


def _messages(activity: Activity) -> list[tuple[int, dict[str, Any]]]:
    major, minor = version_numbers()
    sport = {"sport": "running", "sub_sport": activity.sub_sport}
    start, end = activity.start, activity.end
    messages: list[tuple[int, dict[str, Any]]] = [
        (
            _MESG["FILE_ID"],
            {
                "type": "activity",
                "manufacturer": MANUFACTURER,
                "product": 0,
                "serial_number": activity.session_id,
                "time_created": start,
                "product_name": CREATOR,
            },
        ),
        (_MESG["FILE_CREATOR"], {"software_version": major * 100 + minor}),
        (
            _MESG["DEVICE_INFO"],
            {
                "timestamp": start,
                "device_index": "creator",
                "manufacturer": MANUFACTURER,
                "product": 0,
                "product_name": CREATOR,
                "software_version": major + minor / 100,
            },
        ),
        (
            _MESG["WORKOUT"],
            {**sport, "wkt_name": activity.workout[:40], "wkt_description": activity.description},
        ),
        (_MESG["EVENT"], _timer(start, "start")),
        (_MESG["RECORD"], {"timestamp": start}),
    ]
    splits = 0
    for index, lap in enumerate(activity.laps):
        messages += _lap_messages(index, lap, sport, first_split=splits)
        splits += len(lap.splits)
    messages += [
        (_MESG["EVENT"], _timer(end, "stop_all")),
        (
            _MESG["SESSION"],
            {
                "message_index": 0,
                "timestamp": end,
                "event": "session",
                "event_type": "stop",
                "start_time": start,
                **sport,
                "total_elapsed_time": activity.elapsed_s,
                "total_timer_time": activity.timer_s,
                "total_distance": activity.distance_m,
                "first_lap_index": 0,
                "num_laps": len(activity.laps),
                "trigger": "activity_end",
            },
        ),
        (
            _MESG["ACTIVITY"],
            {
                "timestamp": end,
                "total_timer_time": activity.timer_s,
                "num_sessions": 1,
                "type": "manual",
                "event": "activity",
                "event_type": "stop",
                "local_timestamp": _local(end),
            },
        ),
    ]
    return messages


def _lap_messages(
    index: int, lap: Lap, sport: dict[str, str], first_split: int
) -> list[tuple[int, dict[str, Any]]]:
    messages: list[tuple[int, dict[str, Any]]] = []
    for began, went_on in lap.pauses:
        messages += [
            (_MESG["RECORD"], {"timestamp": began}),
            (_MESG["EVENT"], _timer(began, "stop_all")),
            (_MESG["EVENT"], _timer(went_on, "start")),
        ]
    messages.append((_MESG["RECORD"], {"timestamp": lap.end}))
    for number, split in enumerate(lap.splits):
        messages.append(
            (
                _MESG["SPLIT"],
                {
                    "message_index": first_split + number,
                    "split_type": SPLIT_TYPE[lap.intensity],
                    "start_time": split.start,
                    "total_elapsed_time": split.elapsed_s,
                    "total_timer_time": split.timer_s,
                    **sport,
                },
            )
        )
    messages.append(
        (
            _MESG["LAP"],
            {
                "message_index": index,
                "timestamp": lap.end,
                "event": "lap",
                "event_type": "stop",
                "start_time": lap.start,
                "total_elapsed_time": lap.elapsed_s,
                "total_timer_time": lap.timer_s,
                "total_distance": lap.distance_m,
                "intensity": lap.intensity,
                "lap_trigger": LAP_TRIGGER.get(lap.ended_by or "", "manual"),
                **sport,
            },
        )
    )
    return messages


def _timer(moment: datetime, event_type: str) -> dict[str, Any]:
    return {"timestamp": moment, "event": "timer", "event_type": event_type, "event_group": 0}


def _local(moment: datetime) -> int:
    """FIT's local timestamp: seconds since its epoch as the runner's clock read them."""
    offset = moment.astimezone().utcoffset()
    seconds = offset.total_seconds() if offset is not None else 0.0
    return int(moment.timestamp() + seconds) - FIT_EPOCH_S
