"""RSO Portal settings.

One module for every environment: production differs from a laptop only in
environment values (see README, "Configuration"). Defaults are the safe ones;
`make run` turns DEBUG on explicitly.
"""

import datetime as dt
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    # A silent fallback key would sign sessions and password-reset links with a
    # value anyone can read in the source, so production must refuse to start.
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
        "(make run does this for local development)."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # django.contrib.admin, with the portal's admin site (core/admin_site.py).
    "core.admin_apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    # For its index operator classes (participants' trigram search indexes); its
    # PostgreSQL features stay unused on SQLite.
    "django.contrib.postgres",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    # Ours, in the order they may import each other (README, "Layout"; make lint).
    "core",
    "notifications",
    "workshops",
    "participants",
    "training",
    "surveys",
    "publications",
    "reports",
    "public",
    "trainer",
    "demo",
]

MIDDLEWARE = [
    # First: what the others read of the client (address, scheme) must be true.
    "core.middleware.TrustedProxyMiddleware",
    "core.middleware.HeadWithoutBodyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # `/` in the visitor's language (public/language.py); before the page cache.
    "public.language.HomeLanguageMiddleware",
    # Early, so a page served from the cache skips everything below it.
    "public.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: the language comes from the URL prefix
    # (/id/, /ms/, /vi/, /th/; English has none).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into our page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rso_portal.urls"
WSGI_APPLICATION = "rso_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.office",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# No JIT compilation: PostgreSQL compiles any statement it costs above 100,000,
# and the reports' aggregations over every registration spent 0.3-1.2 s compiling
# to run in about as long (bench/reports.py, EXPLAIN ANALYZE); the portal has no
# statement long enough to win it back. Sent as a startup option, which PgBouncer
# refuses unless told to ignore it: behind one, set DATABASE_STARTUP_OPTIONS empty
# and turn jit off in the server's configuration instead.
DATABASE_STARTUP_OPTIONS = env.str("DATABASE_STARTUP_OPTIONS", default="-c jit=off")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and DATABASE_STARTUP_OPTIONS:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = DATABASE_STARTUP_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The reports' covering index (participants.Registration) is for PostgreSQL; SQLite
# (`make run`) builds it without its INCLUDE columns, which loses nothing there.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

REDIS_URL = env.str("REDIS_URL", default="")
# A Redis that accepts connections and never answers must cost a page a fraction of a
# second, not the 5-10 s of the operating system's timeouts.
REDIS_CACHE_OPTIONS = {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
if env.str("CACHE_URL", default=""):
    # Overrides the cache alone, e.g. dummycache:// to measure pages uncached.
    CACHES = {"default": env.cache_url("CACHE_URL")}
elif REDIS_URL:
    # django-redis rather than Django's own backend: it keeps one redis client per
    # server, where Django's builds one per cache call, and redis-py 8 copies its table
    # of response callbacks into each (a sixth of the time of a page served from the
    # cache).
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["default"].setdefault("KEY_PREFIX", env.str("CACHE_KEY_PREFIX", default="rso"))
# Whole public pages from the cache (public/cache.py). Off, every page is rendered
# while the smaller cached reads (figures, years) still work: what a page costs on a
# miss, as bench/public_pages.py measures it.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
# How long a worker trusts the content generation it read, serving the pages it
# keeps in memory without asking Redis: a write in another worker shows there that
# much later. 0: always ask Redis.
PAGE_CACHE_LOCAL_SECONDS = env.float("PAGE_CACHE_LOCAL_SECONDS", default=1.0)

# Argon2 first: new and upgraded hashes use it; the others only verify old hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The trainers' login; staff log in at /admin/, whose views send them to the admin's own.
LOGIN_URL = "trainer:login"
LOGIN_REDIRECT_URL = "trainer:home"

# Login throttling (django-axes), for every login the portal has (the admin's and
# the trainers'): after 5 wrong passwords, signing in to that account, or from that
# address, pauses for 15 minutes. The address is REMOTE_ADDR as
# TrustedProxyMiddleware sets it, so a forged X-Forwarded-For changes nothing.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.middleware.client_address"
AXES_LOCKOUT_CALLABLE = "core.views.login_locked_out"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("id", "Bahasa Indonesia"),
    ("ms", "Bahasa Melayu"),
    ("vi", "Tiếng Việt"),
    ("th", "ไทย"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The visitor's choice of language (public/language.py) is kept for a year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Bangkok")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploads go through Django's storage API only, so another backend is configuration:
# e.g. S3-compatible storage with django-storages (README, "Uploads").
STORAGES = {
    "default": {
        "BACKEND": env.str(
            "MEDIA_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": env.json("MEDIA_STORAGE_OPTIONS", default={}),
    },
    # Hashed, compressed names need collectstatic; under DEBUG runserver serves
    # the source files directly, so no build step is needed for `make run`.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The largest file staff may upload (core.uploads checks it, with the file's type).
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_MB", default=50) * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: console by default so a laptop never sends real mail.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# A mail server that accepts the connection and never answers must not hold a
# worker (or a request) for ever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="RSO Portal <no-reply@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Staff who receive the public contact form's training requests (comma-separated).
CONTACT_EMAILS = env.list("CONTACT_EMAILS", default=["training@localhost"])
# The office's public address, printed on the site (contact page, footer, how to take
# part in an event); by default the first of CONTACT_EMAILS.
OFFICE_EMAIL = env.str("OFFICE_EMAIL", default=CONTACT_EMAILS[0])
# The office's look: a logo (a path under static/ or an https URL) and its colours
# (hex), served as CSS variables by /theme.css (public.views.home.theme_css).
OFFICE_LOGO = env.str("OFFICE_LOGO", default="favicon.svg")
OFFICE_COLOURS = {
    "primary": env.str("OFFICE_PRIMARY_COLOUR", default="#0b3d91"),
    "accent": env.str("OFFICE_ACCENT_COLOUR", default="#c8102e"),
}
# The portal's public address, for links in emails (sent without a request to read it from).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Where participants' replies to the portal's emails go (they are sent from
# DEFAULT_FROM_EMAIL, often a no-reply address); the emails name it as the contact.
NOTIFICATIONS_REPLY_TO = env.list("REPLY_TO_EMAILS", default=CONTACT_EMAILS)

# The email outbox (notifications/services.py). Emails sent over one SMTP connection
# per batch; a claim older than the lease belongs to a sender that died and is taken
# back by the sweep, so the lease must exceed CELERY_TASK_TIME_LIMIT (a live sender
# never holds a row longer). A failed try waits RETRY_DELAY·2^(n-1) seconds; after
# MAX_ATTEMPTS tries the email is failed and staff see it in the admin.
NOTIFICATIONS_BATCH_SIZE = env.int("NOTIFICATIONS_BATCH_SIZE", default=100)
NOTIFICATIONS_LEASE = env.int("NOTIFICATIONS_LEASE", default=300)
NOTIFICATIONS_MAX_ATTEMPTS = env.int("NOTIFICATIONS_MAX_ATTEMPTS", default=8)
NOTIFICATIONS_RETRY_DELAY = env.int("NOTIFICATIONS_RETRY_DELAY", default=60)
# A sweep starts no batch after this many seconds; it goes on in a new task.
NOTIFICATIONS_SWEEP_SECONDS = env.int("NOTIFICATIONS_SWEEP_SECONDS", default=40)

# Security. HTTPS is the default whenever DEBUG is off; SECURE_SSL_REDIRECT=false
# is for a plain-HTTP run on loopback (a benchmark), where secure cookies would
# never come back and logging in would be impossible.
HTTPS = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
# Believed only from TRUSTED_PROXIES (core.middleware.TrustedProxyMiddleware drops
# the header from anyone else). Loopback is the container's own health probe.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# No 'unsafe-inline' anywhere: templates pass data through data-* attributes or
# json_script, and every asset is served from our own origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Browser features no page of ours uses, denied to every page and frame.
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "camera",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
    "interest-cohort",
]

# Celery. Without a broker the tasks run in-process, so a laptop needs no Redis.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_SERIALIZER = "json"
# Late acks plus idempotent tasks: a worker that dies mid-task leaves the
# message on the queue instead of losing an email.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# The queue tasks go to and workers consume by default (several portals, or a test run,
# can share one Redis by each using their own).
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# Periodic work (reminders, survey invitations) is added here by the apps that own it.
CELERY_BEAT_SCHEDULE: dict = {
    # Sends every due email (reminders fall due with time) and takes back emails
    # whose sender died: what makes the outbox lose nothing.
    "send-due-notifications": {
        "task": "notifications.tasks.task_send_due_notifications",
        "schedule": 60.0,
    },
    # Makes the survey invitations that have fallen due (a workshop's evaluation the
    # evening of its last day, its impact survey 90 days later), each once.
    "open-due-surveys": {
        "task": "surveys.tasks.task_open_due_surveys",
        "schedule": 15 * 60.0,
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {
        "client_error": {"()": "core.logging.ClientErrorFilter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "client_errors": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["client_error"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Request errors can carry POST bodies with personal data; the admins'
        # email handler is left out on purpose and errors go to the console only.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.security.DisallowedHost": {
            "handlers": ["client_errors"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
