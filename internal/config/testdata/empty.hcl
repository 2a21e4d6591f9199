# No environments yet.
