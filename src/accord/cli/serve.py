"""``accord serve``: the JSON API and the dashboard for a store (:mod:`accord.web`), local and
read-only unless asked otherwise."""

from __future__ import annotations

from pathlib import Path

import click

from accord.cli.options import db_option, open_store
from accord.errors import AccordError

__all__ = ["serve_cmd"]


@click.command("serve", short_help="Serve the JSON API and the dashboard.")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allow-remote", is_flag=True,
              help="Allow a --host other than this machine (anyone reaching it reads the store).")
@click.option("--allow-writes", is_flag=True,
              help="Add POST /api/documents (ingest articles); needs $ACCORD_API_TOKEN, which "
                   "requests send as 'Authorization: Bearer TOKEN'.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="URL",
              help="An origin (https://host[:port]) whose pages may GET the API; repeatable. "
                   "Default: none (CORS closed).")
def serve_cmd(db: str, host: str, port: int, allow_remote: bool, allow_writes: bool,
              cors_origins: tuple[str, ...]) -> None:
    """Serve the JSON API (/api, described at /docs) and the dashboard (/) for a store.

    Read-only and on this machine only by default; see --allow-writes, --allow-remote and
    --cors-origin.
    """
    import os

    import uvicorn

    from accord.web.api import create_app
    from accord.web.dashboard import missing_vendor_files
    from accord.web.security import (
        LOOPBACK_HOSTS,
        TOKEN_ENV,
        check_origin,
        check_token,
        is_loopback,
    )

    for origin in cors_origins:
        try:
            check_origin(origin)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--cors-origin") from None
    local = is_loopback(host)
    if not local and not allow_remote:
        raise click.ClickException(
            f"--host {host} is not this machine only: anyone who can reach it could read the "
            "store; add --allow-remote to do this on purpose"
        )
    token = None
    if allow_writes:
        try:
            token = check_token(os.environ.get(TOKEN_ENV))
        except ValueError as exc:
            raise click.ClickException(
                f"--allow-writes refused: {exc} (for instance: export {TOKEN_ENV}=$(python3 -c "
                "'import secrets; print(secrets.token_urlsafe(32))'))"
            ) from None
        if not Path(db).exists():
            from accord.store import Store

            try:
                Store.open(db).close()  # writes may start from an empty store
            except AccordError as exc:
                raise click.ClickException(str(exc)) from exc
    open_store(db).close()  # a clear error now rather than on the first request
    missing = missing_vendor_files()
    if missing:
        click.echo(f"warning: files of the dashboard are missing ({', '.join(missing)}): "
                   "reinstall accord, or in a checkout run `npm ci && npm run build` in web/; "
                   "the API works without them", err=True)
    if not local:
        also = " and, with the token, write it" if allow_writes else ""
        click.echo(f"warning: listening on {host}, not only this machine: anyone who can reach "
                   f"port {port} can read the store{also}; put it behind a TLS proxy",
                   err=True)
    mode = "read and write (POST /api/documents, bearer token)" if allow_writes else "read-only"
    click.echo(f"accord: serving {db} on http://{host}:{port}/ ({mode}; API docs at /docs)",
               err=True)
    hosts = None
    if local:
        hosts = [*LOOPBACK_HOSTS, host.lower() if ":" not in host else f"[{host.strip('[]')}]"]
    app = create_app(db, allow_writes=allow_writes, token=token, cors_origins=cors_origins,
                     allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
