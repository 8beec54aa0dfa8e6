/** Entry of the viewer page (web/index.html). */
import { render } from 'preact';
import { App } from './app.js';
import { createGraphQLClient } from './graphql-client.js';
import './viewer.css';

render(<App api={createGraphQLClient(location)} />, document.getElementById('app')!);
