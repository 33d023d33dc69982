"""Helpers the course's extensions share: no ``setup()`` here, nothing registered with Sphinx."""
