/**
 * Version of the cue lexicon and scope rules, for callers to store next to the results they keep, so results of an
 * older rule set can be found and re-run. Bump it whenever a detection can change. Example: '1.0.0'.
 */
export const ASSERTION_RULES_VERSION = '1.0.0';
