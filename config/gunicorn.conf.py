"""gunicorn settings for `make run` and for production. Every value can be overridden
with the usual GUNICORN_CMD_ARGS or on the command line."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Threads let one slow client (a long video download) not block every other visitor.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
timeout = 60
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn >= 25.1 opens a control socket at a per-user default path; two instances of
# the same user would fight over it. Nobody here uses it.
control_socket_disable = True
