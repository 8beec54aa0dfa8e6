/** Time module: Chinese clinical time expressions, entity–time links and calendar resolution (pure functions). */
export { analyseTime, type AnalyseTimeInput, type AnalyseTimeResult } from './analyse-time.js';
export { resolveTimeline, type PriorEvent, type ResolveTimelineInput } from './resolve/resolve-timeline.js';
export * as timeEvaluation from './evaluate/index.js';
