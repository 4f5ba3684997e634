"""The four screens: Status (home), Print, Schedule (PIN), Info."""
