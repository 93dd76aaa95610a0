"""The live preview for authors: an index of every handout, band, language and brand
with its state; a page per handout with its pages as pictures, what ``check`` says
about it with files and lines, and its PDF and web page. Pages reload themselves when
a file under the project changes (server-sent events; a file watcher says when)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from collections.abc import Iterator
from dataclasses import dataclass

from flask import Flask, Response, abort, render_template, request

from handouts.backends.html.backend import HtmlOptions
from handouts.pipeline.make import make_all
from handouts.pipeline.preview import POLICY, Previewed, Previews, findings, translated
from handouts.pipeline.target import Target
from handouts.errors import Problem
from handouts.project.loader import Project
from handouts.select.jobs import BuildJob
from handouts.serve.images import page_images

EVENT_SECONDS = 25  # an event stream ends after this; the browser opens a new one
REVIEW_SOON = dt.timedelta(days=30)


@dataclass(frozen=True)
class Row:
    """One output in the index."""

    job: BuildJob
    state: str
    failed: bool
    translated: float | None  # percent, for a translation
    query: str  # brand=...&lang=...&band=...


def install_preview(app: Flask, previews: Previews) -> None:
    @app.get("/preview/")
    def preview_index() -> str | tuple[str, int]:
        loaded = previews.loaded()
        if loaded.project is None:
            return _broken(loaded.problems, loaded.generation, previews.root)
        project = loaded.project
        percent = translated(project)
        rows = [_row(made, percent) for made in previews.make(project, previews.jobs(project))]
        today = dt.date.today()
        return render_template(
            "preview_index.html", generation=loaded.generation, rows=rows, today=today,
            due={h.id: h.handout.next_review <= today + REVIEW_SOON
                 for h in project.handouts.values()})

    @app.get("/preview/h/<handout_id>")
    def preview_handout(handout_id: str) -> str | tuple[str, int]:
        loaded = previews.loaded()
        if loaded.project is None:
            return _broken(loaded.problems, loaded.generation, previews.root)
        project = loaded.project
        jobs = _jobs(previews, project, handout_id)
        chosen = _chosen(jobs)
        (made,) = previews.make(project, [chosen])
        return render_template(
            "preview_handout.html", generation=loaded.generation, handout_id=handout_id,
            jobs=[(job, _query(job)) for job in jobs], chosen=chosen, query=_query(chosen),
            made=made, pages=page_images(made.output.data) if made.output else [],
            findings=findings(project, jobs), root=project.root)

    @app.get("/preview/pdf/<handout_id>")
    def preview_pdf(handout_id: str) -> Response:
        loaded = previews.loaded()
        if loaded.project is None:
            abort(404, "the project has a mistake: see the preview")
        (made,) = previews.make(loaded.project, [_chosen(_jobs(previews, loaded.project,
                                                               handout_id))])
        if made.output is None:
            abort(404, "this handout does not build: see its preview")
        return Response(made.output.data, mimetype="application/pdf")

    @app.get("/preview/html/<handout_id>")
    def preview_html(handout_id: str) -> Response:
        loaded = previews.loaded()
        if loaded.project is None:
            abort(404, "the project has a mistake: see the preview")
        job = _chosen(_jobs(previews, loaded.project, handout_id))
        ((output, problems),) = make_all(loaded.project, [job], Target(
            "html", HtmlOptions()), POLICY, 1, None)
        if output is None:
            abort(404, "; ".join(p.message for p in problems))
        return Response(output.data, mimetype="text/html")

    @app.get("/preview/events")
    def events() -> Response:
        since = request.args.get("since", "")

        def stream() -> Iterator[str]:
            yield "retry: 1000\n\n"
            end = time.monotonic() + EVENT_SECONDS
            while time.monotonic() < end:
                if str(previews.generation) != since:
                    yield "data: reload\n\n"
                    return
                time.sleep(0.3)

        return Response(stream(), mimetype="text/event-stream")


def _broken(problems: list[Problem], generation: int, root: Path) -> tuple[str, int]:
    """A project that does not load: its mistakes, until the next save fixes them."""
    return render_template("preview_broken.html", generation=generation,
                           problems=problems, root=root), 500


def _jobs(previews: Previews, project: Project, handout_id: str) -> list[BuildJob]:
    if handout_id not in project.handouts:
        abort(404, f"no handout '{handout_id}' in this project")
    return previews.jobs(project, handout_id)


def _query(job: BuildJob) -> str:
    band = f"&band={job.band.id}" if job.band else ""
    return f"brand={job.brand.id}&lang={job.locale}{band}"


def _chosen(jobs: list[BuildJob]) -> BuildJob:
    """The job the address asks for (brand, lang, band), or the first."""
    wanted = (request.args.get("brand"), request.args.get("lang"), request.args.get("band"))
    if not any(wanted):
        return jobs[0]
    for job in jobs:
        if (job.brand.id, job.locale, job.band.id if job.band else None) == wanted:
            return job
    abort(404, "no such brand, language or band for this handout")


def _row(made: Previewed, percent: dict[tuple[str, str], float]) -> Row:
    job = made.job
    if made.output is not None:
        state = f"{made.output.pages} page{'s' if made.output.pages != 1 else ''}"
    else:
        state = "fails: " + (made.problems[0].location(None) + " " + made.problems[0].message
                             if made.problems else "unknown")
    return Row(job, state, made.output is None,
               percent.get((job.handout.id, job.locale)), _query(job))

