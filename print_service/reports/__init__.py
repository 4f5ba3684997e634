"""Documents filled in from what the kiosk recorded: the catch-up sheet after a downtime and the drill record.

Pure rendering to PDF bytes in memory (reportlab); what goes on them is passed in as plain data.
"""
