"""Small immutable value classes that cost almost nothing to define.

``@dataclass(frozen=True)`` writes the source of five or six methods for every
class and compiles it with ``exec`` when the class is defined: about 3.5 M
instructions a class on the venv's Python, and runtimer defines some sixty
(every engine command and event, phases, paces, views). That was a tenth of
the time to the first frame. :class:`Frozen` gives the same behaviour from
methods written once, here: a subclass declares its fields as annotations and
gets ``__init__``, ``==``, ``hash``, ``repr``, ``__match_args__`` for ``match``,
and ``__slots__``; assigning to a field raises. Type checkers read the fields
as a dataclass's (``dataclass_transform``).

Deliberately small: fields with plain defaults (no factories), single
inheritance from :class:`Frozen` or another such class, and
``__post_init__`` for a check that must run on every instance.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self, dataclass_transform


@dataclass_transform(eq_default=True, frozen_default=True)
class _FrozenMeta(type):
    def __new__(
        mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any
    ) -> _FrozenMeta:
        annotations: dict[str, Any] = namespace.get("__annotations__", {})
        own = tuple(field for field, hint in annotations.items() if not str(hint).startswith("ClassVar"))
        parent = bases[0] if bases else object
        fields: tuple[str, ...] = (*getattr(parent, "_fields", ()), *own)
        # Defaults come off the class body: a slot and a class attribute cannot share a name.
        defaults = {field: namespace.pop(field) for field in own if field in namespace}
        namespace["__slots__"] = own
        namespace["_fields"] = namespace["__match_args__"] = fields
        namespace["_defaults"] = {**getattr(parent, "_defaults", {}), **defaults}
        return super().__new__(mcls, name, bases, namespace, **kwargs)


class Frozen(metaclass=_FrozenMeta):
    """Base of an immutable value: equal when of the same class with equal fields."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(self._fields):
            raise TypeError(f"{type(self).__name__} takes {len(self._fields)} fields, not {len(args)}")
        values = dict(zip(self._fields, args, strict=False))
        for name, value in kwargs.items():
            if name not in self._fields or name in values:
                raise TypeError(f"{type(self).__name__}: unexpected or repeated field {name!r}")
            values[name] = value
        for name in self._fields:
            if name not in values:
                if name not in self._defaults:
                    raise TypeError(f"{type(self).__name__} is missing field {name!r}")
                values[name] = self._defaults[name]
            object.__setattr__(self, name, values[name])
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed, as ``dataclasses.replace`` makes one."""
        return type(self)(**{name: getattr(self, name) for name in self._fields} | changes)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Frozen) or type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __reduce__(self) -> tuple[type[Self], tuple[Any, ...]]:
        """Copies and pickles are built through ``__init__``, which the frozen ``__setattr__`` allows."""
        return type(self), self._values()
