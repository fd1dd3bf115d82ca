"""The terminal UI. Screens own behaviour; widgets only display what they are given."""
