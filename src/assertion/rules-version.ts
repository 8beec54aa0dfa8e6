/**
 * Version of the cue lexicon and scope rules; stored with every result so a changed rule set can be told apart
 * (and re-run) later. Bump it whenever a detection can change.
 */
export const ASSERTION_RULES_VERSION = '1.0.0';
