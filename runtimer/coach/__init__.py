"""Training rules from the notes: recovery progression and rest-day guidance.

Pure functions over plans and stored records; no clock, no database, no UI.
"""
