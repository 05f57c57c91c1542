"""Quizzes built as an editor builds them: a published snippet with its questions."""

from quizzes.models import Choice, Question, Quiz

# (kind, text, [(choice text, is_correct), ...]); explanations are made from the text.
SAMPLE = [
    ("single", "Tải VNeID ở đâu?", [("CH Play", True), ("Link lạ", False)]),
    (
        "multiple",
        "Điều gì cần kiểm tra?",
        [("Tên ứng dụng", True), ("Nhà phát triển", True), ("Màu sắc", False)],
    ),
    (
        "truefalse",
        "Công an xin mã OTP qua điện thoại.",
        [("Đúng", False), ("Sai", True)],
    ),
]


def make_quiz(lesson, *, questions=None, live=True, **fields) -> Quiz:
    quiz = Quiz(lesson=lesson, **fields)
    quiz.questions = [
        Question(
            kind=kind,
            text=text,
            explanation=f"Giải thích: {text}",
            sort_order=number,
            choices=[
                Choice(text=choice, is_correct=right, sort_order=n)
                for n, (choice, right) in enumerate(choices)
            ],
        )
        for number, (kind, text, choices) in enumerate(
            SAMPLE if questions is None else questions
        )
    ]
    quiz.save()
    if live:
        quiz.save_revision().publish()
    else:
        quiz.live = False
        quiz.save(update_fields=["live"])
    return quiz


def many_questions(count: int) -> list:
    return [
        (
            "single",
            f"Câu hỏi số {n}?",
            [("Có", True), ("Không", False), ("Có thể", False)],
        )
        for n in range(count)
    ]


def right_answers(attempt) -> dict[int, list[int]]:
    """What a learner who knows everything would tick (read from the database)."""
    correct = dict.fromkeys(attempt.question_ids)
    for choice in Choice.objects.filter(question_id__in=attempt.question_ids):
        if choice.is_correct:
            correct[choice.question_id] = [
                *(correct[choice.question_id] or []),
                choice.pk,
            ]
    return correct


def wrong_answers(attempt) -> dict[int, list[int]]:
    """One wrong choice per question."""
    wrong = {}
    for choice in Choice.objects.filter(
        question_id__in=attempt.question_ids, is_correct=False
    ).order_by("sort_order"):
        wrong.setdefault(choice.question_id, [choice.pk])
    return wrong


def as_post(answers: dict[int, list[int]]) -> dict[str, list[str]]:
    return {f"q-{q}": [str(c) for c in choices] for q, choices in answers.items()}
