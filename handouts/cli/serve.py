"""``handouts serve``."""

from __future__ import annotations

from pathlib import Path

import click

from handouts.cli import Settings


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to serve on. Anything but this computer (127.0.0.1) needs "
                   "--password-file.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--password-file", type=click.Path(exists=True, dir_okay=False,
                                                 path_type=Path),
              help="A file whose first line is the desk's password (8 characters or "
                   "more); the browser asks for it.")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Requests served at once.")
@click.pass_obj
def serve(settings: Settings, host: str, port: int, password_file: Path | None,
          threads: int) -> None:
    """Start the print desk: a web page where ward staff print a pack or a handout for
    one child (birth date, language, name) without a terminal; and the live preview
    for authors (/preview/), whose pages rebuild and reload when a file changes. Open
    the address it prints in a browser; stop it with Ctrl+C.

    The child's name and birth date are sent only in the form's body; they are never
    in an address, a log, a file or a cache, and every PDF is made in memory.

    \b
    Examples:
      handouts serve                            this computer only
      handouts serve --host 0.0.0.0 --password-file desk-password.txt
    """
    import waitress

    from handouts.pipeline.preview import Previews
    from handouts.serve.app import create_app
    from handouts.serve.security import Access, SecurityError
    from handouts.serve.watch import watch_in_background

    try:
        access = Access.for_host(host, password_file)
    except SecurityError as exc:
        raise click.UsageError(str(exc)) from None
    project = settings.project()
    previews = Previews(project.root)
    watch_in_background(project, previews.changed)
    app = create_app(project, access, previews)
    try:
        server = waitress.create_server(app, host=host, port=port, threads=threads,
                                        ident="handouts")
    except OSError as exc:  # the port is taken, or the address is not this computer's
        raise click.UsageError(f"cannot serve on {host} port {port}: {exc.strerror}; "
                               "choose another --port (or --host)") from None
    shown = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    click.secho(f"Print desk: {shown}/   Live preview: {shown}/preview/   (Ctrl+C to stop)",
                fg="green")
    server.run()
