/** Public surface of the graph layer. Nothing outside `src/graph` imports its internals. */
export { openGraph, type Graph, type OpenGraphOptions } from './open-graph.js';
export { GraphDriver, cypherInt, type GeneratedRunOptions, type GraphDriverOptions, type GraphRecord, type GraphTx, type Params } from './driver.js';
export { QUERY_NAMES, type QueryName } from './cypher.js';
export { ReadRepository } from './read.repo.js';
export { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedNeo4jOptions } from './embedded-neo4j.js';
export { replaceExtraction, replaceExtractions, replaceExtractionOneByOne, clearExtraction, priorEvents } from './extraction.repo.js';
export { mentionId, timexId, eventTime, type RecordExtraction, type ModelStamp } from './extraction.rows.js';
export { conceptNodeId, normaliseSearchText, normaliseTermName, termId } from './term-id.js';
export { DEFAULT_TIMELINE_ASSERTIONS, DEFAULT_TIMELINE_SUBJECTS } from './read.repo.js';
export type * from './graph.types.js';
export { storedRecords, type StoredRecordQuery } from './stored-records.repo.js';
