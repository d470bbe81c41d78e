/**
 * The environment `ft_get_env` reads from. The real host reads the real process environment;
 * plugcheck never does (a run must be the same on every machine and must not hand a plugin the
 * tester's secrets), so the values come from this fixture. It holds the variables a terminal
 * extension plausibly asks for, plus a fake secret, so a denied read is told apart from a read of
 * a variable that is simply unset.
 */

/** Variable → value, as a terminal session under FrankenTerm would see them. */
export const FIXTURE_ENV: Readonly<Record<string, string>> = {
  TERM: 'xterm-256color',
  COLORTERM: 'truecolor',
  LANG: 'en_US.UTF-8',
  HOME: '/home/plugcheck',
  USER: 'plugcheck',
  SHELL: '/bin/sh',
  PATH: '/usr/local/bin:/usr/bin:/bin',
  FRANKENTERM_VERSION: '0.2.0',
  FRANKENTERM_CONFIG_DIR: '/home/plugcheck/.config/frankenterm',
  GITHUB_TOKEN: 'plugcheck-fixture-secret-not-a-real-token',
};
