from ringtrace.cli import cli

cli(prog_name="ringtrace")
