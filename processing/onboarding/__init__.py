"""Onboarding business records (customers, projects, HR tables) from CSV and Excel: the pure
part. registry.py declares the models; detect.py finds which one a file holds; parse.py
turns a file into rows; coerce.py and validation.py check them. Writing them to the store
(submit, the queued job, bulk inserts, backup, reports) is services/onboarding/.
docs/onboarding.md has the whole picture."""
