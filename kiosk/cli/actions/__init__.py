"""What each `downtime-kiosk` subcommand does, one module per command, imported only when that command runs."""
