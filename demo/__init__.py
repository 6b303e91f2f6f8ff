"""Demo data for `manage.py load_demo`.

`seed_data` holds the facts of the office's news items and newsletter as plain Python
data (copied into the repository: nothing here reads the seed documents at run time),
`loader` builds rows from them through the services, `synthetic` adds bulk data for
load tests and `files` makes the placeholder files of the publications.
"""
