"""The status LED: a pure pattern table (what to show for each level) and a gpiozero adapter."""
