"""A yes/no question that answers with one key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from runtimer.tui.widgets.touch import TouchButton


class ConfirmScreen(ModalScreen[bool]):
    CSS_PATH = ["question.tcss", "dialogs.tcss"]  # noqa: RUF012 - Textual reads this class attribute
    BINDINGS = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.question, id="question")
            with Horizontal(id="answers"):
                yield TouchButton("Yes (y)", id="yes", classes="-danger")
                yield TouchButton("No (n)", id="no", classes="-primary")

    def on_touch_button_pressed(self, event: TouchButton.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
