"""`gkassist web`: the drafting conversation in a browser on the office intranet, and the county office's page.

A front end beside the TUI and the headless chat: the domain never imports it.  `app` makes the Starlette
application, `conversation` is its one adapter to the dialogue engine, `accounts` and `sessions` are who may log
in, `office` the submissions, filing status and audit of the county office.
"""
