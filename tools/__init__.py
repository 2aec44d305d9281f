"""The course's command-line tools (run each as ``python tools/<name>.py``; the tests import them
as ``tools.<name>``, the repository root being on pytest's ``pythonpath``)."""
