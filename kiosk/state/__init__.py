"""The contract between the watch daemon and the screen: the typed state document (`document`) and the
one way it is written and read (`file`). Pure apart from `file`, which does only local file I/O."""
