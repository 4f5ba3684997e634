"""The physical print button: press prints the downtime packet, hold prints tomorrow's schedule."""
