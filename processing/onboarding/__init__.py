"""Onboarding business records (customers, projects, HR tables) from CSV and Excel.

registry.py declares the models; detect.py finds which one a file holds; parse.py turns a
file into rows; coerce.py and validation.py check them; submit.py writes them under the
submit policy; job.py runs that as a queued job. docs/onboarding.md has the whole picture.
"""
