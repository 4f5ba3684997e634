"""The `downtime-kiosk` command line."""
