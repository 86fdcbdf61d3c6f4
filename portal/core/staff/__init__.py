"""Staff accounts: password rules, throttled log-in with temporary lock-out (django-axes),
two-factor authentication (django-otp, TOTP with recovery codes), an idle timeout, and every
log-in, failure and lock-out in the audit log."""
