"""Tunables of the portal's features (news listings, visit statistics, read-aloud, citizen
petitions), each from the environment with its default; imported by base.py."""

from .env import env_bool, env_int, env_str

PORTAL_ARTICLES_PER_PAGE = 10
PORTAL_OTHER_ARTICLES = 6
# A reload of the same article by the same browser within this many seconds is one visit.
PORTAL_VIEW_DEDUP_SECONDS = env_int("VIEW_COUNT_DEDUP_SECONDS", 300)
# How many reverse proxies (nginx: 1) add the client address to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXIES", 0)
# Visit statistics: hits are buffered (in Redis when REDIS_URL is set, else in each process's
# memory) and written to the database every VISITS_FLUSH_SECONDS; 0 = only when asked (tests).
VISITS_FLUSH_SECONDS = env_int("VISITS_FLUSH_SECONDS", 60)
# A visitor seen within this many seconds is "online now" (Đang truy cập).
VISITS_ONLINE_SECONDS = env_int("VISITS_ONLINE_SECONDS", 300)

# Read-aloud ("Đọc bài viết"). The engine and voice can be changed in the admin among these;
# programs, service addresses and keys are only set here (see docs/read-aloud.md).
SPEECH_ENGINE = env_str("SPEECH_ENGINE", "espeak")  # espeak | command | http
SPEECH_VOICE = env_str("SPEECH_VOICE", "")
SPEECH_ESPEAK_BINARY = env_str("SPEECH_ESPEAK_BINARY", "espeak-ng")
SPEECH_COMMAND = env_str("SPEECH_COMMAND", "")  # e.g. "piper --model /opt/vi.onnx --output_file {output}"
SPEECH_HTTP_URL = env_str("SPEECH_HTTP_URL", "")
SPEECH_HTTP_KEY = env_str("SPEECH_HTTP_KEY", "")
# Record each article when it is published or revised (a background task).
READ_ALOUD_ON_PUBLISH = env_bool("READ_ALOUD_ON_PUBLISH", True)

# Citizen petitions (PAKN): successful submissions allowed per client address per hour and per
# phone number / e-mail address per day.
FEEDBACK_LIMIT_PER_IP_HOUR = env_int("FEEDBACK_LIMIT_PER_IP_HOUR", 10)
FEEDBACK_LIMIT_PER_CONTACT_DAY = env_int("FEEDBACK_LIMIT_PER_CONTACT_DAY", 5)
# Legal deadlines of petitions, in working days (portal.core.calendar).
FEEDBACK_CLASSIFY_DAYS = env_int("FEEDBACK_CLASSIFY_DAYS", 5)
FEEDBACK_ANSWER_DAYS = env_int("FEEDBACK_ANSWER_DAYS", 10)
# One extension of the answer deadline, with a reason, by this many working days.
FEEDBACK_EXTENSION_DAYS = env_int("FEEDBACK_EXTENSION_DAYS", 10)
# Attempts (sent, refused or rate limited) from one address within an hour after which the
# form asks a question only a person answers easily (self-hosted, no third-party captcha).
FEEDBACK_CHALLENGE_AFTER = env_int("FEEDBACK_CHALLENGE_AFTER", 3)
# Closed petitions keep the citizen's personal data this many days, then petition_purge
# removes it (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 3 and Điều 14 khoản 1).
FEEDBACK_RETENTION_DAYS = env_int("FEEDBACK_RETENTION_DAYS", 5 * 365)
# Comments on award nominees keep the optional name and contact this many days after the
# comments close (the council's review, then complaints about its decision), then
# awards_comment_purge removes them (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 3, Điều 14).
AWARDS_COMMENT_RETENTION_DAYS = env_int("AWARDS_COMMENT_RETENTION_DAYS", 365)
# Attempts from one address within an hour past which the form and the API answer 429.
FEEDBACK_ATTEMPTS_PER_IP_HOUR = env_int("FEEDBACK_ATTEMPTS_PER_IP_HOUR", 30)
# Tracking lookups (code + key or contact): per address and hour, failures (from one address
# or on one code) after which the question is asked, failures on one code per hour then 429.
FEEDBACK_LOOKUPS_PER_IP_HOUR = env_int("FEEDBACK_LOOKUPS_PER_IP_HOUR", 60)
FEEDBACK_LOOKUP_QUESTION_AFTER = env_int("FEEDBACK_LOOKUP_QUESTION_AFTER", 5)
FEEDBACK_LOOKUP_FAILURES_PER_CODE_HOUR = env_int("FEEDBACK_LOOKUP_FAILURES_PER_CODE_HOUR", 20)
# How long a request key (Idempotency-Key header, a form's token) replays its first result.
IDEMPOTENCY_KEY_HOURS = env_int("IDEMPOTENCY_KEY_HOURS", 24)
# Attachments of a petition: how many, and the size of each in megabytes.
FEEDBACK_MAX_FILES = env_int("FEEDBACK_MAX_FILES", 5)
FEEDBACK_MAX_FILE_MB = env_int("FEEDBACK_MAX_FILE_MB", 10)
# Virus scanner for attachments, reading the file on standard input (exit 0 clean, 1 infected),
# e.g. "clamdscan --no-summary -"; empty: no scan.
FEEDBACK_SCAN_COMMAND = env_str("FEEDBACK_SCAN_COMMAND", "")
FEEDBACK_SCAN_TIMEOUT = env_int("FEEDBACK_SCAN_TIMEOUT", 30)
