"""Certificates: render time, stored-PDF serving and verification latency (in-process).

    python bench/bench_certificates.py [--smoke] [--png PATH]

Budgets (issue 5): warm render ≤ 150 ms, stored PDF ≤ 20 ms and verification page
≤ 20 ms, each a median over requests through Django's full stack (test client:
middleware, session, access check, template). The first render, which also loads the
fonts, is measured in a fresh process and reported without a budget. `--png PATH`
also writes the demo certificate as an image, to look at.
"""

import json
import os
import subprocess
import sys
import time
from base64 import b64decode, b64encode
from dataclasses import asdict
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import Report, median, setup_django, test_database, timed

WARM_RENDER_MS = 150
STORED_PDF_MS = 20
VERIFY_MS = 20


def first_render(content) -> float:
    """The first render of a new worker process (templates, fonts, WeasyPrint's
    first layout), measured in a child process after Django has started."""
    payload = {**asdict(content), "issued_on": content.issued_on.isoformat()}
    payload["seal"] = b64encode(content.seal).decode() if content.seal else None
    child = subprocess.run(
        [sys.executable, __file__, "--first-render"],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
    )
    return float(child.stdout.strip().splitlines()[-1])


def first_render_child() -> None:
    setup_django()
    from certificates.pdf import CertificateContent, certificate_render_pdf

    payload = json.loads(sys.stdin.read())
    payload["issued_on"] = date.fromisoformat(payload["issued_on"])
    payload["seal"] = b64decode(payload["seal"]) if payload["seal"] else None
    payload["course_lessons"] = tuple(payload["course_lessons"])
    (elapsed,) = timed(lambda: certificate_render_pdf(CertificateContent(**payload)), 1)
    sys.stdout.write(f"{elapsed}\n")


def main(smoke: bool, png: str | None) -> int:
    setup_django()
    from django.core.management import call_command
    from django.test import Client, override_settings

    from accounts.models import User
    from certificates.models import Certificate
    from certificates.pdf import certificate_render_pdf
    from certificates.selectors import certificate_content
    from certificates.services import certificate_pdf

    renders, requests = (5, 5) if smoke else (30, 200)
    with test_database(), override_settings(CERTIFICATE_VERIFY_RATE="1000000/m"):
        call_command("seed_demo", stdout=open("/dev/null", "w"))
        resident = User.objects.get(phone="+84900000001")
        certificate = Certificate.objects.filter(user=resident, revoked_at=None).first()
        if certificate is None:
            raise SystemExit("seed_demo gave the demo resident no certificate")
        content = certificate_content(certificate=certificate)

        report = Report("Certificates (in-process, median ms)")
        load = os.getloadavg()[0]
        report.line(f"machine load (1 min) on {os.cpu_count()} cores", load, "")
        report.line("first render in a fresh process", first_render(content), "ms")
        cpu = []

        def render():
            start = time.process_time()
            certificate_render_pdf(content)
            cpu.append((time.process_time() - start) * 1000)

        warm = timed(render, renders)
        report.line(
            f"warm render, median of {renders}", median(warm), "ms", WARM_RENDER_MS
        )
        # On a busy machine wall time includes waiting for a core; CPU time does not.
        report.line("    the same, CPU time of this process", median(cpu), "ms")

        certificate_pdf(certificate=certificate)  # stored, as after the task ran
        owner = Client()
        owner.force_login(resident)
        pdf_url = f"/certificates/{certificate.code}.pdf"

        def serve():
            response = owner.get(pdf_url)
            assert response.status_code == 200, response.status_code

        serve()
        served = timed(serve, requests)
        report.line(
            f"stored PDF to its owner, median of {requests}",
            median(served),
            "ms",
            STORED_PDF_MS,
        )

        visitor = Client()
        verify_url = f"/certificates/verify/{certificate.code}/"

        def verify():
            response = visitor.get(verify_url)
            assert response.status_code == 200, response.status_code

        verify()
        verified = timed(verify, requests)
        report.line(
            f"verification page, median of {requests}",
            median(verified),
            "ms",
            VERIFY_MS,
        )

        if png:
            import pypdfium2

            document = pypdfium2.PdfDocument(certificate_pdf(certificate=certificate))
            document[0].render(scale=2).to_pil().save(png)
            document.close()
            sys.stdout.write(f"  demo certificate written to {png}\n")
        return 1 if report.failed else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--first-render" in args:
        first_render_child()
        sys.exit(0)
    png_path = args[args.index("--png") + 1] if "--png" in args else None
    sys.exit(main(smoke="--smoke" in args, png=png_path))
