/** The config module's surface: the one place that reads the environment. */
export * from './config.js';
