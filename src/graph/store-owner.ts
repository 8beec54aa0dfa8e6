/**
 * Whether a Neo4j answering on the embedded Neo4j's Bolt port serves this DATA_DIR's store: the Launcher keeps a
 * `(:StoreOwner {token})` node in the store and the same token in `<DATA_DIR>/neo4j/store-owner.token`. A Neo4j of
 * someone else (another user's platform on a shared machine, another DATA_DIR) has another token, or none.
 *
 * @example
 *   await assertStoreIsOurs(driver, '/srv/.data', uri)   // throws StoreNotOursError (NEO4J_STORE_NOT_OURS) when not
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StoreNotOursError } from '../errors/index.js';
import type { GraphDriver } from './driver.js';

export function storeOwnerTokenPath(dataDir: string): string {
  return path.join(dataDir, 'neo4j', 'store-owner.token');
}

export async function assertStoreIsOurs(driver: GraphDriver, dataDir: string, uri: string): Promise<void> {
  let ours: string | null = null;
  try {
    ours = readFileSync(storeOwnerTokenPath(dataDir), 'utf8').trim() || null;
  } catch {
    ours = null; // this DATA_DIR's store was never started: whatever answers is not it
  }
  const rows = await driver.read('store-owner');
  const theirs = (rows[0]?.get('token') as string | null | undefined) ?? null;
  if (ours === null || theirs !== ours) throw new StoreNotOursError(uri, path.join(dataDir, 'neo4j'));
}
