"""The main command group, which loads the command modules other than fazhi/cli.py only when a
command of theirs is asked for: `fazhi search` starts without document generation or spreadsheets."""

import importlib

from fazhi.chinese import ChineseGroup, localize

# Modules whose COMMANDS join the main group (each exposes COMMANDS = [...]).
COMMAND_MODULES = ("fazhi.cli_knowledge", "fazhi.cli_review", "fazhi.cli_generate", "fazhi.cli_penalty",
                   "fazhi.cli_reports", "fazhi.cli_study", "fazhi.cli_web", "fazhi.cli_config")


class LazyGroup(ChineseGroup):
    """The main group: the commands of COMMAND_MODULES are loaded on first need."""

    loaded = False

    def _load(self) -> None:
        if not self.loaded:
            self.loaded = True
            for name in COMMAND_MODULES:
                for command in importlib.import_module(name).COMMANDS:
                    self.add_command(command)
            localize(self)

    def get_command(self, ctx, cmd_name):
        """Return the command named `cmd_name`, loading the other command modules if needed."""
        if cmd_name not in self.commands:
            self._load()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx):
        """Return every command name (all command modules loaded)."""
        self._load()
        return super().list_commands(ctx)
