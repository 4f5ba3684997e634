"""After a downtime: which windows need a catch-up sheet, who acknowledged it, when it was printed."""
