"""behave hooks for MM-T940: hooks only; everything they do lives in mattermost_suite.lifecycle.hooks."""

from mattermost_suite.lifecycle import hooks


def before_all(context):
    hooks.before_all(context)


def before_feature(context, feature):
    hooks.before_feature(context, feature)


def before_scenario(context, scenario):
    hooks.before_scenario(context, scenario)


def after_scenario(context, scenario):
    hooks.after_scenario(context, scenario)


def after_step(context, step):
    hooks.after_step(context, step)


def after_all(context):
    hooks.after_all(context)
