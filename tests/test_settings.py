"""Settings are safe by default and driven by the environment."""

import pytest

from tests.helpers import run_django

PRINT = "from django.conf import settings as s\nprint({})"


def test_start_without_secret_key_fails_loudly():
    result = run_django("")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_debug_is_off_and_https_protections_on_by_default():
    out = run_django(
        PRINT.format(
            "[s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS]"
        ),
        DJANGO_SECRET_KEY="x",
    ).stdout
    assert out.strip() == "[False, True, True, True, 31536000]"


def test_debug_needs_exactly_true():
    out = run_django(PRINT.format("s.DEBUG"), DJANGO_SECRET_KEY="x", DJANGO_DEBUG="yes please").stdout
    assert out.strip() == "False"


def test_https_false_switches_protections_off_for_local_runs():
    out = run_django(
        PRINT.format("[s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS]"), DJANGO_SECRET_KEY="x", DJANGO_HTTPS="false"
    )
    assert out.stdout.strip() == "[False, 0]"


def test_database_defaults_to_sqlite_and_follows_database_url():
    assert "sqlite3" in run_django(PRINT.format("s.DATABASES['default']['ENGINE']"), DJANGO_SECRET_KEY="x").stdout
    out = run_django(
        PRINT.format("s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']"),
        DJANGO_SECRET_KEY="x",
        DATABASE_URL="postgres://u@db.example:5432/kjc",
    ).stdout
    assert "postgresql" in out and "kjc" in out


def test_redis_url_switches_the_cache_to_redis():
    out = run_django(
        PRINT.format("s.CACHES['default']['BACKEND']"), DJANGO_SECRET_KEY="x", REDIS_URL="redis://127.0.0.1:6379/1"
    ).stdout
    assert out.strip() == "shared.rediscache.ResilientRedisCache"  # Django's RedisCache, failing soft


def test_allowed_hosts_and_media_root_come_from_the_environment(tmp_path):
    out = run_django(
        PRINT.format("s.ALLOWED_HOSTS, str(s.MEDIA_ROOT)"),
        DJANGO_SECRET_KEY="x",
        DJANGO_ALLOWED_HOSTS="a.example, b.example",
        MEDIA_ROOT=str(tmp_path),
    ).stdout
    assert "['a.example', 'b.example']" in out and str(tmp_path) in out


@pytest.mark.parametrize("extra", [{}, {"REDIS_URL": "redis://127.0.0.1:6379/0"}])
def test_check_deploy_reports_nothing_with_production_settings(tmp_path, extra):
    code = (
        "from django.core.management import call_command\n"
        "call_command('check', deploy=True, fail_level='WARNING')\n"
        "print('clean')"
    )
    result = run_django(
        code,
        DJANGO_SECRET_KEY="a-long-production-like-secret-key-that-is-random-enough-1234567890",
        DJANGO_ALLOWED_HOSTS="jobcenter.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_DEBUG="false",
        **extra,
    )
    assert result.stdout.strip().endswith("clean"), result.stderr


def test_login_defence_and_second_factor_settings_follow_the_environment():
    names = "[s.REQUIRE_2FA, s.TRUSTED_PROXY_COUNT, s.AXES_COOLOFF_TIME.seconds // 60, s.SECRET_KEY_FALLBACKS]"
    assert run_django(PRINT.format(names), DJANGO_SECRET_KEY="x").stdout.strip() == "[False, 0, 30, []]"
    out = run_django(
        PRINT.format(names),
        DJANGO_SECRET_KEY="neu",
        DJANGO_REQUIRE_2FA="true",
        DJANGO_TRUSTED_PROXY_COUNT="1",
        DJANGO_LOGIN_COOLOFF_MINUTES="15",
        DJANGO_SECRET_KEY_FALLBACKS="alt-1, alt-2",
    ).stdout
    assert out.strip() == "[True, 1, 15, ['alt-1', 'alt-2']]"


def test_the_site_hashes_passwords_with_djangos_strong_default():
    """Tests hash with MD5 for speed (tests/conftest.py); the site itself keeps PBKDF2."""
    from django.conf import global_settings

    import config.settings as site

    hashers = getattr(site, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    assert hashers[0] == "django.contrib.auth.hashers.PBKDF2PasswordHasher"
