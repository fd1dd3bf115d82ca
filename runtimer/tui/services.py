"""Everything a screen needs from outside the UI, handed in rather than looked up.

The CLI builds real services; tests build them with a fake clock, a recording
audio output and a store in a temporary folder. Screens never construct these.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from runtimer.audio.base import AudioOutput
from runtimer.config.settings import Settings
from runtimer.plan.loader import Catalogue
from runtimer.session.clock import Clock
from runtimer.store.null import HistoryStore


@dataclass
class Services:
    clock: Clock
    audio: AudioOutput
    store: HistoryStore
    settings: Settings
    catalogue: Catalogue
    today: Callable[[], date] = field(default=date.today)
