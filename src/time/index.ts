/** Time module: Chinese clinical time expressions, entity–time links and calendar resolution (pure functions). */
export { analyseTime, type AnalyseTimeInput, type AnalyseTimeResult } from './analyse-time.js';
