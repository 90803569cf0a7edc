"""One error hierarchy; ``cli.py`` is the one place that maps these to exit code 2."""

from __future__ import annotations


class JdlintError(Exception):
    """Base of every error jdlint reports to the user as a one-line message."""


class ConfigError(JdlintError):
    """A configuration file or option is invalid (names the file and the key)."""


class RuleDefinitionError(JdlintError):
    """A rule file or a rule plugin is broken (names the file, key and line, or the package)."""


class UsageError(JdlintError):
    """The command line asks for something impossible (an unknown rule, a missing path...)."""


class InputError(JdlintError):
    """One input file cannot be read; the other files are still checked."""


class RunError(JdlintError):
    """The run itself cannot go on (worker processes cannot start); exit code 2."""
