"""The Raspberry Pi's GPIO seen by the appliance: pin names checked without hardware (`pins`), and gpiozero's
pin factory opened once, explicitly (`factory`, the only module here that imports gpiozero)."""
