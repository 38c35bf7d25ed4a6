"""The newsroom (/presse/): numbered press releases, press coverage, press contacts, the
press kit with credits and usage terms, and the RSS/Atom feed of the releases.

Part of the campaign app (its models live in app_label "campaign"; campaign/models.py
re-exports them); kept in its own package because it is one feature with its own
models, views, feeds, PDF and demo content.
"""
