"""Settings for the Kommunale-Jobcenter campaign site.

One module, driven by the environment and safe by default: DEBUG is off unless
DJANGO_DEBUG=true, a production start without DJANGO_SECRET_KEY fails, and the
HTTPS protections are on unless DJANGO_HTTPS=false (only `make run` does that,
for a plain-HTTP start on 127.0.0.1). Every variable is documented in README.md.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config import storage

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
HTTPS = env_bool("DJANGO_HTTPS", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
# Rotating the key (SECURITY.md): the new one in DJANGO_SECRET_KEY, the old ones here, comma-separated,
# until the sessions and signed links made with them have expired.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it (see README.md) or use DJANGO_DEBUG=true for development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DJANGO_DEBUG"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")


def site_url(value: str) -> str:
    """The site's address for links in e-mails (shared/links.py), without a trailing slash: DJANGO_SITE_URL,
    an absolute http(s) URL with no path beyond "/"; unset, the first of DJANGO_ALLOWED_HOSTS."""
    if not value:
        host = next((h for h in ALLOWED_HOSTS if h != "*" and not h.startswith(".")), "localhost")
        return f"{'https' if HTTPS else 'http'}://{host}"
    parts = urlsplit(value)
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:  # not a number
        port_ok = False
    valid = port_ok and parts.scheme in {"http", "https"} and bool(parts.hostname) and parts.path in {"", "/"}
    if not valid or parts.query or parts.fragment or "@" in parts.netloc:
        raise ImproperlyConfigured(
            f"DJANGO_SITE_URL must be the site's absolute address (https://www.kommunale-jobcenter.de), not {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


SITE_URL = site_url(os.environ.get("DJANGO_SITE_URL", "").strip())

INSTALLED_APPS = [
    # Django's admin with the site's own AdminSite (login defence, second factor): accounts/sites.py.
    # Before the admin: django-modeltranslation adds <field>_de/<field>_en to the models in each app's translation.py.
    "modeltranslation",
    "accounts.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles so that runserver does not serve static files itself.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "imagekit",
    "django_prose_editor",
    "simple_history",
    # The media pipeline: upload gate, images, videos, captions, file clean-up, /media/ access.
    "mediafiles",
    "campaign",
    "leitbild",
    "stories",
    "press",
    "search",
    "editorial",
    "consent",
    # Background tasks (django.tasks): the database queue (before generated, whose admin guards its admin).
    "generated.apps.TasksDatabaseConfig",  # django_tasks_db under a German name
    "generated",
    # Every outgoing e-mail, delivered by the task worker with retries (MAILERS below).
    "outbox",
    "axes",
    "django_otp",
    "accounts.apps.TOTPConfig",  # django_otp.plugins.otp_totp under a German name
    "accounts.apps.RecoveryCodesConfig",  # django_otp.plugins.otp_static
    # After axes and django_otp: accounts/admin.py registers their admins again.
    "accounts",
    # manage.py backup / restore: database, uploads and consent documents in one archive.
    "backup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # /media/ files every visitor may see, as cheaply as WhiteNoise (mediafiles/middleware.py).
    "mediafiles.middleware.PublicMediaMiddleware",
    # Public pages from the page cache, never stale (shared/pagecache.py).
    "shared.pagecache.PageCacheMiddleware",
    # Brotli or gzip, deterministic, for replies without a secret only (BREACH): shared/compression.py.
    "shared.compression.PublicPageCompressionMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.PrivacyHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL only (/en/...), never from a cookie or Accept-Language.
    "config.middleware.PathLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): signed in with a second factor (accounts/sites.py).
    "django_otp.middleware.OTPMiddleware",
    # Records who made each change in the history (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a locked-out login into the lockout page (accounts.views.lockout).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
            ],
            # {% lang_of obj "field" %}: lang="de" on German content inside an English page.
            "builtins": ["shared.languages"],
            # shared/ is no app (it has no models): its template tags are named here.
            "libraries": {"page_meta": "shared.templatetags.page_meta"},
        },
    },
]

# Database: SQLite file in the project root unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn threads write to one file: wait for the lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by several app servers), else per-process memory.
# imagekit keeps its "rendition exists" state in its own alias so that clearing or sharing
# the main cache never makes renditions look missing. Redis failing is a miss, not an error: the
# site answers from the database until it is back (shared/rediscache.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "shared.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "kjc"),
        },
        "imagekit": {
            "BACKEND": "shared.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "kjc") + "-imagekit",
            "TIMEOUT": None,
        },
        "pages": {
            "BACKEND": "shared.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "kjc") + "-pages",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
        "imagekit": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "imagekit",
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        },
    }
IMAGEKIT_CACHE_BACKEND = "imagekit"

# Page cache (shared/pagecache.py): public pages from the "pages" cache, renewed on every
# change of a content app's rows and at the next scheduled publication time. The generation
# token lives in Redis when the pages cache is Redis, else in this file (one per machine).
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", True)
PAGE_CACHE_STAMP = Path(os.environ.get("DJANGO_PAGE_CACHE_STAMP", BASE_DIR / "var" / "page-cache-generation"))
PAGE_CACHE_CONTENT_APPS = ("campaign", "stories", "leitbild", "press", "consent", "search", "editorial", "generated")
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.JustInTime"

# Background tasks (django.tasks): slow products such as the PDFs are made by a worker, never
# in a request (generated/). The database queue by default (SQLite and PostgreSQL; worker:
# `manage.py db_worker`); DJANGO_TASKS_BACKEND=redis puts the queue in REDIS_URL for several
# machines (worker: `manage.py run_redis_tasks --continuous`).
TASKS_BACKEND = os.environ.get("DJANGO_TASKS_BACKEND", "database").strip().lower()
if TASKS_BACKEND == "redis":
    INSTALLED_APPS.insert(INSTALLED_APPS.index("generated"), "django_tasks_redis")
    if not REDIS_URL:
        raise ImproperlyConfigured("DJANGO_TASKS_BACKEND=redis needs REDIS_URL.")
    TASKS = {
        "default": {
            # django-tasks-redis' backend that keeps a task in the database while Redis is down.
            "BACKEND": "shared.taskqueue.RedisTaskBackend",
            "OPTIONS": {
                "REDIS_URL": REDIS_URL,
                "REDIS_KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "kjc") + "-tasks",
            },
        }
    }
elif TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    raise ImproperlyConfigured("DJANGO_TASKS_BACKEND must be database or redis.")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The admin's login is the only one: signing in without `next` ends on the admin's start page
# (Django's default, /accounts/profile/, does not exist here).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
# A „Passwort vergessen?“ link works for an hour, once (accounts/password_reset.py).
PASSWORD_RESET_TIMEOUT = 60 * 60

# Login defence (django-axes): 5 wrong passwords lock that username from that address (never a
# whole address: many Jobcenter offices share a gateway) for DJANGO_LOGIN_COOLOFF_MINUTES; the
# central team unlocks earlier in the admin. AxesStandaloneBackend only checks the lock.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "30")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
# The client's address: REMOTE_ADDR, or behind DJANGO_TRUSTED_PROXY_COUNT proxies (1 for one TLS
# proxy) the entry that many places from the right of X-Forwarded-For, which the client cannot forge.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "shared.addresses.client_address"

# Second factor (django-otp, TOTP app plus recovery codes). With DJANGO_REQUIRE_2FA=true (production)
# the central team and administrators can use the admin only after setting one up.
REQUIRE_2FA = env_bool("DJANGO_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "Kommunale Jobcenter"

# Admin sessions (visitors get none): end after 30 minutes without a request and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# The site speaks German at the root and English under /en/ (config/urls.py, i18n_patterns);
# every interface string goes through gettext (German msgids, locale/<code>/LC_MESSAGES/django.po).
# Another language (Arabic, Turkish, Ukrainian, ...) needs an entry here and its .po file only;
# right-to-left ones get dir="rtl" from Django's LANGUAGES_BIDI (README.md, "Languages").
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]

# Content translation (django-modeltranslation, each app's translation.py): German is the content
# language and required; English is optional and falls back to German (marked lang="de" by lang_of).
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_LANGUAGES = ("de", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("de",)}

TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Static files: WhiteNoise with compressed, hashed names (needs collectstatic).
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# css/site.bundle.css, the one render-blocking stylesheet, joined from the site's (config/cssbundle.py).
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "config.cssbundle.BundleFinder",
]
# Uploaded media. Served by Django itself (mediafiles/serving.py, with HTTP Range) unless
# DJANGO_SERVE_MEDIA=false because a web server or object storage serves MEDIA_URL.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# With S3-compatible storage (DJANGO_S3_BUCKET, config/storage.py) the bucket serves them instead.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", not storage.uses_s3(os.environ))
if os.environ.get("DJANGO_S3_CUSTOM_DOMAIN", "").strip() and storage.uses_s3(os.environ):
    MEDIA_URL = f"https://{os.environ['DJANGO_S3_CUSTOM_DOMAIN'].strip()}/"
# Behind nginx: Django decides who may fetch a file and answers with X-Accel-Redirect to this
# `internal` location, from which nginx sends it (README "Deployment"); empty: Django sends it.
MEDIA_ACCEL_REDIRECT = os.environ.get("DJANGO_MEDIA_ACCEL_REDIRECT", "").strip()
if MEDIA_ACCEL_REDIRECT:
    MEDIA_ACCEL_REDIRECT = "/" + MEDIA_ACCEL_REDIRECT.strip("/") + "/"
# Signed consent documents: outside MEDIA_ROOT, never served by URL (consent/storage.py).
CONSENT_ROOT = Path(os.environ.get("DJANGO_CONSENT_ROOT", BASE_DIR / "private" / "consent"))
# How long a consent record and its document are kept as proof after the consent ended (withdrawn
# or expired); `manage.py enforce_consents` deletes older ones. Three years: the regular limitation
# period (§ 195 BGB) for claims about the publication.
CONSENT_PROOF_YEARS = int(os.environ.get("DJANGO_CONSENT_PROOF_YEARS", "3"))
# Where `manage.py backup` writes its archives (README, Sichern und Wiederherstellen); DJANGO_BACKUP_KEY
# (not a setting: read by the commands only) encrypts them.
BACKUP_DIR = Path(os.environ.get("DJANGO_BACKUP_DIR", BASE_DIR / "backups"))
# Asked before a file is served: "hidden" (files that only unpublished rows use) answers 404,
# "private" (an editor's preview) is served uncached, "public" may be cached (mediafiles/serving.py).
MEDIA_ACCESS_CHECK = "mediafiles.access.audience"
# Which draft a request may see through a signed preview link (its Referer), for the check above.
PREVIEW_GRANT = "editorial.preview.grant_from_referer"
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

STATICFILES_BACKEND = os.environ.get(
    "DJANGO_STATICFILES_STORAGE", "whitenoise.storage.CompressedManifestStaticFilesStorage"
)
# "default": uploads, "consent": the signed consent documents; on disk, or in S3-compatible
# buckets when DJANGO_S3_BUCKET / DJANGO_CONSENT_S3_BUCKET are set (config/storage.py).
STORAGES = storage.storages(os.environ, STATICFILES_BACKEND)
# Without the manifest storage (tests, development) WhiteNoise finds files where they are.
WHITENOISE_USE_FINDERS = "Manifest" not in STATICFILES_BACKEND

# Security. HTTPS protections are on unless DJANGO_HTTPS=false.
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Only announces eligibility; submitting the domain to the preload list stays a manual decision.
SECURE_HSTS_PRELOAD = HTTPS
# Whether a request came over HTTPS is gunicorn's to say: it believes X-Forwarded-Proto only from
# the proxy addresses in FORWARDED_ALLOW_IPS (config/gunicorn.conf.py) and sets the WSGI scheme.
# Django's SECURE_PROXY_SSL_HEADER would believe the header from any client that reaches gunicorn.
SECURE_PROXY_SSL_HEADER = None
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# A strict Content-Security-Policy: no inline scripts or style attributes, nothing from
# elsewhere. Scripts and styles come from our own static files; inline code needs a nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The hash allows exactly one inline stylesheet: the base styles that Tiptap (inside
    # django-prose-editor 0.28.0, admin only) injects as a <style> element. It changes with that
    # package's version; tests/browser/test_campaign.py fails on any CSP violation in the admin.
    "style-src": [CSP.SELF, CSP.NONCE, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    # data: only for the small SVG icons KERN UX embeds in its stylesheet. blob: for the admin's
    # preview of a chosen image or video before it is saved (static/js/focal-point.js): such an
    # address names a file the page's own script read from the editor's disk, nothing from elsewhere.
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "media-src": [CSP.SELF, "blob:"],
    "connect-src": [CSP.SELF],
    # Video players of the platforms a story may link to (mediafiles/platforms.py); the page
    # loads one only after the visitor clicks (templates/includes/video_facade.html).
    "frame-src": ["https://player.vimeo.com", "https://www.youtube-nocookie.com"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if HTTPS:
    SECURE_CSP["upgrade-insecure-requests"] = True
# Media in a bucket: pictures and videos from its public address, editors' signed previews from its
# endpoint (config/storage.py).
for _origin in storage.media_origins(os.environ):
    SECURE_CSP["img-src"].append(_origin)
    SECURE_CSP["media-src"].append(_origin)

# The embed pages (story cards for the Kommunen's own websites, shared/embed.py) are the only
# pages another site may frame: their own policy names who may (any site unless narrowed here,
# comma-separated, e.g. "https://www.kreis-dueren.de,https://*.kreis-dueren.de"); every other page
# keeps 'none'.
EMBED_FRAME_ANCESTORS = env_list("DJANGO_EMBED_FRAME_ANCESTORS", "*")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        # WeasyPrint (the Leitbild PDF) logs every rendering step and font at INFO.
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

ADMINS = [("Admin", a) for a in env_list("DJANGO_ADMINS")]
# Outgoing mail (error reports, notifications): every message goes into the outbox (outbox/), and
# the task worker delivers it with the "delivery" mailer: SMTP from the environment; `make run`
# writes mail to the console instead (DJANGO_EMAIL_BACKEND). Tests: Django swaps every mailer for
# locmem (mail.outbox); tests/outbox/ put the queue back in front of a real SMTP server.
MAILER_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
MAILERS = {
    "default": {"BACKEND": "outbox.backends.QueuedEmailBackend", "OPTIONS": {"delivery": "delivery"}},
    "delivery": {"BACKEND": MAILER_BACKEND},
}
if MAILER_BACKEND.endswith("smtp.EmailBackend"):
    MAILERS["delivery"]["OPTIONS"] = {
        "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("DJANGO_EMAIL_PORT", "25")),
        "username": os.environ.get("DJANGO_EMAIL_USER", ""),
        "password": os.environ.get("DJANGO_EMAIL_PASSWORD", ""),
        "use_tls": env_bool("DJANGO_EMAIL_TLS", False),
        # A mail server that accepts the connection and then says nothing must not hold the worker.
        "timeout": int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "20")),
    }
# A failed delivery is tried again after each of these waits (minutes), then it is „fehlgeschlagen“.
OUTBOX_RETRY_DELAYS = [int(minutes) * 60 for minutes in env_list("DJANGO_OUTBOX_RETRY_MINUTES", "1,5,15,60,180,720")]
# Sent mails are deleted after this many days (they may carry a visitor's barrier report).
OUTBOX_KEEP_DAYS = int(os.environ.get("DJANGO_OUTBOX_KEEP_DAYS", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
# Who answers barrier reports; without it, the central editors' addresses (campaign/notifications.py).
BARRIER_REPORT_RECIPIENTS = env_list("DJANGO_BARRIER_REPORT_EMAIL")
# Reports one address may send per hour (campaign/report_guard.py).
BARRIER_REPORTS_PER_HOUR = int(os.environ.get("DJANGO_BARRIER_REPORTS_PER_HOUR", "10"))
# Who is told of a submission for review; empty: the e-mail addresses of the central team.
EDITORIAL_RECIPIENTS = env_list("DJANGO_EDITORIAL_EMAIL")
# Signed preview links for reviewers without an account stay valid this many days.
PREVIEW_LINK_DAYS = int(os.environ.get("DJANGO_PREVIEW_LINK_DAYS", "7"))
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where vulnerabilities are reported (/.well-known/security.txt, SECURITY.md): an e-mail address or URL.
SECURITY_CONTACT = os.environ.get("DJANGO_SECURITY_CONTACT", "")

SITE_NAME = _("Kommunale Jobcenter")
SITE_CLAIM = _("Stark. Sozial. Vor Ort.")
