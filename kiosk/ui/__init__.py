"""The wall screen: a Kivy app that shows the watch daemon's state file to people under stress.

Pure modules (no Kivy import): `settings`, `levels`, `pin`, `night`, `state_file`, `status_view`,
`info_view`, `clock_text`. Kivy lives in `widgets/`, `screens/`, `root` and `app`, which import Kivy
only after `kivy_env.prepare()` has set its environment.
"""
