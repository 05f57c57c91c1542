"""`manage.py import_residents FILE --ward ... [--neighbourhood ...]` (DESIGN.md §4).

The same engine as the volunteers' upload page (`community.imports`): prints the
preview (every bad row with its line and reason, every duplicate), then imports all
the rows or none (`--mode all_or_nothing`, the default) or only the good rows
(`--mode good_rows`). Running it confirms, for the person named by `--imported-by`
(or for the ward's office), that the people listed consented. Exits non-zero when
bad rows kept anything from being imported.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.phones import phone_normalise
from community.imports import (
    ALL_OR_NOTHING,
    MODES,
    ImportFileError,
    RowProblem,
    find_neighbourhood,
    import_apply,
    import_preview,
)
from community.models import Ward
from community.text import fold


class Command(BaseCommand):
    help = "Import residents from a CSV or XLSX list into a ward."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The list: .csv or .xlsx, headings in row 1.")
        parser.add_argument("--ward", required=True, help='e.g. "Phường Gia Viên".')
        parser.add_argument("--city", help="When wards in two cities share a name.")
        parser.add_argument(
            "--neighbourhood",
            help="For a list without a neighbourhood column (or with empty cells).",
        )
        parser.add_argument("--mode", choices=MODES, default=ALL_OR_NOTHING)
        parser.add_argument(
            "--imported-by",
            metavar="PHONE",
            help="The staff member who confirms the people listed consented.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show the preview, import nothing."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s")
                % {"file": path, "error": exc.strerror}
            ) from exc
        ward = self._ward(options["ward"], options["city"])
        neighbourhood = None
        if options["neighbourhood"]:
            neighbourhood = find_neighbourhood(ward=ward, text=options["neighbourhood"])
            if neighbourhood is None:
                names = ", ".join(n.name for n in ward.neighbourhoods.all())
                raise CommandError(
                    _(
                        "There is no neighbourhood “%(name)s” in %(ward)s. "
                        "It has: %(names)s."
                    )
                    % {"name": options["neighbourhood"], "ward": ward, "names": names}
                )
        imported_by = self._user(options["imported_by"])

        try:
            preview = import_preview(
                data=data, filename=path.name, ward=ward, neighbourhood=neighbourhood
            )
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        self._show_preview(preview)

        mode = options["mode"]
        if options["dry_run"]:
            self.stdout.write(_("Dry run: nothing was imported."))
            if mode == ALL_OR_NOTHING and preview.bad:
                raise CommandError(
                    _("With --mode all_or_nothing, nobody would be imported.")
                )
            return

        def progress(done: int, total: int) -> None:
            if total and options["verbosity"] >= 2:
                self.stdout.write(
                    _("%(done)s of %(total)s") % {"done": done, "total": total}
                )

        result = import_apply(
            preview=preview, mode=mode, imported_by=imported_by, progress=progress
        )
        late = len(result.duplicates) - len(preview.duplicates)
        if late > 0:
            self.stdout.write(
                _("%(count)s more were registered meanwhile and were skipped:")
                % {"count": late}
            )
            self._show(result.duplicates, self.style.WARNING)
        self.stdout.write(
            _(
                "Imported %(created)s, skipped %(duplicates)s duplicates, "
                "%(bad)s bad rows not imported."
            )
            % {
                "created": result.created,
                "duplicates": result.skipped_duplicates,
                "bad": result.not_imported_bad,
            }
        )
        if result.created == 0 and result.not_imported_bad:
            raise CommandError(
                _(
                    "Nothing was imported because of the bad rows above. Correct them, "
                    "or use --mode good_rows to import only the good rows."
                )
            )

    def _ward(self, name: str, city: str | None) -> Ward:
        def key(text: str) -> str:
            return fold(text).removeprefix("phuong ")

        wards = [
            ward
            for ward in Ward.objects.all()
            if key(ward.name) == key(name)
            and (not city or fold(ward.city) == fold(city))
        ]
        if not wards:
            names = "; ".join(str(ward) for ward in Ward.objects.all())
            raise CommandError(
                _("There is no ward “%(name)s”. Known wards: %(names)s.")
                % {"name": name, "names": names or "-"}
            )
        if len(wards) > 1:
            raise CommandError(
                _("Several wards are called “%(name)s”: add --city.") % {"name": name}
            )
        return wards[0]

    def _user(self, phone: str | None) -> User | None:
        if not phone:
            return None
        try:
            return User.objects.get(phone=phone_normalise(phone))
        except (ValidationError, User.DoesNotExist) as exc:
            raise CommandError(
                _("No account has the phone number %(phone)s.") % {"phone": phone}
            ) from exc

    def _show_preview(self, preview) -> None:
        self.stdout.write(
            _(
                "Read %(lines_read)s lines: %(new)s new, %(duplicates)s duplicates, "
                "%(bad)s bad."
            )
            % preview.summary
        )
        if preview.bad:
            self.stdout.write(_("Bad rows:"))
            self._show(preview.bad, self.style.ERROR)
        if preview.duplicates:
            self.stdout.write(_("Duplicates (skipped, nobody is changed):"))
            self._show(preview.duplicates, self.style.WARNING)

    def _show(self, problems: list[RowProblem], style) -> None:
        for problem in problems:
            values = " | ".join(value for value in problem.values.values() if value)
            self.stdout.write(
                style(
                    _("  Line %(line)s: %(reason)s")
                    % {
                        "line": problem.line,
                        "reason": problem.reason,
                    }
                )
                + (f"  [{values}]" if values else "")
            )
