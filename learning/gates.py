"""Completion gates: how an app above learning says "this lesson is finished elsewhere".

A lesson is completed either by its "done" button or, when a gate claims it (e.g. the
lesson has a quiz), only through that gate: the gate's own service then calls
`learning.services.lesson_complete(..., via_gate=True)`. learning never imports the
apps that register here (DESIGN.md §2), e.g. in quizzes' `AppConfig.ready()`:

    from learning.gates import register_completion_gate

    register_completion_gate(lambda lesson: Quiz.objects.filter(lesson=lesson).exists())
"""

from collections.abc import Callable

from wagtail.models import Page

CompletionGate = Callable[[Page], bool]

completion_gates: list[CompletionGate] = []


def register_completion_gate(gate: CompletionGate) -> CompletionGate:
    """Add a gate (usable as a decorator); returns it unchanged."""
    if gate not in completion_gates:
        completion_gates.append(gate)
    return gate


def lesson_is_gated(lesson: Page) -> bool:
    """True when some gate says the "done" button must not complete this lesson."""
    return any(gate(lesson) for gate in completion_gates)
