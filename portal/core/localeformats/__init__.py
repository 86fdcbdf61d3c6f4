"""Django format files of our own (settings.FORMAT_MODULE_PATH), ahead of Django's."""
