"""The built-in demo: a pretend ICANotes world on 127.0.0.1, so the appliance can be shown
(and developed) without waiting for a real outage."""
