"""The ``ringtrace serve`` web app: a local investigator's desk over one workspace.

Framework: Flask (BSD-3-Clause, with Werkzeug, itsdangerous and blinker; Jinja2 and click are
already ringtrace dependencies). ringtrace is synchronous from the store to the rules, and the
desk serves one investigator on 127.0.0.1, so a synchronous framework with form parsing, signed
sessions (for the CSRF token) and a test client built in is less to carry than Starlette +
uvicorn + httpx + python-multipart for the same pages. Everything is server-rendered; the only
scripts are the inline vis-network ones the static ring pages use.

Security: Jinja autoescaping is on for every template; every POST must carry the session's CSRF
token (:mod:`~ringtrace.serve.csrf`); a read-only desk (no ``--review`` / ``--user``) refuses
every POST with 403; responses carry a Content-Security-Policy without any external source
(:mod:`~ringtrace.serve.security`); requests for another host name than 127.0.0.1/localhost are
refused (DNS rebinding). Store access is serialised by one lock: a request opens the workspace,
reads or writes, and closes it.
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Callable
from typing import Any

from jinja2 import StrictUndefined

from ringtrace.errors import NotFound, RingtraceError, WorkspaceBusy
from ringtrace.extras import require
from ringtrace.resolve import unsaved
from ringtrace.serve import actions, views
from ringtrace.serve.config import DEFAULT_PORT, LOCALHOST, ServeConfig
from ringtrace.serve.context import Desk, desk
from ringtrace.serve.csrf import FIELD, session_token, token_matches
from ringtrace.serve.rendering import filters, render_page, shown_id
from ringtrace.serve.security import security_headers

flask = require("flask", "serve", purpose="ringtrace serve")
serving = require("werkzeug.serving", "serve", purpose="ringtrace serve")
_werkzeug_exceptions = require("werkzeug.exceptions", "serve", purpose="ringtrace serve")
_routing = require("werkzeug.routing", "serve", purpose="ringtrace serve")

__all__ = ["cookie_name", "create_app", "make_server"]

#: Largest form body accepted (a note is text, not a file).
MAX_FORM_BYTES = 256 * 1024


_GET_ROUTES: tuple[tuple[str, str, Callable[..., Any]], ...] = (
    ("/", "rings", views.rings),
    ("/leads", "leads", views.leads),
    ("/rings/<ring_id>", "ring", views.ring),
    ("/leads/<lead_id>", "lead", views.lead),
    ("/cases/<path:case_id>", "case", views.case),
    ("/persons/<ref:node_id>", "person", views.person),
    ("/agents/<ref:node_id>", "agent", views.agent),
    ("/employers/<ref:node_id>", "employer", views.employer),
    ("/search", "search", views.search),
    ("/activity", "activity", views.activity),
)
_POST_ROUTES: tuple[tuple[str, str, Callable[..., Any]], ...] = (
    ("/review/<target>/assign", "assign", actions.assign),
    ("/review/<target>/status", "status", actions.status),
    ("/review/<target>/note", "note", actions.note),
    ("/review/<target>/outcome", "outcome", actions.outcome),
    ("/judge", "judge", actions.judge),
)


class _RefConverter(_routing.PathConverter):  # type: ignore[misc,name-defined]
    """A node in a URL: by its token when the desk masks (:mod:`~ringtrace.serve.refs`); the
    view maps it back with ``desk().refs.resolve``."""

    def to_url(self, value: str) -> str:
        return str(super().to_url(desk().refs.token(value)))


#: The only Host a request may carry: the desk's own address (a DNS-rebinding page reaches the
#: desk under its own host name, and is refused).
_LOCAL_HOST = re.compile(r"^(?:127\.0\.0\.1|localhost)(?::\d{1,5})?$", re.IGNORECASE)
_FOREIGN_HOST = "ringtrace serve answers only http://127.0.0.1 and localhost\n"


def _refuse_foreign_host() -> Any:
    """Before every request, first: the Host must be 127.0.0.1 or localhost (with a port).
    Flask's TRUSTED_HOSTS does the same from 3.1 on; this check does not depend on it."""
    if _LOCAL_HOST.match(flask.request.host):
        return None
    return flask.Response(_FOREIGN_HOST, 400, mimetype="text/plain")


