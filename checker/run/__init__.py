"""Running a check over paths: config, path collection, gates, waivers, baseline, exit codes."""
