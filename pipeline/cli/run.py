"""Placeholder: replaced by the module that implements this command."""