def _reading(view: Callable[..., Any]) -> Callable[..., Any]:
    """A page (GET) never writes: a resolution that the queries behind it find stale is
    computed for the page and not kept (:func:`ringtrace.resolve.unsaved`), so a page needs no
    writer lock and works while a scan holds it."""

    @functools.wraps(view)
    def page(*args: Any, **kwargs: Any) -> Any:
        with unsaved():
            return view(*args, **kwargs)

    return page


def _refuse_unsafe() -> Any:
    """Before every request: a POST needs review mode and the session's CSRF token."""
    if flask.request.method in ("GET", "HEAD"):
        return None
    if flask.request.method != "POST":
        flask.abort(405)
    if not desk().config.review:
        return _error(403, "只读模式：不能记录核查操作。请以 `ringtrace serve --review` 或 "
                           "`--user 姓名` 启动。")
    if not token_matches(flask.session, flask.request.form.get(FIELD)):
        return _error(403, "表单已失效（CSRF 校验未通过）。请刷新页面后重新提交。")
    return None


def _headers(response: Any) -> Any:
    for name, value in security_headers(flask.g.get("page_scripts", ())).items():
        response.headers[name] = value
    return response


def _error(status: int, message: str) -> Any:
    """An error page; the message is masked like every page (a library error may list the
    ids of candidate persons)."""
    message = shown_id(message, unmask=desk().config.unmask)
    body = render_page("error.html.j2", title=f"错误 {status}", status=status, message=message)
    return flask.make_response(body, status)


def _ringtrace_error(exc: RingtraceError) -> Any:
    if isinstance(exc, NotFound):
        return _error(404, str(exc))
    if isinstance(exc, WorkspaceBusy):
        return _error(409, f"{exc}（稍后重试）")
    return _error(400, str(exc))


def _http_error(exc: Any) -> Any:
    if isinstance(exc, _werkzeug_exceptions.SecurityError):  # a foreign Host: no page, no links
        return flask.Response(_FOREIGN_HOST, 400, mimetype="text/plain")
    return _error(int(exc.code or 500), str(exc.description or exc.name))


def cookie_name(port: int) -> str:
    """The session cookie of the desk on ``port``. Browsers keep cookies by host, not by port,
    so two desks on one machine would overwrite each other's session (and CSRF token) if they
    shared a name."""
    return f"ringtrace_desk_{port}"


def create_app(config: ServeConfig, port: int = DEFAULT_PORT) -> Any:
    """The Flask app of the desk over ``config.workspace``, served on ``port`` (it names the
    session cookie: :func:`cookie_name`)."""
    app = flask.Flask("ringtrace.serve")
    app.url_map.converters["ref"] = _RefConverter
    app.jinja_options = {**app.jinja_options, "autoescape": True, "undefined": StrictUndefined,
                         "trim_blocks": True, "lstrip_blocks": True}
    app.secret_key = secrets.token_bytes(32)  # per run: a restart ends every session
    app.config.update(
        SESSION_COOKIE_NAME=cookie_name(port), SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict", MAX_CONTENT_LENGTH=MAX_FORM_BYTES,
        TRUSTED_HOSTS=[LOCALHOST, "localhost"],
    )
    app.extensions["ringtrace"] = Desk(config)
    app.jinja_env.filters.update(filters(config))
    app.jinja_env.globals.update(csrf_token=lambda: session_token(flask.session),
                                 csrf_field=FIELD, desk_config=config,
                                 page_url=views.hit_url, ref=lambda v: desk().refs.token(v))
    for rule, endpoint, view in _GET_ROUTES:
        app.add_url_rule(rule, endpoint, _reading(view), methods=["GET"])
    for rule, endpoint, view in _POST_ROUTES:
        app.add_url_rule(rule, endpoint, view, methods=["POST"])
    app.before_request(_refuse_foreign_host)
    app.before_request(_refuse_unsafe)
    app.after_request(_headers)
    app.register_error_handler(RingtraceError, _ringtrace_error)
    app.register_error_handler(_werkzeug_exceptions.HTTPException, _http_error)
    return app


def make_server(config: ServeConfig, port: int) -> Any:
    """A threaded WSGI server for the desk on 127.0.0.1:``port`` (0: any free port); call
    ``serve_forever()`` on it, ``shutdown()`` to stop. ``server_port`` is the port bound."""
    app = create_app(config, port)
    server = serving.make_server(LOCALHOST, port, app, threaded=True)
    app.config["SESSION_COOKIE_NAME"] = cookie_name(server.server_port)  # port 0: the one bound
    return server
