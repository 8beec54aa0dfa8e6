/** `npm run schema:print`: writes `schema/schema.graphql` from the code. */
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { printApiSchema } from './schema.js';

const target = path.resolve(process.argv[2] ?? 'schema/schema.graphql');
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, await printApiSchema());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
