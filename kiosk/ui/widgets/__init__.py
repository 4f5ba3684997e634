"""Kivy widgets of the wall screen (imported only after `kiosk.ui.kivy_env.prepare()`)."""
