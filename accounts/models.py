"""No models of its own: failed logins and lockouts are django-axes' (AccessAttempt, AccessLog),
the second factors django-otp's (TOTPDevice, StaticDevice with the recovery codes)."""
