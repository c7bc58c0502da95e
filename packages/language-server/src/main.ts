import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

// createConnection reads --stdio, --node-ipc or --socket from the command line.
startServer(createConnection(ProposedFeatures.all));
