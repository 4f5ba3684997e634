"""The downtime drill: practise an outage with the real screen, LED and button, marked DRILL, kept apart
from the real downtime log, and recorded for the practice's HIPAA file (contingency-plan testing)."""
