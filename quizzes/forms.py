"""The admin form for quizzes: a question an editor saves must be answerable."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm


def question_problem(kind: str, choices: list[dict]) -> str:
    """Why a question cannot be graded as written, or "" when it can."""
    if any(not (c.get("text") or c.get("image")) for c in choices):
        return _("Each choice needs a text or a picture.")
    right = sum(1 for c in choices if c.get("is_correct"))
    if right == 0:
        return _("Tick the right answer among the choices.")
    if kind != "multiple" and right != 1:
        return _("This kind of question has exactly one right answer.")
    if kind == "truefalse" and len(choices) != 2:
        return _("A true-or-false question has exactly two choices.")
    if kind == "picture" and any(not c.get("image") for c in choices):
        return _("Each choice of a picture question needs a picture.")
    return ""


class QuizForm(WagtailAdminModelForm):
    def is_valid(self):
        valid = super().is_valid()
        questions = self.formsets.get("questions")
        if not valid or questions is None:
            return valid
        for form in questions.forms:
            if questions._should_delete_form(form) or not form.has_changed():
                continue
            choices = form.formsets["choices"]
            data = [
                f.cleaned_data
                for f in choices.forms
                if f.has_changed() and not choices._should_delete_form(f)
            ]
            problem = question_problem(form.cleaned_data.get("kind"), data)
            if problem:
                form.add_error("kind", problem)
                valid = False
        return valid
