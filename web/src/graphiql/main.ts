/**
 * GraphiQL for the platform, bundled (no CDN): schema docs from introspection, history, one tab per example operation,
 * queries and mutations over HTTP, subscriptions over graphql-ws on the same `/graphql`. Served for browser
 * requests to `GET /graphql` (src/web-assets.ts). Written without JSX: the viewer's JSX is Preact's, GraphiQL is React.
 */
import 'graphiql/setup-workers/vite'; // Monaco's editor, JSON and GraphQL workers, as bundled files (no blob: or CDN)
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createClient } from 'graphql-ws';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import examples from '../../../examples/queries.graphql?raw';
import records from '../../../examples/records.jsonl?raw';
import { exampleTabs, firstPatientRecords } from './example-tabs.js';

const url = `${location.protocol}//${location.host}/graphql`;
const fetcher = createGraphiQLFetcher({
  url,
  wsClient: createClient({ url: url.replace(/^http/, 'ws'), lazy: true }),
  // Apollo answers plain JSON; multipart incremental delivery is off on this server.
  enableIncrementalDelivery: false,
});

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: exampleTabs(examples, firstPatientRecords(records)),
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
  }),
);
