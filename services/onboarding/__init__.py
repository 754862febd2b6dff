"""Onboarding records in the store: writing validated rows under the submit policy
(submit.py), the queued job (job.py) and running it now for the CLI (run_now.py), single and
bulk inserts for the API (service.py), backup/restore (backup.py) and reports (reports.py).
Reading and validating a file is pure and lives in processing/onboarding/."""
