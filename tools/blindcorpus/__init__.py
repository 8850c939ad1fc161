"""A second corpus for ringtrace, written blind (see README.md in this folder)."""
